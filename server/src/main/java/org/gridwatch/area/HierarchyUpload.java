package org.gridwatch.area;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gridwatch.area.HierarchyData.AreaFeature;
import org.gridwatch.geo.io.DeliveredFeature;
import org.gridwatch.geo.io.FeatureFile;
import org.gridwatch.geo.io.FeatureFileReader;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A district's own hierarchy, delivered as one file (GeoJSON, GeoPackage or zipped Shapefile in any accepted CRS,
 * see {@link DeliveredFiles}), imported into an EMPTY system: features with the properties {@code level}
 * (district, subdistrict, community, grid; or 区, 街道, 社区, 网格), {@code code}, {@code parent}, {@code name} and
 * optionally {@code name_en}. All of it is checked ({@link HierarchyCheck}) and every problem is named by its feature
 * ({@code features[i]...}, the reason starting with the feature's code, in English or Chinese). Nothing is stored
 * unless all of it is sound. The reader's refusals of the file itself ({@code crs}, {@code .prj}, {@code body}) are in
 * English only: the spatial kernel knows no reader.
 *
 * <p>{@code partial=true} is refused: a hierarchy cannot be stored in part, since a parent stored without one of its
 * children has a gap and the tiling every grid lookup relies on would not hold; fix the named features and send the
 * file again. On success the change is announced, so that the catalog and locator of every instance reload and the
 * district profile adopts the new district (its Gauss–Krüger zone measures from then on).
 */
@Service
public class HierarchyUpload {
  /** What an import or its dry run answers. {@code stored} counts areas stored, or that would be for a dry run. */
  public record Report(boolean dryRun, int stored, int refused, List<FieldError> errors, String district, String crs,
      LevelCounts levels) {}

  /** How many areas of each level. */
  public record LevelCounts(int districts, int subdistricts, int communities, int grids) {}

  private final HierarchyImport importer;
  private final Boundaries boundaries;
  private final DistrictProfile profile;
  private final JdbcTemplate jdbc;

  HierarchyUpload(HierarchyImport importer, Boundaries boundaries, DistrictProfile profile, JdbcTemplate jdbc) {
    this.importer = importer;
    this.boundaries = boundaries;
    this.profile = profile;
    this.jdbc = jdbc;
  }

  /** Checks the file and, unless {@code dryRun}, stores it; a refusal is a problem naming every bad feature. */
  public synchronized Report importFile(FeatureFileReader.Delivery delivery, boolean dryRun, boolean partial, boolean chinese) {
    if (partial) throw ProblemException.badInput("partial", HierarchyText.PARTIAL.format(chinese));
    refuseUnlessEmpty(chinese);
    FeatureFile file = DeliveredFiles.read(delivery);
    List<FieldError> errors = new ArrayList<>(DeliveredFiles.errors(file));
    List<AreaFeature> areas = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    for (DeliveredFeature f : file.features()) {
      AreaFeature a = area(f, errors, chinese);
      if (a != null) {
        areas.add(a);
        indexes.add(f.index());
      }
    }
    if (file.features().isEmpty() && errors.isEmpty()) throw ProblemException.badInput("features", HierarchyText.NO_FEATURES.format(chinese));
    areas.stream().filter(a -> a.level() == AreaLevel.DISTRICT).findFirst()
        .ifPresent(d -> profile.measureFor(d.code(), d.name(), d.boundary()));
    for (HierarchyCheck.Finding finding : HierarchyCheck.check(areas)) {
      String field = finding.index() < 0 ? "features" : "features[" + indexes.get(finding.index()) + "]"
          + (finding.part().isEmpty() ? "" : "." + finding.part());
      errors.add(new FieldError(field, finding.reason(chinese)));
    }
    int total = file.features().size() + file.errors().size();
    if (!errors.isEmpty()) throw refused(errors, total, dryRun, chinese);
    AreaFeature district = areas.stream().filter(a -> a.level() == AreaLevel.DISTRICT).findFirst().orElseThrow();
    Report report = new Report(dryRun, areas.size(), 0, List.of(), district.code(), file.crs().name(), counts(areas));
    if (dryRun) return report;
    Instant now = Instant.now();
    Set<String> codes = new HashSet<>();
    areas.forEach(a -> codes.add(a.code()));
    importer.store("areas-" + district.code() + "-" + now.getEpochSecond(), new HierarchyData(areas, List.of(), now),
        () -> boundaries.announce(codes, now));
    return report;
  }

  private void refuseUnlessEmpty(boolean chinese) {
    Integer n = jdbc.queryForObject("select count(*) from area", Integer.class);
    if (n != null && n > 0) {
      throw new ProblemException(HttpStatus.CONFLICT, "hierarchy-exists", HierarchyText.EXISTS_TITLE.format(chinese),
          HierarchyText.EXISTS.format(chinese, n), List.of(new FieldError("body", HierarchyText.NOT_EMPTY.format(chinese))));
    }
  }

  private static ProblemException refused(List<FieldError> errors, int total, boolean dryRun, boolean chinese) {
    Set<String> features = new HashSet<>();
    for (FieldError e : errors) features.add(e.field().replaceFirst("^(features\\[\\d+\\]).*", "$1"));
    List<FieldError> sorted = errors.stream().sorted(Comparator.comparing(FieldError::field, HierarchyUpload::byFeature)).toList();
    return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", chinese ? "输入无效" : "Invalid input",
        (dryRun ? HierarchyText.REFUSED_DRY_RUN : HierarchyText.REFUSED).format(chinese, features.size(), total), sorted);
  }

  /** One feature's level, code, parent and names, or null with its errors added. */
  private static AreaFeature area(DeliveredFeature f, List<FieldError> errors, boolean zh) {
    String code = f.text("code"), levelText = f.text("level"), name = f.text("name"), nameEn = f.text("name_en");
    String parent = f.text("parent");
    String at = f.field() + ".properties.", label = code == null ? "" : code + ": ";
    int before = errors.size();
    if (code == null) errors.add(new FieldError(at + "code", HierarchyText.CODE_REQUIRED.format(zh)));
    AreaLevel level = level(levelText);
    if (level == null) {
      errors.add(new FieldError(at + "level", HierarchyText.LEVEL_BAD.format(zh, label, levelText == null
          ? HierarchyText.LEVEL_MISSING.format(zh) : HierarchyText.LEVEL_UNKNOWN.format(zh, levelText))));
    }
    if (name == null) errors.add(new FieldError(at + "name", HierarchyText.NAME_REQUIRED.format(zh, label)));
    else if (name.length() > 100) errors.add(new FieldError(at + "name", HierarchyText.TOO_LONG.format(zh, label)));
    if (nameEn != null && nameEn.length() > 100) errors.add(new FieldError(at + "name_en", HierarchyText.TOO_LONG.format(zh, label)));
    if (errors.size() > before) return null;
    if (parent == null && level != AreaLevel.DISTRICT && code.length() > 6) parent = code.substring(0, code.length() - 3);
    return new AreaFeature(code, level, name, nameEn, level == AreaLevel.DISTRICT ? null : parent, null, false, f.geometry());
  }

  private static final Map<String, AreaLevel> LEVELS = Map.ofEntries(
      Map.entry("district", AreaLevel.DISTRICT), Map.entry("区", AreaLevel.DISTRICT), Map.entry("县", AreaLevel.DISTRICT),
      Map.entry("subdistrict", AreaLevel.SUBDISTRICT), Map.entry("街道", AreaLevel.SUBDISTRICT), Map.entry("乡镇", AreaLevel.SUBDISTRICT),
      Map.entry("community", AreaLevel.COMMUNITY), Map.entry("社区", AreaLevel.COMMUNITY), Map.entry("村", AreaLevel.COMMUNITY),
      Map.entry("grid", AreaLevel.GRID), Map.entry("网格", AreaLevel.GRID));

  private static AreaLevel level(String text) {
    if (text == null) return null;
    String t = text.strip().toLowerCase(Locale.ROOT);
    AreaLevel l = LEVELS.get(t);
    return l != null ? l : LEVELS.get(t.endsWith("ies") ? t.substring(0, t.length() - 3) + "y" : t.replaceFirst("s$", ""));
  }

  private static LevelCounts counts(List<AreaFeature> areas) {
    int[] n = new int[AreaLevel.values().length];
    areas.forEach(a -> n[a.level().ordinal()]++);
    return new LevelCounts(n[0], n[1], n[2], n[3]);
  }

  /** {@code features[2]...} before {@code features[10]...}; file-wide fields first. */
  private static int byFeature(String a, String b) {
    int c = Integer.compare(index(a), index(b));
    return c != 0 ? c : a.compareTo(b);
  }

  private static int index(String field) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^features\\[(\\d+)\\]").matcher(field);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }
}
