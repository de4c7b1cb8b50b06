package org.gridwatch.coverage;

import java.time.Instant;
import java.util.List;
import org.gridwatch.geo.MetricProjection;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;

/**
 * The geometric half of a window's figures: per grid its covered areas and its gap, which depend on the moment only
 * through the set of routes running then. Many windows share one set (every quarter hour between two schedule
 * changes), so these are kept per set and a window only counts its cases in the prepared gaps. Immutable.
 */
record CoveredShapes(List<Grid> grids) {
  /** One grid: areas in m², the gap prepared (metric; null when nothing is uncovered) and in WGS84 (null likewise). */
  record Grid(String code, String communityCode, double areaM2, double cameraM2, double patrolM2, double combinedM2,
      double keyAreaM2, double keyAreaCoveredM2, PreparedGeometry gapMetric, Geometry gapWgs84) {}

  /** Which shapes a moment needs: the engine's state (its version) and the routes running then. */
  record Key(long version, java.util.Set<String> runningRoutes) {}

  static Key keyOf(CoverageEngine.State state, Instant when) { return new Key(state.version(), state.runningAt(when)); }

  /** Every grid's shapes at {@code when}; grids are independent, so they are computed in parallel, kept in order. */
  static CoveredShapes of(CoverageEngine.State state, Instant when) {
    return new CoveredShapes(state.parts(when).parallelStream().map(p -> grid(state, p)).toList());
  }

  private static Grid grid(CoverageEngine.State state, CoverageEngine.Parts p) {
    String code = p.grid().area().code();
    Geometry gap = p.combined() == null ? p.grid().metric()
        : CoverageEngine.overlay(p.grid().metric(), p.combined(), OverlayNG.DIFFERENCE);
    Geometry key = state.keyAreaPart(code);
    double keyCovered = key == null || p.cameras() == null ? 0
        : CoverageEngine.area(CoverageEngine.overlay(p.cameras(), key, OverlayNG.INTERSECTION));
    boolean none = gap.isEmpty();
    return new Grid(code, p.grid().area().parentCode(), p.grid().areaM2(), CoverageEngine.area(p.cameras()),
        CoverageEngine.area(p.patrols()), CoverageEngine.area(p.combined()), CoverageEngine.area(key), keyCovered,
        none ? null : PreparedGeometryFactory.prepare(gap), none ? null : MetricProjection.toWgs84(gap));
  }
}
