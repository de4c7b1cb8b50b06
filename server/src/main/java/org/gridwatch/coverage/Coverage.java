package org.gridwatch.coverage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.area.AreaLevel;
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

  Coverage(CoverageEngine engine, IncidentSearch incidents, Roster roster) {
    this.engine = engine;
    this.incidents = incidents;
    this.roster = roster;
  }

  /** Every grid's figures at {@code when}; gaps in WGS84 only when asked (they are large). */
  public List<GridFigures> grids(Instant when, boolean withGaps) {
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
    for (CoverageEngine.Parts p : engine.parts(when)) {
      String code = p.grid().area().code();
      Geometry gapMetric = p.combined() == null ? p.grid().metric()
          : CoverageEngine.overlay(p.grid().metric(), p.combined(), OverlayNG.DIFFERENCE);
      int inGaps = countInside(gapMetric, cases.getOrDefault(code, List.of()));
      Geometry key = engine.keyAreaPart(code);
      Double keyCoverage = key == null ? null
          : Math.min(1, CoverageEngine.area(p.cameras() == null ? null : CoverageEngine.overlay(p.cameras(), key, OverlayNG.INTERSECTION)) / key.getArea());
      int[] cams = cameraCounts.getOrDefault(code, new int[2]);
      List<String> staffing = roster.of(code).gaps().stream().map(Slot::name).toList();
      out.add(new GridFigures(code, p.grid().area().parentCode(), code.substring(0, 9), p.grid().areaM2(),
          CoverageEngine.area(p.cameras()), CoverageEngine.area(p.patrols()), CoverageEngine.area(p.combined()), keyCoverage,
          cams[0], cams[1], inGaps, staffing, withGaps && !gapMetric.isEmpty() ? MetricProjection.toWgs84(gapMetric) : null));
    }
    return out;
  }

  /** Area-weighted figures of every area of a level (or one area when {@code code} is given). */
  public List<Map<String, Object>> rollup(AreaLevel level, String code, Instant when) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (GridFigures g : grids(when, false)) {
      String key = switch (level) {
        case GRID -> g.gridCode();
        case COMMUNITY -> g.communityCode();
        case SUBDISTRICT -> g.subdistrictCode();
        case DISTRICT -> "370203";
      };
      if (code != null && !key.equals(code)) continue;
      double[] s = sums.computeIfAbsent(key, k -> new double[7]);
      s[0] += g.areaM2();
      s[1] += g.cameraCoveredM2();
      s[2] += g.patrolCoveredM2();
      s[3] += g.combinedCoveredM2();
      s[4] += g.cameras();
      s[5] += g.camerasOnline();
      s[6] += g.casesInGaps90d();
    }
    List<Map<String, Object>> out = new ArrayList<>();
    sums.forEach((k, s) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", k);
      m.put("areaM2", Math.round(s[0]));
      m.put("cameraCoverage", round(s[1] / s[0]));
      m.put("patrolCoverage", round(s[2] / s[0]));
      m.put("combinedCoverage", round(s[3] / s[0]));
      m.put("cameras", (long) s[4]);
      m.put("cameraWorkingRate", s[4] == 0 ? null : round(s[5] / s[4]));
      m.put("casesInGaps90d", (long) s[6]);
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

  static double round(double v) { return Math.round(v * 10000) / 10000.0; }

  static Geometry wgs84(Geometry metric) { return metric == null ? Geometries.FACTORY.createPolygon() : MetricProjection.toWgs84(metric); }
}
