package org.gridwatch.coverage;

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

  CoverageController(Coverage coverage, CoverageEngine engine, Planning planning, Cameras cameras, Routes routes,
      LocateService locate, Clock clock) {
    this.coverage = coverage;
    this.engine = engine;
    this.planning = planning;
    this.cameras = cameras;
    this.routes = routes;
    this.locate = locate;
    this.clock = clock;
  }

  @GetMapping("/grids")
  Map<String, Object> grids(@RequestParam(required = false) String window) {
    Instant when = coverage.at(window);
    return Map.of("window", when, "grids", coverage.grids(when, false).stream().map(GridFigures::figures).toList());
  }

  @GetMapping("/grids/{code}")
  Map<String, Object> grid(@PathVariable String code, @RequestParam(required = false) String window) {
    Instant when = coverage.at(window);
    return coverage.grids(when, false).stream().filter(g -> g.gridCode().equals(code)).findFirst()
        .map(GridFigures::figures).orElseThrow(() -> ProblemException.notFound("unknown-grid", "Unknown grid",
            "there is no grid " + code));
  }

  @GetMapping("/summary")
  List<Map<String, Object>> summary(@RequestParam(defaultValue = "district") String level,
      @RequestParam(required = false) String code, @RequestParam(required = false) String window) {
    AreaLevel l;
    try {
      l = AreaLevel.valueOf(level.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badInput("level", "one of grid, community, subdistrict, district");
    }
    return coverage.rollup(l, code, coverage.at(window));
  }

  /** Body: {@code {"window": "night", "cameras": [{code, lon, lat, type, heading, fov, range, ...}], "routes": [...]}}. */
  @PostMapping("/what-if")
  Map<String, Object> whatIf(@Valid @RequestBody WhatIfRequest body) {
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
    if (drafts.isEmpty() && draftRoutes.isEmpty()) throw ProblemException.badInput("cameras", "give at least one draft camera or route");
    List<Planning.Change> changes = planning.whatIf(drafts, draftRoutes, when);
    double before = 0, after = 0, area = 0;
    for (Planning.Change c : changes) {
      before += c.combinedBefore() * c.areaM2();
      after += c.combinedAfter() * c.areaM2();
      area += c.areaM2();
    }
    return Map.of("window", when, "grids", changes, "coveredAreaChangeM2", Math.round(after - before),
        "touchedAreaM2", Math.round(area));
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
