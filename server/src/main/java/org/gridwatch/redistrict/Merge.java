package org.gridwatch.redistrict;

import org.gridwatch.problem.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.geo.Geometries;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.springframework.http.HttpStatus;

/**
 * Merging adjacent siblings (grids, communities or subdistricts) into one new area: a new code (never a reused
 * one), the union as its first version, the old areas retired (their history kept). For grids, open cases move
 * to the new grid and staff carry over; above grid level what was inside is re-created in the new area with new
 * codes ({@link Cascade#recode}), and cases and staff follow the grids.
 */
final class Merge {
  private Merge() {}

  /** The codes asked for, checked: at least two different current grids of one community. */
  static List<AreaView> areas(List<String> requested, EditSupport edits) {
    Set<String> codes = new LinkedHashSet<>(requested);
    if (codes.size() < 2) throw ProblemException.badInput("codes", Text.of("redistrict.name-at-least-two-different"));
    List<AreaView> areas = new ArrayList<>();
    for (String c : codes) areas.add(edits.area(c));
    String parent = areas.get(0).parentCode();
    for (AreaView a : areas) {
      if (a.level() == AreaLevel.DISTRICT || a.level() != areas.get(0).level()) {
        throw ProblemException.badInput("codes", Text.of("redistrict.x-not-x-like-x", a.code(), areas.get(0).level().name().toLowerCase(), areas.get(0).code()));
      }
      if (!a.parentCode().equals(parent)) throw ProblemException.badInput("codes", Text.of("redistrict.x-not-x-like-x-2", a.code(), parent, areas.get(0).code()));
    }
    return areas;
  }

  /** The merge worked out on {@code current} outlines (the catalog's for a preview, the locked rows' for a commit). */
  static Edit plan(List<AreaView> areas, Map<String, ? extends Geometry> current) {
    Map<String, Geometry> before = new LinkedHashMap<>();
    Geometry union = null;
    for (AreaView a : areas) {
      Geometry g = current.get(a.code());
      if (g == null) throw ProblemException.notFound("unknown-area", "Unknown area", Text.of("redistrict.x-no-longer-current", a.code()));
      before.put(a.code(), g);
      union = union == null ? g : Reshape.overlay(union, g, OverlayNG.UNION);
    }
    if (union.getNumGeometries() > 1) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "edit-refused", "Edit refused", Text.of("redistrict.grids-do-not-form-one"),
          List.of(new FieldError("codes", Text.of("redistrict.not-adjacent-union-has-x", union.getNumGeometries()))));
    }
    String key = Edit.NEW + 1;
    Map<String, MultiPolygon> after = Map.of(key, Geometries.asMultiPolygon(union));
    AreaView first = areas.get(0);
    return new Edit("merge", first.code(), first.parentCode(), first.level(), current, before, after,
        Map.of(key, List.copyOf(before.keySet())), Map.of(key, first.name() + "（合并）"));
  }
}
