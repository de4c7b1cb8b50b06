package org.gridwatch.redistrict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gridwatch.area.AreaLevel;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.overlayng.OverlayNG;

/**
 * A worked-out edit of one parent's children, before anything is stored: the touched areas as they are
 * ({@code before}) and as they would be ({@code after}). Areas that would be created are keyed {@code new-1},
 * {@code new-2}…, each with the old areas it succeeds ({@code successors}, in order of preference for staff) and
 * its name.
 * {@code siblings} are the parent's children as they are, with the same-level areas just across its border, so that
 * points are placed among every neighbour
 * (a point on the border with an untouched sibling goes where the locator will put it). Preview and commit read
 * the same value, so what a planner previews is what is stored.
 */
record Edit(String kind, String code, String parentCode, AreaLevel level, Map<String, ? extends Geometry> siblings,
    Map<String, Geometry> before, Map<String, MultiPolygon> after, Map<String, List<String>> successors, Map<String, String> names) {
  static final String NEW = "new-";

  /** Codes that exist now and are not in {@code after}: they would be retired. */
  List<String> retired() { return before.keySet().stream().filter(c -> !after.containsKey(c)).toList(); }

  /** Keys of areas that would be created. */
  List<String> created() { return after.keySet().stream().filter(k -> k.startsWith(NEW)).toList(); }

  /** Places a point among the children as they are. */
  Function<Point, String> placeBefore() { return Reshape.placer(siblings); }

  /** Places a point among the children as they would be (by the locator's rule). */
  Function<Point, String> placeAfter() {
    Map<String, Geometry> next = new LinkedHashMap<>(siblings);
    before.keySet().forEach(next::remove);
    next.putAll(after);
    // A new area's code will be its parent's code and a serial above every code used there: it ranks like that.
    return Reshape.placer(next, java.util.Comparator.comparing(k -> k.startsWith(NEW) ? parentCode + "~" + k : k));
  }

  /** The ground the edit touches (the union of the touched areas before); empty for an edit that changes nothing. */
  Geometry ground() {
    Geometry union = null;
    for (Geometry g : before.values()) union = union == null ? g : Reshape.overlay(union, g, OverlayNG.UNION);
    return union != null ? union : org.gridwatch.geo.Geometries.FACTORY.createGeometryCollection();
  }

  /** A reshape: only the siblings whose outline really changes are touched. */
  static Edit reshape(String code, String parentCode, AreaLevel level, Map<String, ? extends Geometry> siblings,
      Map<String, MultiPolygon> result) {
    Map<String, Geometry> before = new LinkedHashMap<>();
    Map<String, MultiPolygon> after = new LinkedHashMap<>();
    for (var e : result.entrySet()) {
      if (!Reshape.changed(siblings.get(e.getKey()), e.getValue())) continue;
      before.put(e.getKey(), siblings.get(e.getKey()));
      after.put(e.getKey(), e.getValue());
    }
    return new Edit("reshape", code, parentCode, level, siblings, before, after, Map.of(), Map.of());
  }
}
