package org.gridwatch.area;

import org.gridwatch.problem.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridwatch.geo.Crs;
import org.gridwatch.problem.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/locate}: which grid, community, subdistrict and district hold a point (or 10,000). */
@RestController
@RequestMapping("/api/v1/locate")
class LocateController {
  static final int MAX_POINTS = 10_000;
  private final LocateService locate;
  private final AreaHistory history;

  LocateController(LocateService locate, AreaHistory history) {
    this.locate = locate;
    this.history = history;
  }

  record AreaRef(String code, String name, String nameEn) {
    static AreaRef of(AreaView a) { return a == null ? null : new AreaRef(a.code(), a.name(), a.nameEn()); }
  }

  record GridRef(String code, String name, String nameEn, String kind, double areaM2, int households, int residents) {}

  record Located(Map<String, Object> input, Map<String, Object> location, GridRef grid, AreaRef community,
      AreaRef subdistrict, AreaRef district) {
    static Located of(Placement p) {
      AreaView g = p.grid();
      return new Located(Map.of("lon", p.inputLon(), "lat", p.inputLat(), "crs", p.crs().name()),
          Map.of("type", "Point", "coordinates", List.of(round(p.lon()), round(p.lat()))),
          new GridRef(g.code(), g.name(), g.nameEn(), g.kind(), Math.round(g.areaM2() * 10) / 10.0, g.households(),
              g.residents()),
          AreaRef.of(p.community()), AreaRef.of(p.subdistrict()), AreaRef.of(p.district()));
    }
  }

  record BatchResult(int index, double lon, double lat, AreaRef grid, AreaRef community, AreaRef subdistrict,
      String problem) {}

  @GetMapping
  Located locate(@RequestParam(required = false) String lon, @RequestParam(required = false) String lat,
      @RequestParam(required = false) String crs) {
    return Located.of(locate.placeOrRefuse(lon, lat, crs));
  }

  /** As of an instant ({@code at}): the grid that held the point then, by the outlines valid then. */
  @GetMapping(params = "at")
  Map<String, Object> locateAt(@RequestParam(required = false) String lon, @RequestParam(required = false) String lat,
      @RequestParam(required = false) String crs, @RequestParam String at) {
    java.time.Instant when = AreaController.instant(at, "at");
    Placement p = locate.placeOrRefuse(lon, lat, crs);
    AreaHistory.Version v = history.gridAt(org.gridwatch.geo.Geometries.point(p.lon(), p.lat()), when)
        .orElseThrow(() -> ProblemException.notFound("not-then", "No grid then", Text.of("area.no-grid-held-this-point", when)));
    return Map.of("lon", p.lon(), "lat", p.lat(), "at", when, "grid", Map.of("code", v.code(), "version", v.version(),
        "validFrom", v.validFrom(), "validTo", v.validTo() == null ? "" : v.validTo().toString()));
  }

  /**
   * The body of a batch locate: {@code {"crs": "GCJ02", "points": [[lon, lat], ...]}}, 1 to {@link #MAX_POINTS}
   * points of two finite numbers each; {@code crs} as for a single point (WGS84 when absent). Unknown members are ignored.
   */
  record BatchRequest(String crs, List<List<Double>> points) {}

  /** Results come back in the same order as the points. */
  @PostMapping
  Map<String, Object> locateMany(@RequestBody BatchRequest body) {
    Crs crs = locate.crs(body.crs(), "crs");
    List<List<Double>> points = body.points();
    if (points == null) throw ProblemException.badInput("points", Text.of("area.must-array-lon-lat"));
    if (points.isEmpty()) throw ProblemException.badInput("points", Text.of("area.must-hold-at-least-one"));
    if (points.size() > MAX_POINTS) {
      throw ProblemException.badInput("points", Text.of("area.holds-x-points-at-most", points.size(), MAX_POINTS));
    }
    double[][] xy = new double[points.size()][];
    for (int i = 0; i < xy.length; i++) {
      List<Double> p = points.get(i);
      String at = "points[" + i + "]";
      if (p == null || p.size() != 2 || p.get(0) == null || p.get(1) == null) {
        throw ProblemException.badInput(at, Text.of("area.must-lon-lat-with-two"));
      }
      for (int k = 0; k < 2; k++) {
        if (!Double.isFinite(p.get(k))) throw ProblemException.badInput(at + "[" + k + "]", Text.of("area.must-finite-number-not-x", p.get(k)));
      }
      xy[i] = new double[] {p.get(0), p.get(1)};
      locate.checkRange(xy[i][0], xy[i][1], crs, at + "[0]", at + "[1]");
    }
    List<BatchResult> results = new ArrayList<>(xy.length);
    for (int i = 0; i < xy.length; i++) {
      int index = i;
      double lon = xy[i][0], lat = xy[i][1];
      results.add(locate.place(lon, lat, crs)
          .map(p -> new BatchResult(index, lon, lat, AreaRef.of(p.grid()), AreaRef.of(p.community()),
              AreaRef.of(p.subdistrict()), null))
          .orElseGet(() -> new BatchResult(index, lon, lat, null, null, null, locate.outside(lon, lat, crs).getMessage())));
    }
    return Map.of("crs", crs.name(), "count", results.size(), "results", results);
  }

  private static double round(double v) { return Math.round(v * 1e7) / 1e7; }
}
