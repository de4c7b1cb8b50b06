package org.gridwatch.redistrict;

import org.gridwatch.problem.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.BuildingView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.area.HouseholdBand;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The preview of an edit (reshape, split, merge), before anything is saved: every area it touches before and
 * after (area, households, residents, compactness, deviation from the ideal size), the buildings that change
 * hands, what else moves (open cases, cameras, route lengths, staff and workload: {@link Impact}), warnings, and
 * the new outlines for a diff view. A refused edit is a 422 problem naming the field and the place.
 */
@Service
public class EditPreview {
  private final EditSupport edits;
  private final Impact impact;
  /** The household band per community (gridwatch.grids.*): a grid's ideal size. */
  private final DistrictProfile district;
  private final EditWarnings warnings;

  EditPreview(EditSupport edits, Impact impact, DistrictProfile district, EditWarnings warnings) {
    this.edits = edits;
    this.impact = impact;
    this.district = district;
    this.warnings = warnings;
  }

  /** One touched area: {@code before} is null for an area that would be created, {@code after} for one retired. */
  public record Touched(String code, Shape before, Shape after, double idealHouseholds, MultiPolygon outline) {}

  public record Moving(String building, String from, String to, int households) {}

  /** {@code below}: the edits of the levels below that a community or subdistrict reshape makes ({@link Cascade}). */
  public record Preview(Edit edit, List<Edit> below, List<Touched> touched, List<Moving> moving, Impact.Report impact,
      List<EditWarning> warnings) {
    /** Every area the edit touches at any level. */
    Set<String> touchedCodes() {
      Set<String> out = new LinkedHashSet<>(edit.before().keySet());
      below.forEach(e -> out.addAll(e.before().keySet()));
      return out;
    }
  }

  @Transactional(readOnly = true)
  public Preview reshape(String code, Geometry outline) {
    AreaCatalog.Snapshot s = edits.catalog.now();
    AreaView area = edits.area(code);
    if (area.level() == AreaLevel.DISTRICT) throw ProblemException.badInput("code", Text.of("redistrict.district-itself-cannot-reshaped"));
    AreaView parent = s.find(area.parentCode()).orElseThrow();
    Map<String, Geometry> siblings = siblingsOf(parent.code());
    Map<String, Geometry> children = new LinkedHashMap<>();
    for (AreaView c : s.children(parent.code())) children.put(c.code(), siblings.get(c.code()));
    Reshape.Result r = Reshape.apply(parent.boundary(), children, code, outline, edits.minPieceM2);
    if (!r.ok()) throw refused(parent.code(), r);
    return of(Edit.reshape(code, parent.code(), area.level(), siblings, r.after()));
  }

  @Transactional(readOnly = true)
  public Preview split(String code, Split.Cut cut) {
    AreaView area = edits.area(code);
    return restructured(Split.plan(area, siblingsOf(area.parentCode()), childrenOf(code), cut, edits.minPieceM2));
  }

  @Transactional(readOnly = true)
  public Preview merge(List<String> codes) {
    List<AreaView> areas = Merge.areas(codes, edits);
    return restructured(Merge.plan(areas, siblingsOf(areas.get(0).parentCode())));
  }

  private Map<String, Geometry> siblingsOf(String parentCode) {
    Map<String, Geometry> out = new LinkedHashMap<>();
    for (AreaView c : edits.catalog.now().children(parentCode)) out.put(c.code(), c.boundary());
    return edits.withNeighbours(parentCode, out);
  }

  /** The preview of an edit worked out elsewhere (a re-tiling). */
  @Transactional(readOnly = true)
  Preview of(Edit edit) { return of(edit, cascade(edit)); }

  /** The preview of an edit and of what it makes the levels below it do ({@link Cascade}). */
  private Preview of(Edit edit, List<Edit> below) {
    List<Touched> touched = new ArrayList<>();
    List<Moving> moving = new ArrayList<>();
    List<EditWarning> warned = new ArrayList<>();
    Impact.Report report = Impact.Report.NONE;
    List<Edit> all = new ArrayList<>(List.of(edit));
    all.addAll(below);
    for (Edit e : all) {
      AreaCatalog.Snapshot s = edits.catalog.now();
      List<BuildingView> inGround = buildingsIn(s, e.ground());
      // A parent made by this very edit (areas re-created under a new community) is not in the catalog yet.
      int childrenAfter = s.children(e.parentCode()).size() + e.created().size() - e.retired().size();
      int parentHouseholds = s.find(e.parentCode()).map(AreaView::households)
          .orElseGet(() -> inGround.stream().mapToInt(BuildingView::households).sum());
      // Grids are measured against their community's band (an edit of grids has the community as its parent).
      HouseholdBand band = district.householdBand(e.parentCode());
      double ideal = e.level() == AreaLevel.GRID ? band.ideal() : (double) parentHouseholds / Math.max(1, childrenAfter);
      Set<String> codes = new LinkedHashSet<>(e.before().keySet());
      codes.addAll(e.after().keySet());
      List<Touched> mine = new ArrayList<>();
      for (String c : codes) {
        Geometry before = e.before().get(c);
        MultiPolygon after = e.after().get(c);
        mine.add(new Touched(c, before == null ? null : Shape.of(before, inGround), after == null ? null : Shape.of(after, inGround),
            ideal, after));
      }
      touched.addAll(mine);
      warned.addAll(warnings.of(e, inGround));
      if (e.level() == AreaLevel.GRID) {
        var was = e.placeBefore();
        var will = e.placeAfter();
        moving.addAll(moving(inGround, was, will));
        report = report.and(impact.of(e, was, will));
      }
    }
    return new Preview(edit, below, touched, moving, report, warned);
  }

  /** A split or merge with, above grid level, what is inside re-created under the new areas. */
  private Preview restructured(Edit edit) {
    return of(edit, Cascade.recode(edit, this::childrenOf, (parent, n) -> edits.boundaries.nextCodes(parent, Cascade.digitsUnder(parent), n)));
  }

  /** The levels below a community or subdistrict reshape, made to follow it; 422 when they cannot. */
  private List<Edit> cascade(Edit edit) {
    if (edit.level() == AreaLevel.GRID) return List.of();
    Cascade.Result c = Cascade.below(edit, this::childrenOf, edits::withNeighbours, edits.minPieceM2);
    if (!c.refusals().isEmpty()) throw refused(edit.parentCode(), new Reshape.Result(Map.of(), c.refusals()));
    return c.edits();
  }

  private Map<String, Geometry> childrenOf(String code) {
    Map<String, Geometry> out = new LinkedHashMap<>();
    for (AreaView c : edits.catalog.now().children(code)) out.put(c.code(), c.boundary());
    return out;
  }

  /** 422 naming every refusal and where it is. */
  static ProblemException refused(String parentCode, Reshape.Result r) {
    List<FieldError> errors = r.refusals().stream().map(x -> new FieldError(x.field(), x.message())).toList();
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "edit-refused", "Edit refused",
        Text.of("redistrict.parent-x-would-not-stay", parentCode), errors);
  }

  private static List<BuildingView> buildingsIn(AreaCatalog.Snapshot s, Geometry ground) {
    var inside = PreparedGeometryFactory.prepare(ground);
    return s.buildings().stream().filter(b -> inside.covers(b.location())).toList();
  }

  /** Buildings whose area changes, placed before and after by the locator's own rule. */
  private static List<Moving> moving(List<BuildingView> buildings, java.util.function.Function<org.locationtech.jts.geom.Point, String> was,
      java.util.function.Function<org.locationtech.jts.geom.Point, String> will) {
    List<Moving> out = new ArrayList<>();
    for (BuildingView b : buildings) {
      String from = was.apply(b.location()), to = will.apply(b.location());
      if (from != null && to != null && !from.equals(to)) out.add(new Moving(b.code(), from, to, b.households()));
    }
    return out;
  }

  /** The JSON answer. */
  public static Map<String, Object> view(Preview p, tools.jackson.databind.json.JsonMapper json) {
    List<Map<String, Object>> touched = new ArrayList<>();
    for (Touched t : p.touched()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", t.code());
      m.put("before", t.before() == null ? null : t.before().figures());
      m.put("after", t.after() == null ? null : t.after().figures());
      m.put("idealHouseholds", t.idealHouseholds());
      m.put("deviation", t.after() == null ? null
          : Math.round((t.after().households() - t.idealHouseholds()) / t.idealHouseholds() * 1000) / 1000.0);
      m.put("outline", t.outline() == null ? null : json.readTree(GeoJson.toJson(t.outline())));
      touched.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", p.edit().kind());
    out.put("code", p.edit().code());
    out.put("parent", p.edit().parentCode());
    out.put("touched", touched);
    out.put("created", p.edit().created());
    out.put("retired", p.edit().retired());
    out.put("moving", p.moving());
    out.put("cases", p.impact().cases());
    out.put("cameras", p.impact().cameras());
    out.put("routes", p.impact().routes());
    out.put("staff", p.impact().staff());
    out.put("warnings", p.warnings());
    return out;
  }
}
