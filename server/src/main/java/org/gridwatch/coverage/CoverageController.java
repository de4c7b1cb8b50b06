package org.gridwatch.coverage;

import org.gridwatch.problem.Text;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.LocateService;
import org.gridwatch.geo.Crs;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.groundnet.RouteRequest;
import org.gridwatch.groundnet.RouteView;
import org.gridwatch.groundnet.Routes;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.skynet.CameraRequest;
import org.gridwatch.skynet.CameraView;
import org.gridwatch.skynet.Cameras;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/coverage}: per-grid figures and roll-ups at a moment ({@code window}), what-if for drafted
 * cameras and routes, suggested camera sites, and what sees a point. Signed-in users only.
 */
@RestController
@RequestMapping("/api/v1/coverage")
class CoverageController {
  private final Coverage coverage;
  private final CoverageEngine engine;
  private final Planning planning;
  private final Cameras cameras;
  private final Routes routes;
  private final LocateService locate;
  private final Clock clock;
  private final WalkedCoverage walked;
  private final WalkedComparison comparison;

  CoverageController(Coverage coverage, CoverageEngine engine, Planning planning, Cameras cameras, Routes routes,
      LocateService locate, Clock clock, WalkedCoverage walked, WalkedComparison comparison) {
    this.walked = walked;
    this.comparison = comparison;
    this.coverage = coverage;
    this.engine = engine;
    this.planning = planning;
    this.cameras = cameras;
    this.routes = routes;
    this.locate = locate;
    this.clock = clock;
  }

  /**
   * Every grid's figures at {@code window}, with {@code actualPatrolCoverage}: the share walked by patrol tracks that
   * ended in the {@code days} days (default 7) up to that moment.
   */
  @GetMapping("/grids")
  Map<String, Object> grids(@RequestParam(required = false) String window, @RequestParam(required = false) Integer days) {
    Instant when = coverage.at(window);
    int d = walkedDays(days);
    Map<String, Double> walkedShares = walked.shares(when, d);
    return Map.of("window", when, "walkedDays", d, "grids", coverage.grids(when).stream()
        .map(g -> withWalked(g, walkedShares)).toList());
  }

  @GetMapping("/grids/{code}")
  Map<String, Object> grid(@PathVariable String code, @RequestParam(required = false) String window,
      @RequestParam(required = false) Integer days) {
    Instant when = coverage.at(window);
    int d = walkedDays(days);
    GridFigures g = coverage.grids(when).stream().filter(f -> f.gridCode().equals(code)).findFirst()
        .orElseThrow(() -> ProblemException.notFound("unknown-grid", "Unknown grid", Text.of("coverage.there-no-grid-x", code)));
    return withWalked(g, walked.shares(when, d));
  }

  /**
   * The planning page's per-window answer: every grid's figures keyed by code, the district's, and which routes run;
   * no geometry (outlines, routes and camera layers do not change with the window and are fetched once).
   */
  @GetMapping("/window")
  WindowFigures window(@RequestParam(required = false) String window) {
    Instant when = coverage.at(window);
    List<GridFigures> figures = coverage.grids(when);
    List<Map<String, Object>> district = coverage.rollup(AreaLevel.DISTRICT, null, figures);
    return WindowFigures.of(when.truncatedTo(java.time.temporal.ChronoUnit.MINUTES), figures,
        district.isEmpty() ? null : district.get(0), routes.all());
  }

  /** The plan beside the walk: tracks of the {@code days} up to {@code window}, routes not walked, walks no route plans. */
  @GetMapping("/walked")
  WalkedComparison.Answer walked(@RequestParam(required = false) String window, @RequestParam(required = false) Integer days) {
    return comparison.compare(coverage.at(window), walkedDays(days));
  }

  private static Map<String, Object> withWalked(GridFigures g, Map<String, Double> walkedShares) {
    Map<String, Object> m = new LinkedHashMap<>(g.figures());
    m.put("actualPatrolCoverage", GridFigures.round(walkedShares.getOrDefault(g.gridCode(), 0.0)));
    return m;
  }

  private static int walkedDays(Integer days) {
    if (days == null) return WalkedCoverage.DEFAULT_DAYS;
    if (days < 1 || days > 90) throw ProblemException.badInput("days", Text.of("coverage.whole-days-1-90"));
    return days;
  }

  @GetMapping("/summary")
  List<Map<String, Object>> summary(@RequestParam(defaultValue = "district") String level,
      @RequestParam(required = false) String code, @RequestParam(required = false) String window) {
    AreaLevel l;
    try {
      l = AreaLevel.valueOf(level.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badInput("level", Text.of("coverage.one-grid-community-subdistrict-district"));
    }
    return coverage.rollup(l, code, coverage.at(window));
  }

  /** Body: {@code {"window": "night", "cameras": [{code, lon, lat, type, heading, fov, range, ...}], "routes": [...]}}. */
  @PostMapping("/what-if")
  Planning.WhatIf whatIf(@Valid @RequestBody WhatIfRequest body) {
    Instant when = coverage.at(body.window());
    List<CameraView> drafts = new ArrayList<>();
    List<CameraRequest> cams = body.cameras() == null ? List.of() : body.cameras();
    for (int i = 0; i < cams.size(); i++) {
      String prefix = "cameras[" + i + "].";
      drafts.add(cameras.placed(cameras.draft(cams.get(i).fields(), prefix), prefix));
    }
    List<RouteView> draftRoutes = new ArrayList<>();
    List<RouteRequest> rts = body.routes() == null ? List.of() : body.routes();
    for (int i = 0; i < rts.size(); i++) {
      RouteRequest r = rts.get(i);
      draftRoutes.add(routes.read(r.code() == null ? r.withCode("DRAFT-" + i) : r, "routes[" + i + "]."));
    }
    if (drafts.isEmpty() && draftRoutes.isEmpty()) throw ProblemException.badInput("cameras", Text.of("coverage.give-at-least-one-draft"));
    return planning.whatIfAnswer(drafts, draftRoutes, when);
  }

  @PostMapping("/suggestions")
  Planning.Suggestions suggestions(@Valid @RequestBody(required = false) SuggestionsRequest body) {
    SuggestionsRequest b = body == null ? new SuggestionsRequest(null, null) : body;
    return planning.suggest(b.sites(), coverage.at(b.window()));
  }

  /** Which cameras see a point, and the nearest patrol route with its next pass. */
  @GetMapping("/at")
  Map<String, Object> at(@RequestParam(required = false) String lon, @RequestParam(required = false) String lat,
      @RequestParam(required = false) String crs) {
    var placement = locate.placeOrRefuse(lon, lat, crs);
    double[] xy = MetricProjection.project(placement.lon(), placement.lat());
    var point = org.gridwatch.geo.Sector.METRIC.createPoint(new org.locationtech.jts.geom.Coordinate(xy[0], xy[1]));
    List<Map<String, Object>> seeing = new ArrayList<>();
    for (CameraView c : cameras.all()) {
      if (Math.abs(c.lon() - placement.lon()) > 0.01 || Math.abs(c.lat() - placement.lat()) > 0.01) continue;
      if (engine.sight(c).covers(point)) {
        seeing.add(Map.of("code", c.code(), "name", c.name(), "status", c.status().name(), "type", c.type().name()));
      }
    }
    RouteView nearest = null;
    double best = Double.MAX_VALUE;
    var wgsPoint = Geometries.point(placement.lon(), placement.lat());
    for (RouteView r : routes.all()) {
      double d = MetricProjection.toMetres(r.line()).distance(point);
      if (d < best) { best = d; nearest = r; }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("gridCode", placement.grid().code());
    out.put("cameras", seeing);
    if (nearest != null) {
      Instant now = clock.instant();
      out.put("nearestRoute", Map.of("code", nearest.code(), "name", nearest.name(), "distanceM", Math.round(best),
          "withinCoverage", best <= nearest.widthM(), "nextPass", nearest.nextPass(now).map(Instant::toString).orElse("none this week")));
    }
    out.put("point", Map.of("type", "Point", "coordinates", List.of(wgsPoint.getX(), wgsPoint.getY())));
    return out;
  }
}
