package org.gridwatch.coverage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.incident.IncidentSearch;
import org.gridwatch.skynet.CameraView;
import org.gridwatch.staff.Roster;
import org.gridwatch.staff.Slot;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.springframework.stereotype.Service;

/**
 * The coverage figures of grids and of the areas above them at a moment: camera, patrol and combined shares,
 * gaps, key-area coverage, camera working rate (完好率), cases of the last 90 days that fell in gaps, and
 * staffing completeness (一员一警两队). Areas above a grid are area-weighted sums of their grids.
 */
@Service
public class Coverage {
  static final Duration CASE_WINDOW = Duration.ofDays(90);

  private final CoverageEngine engine;
  private final IncidentSearch incidents;
  private final Roster roster;
  private final Clock clock;
  private volatile Computed last;

  /** The last figures computed, reused while nothing changed (schedules are to the minute, so is the key). */
  private record Computed(Instant when, long version, boolean withGaps, Instant at, List<GridFigures> grids) {}

  private final DistrictProfile district;

  Coverage(CoverageEngine engine, IncidentSearch incidents, Roster roster, Clock clock, DistrictProfile district) {
    this.district = district;
    this.engine = engine;
    this.incidents = incidents;
    this.roster = roster;
    this.clock = clock;
  }

  /** Changes whenever a camera, a route or the grids change: a key for anything derived from them. */
  public long version() { return engine.version(); }

  /** The moment a window names: now (default), day, night, HH:MM today (the district's local time), or an ISO date-time. */
  public Instant at(String window) { return CoverageWindow.parse(window, clock, district.timeZone()); }

  /**
   * Every grid's figures at {@code when} (to the minute); gaps in WGS84 only when asked (they are large).
   * Figures are reused for a minute while no camera or route changes (cases in gaps may lag by that minute).
   */
  public List<GridFigures> grids(Instant when, boolean withGaps) {
    Instant minute = when.truncatedTo(ChronoUnit.MINUTES);
    CoverageEngine.State state = engine.state(); // the figures, their version and the key areas from one state
    long version = state.version();
    Computed c = last;
    if (c != null && c.when().equals(minute) && c.version() == version && (c.withGaps() || !withGaps)
        && c.at().isAfter(clock.instant().minusSeconds(60))) {
      return c.grids();
    }
    List<GridFigures> out = compute(state, minute, withGaps);
    last = new Computed(minute, version, withGaps, clock.instant(), out);
    return out;
  }

  private List<GridFigures> compute(CoverageEngine.State state, Instant when, boolean withGaps) {
    Map<String, int[]> cameraCounts = new HashMap<>();
    for (CameraView c : engine.cameras()) {
      if (c.gridCode() == null) continue;
      int[] n = cameraCounts.computeIfAbsent(c.gridCode(), k -> new int[2]);
      n[0]++;
      if (c.online()) n[1]++;
    }
    Map<String, List<IncidentSearch.Where>> cases = new HashMap<>();
    for (IncidentSearch.Where w : incidents.reportedSince(when.minus(CASE_WINDOW))) {
      cases.computeIfAbsent(w.gridCode(), k -> new ArrayList<>()).add(w);
    }
    List<GridFigures> out = new ArrayList<>();
    for (CoverageEngine.Parts p : state.parts(when)) {
      String code = p.grid().area().code();
      Geometry gapMetric = p.combined() == null ? p.grid().metric()
          : CoverageEngine.overlay(p.grid().metric(), p.combined(), OverlayNG.DIFFERENCE);
      int inGaps = countInside(gapMetric, cases.getOrDefault(code, List.of()));
      Geometry key = state.keyAreaPart(code);
      double keyCovered = key == null || p.cameras() == null ? 0
          : CoverageEngine.area(CoverageEngine.overlay(p.cameras(), key, OverlayNG.INTERSECTION));
      int[] cams = cameraCounts.getOrDefault(code, new int[2]);
      List<String> staffing = roster.of(code).gaps().stream().map(Slot::name).toList();
      out.add(new GridFigures(code, p.grid().area().parentCode(), code.substring(0, 9), p.grid().areaM2(),
          CoverageEngine.area(p.cameras()), CoverageEngine.area(p.patrols()), CoverageEngine.area(p.combined()), CoverageEngine.area(key), keyCovered,
          cams[0], cams[1], inGaps, staffing, withGaps && !gapMetric.isEmpty() ? MetricProjection.toWgs84(gapMetric) : null));
    }
    return List.copyOf(out);
  }

  /**
   * Area-weighted figures of every area of a level (or one area when {@code code} is given): covered square metres
   * summed over the grids divided by their area, so a large grid weighs by its size. Key-area coverage is
   * weighted by key-area size, the working rate by camera count; staffing counts fully staffed grids.
   */
  public List<Map<String, Object>> rollup(AreaLevel level, String code, Instant when) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (GridFigures g : grids(when, false)) {
      String key = switch (level) {
        case GRID -> g.gridCode();
        case COMMUNITY -> g.communityCode();
        case SUBDISTRICT -> g.subdistrictCode();
        case DISTRICT -> district.code();
      };
      if (code != null && !key.equals(code)) continue;
      double[] s = sums.computeIfAbsent(key, k -> new double[11]);
      s[0] += g.areaM2();
      s[1] += g.cameraCoveredM2();
      s[2] += g.patrolCoveredM2();
      s[3] += g.combinedCoveredM2();
      s[4] += g.cameras();
      s[5] += g.camerasOnline();
      s[6] += g.casesInGaps90d();
      s[7] += g.keyAreaM2();
      s[8] += g.keyAreaCoveredM2();
      s[9] += 1;
      s[10] += g.staffingComplete() ? 1 : 0;
    }
    List<Map<String, Object>> out = new ArrayList<>();
    sums.forEach((k, s) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", k);
      m.put("areaM2", Math.round(s[0]));
      m.put("cameraCoverage", GridFigures.round(s[1] / s[0]));
      m.put("patrolCoverage", GridFigures.round(s[2] / s[0]));
      m.put("combinedCoverage", GridFigures.round(s[3] / s[0]));
      m.put("cameras", (long) s[4]);
      m.put("cameraWorkingRate", s[4] == 0 ? null : GridFigures.round(s[5] / s[4]));
      m.put("keyAreaCoverage", s[7] == 0 ? null : GridFigures.round(s[8] / s[7]));
      m.put("casesInGaps90d", (long) s[6]);
      m.put("grids", (long) s[9]);
      m.put("gridsFullyStaffed", (long) s[10]);
      out.add(m);
    });
    return out;
  }

  static int countInside(Geometry metric, List<IncidentSearch.Where> points) {
    if (metric == null || metric.isEmpty() || points.isEmpty()) return 0;
    PreparedGeometry p = PreparedGeometryFactory.prepare(metric);
    int n = 0;
    for (IncidentSearch.Where w : points) {
      double[] xy = MetricProjection.project(w.lon(), w.lat());
      if (p.contains(metric.getFactory().createPoint(new org.locationtech.jts.geom.Coordinate(xy[0], xy[1])))) n++;
    }
    return n;
  }


  static Geometry wgs84(Geometry metric) { return metric == null ? Geometries.FACTORY.createPolygon() : MetricProjection.toWgs84(metric); }
}
