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

  /** A broken rule: the feature's position, the part of it at fault ("properties.code", "geometry", or "" for all of it), why. */
  record Finding(int index, String part, String reason) {}

  private HierarchyCheck() {}

  static List<Finding> check(List<AreaFeature> areas) {
    List<Finding> out = new ArrayList<>();
    Set<Integer> unsound = new java.util.HashSet<>();
    Map<String, Integer> byCode = new LinkedHashMap<>();
    int districts = 0;
    for (int i = 0; i < areas.size(); i++) {
      AreaFeature f = areas.get(i);
      Integer first = byCode.putIfAbsent(f.code(), i);
      if (first != null) out.add(bad(unsound, i, "properties.code", f.code() + ": the code is also features[" + first + "]'s"));
      if (f.code().length() != f.level().codeLength() || !f.code().chars().allMatch(Character::isDigit)) {
        out.add(bad(unsound, i, "properties.code", f.code() + ": a " + name(f.level()) + " code has " + f.level().codeLength() + " digits"));
      } else if (f.level() == AreaLevel.DISTRICT && !county(f.code())) {
        out.add(bad(unsound, i, "properties.code", f.code() + ": not a GB/T 2260 county-level code (province digits 11-82, "
            + "not ending in 00)"));
      }
      if (f.level() == AreaLevel.DISTRICT && ++districts > 1) {
        out.add(bad(unsound, i, "properties.level", f.code() + ": a file holds one district; features["
            + areas.indexOf(areas.stream().filter(a -> a.level() == AreaLevel.DISTRICT).findFirst().orElseThrow()) + "] is one already"));
      }
      String outline = outline(f.boundary());
      if (outline != null) out.add(bad(unsound, i, "geometry", f.code() + ": " + outline));
    }
    if (districts == 0) out.add(new Finding(-1, "", "no feature has level district: the file must hold the district itself"));
    Map<String, Map<String, Geometry>> children = new LinkedHashMap<>();
    Map<String, Integer> parentIndex = new HashMap<>();
    for (int i = 0; i < areas.size(); i++) {
      AreaFeature f = areas.get(i);
      if (f.level() == AreaLevel.DISTRICT) continue;
      Integer p = f.parentCode() == null ? null : byCode.get(f.parentCode());
      AreaFeature parent = p == null ? null : areas.get(p);
      String why = parent == null ? "its parent " + f.parentCode() + " is not in the file"
          : parent.level().child() != f.level() ? "its parent " + parent.code() + " is a " + name(parent.level()) + ", not a "
              + name(AreaLevel.values()[f.level().ordinal() - 1])
          : !f.code().startsWith(parent.code()) ? "the code does not start with its parent's code " + parent.code() : null;
      if (why != null) {
        out.add(bad(unsound, i, "properties.parent", f.code() + ": " + why));
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
        out.add(new Finding(i, "", f.code() + ": has no " + f.level().child().plural() + "; every " + name(f.level())
            + " is divided into " + f.level().child().plural()));
      }
    }
    for (var e : children.entrySet()) {
      int p = parentIndex.get(e.getKey());
      if (unsound.contains(p)) continue;
      for (TilingCheck.Place place : TilingCheck.locate(areas.get(p).boundary(), e.getValue())) {
        out.add(new Finding(p, "", e.getKey() + ": " + describe(place)));
      }
    }
    out.sort(java.util.Comparator.comparingInt(Finding::index));
    return out;
  }

  private static String describe(TilingCheck.Place place) {
    String m2 = String.format(java.util.Locale.ROOT, "%.1f m²", place.areaM2());
    return switch (place.problem()) {
      case OVERLAP -> place.codes().get(0) + " and " + place.codes().get(1) + " overlap by " + m2 + " within " + place.bbox();
      case GAP -> m2 + " is covered by none of its children, within " + place.bbox();
      case OUTSIDE -> (place.codes().isEmpty() ? "its children" : String.join(", ", place.codes())) + " reach " + m2
          + " outside it, within " + place.bbox();
    };
  }

  private static Finding bad(Set<Integer> unsound, int index, String part, String reason) {
    unsound.add(index);
    return new Finding(index, part, reason);
  }

  private static boolean county(String code) { return PROVINCES.contains(code.substring(0, 2)) && !code.endsWith("00"); }

  /** Why an outline cannot be stored, or null when it can. */
  private static String outline(Geometry g) {
    if (!(g instanceof Polygonal)) return "the outline is a " + g.getGeometryType() + "; areas are polygons or multipolygons";
    if (g.isEmpty()) return "the outline is empty";
    TopologyValidationError error = new IsValidOp(g).getValidationError();
    if (error == null) return null;
    return String.format(java.util.Locale.ROOT, "the outline is not a valid polygon: %s at [%.6f, %.6f]", error.getMessage(),
        error.getCoordinate().x, error.getCoordinate().y);
  }

  static String name(AreaLevel level) { return level.name().toLowerCase(java.util.Locale.ROOT); }
}
