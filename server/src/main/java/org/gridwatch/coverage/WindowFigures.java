package org.gridwatch.coverage;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.groundnet.RouteView;

/**
 * What the planning page needs for one time window, without geometry: every grid's figures keyed by grid code, the
 * district's figures and which routes run. The outlines, routes and camera layers do not change with the window, so
 * the page fetches them once; a window change then moves about 0.2 MB of figures instead of 2.5 MB of GeoJSON.
 */
public record WindowFigures(Instant window, Totals district, Map<String, Grid> grids, Map<String, Route> routes) {

  /** One grid's figures, with the same names and rounding as {@link GridFigures#figures()}. */
  public record Grid(double cameraCoverage, double patrolCoverage, double combinedCoverage, Double keyAreaCoverage,
      Double cameraWorkingRate, int cameras, int casesInGaps90d, boolean staffingComplete, List<String> staffingGaps) {
    static Grid of(GridFigures f) {
      return new Grid(GridFigures.round(f.cameraCoverage()), GridFigures.round(f.patrolCoverage()),
          GridFigures.round(f.combinedCoverage()), f.keyAreaCoverage() == null ? null : GridFigures.round(f.keyAreaCoverage()),
          f.cameraWorkingRate() == null ? null : GridFigures.round(f.cameraWorkingRate()), f.cameras(), f.casesInGaps90d(),
          f.staffingComplete(), f.staffingGaps());
    }
  }

  /** The district's figures, as {@code GET /api/v1/coverage/summary?level=district} gives them. */
  public record Totals(long areaM2, double cameraCoverage, double patrolCoverage, double combinedCoverage, long cameras,
      Double cameraWorkingRate, Double keyAreaCoverage, long casesInGaps90d, long grids, long gridsFullyStaffed) {
    static Totals of(Map<String, Object> rollup) {
      return new Totals((Long) rollup.get("areaM2"), (Double) rollup.get("cameraCoverage"), (Double) rollup.get("patrolCoverage"),
          (Double) rollup.get("combinedCoverage"), (Long) rollup.get("cameras"), (Double) rollup.get("cameraWorkingRate"),
          (Double) rollup.get("keyAreaCoverage"), (Long) rollup.get("casesInGaps90d"), (Long) rollup.get("grids"),
          (Long) rollup.get("gridsFullyStaffed"));
    }
  }

  /** Whether a route runs at the window, and its next pass from then (null when none this week). */
  public record Route(boolean active, Instant nextPass) {
    static Route of(RouteView r, Instant when) { return new Route(r.activeAt(when), r.nextPass(when).orElse(null)); }
  }

  static WindowFigures of(Instant when, List<GridFigures> figures, Map<String, Object> district, List<RouteView> routes) {
    Map<String, Grid> grids = new LinkedHashMap<>();
    for (GridFigures f : figures) grids.put(f.gridCode(), Grid.of(f));
    Map<String, Route> running = new LinkedHashMap<>();
    for (RouteView r : routes) running.put(r.code(), Route.of(r, when));
    return new WindowFigures(when, district == null ? null : Totals.of(district), grids, running);
  }
}
