package org.gridwatch.area;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.area.HierarchyData.AreaFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The rules a whole hierarchy must keep before any of it is stored, each broken rule named by the feature that
 * breaks it (its position in the list): one district with a GB/T 2260 county-level code; subdistrict, community and
 * grid codes of 9, 12 and 15 digits, each starting with its parent's code; no code twice; every parent one level
 * up and in the hierarchy; valid polygonal outlines; and every level tiling its parent ({@link TilingCheck}),
 * overlaps, gaps and overhangs named with their place. Tiling is checked under every parent whose own outline and
 * children are otherwise sound, so one bad code does not hide a gap elsewhere.
 */
final class HierarchyCheck {
  /** The first two digits of GB/T 2260 codes: the provinces, autonomous regions, municipalities, Taiwan, Hong Kong, Macau. */
  private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
      "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71",
      "81", "82");

  /**
   * A broken rule: the feature's position (-1 for the file), the part of it at fault ("properties.code", "geometry",
   * or "" for all of it), and why.
   */
  record Finding(int index, String part, HierarchyText text, List<Object> args) {
    String reason(boolean chinese) { return text.format(chinese, args.toArray()); }
  }

  private HierarchyCheck() {}

  static List<Finding> check(List<AreaFeature> areas) {
    List<Finding> out = new ArrayList<>();
    Set<Integer> unsound = new java.util.HashSet<>();
    Map<String, Integer> byCode = new LinkedHashMap<>();
    int districts = 0;
    for (int i = 0; i < areas.size(); i++) {
      AreaFeature f = areas.get(i);
      Integer first = byCode.putIfAbsent(f.code(), i);
      if (first != null) out.add(bad(unsound, i, "properties.code", HierarchyText.DUPLICATE, f.code(), first));
      if (f.code().length() != f.level().codeLength() || !f.code().chars().allMatch(Character::isDigit)) {
        out.add(bad(unsound, i, "properties.code", HierarchyText.CODE_LENGTH, f.code(), f.level(), f.level().codeLength()));
      } else if (f.level() == AreaLevel.DISTRICT && !county(f.code())) {
        out.add(bad(unsound, i, "properties.code", HierarchyText.DISTRICT_CODE, f.code()));
      }
      if (f.level() == AreaLevel.DISTRICT && ++districts > 1) {
        out.add(bad(unsound, i, "properties.level", HierarchyText.SECOND_DISTRICT, f.code(),
            areas.indexOf(areas.stream().filter(a -> a.level() == AreaLevel.DISTRICT).findFirst().orElseThrow())));
      }
      Finding outline = outline(i, f);
      if (outline != null) {
        unsound.add(i);
        out.add(outline);
      }
    }
    if (districts == 0) out.add(new Finding(-1, "", HierarchyText.NO_DISTRICT, List.of()));
    Map<String, Map<String, Geometry>> children = new LinkedHashMap<>();
    Map<String, Integer> parentIndex = new HashMap<>();
    for (int i = 0; i < areas.size(); i++) {
      AreaFeature f = areas.get(i);
      if (f.level() == AreaLevel.DISTRICT) continue;
      Integer p = f.parentCode() == null ? null : byCode.get(f.parentCode());
      AreaFeature parent = p == null ? null : areas.get(p);
      Finding why = parent == null ? new Finding(i, "properties.parent", HierarchyText.PARENT_MISSING, args(f.code(), f.parentCode()))
          : parent.level().child() != f.level() ? new Finding(i, "properties.parent", HierarchyText.PARENT_LEVEL,
              args(f.code(), parent.code(), parent.level(), AreaLevel.values()[f.level().ordinal() - 1]))
          : !f.code().startsWith(parent.code()) ? new Finding(i, "properties.parent", HierarchyText.PARENT_PREFIX, args(f.code(), parent.code()))
          : null;
      if (why != null) {
        unsound.add(i);
        out.add(why);
        if (p != null) unsound.add(p); // its parent would show a gap where it belongs
        continue;
      }
      parentIndex.put(parent.code(), p);
      children.computeIfAbsent(parent.code(), k -> new LinkedHashMap<>()).put(f.code(), f.boundary());
      if (unsound.contains(i)) unsound.add(p); // a parent with an unsound child is not checked for tiling
    }
    for (int i = 0; i < areas.size(); i++) {
      AreaFeature f = areas.get(i);
      if (f.level() != AreaLevel.GRID && !children.containsKey(f.code()) && !unsound.contains(i)) {
        HierarchyText.Plural children2 = new HierarchyText.Plural(f.level().child());
        out.add(new Finding(i, "", HierarchyText.NO_CHILDREN, args(f.code(), children2, f.level(), children2)));
      }
    }
    for (var e : children.entrySet()) {
      int p = parentIndex.get(e.getKey());
      if (unsound.contains(p)) continue;
      List<TilingCheck.Place> places = TilingCheck.locate(areas.get(p).boundary(), e.getValue());
      places.forEach(place -> out.add(describe(p, e.getKey(), place)));
      if (places.isEmpty()) { // many slivers, each under the tolerance, may still add up above it
        TilingCheck.check(Map.of(e.getKey(), areas.get(p).boundary()), Map.of(e.getKey(), List.copyOf(e.getValue().values())))
            .forEach(v -> out.add(new Finding(p, "", HierarchyText.SLIVERS, args(v.parentCode(), v.problem(), v.areaM2()))));
      }
    }
    out.sort(java.util.Comparator.comparingInt(Finding::index));
    return out;
  }

  private static Finding describe(int index, String code, TilingCheck.Place place) {
    return switch (place.problem()) {
      case OVERLAP -> new Finding(index, "", HierarchyText.OVERLAP, args(code, place.codes().get(0), place.codes().get(1),
          place.areaM2(), place.bbox()));
      case GAP -> new Finding(index, "", HierarchyText.GAP, args(code, place.areaM2(), place.bbox()));
      case OUTSIDE -> new Finding(index, "", HierarchyText.OUTSIDE, args(code, String.join(", ", place.codes()), place.areaM2(),
          place.bbox()));
    };
  }

  private static Finding bad(Set<Integer> unsound, int index, String part, HierarchyText text, Object... args) {
    unsound.add(index);
    return new Finding(index, part, text, args(args));
  }

  private static List<Object> args(Object... args) { return java.util.Arrays.asList(args); }

  private static boolean county(String code) { return PROVINCES.contains(code.substring(0, 2)) && !code.endsWith("00"); }

  /** Why an outline cannot be stored, or null when it can. */
  private static Finding outline(int index, AreaFeature f) {
    Geometry g = f.boundary();
    if (!(g instanceof Polygonal)) return new Finding(index, "geometry", HierarchyText.OUTLINE_TYPE, args(f.code(), g.getGeometryType()));
    if (g.isEmpty()) return new Finding(index, "geometry", HierarchyText.OUTLINE_EMPTY, args(f.code()));
    TopologyValidationError error = new IsValidOp(g).getValidationError();
    if (error == null) return null;
    return new Finding(index, "geometry", HierarchyText.OUTLINE_INVALID, args(f.code(), error.getMessage(),
        error.getCoordinate().x, error.getCoordinate().y));
  }
}
