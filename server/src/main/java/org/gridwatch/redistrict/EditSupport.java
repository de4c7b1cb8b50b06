package org.gridwatch.redistrict;

import org.gridwatch.problem.Text;
import java.time.Clock;
import java.time.Instant;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.Boundaries;
import org.gridwatch.incident.Rehoming;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.staff.Reassignment;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What every boundary edit works with: the catalog, stored boundaries, case re-homing, the clock, the sliver limit. */
@Component
class EditSupport {
  final AreaCatalog catalog;
  final Boundaries boundaries;
  final Rehoming rehoming;
  final Reassignment staff;
  final double minPieceM2;
  private final Clock clock;

  EditSupport(AreaCatalog catalog, Boundaries boundaries, Rehoming rehoming, Reassignment staff, Clock clock,
      @Value("${gridwatch.redistrict.min-piece-m2:100}") double minPieceM2) {
    this.staff = staff;
    this.catalog = catalog;
    this.boundaries = boundaries;
    this.rehoming = rehoming;
    this.clock = clock;
    this.minPieceM2 = minPieceM2;
  }

  /** Only planners and administrators redraw boundaries (401 anonymous, 403 other roles). */
  static void mayRedraw(org.springframework.security.core.Authentication auth) {
    org.gridwatch.security.Role.require(auth, "redraw boundaries", org.gridwatch.security.Role.PLANNER, org.gridwatch.security.Role.ADMIN);
  }

  /** A current area, or 404. */
  AreaView area(String code) {
    return catalog.now().find(code).orElseThrow(() -> ProblemException.notFound("unknown-area", "Unknown area", Text.of("redistrict.there-no-area-x", code)));
  }

  /** The figures of an outline, counting the buildings inside it. */
  Shape shapeOf(Geometry outline) {
    var inside = PreparedGeometryFactory.prepare(outline);
    return Shape.of(outline, catalog.now().buildings().stream().filter(b -> inside.covers(b.location())).toList());
  }

  /** Now, to the microsecond the databases keep (a revert finds what an edit ended by this instant). */
  Instant now() { return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS); }

  /**
   * A parent's children together with the areas of the same level just across its border (from the catalog), so
   * that a point on the parent's border is placed by the locator's rule among everything that could hold it.
   */
  java.util.Map<String, Geometry> withNeighbours(String parentCode, java.util.Map<String, ? extends Geometry> children) {
    var out = new java.util.LinkedHashMap<String, Geometry>(children);
    AreaView parent = area(parentCode);
    var near = parent.boundary().getEnvelopeInternal();
    for (AreaView a : catalog.now().level(parent.level().child())) {
      if (!a.parentCode().equals(parentCode) && a.boundary().getEnvelopeInternal().intersects(near)) out.putIfAbsent(a.code(), a.boundary());
    }
    return out;
  }
}
