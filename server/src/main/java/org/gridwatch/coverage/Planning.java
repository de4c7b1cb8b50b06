package org.gridwatch.coverage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.geo.Sector;
import org.gridwatch.groundnet.RouteView;
import org.gridwatch.incident.IncidentSearch;
import org.gridwatch.skynet.CameraView;
import org.gridwatch.skynet.Cameras;
import org.gridwatch.groundnet.Routes;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.stereotype.Service;

/**
 * Planning before spending: what drafted cameras or routes would change in each grid (nothing is saved), and
 * where k new cameras would cover the most past cases that fell in today's gaps (greedy maximum coverage).
 */
@Service
public class Planning {
  /** A grid before and after the drafts. */
  public record Change(String gridCode, double areaM2, double cameraBefore, double cameraAfter, double patrolBefore,
      double patrolAfter, double combinedBefore, double combinedAfter) {}

  /** A suggested site: a dome camera of radius {@code rangeM} here would cover {@code gain} more past cases. */
  public record Site(double lon, double lat, double rangeM, int gain) {}

  /**
   * What one draft adds on its own in the window: square metres of grid that nothing covered before. When it adds
   * nothing, {@code reason} says why, for the page to word: {@code outside-district} (it touches no grid),
   * {@code not-running} (a route whose schedule has no pass at that moment; an offline camera) or
   * {@code already-covered} (every grid it passes through is already covered there at that moment: no gap).
   */
  public record DraftEffect(String code, String kind, long addsM2, String reason) {
    static final String OUTSIDE = "outside-district", NOT_RUNNING = "not-running", COVERED = "already-covered";
  }

  /** The what-if answer: every grid the drafts touch, the change in covered area, and each draft's own effect. */
  public record WhatIf(Instant window, List<Change> grids, long coveredAreaChangeM2, long touchedAreaM2,
      List<DraftEffect> drafts) {}

  public record Suggestions(List<Site> sites, int casesInWindow, int coveredBefore, int coveredAfter, String bound) {}

  static final double SUGGESTED_RANGE_M = 60;
  private static final double MEASURABLE_M2 = 1;
  private static final GeometryFactory METRIC = Sector.METRIC;

  private final CoverageEngine engine;
  private final IncidentSearch incidents;
  private final Cameras cameras;
  private final Routes routes;

  Planning(CoverageEngine engine, IncidentSearch incidents, Cameras cameras, Routes routes) {
    this.engine = engine;
    this.incidents = incidents;
    this.cameras = cameras;
    this.routes = routes;
  }

  /** The change per grid touched by the drafts; a draft camera or route with an existing code replaces it. */
  public List<Change> whatIf(List<CameraView> draftCameras, List<RouteView> draftRoutes, Instant when) {
    CoverageEngine.State state = engine.state(); // one state for every read below
    Set<String> replacedCameras = new HashSet<>(), replacedRoutes = new HashSet<>();
    List<Geometry> newSectors = new ArrayList<>(), newBuffers = new ArrayList<>(), shapes = new ArrayList<>();
    for (CameraView c : draftCameras) {
      replacedCameras.add(c.code());
      cameras.find(c.code()).filter(CameraView::online).ifPresent(old -> shapes.add(engine.sight(old)));
      if (c.online()) {
        Geometry s = engine.sight(c);
        newSectors.add(s);
        shapes.add(s);
      }
    }
    for (RouteView r : draftRoutes) {
      replacedRoutes.add(r.code());
      routes.find(r.code()).ifPresent(old -> shapes.add(old.bufferMetres()));
      if (r.activeAt(when)) {
        Geometry b = r.bufferMetres();
        newBuffers.add(b);
        shapes.add(b);
      }
    }
    Map<String, CoverageEngine.GridShape> touched = new LinkedHashMap<>();
    for (Geometry s : shapes) state.gridsTouching(s).forEach(g -> touched.put(g.area().code(), g));
    Map<String, CoverageEngine.Parts> now = new HashMap<>();
    state.partsOf(touched.values(), when).forEach(p -> now.put(p.grid().area().code(), p));
    List<Change> out = new ArrayList<>();
    for (CoverageEngine.GridShape g : touched.values()) {
      List<Geometry> sectors = new ArrayList<>(state.sectorsNear(g));
      sectors.removeIf(s -> replacedCameras.contains((String) s.getUserData()));
      sectors.addAll(newSectors);
      List<Geometry> buffers = new ArrayList<>(state.activeBuffersNear(g, when));
      buffers.removeIf(b -> replacedRoutes.contains((String) b.getUserData()));
      buffers.addAll(newBuffers);
      Geometry cam = CoverageEngine.coverOf(g, sectors), pat = CoverageEngine.coverOf(g, buffers);
      Geometry both = CoverageEngine.union(java.util.Arrays.asList(cam, pat));
      out.add(change(g, now.get(g.area().code()), cam, pat, both));
    }
    out.sort(Comparator.comparing(Change::gridCode));
    return out;
  }

  /** The what-if with its totals and each draft's own effect. */
  public WhatIf whatIfAnswer(List<CameraView> draftCameras, List<RouteView> draftRoutes, Instant when) {
    List<Change> changes = whatIf(draftCameras, draftRoutes, when);
    double before = 0, after = 0, area = 0;
    for (Change c : changes) {
      before += c.combinedBefore() * c.areaM2();
      after += c.combinedAfter() * c.areaM2();
      area += c.areaM2();
    }
    CoverageEngine.State state = engine.state();
    List<DraftEffect> effects = new ArrayList<>();
    for (CameraView c : draftCameras) effects.add(effect(state, c.code(), "camera", c.online() ? engine.sight(c) : null,
        engine.sight(c), when));
    for (RouteView r : draftRoutes) effects.add(effect(state, r.code(), "route", r.activeAt(when) ? r.bufferMetres() : null,
        r.bufferMetres(), when));
    return new WhatIf(when, changes, Math.round(after - before), Math.round(area), effects);
  }

  /** What one shape adds to the cover of the grids it touches; {@code working} is null when it covers nothing then. */
  private static DraftEffect effect(CoverageEngine.State state, String code, String kind, Geometry working, Geometry shape,
      Instant when) {
    List<CoverageEngine.GridShape> touched = state.gridsTouching(shape);
    if (touched.isEmpty()) return new DraftEffect(code, kind, 0, DraftEffect.OUTSIDE);
    if (working == null) return new DraftEffect(code, kind, 0, DraftEffect.NOT_RUNNING);
    double adds = 0;
    for (CoverageEngine.Parts p : state.partsOf(touched, when)) {
      Geometry mine = CoverageEngine.coverOf(p.grid(), List.of(working));
      if (mine == null) continue;
      adds += p.combined() == null ? mine.getArea()
          : CoverageEngine.area(CoverageEngine.overlay(mine, p.combined(), org.locationtech.jts.operation.overlayng.OverlayNG.DIFFERENCE));
    }
    long m2 = adds < MEASURABLE_M2 ? 0 : Math.round(adds); // below a square metre is overlay noise, not cover
    return new DraftEffect(code, kind, m2, m2 > 0 ? null : DraftEffect.COVERED);
  }

  private static Change change(CoverageEngine.GridShape g, CoverageEngine.Parts before, Geometry cam, Geometry pat,
      Geometry both) {
    double a = g.areaM2();
    return new Change(g.area().code(), Math.round(a), share(before.cameras(), a), share(cam, a),
        share(before.patrols(), a), share(pat, a), share(before.combined(), a), share(both, a));
  }

  private static double share(Geometry cover, double gridArea) {
    return GridFigures.round(Math.min(1, CoverageEngine.area(cover) / gridArea));
  }

  /**
   * Greedy maximum coverage: candidate sites are the uncovered cases themselves (the demand points); each step
   * takes the site whose disc covers the most still-uncovered cases of the last 90 days that lie in the gaps
   * at {@code when}. Greedy choice reaches at least 1 − 1/e ≈ 63 % of the
   * best possible coverage with k sites (Nemhauser, Wolsey and Fisher, 1978).
   */
  public Suggestions suggest(int k, Instant when) {
    List<Point> uncovered = new ArrayList<>();
    int total = 0;
    Map<String, List<IncidentSearch.Where>> byGrid = new HashMap<>();
    for (IncidentSearch.Where w : incidents.reportedSince(when.minus(Coverage.CASE_WINDOW))) {
      byGrid.computeIfAbsent(w.gridCode(), x -> new ArrayList<>()).add(w);
      total++;
    }
    for (CoverageEngine.Parts p : engine.state().parts(when)) {
      var covered = p.combined() == null ? null : org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(p.combined());
      for (IncidentSearch.Where w : byGrid.getOrDefault(p.grid().area().code(), List.of())) {
        double[] xy = MetricProjection.project(w.lon(), w.lat());
        Point pt = METRIC.createPoint(new Coordinate(xy[0], xy[1]));
        if (covered == null || !covered.contains(pt)) uncovered.add(pt);
      }
    }
    int coveredBefore = total - uncovered.size();
    STRtree index = new STRtree();
    for (Point p : uncovered) index.insert(p.getEnvelopeInternal(), p);
    List<Coordinate> candidates = new ArrayList<>();
    uncovered.forEach(p -> candidates.add(p.getCoordinate()));
    // By identity: each point is one case, and two cases at the same spot are two (a JTS Point equals any other at its
    // coordinate, which counted them once in coveredAfter but twice in a site's gain).
    Set<Point> taken = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    List<Site> sites = new ArrayList<>();
    for (int step = 0; step < k; step++) {
      Coordinate best = null;
      List<Point> bestCovers = List.of();
      for (Coordinate c : candidates) {
        List<Point> covers = within(index, c, taken);
        if (covers.size() > bestCovers.size()) {
          best = c;
          bestCovers = covers;
        }
      }
      if (best == null) break;
      taken.addAll(bestCovers);
      double[] ll = MetricProjection.unproject(best.x, best.y);
      sites.add(new Site(Math.round(ll[0] * 1e7) / 1e7, Math.round(ll[1] * 1e7) / 1e7, SUGGESTED_RANGE_M, bestCovers.size()));
    }
    return new Suggestions(sites, total, coveredBefore, coveredBefore + taken.size(),
        "greedy maximum coverage reaches at least 1 - 1/e (about 63 %) of the best possible gain with " + k + " sites");
  }

  private static List<Point> within(STRtree index, Coordinate c, Set<Point> taken) {
    List<Point> out = new ArrayList<>();
    var env = new org.locationtech.jts.geom.Envelope(c);
    env.expandBy(SUGGESTED_RANGE_M);
    for (Object o : index.query(env)) {
      Point p = (Point) o;
      if (!taken.contains(p) && p.getCoordinate().distance(c) <= SUGGESTED_RANGE_M) out.add(p);
    }
    return out;
  }
}
