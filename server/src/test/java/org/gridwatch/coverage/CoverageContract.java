package org.gridwatch.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.groundnet.RouteView;
import org.gridwatch.groundnet.Routes;
import org.gridwatch.skynet.CameraView;
import org.gridwatch.skynet.Cameras;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Per-grid coverage of the demo sky net and ground net, checked against an independent answer (random points
 * tested by distance and bearing, and by distance to the route), incremental updates against a full rebuild,
 * planning that saves nothing, and who may see any of it.
 */
abstract class CoverageContract {
  static final int SAMPLES_PER_GRID = 100_000;
  static final double TOLERANCE_PP = 0.5;

  @Autowired AreaCatalog areas;
  @Autowired Cameras cameras;
  @Autowired Routes routes;
  @Autowired Coverage coverage;
  @Autowired CoverageEngine engine;
  @Autowired Planning planning;
  @Autowired org.gridwatch.skynet.KeyAreas keyAreas;
  @Autowired org.gridwatch.incident.IncidentSearch incidents;
  @LocalServerPort int port;
  Http http;
  String[] police;

  @BeforeEach
  void client() {
    http = new Http(port);
    police = Http.basic("police", TestEnvironment.DEMO_PASSWORD);
  }

  @Test
  void perGridCoverageAgreesWithMonteCarloSamplingByDayAndNight() {
    Map<String, JsonNode> day = gridsOver("day"), night = gridsOver("night");
    assertThat(day).hasSize(areas.now().level(AreaLevel.GRID).size());
    List<String> chosen = new ArrayList<>();
    chosen.add(mostBy(day, "cameraCoverage"));
    chosen.add(mostBy(day, "patrolCoverage"));
    chosen.add(mostBy(night, "patrolCoverage"));
    chosen.add(mostBy(day, "combinedCoverage"));
    List<String> codes = new ArrayList<>(day.keySet());
    SplittableRandom pick = new SplittableRandom(4549);
    while (chosen.size() < 8) chosen.add(codes.get(pick.nextInt(codes.size())));
    assertThat(day.get(chosen.get(0)).get("cameraCoverage").asDouble()).as("a well watched grid").isGreaterThan(0.3);
    assertThat(night.get(chosen.get(2)).get("patrolCoverage").asDouble()).as("a grid patrolled at night").isGreaterThan(0.2);

    Instant dayAt = coverage.at("day"), nightAt = coverage.at("night");
    for (String code : new java.util.LinkedHashSet<>(chosen)) {
      double[] d = sample(code, dayAt), n = sample(code, nightAt);
      JsonNode gd = day.get(code), gn = night.get(code);
      assertThat(gd.get("cameraCoverage").asDouble() * 100).as(code + " camera").isCloseTo(d[0], within(TOLERANCE_PP));
      assertThat(gd.get("patrolCoverage").asDouble() * 100).as(code + " patrol by day").isCloseTo(d[1], within(TOLERANCE_PP));
      assertThat(gd.get("combinedCoverage").asDouble() * 100).as(code + " combined by day").isCloseTo(d[2], within(TOLERANCE_PP));
      assertThat(gn.get("patrolCoverage").asDouble() * 100).as(code + " patrol at night").isCloseTo(n[1], within(TOLERANCE_PP));
      assertThat(gn.get("combinedCoverage").asDouble() * 100).as(code + " combined at night").isCloseTo(n[2], within(TOLERANCE_PP));
    }
  }

  @Test
  void theDemoSkyNetAndGroundNetLookLikeADistricts() {
    List<CameraView> all = cameras.all();
    assertThat(all).hasSizeBetween(2_800, 3_200);
    assertThat(all.stream().filter(CameraView::online).count() / (double) all.size()).isBetween(0.93, 0.99);
    assertThat(all.stream().map(CameraView::type).distinct()).hasSize(4);
    assertThat(all).filteredOn(c -> c.type() == org.gridwatch.skynet.CameraType.MINI_DOME)
        .isNotEmpty().allSatisfy(c -> assertThat(c.effectiveFov()).isBetween(90.0, 120.0));
    assertThat(all).allSatisfy(c -> {
      assertThat(c.gridCode()).isNotNull();
      assertThat(c.heading()).isBetween(0.0, 360.0);
      if (c.type() == org.gridwatch.skynet.CameraType.FIXED) assertThat(c.fov()).isLessThan(180);
    });
    double districtArea = MetricProjection.areaM2(areas.now().level(AreaLevel.DISTRICT).get(0).boundary());
    double keyArea = 0;
    int inKeyAreas = 0;
    for (var k : keyAreas.all()) {
      keyArea += MetricProjection.areaM2(k.boundary());
      var prepared = org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(k.boundary());
      inKeyAreas += (int) all.stream().filter(c -> prepared.contains(k.boundary().getFactory().createPoint(new Coordinate(c.lon(), c.lat())))).count();
    }
    assertThat(inKeyAreas / keyArea).as("cameras per m² in key areas, against the district's")
        .isGreaterThan(3 * all.size() / districtArea);

    Map<String, Integer> casesPerGrid = new HashMap<>();
    for (var w : incidents.reportedSince(Instant.now().minus(java.time.Duration.ofDays(365)))) casesPerGrid.merge(w.gridCode(), 1, Integer::sum);
    List<AreaView> byCases = new ArrayList<>(areas.now().level(AreaLevel.GRID));
    byCases.sort(Comparator.comparingInt((AreaView g) -> casesPerGrid.getOrDefault(g.code(), 0)).reversed());
    Set<String> busiest = new HashSet<>(byCases.subList(0, byCases.size() / 10).stream().map(AreaView::code).toList());
    double[] busy = new double[2], rest = new double[2];
    for (AreaView g : byCases) (busiest.contains(g.code()) ? busy : rest)[0] += g.areaM2();
    for (CameraView c : all) (busiest.contains(c.gridCode()) ? busy : rest)[1]++;
    assertThat(busy[1] / busy[0]).as("cameras per m² in the tenth of grids with the most cases, against the rest")
        .isGreaterThan(1.5 * rest[1] / rest[0]);

    List<RouteView> walks = routes.all();
    assertThat(walks).hasSizeBetween(120, 220);
    for (AreaView sub : areas.now().level(AreaLevel.SUBDISTRICT)) {
      assertThat(walks.stream().anyMatch(r -> r.line().intersects(sub.boundary()))).as("a route in " + sub.name()).isTrue();
    }
  }

  @Test
  void nightsAreThinnerThanDaysAndTheDistrictFiguresAreAreaWeighted() {
    JsonNode dayDistrict = http.get("/api/v1/coverage/summary?level=district&window=day", police).json().get(0);
    JsonNode nightDistrict = http.get("/api/v1/coverage/summary?level=district&window=night", police).json().get(0);
    assertThat(nightDistrict.get("patrolCoverage").asDouble()).isLessThan(dayDistrict.get("patrolCoverage").asDouble());
    double covered = 0, area = 0;
    for (JsonNode g : gridsOver("day").values()) {
      covered += g.get("combinedCoverage").asDouble() * g.get("areaM2").asDouble();
      area += g.get("areaM2").asDouble();
    }
    assertThat(dayDistrict.get("combinedCoverage").asDouble()).isCloseTo(covered / area, within(0.001));
    long online = cameras.all().stream().filter(CameraView::online).count();
    assertThat(dayDistrict.get("cameraWorkingRate").asDouble())
        .isCloseTo((double) online / cameras.all().size(), within(0.0001)).isBetween(0.93, 0.99);
    JsonNode subdistricts = http.get("/api/v1/coverage/summary?level=subdistrict&window=night", police).json();
    assertThat(subdistricts.size()).isEqualTo(22);
  }

  @Test
  void movingOneCameraChangesOnlyTheGridsItTouchesAndMatchesAFullRebuild() {
    Instant when = coverage.at("day");
    AreaView grid = areas.now().level(AreaLevel.GRID).get(40);
    Point inside = grid.boundary().getInteriorPoint();
    Map<String, Double> before = cameraCovered(when);

    String body = cameraJson(inside.getX(), inside.getY(), 45, 120);
    assertThat(http.postJson("/api/v1/cameras", body, police).status()).isEqualTo(201);
    Map<String, Double> placed = cameraCovered(when);
    Set<String> touchedFirst = touched(inside.getX(), inside.getY(), 45, 120);
    assertThat(changed(before, placed)).isNotEmpty().isSubsetOf(touchedFirst);

    Point elsewhere = areas.now().level(AreaLevel.GRID).get(700).boundary().getInteriorPoint();
    assertThat(http.put("/api/v1/cameras/MC-TEST", cameraJson(elsewhere.getX(), elsewhere.getY(), 200, 90), police).status())
        .isEqualTo(200);
    Map<String, Double> moved = cameraCovered(when);
    Set<String> touchedEither = new HashSet<>(touchedFirst);
    touchedEither.addAll(touched(elsewhere.getX(), elsewhere.getY(), 200, 90));
    assertThat(changed(placed, moved)).isNotEmpty().isSubsetOf(touchedEither);
    engine.rebuild();
    assertThat(changed(moved, cameraCovered(when))).as("incremental equals a full rebuild").isEmpty();

    assertThat(http.delete("/api/v1/cameras/MC-TEST", police).status()).isEqualTo(204);
    assertThat(changed(before, cameraCovered(when))).as("deleting restores the start").isEmpty();
  }

  @Test
  void reshapingOneRouteChangesOnlyTheGridsItTouchesAndMatchesAFullRebuild() {
    Instant when = coverage.at("day");
    RouteView r = routes.all().stream().filter(x -> x.activeAt(when)).findFirst().orElseThrow();
    Map<String, Double> before = patrolCovered(when);
    JsonNode original = http.get("/api/v1/routes/" + r.code(), police).json();
    Geometry moved = MetricProjection.toWgs84(org.locationtech.jts.geom.util.AffineTransformation
        .translationInstance(80, 0).transform(MetricProjection.toMetres(r.line())));
    String body = original.toString().replace(original.get("geometry").toString(), org.gridwatch.geo.GeoJson.toJson(moved));
    assertThat(http.put("/api/v1/routes/" + r.code(), body, police).status()).isEqualTo(200);
    Map<String, Double> after = patrolCovered(when);
    Set<String> touched = touchedBy(r.line(), r.widthM());
    touched.addAll(touchedBy(moved, r.widthM()));
    assertThat(changed(before, after)).isNotEmpty().isSubsetOf(touched);
    engine.rebuild();
    assertThat(changed(after, patrolCovered(when))).as("incremental equals a full rebuild").isEmpty();
    assertThat(http.put("/api/v1/routes/" + r.code(), original.toString(), police).status()).isEqualTo(200);
    assertThat(changed(before, patrolCovered(when))).as("moving it back restores the start").isEmpty();
  }

  Map<String, Double> patrolCovered(Instant when) {
    Map<String, Double> out = new HashMap<>();
    for (GridFigures g : coverage.grids(when)) out.put(g.gridCode(), g.patrolCoveredM2());
    return out;
  }

  Set<String> touchedBy(Geometry lineWgs84, double width) {
    Geometry strip = MetricProjection.toWgs84(org.gridwatch.geo.RouteBuffer.metres(lineWgs84, width));
    Set<String> out = new HashSet<>();
    for (AreaView g : areas.now().level(AreaLevel.GRID)) if (g.boundary().intersects(strip)) out.add(g.code());
    return out;
  }

  @Test
  void anObstacleLayerClipsWhatCamerasSeeAndClearingItRestoresThem() {
    CameraView c = cameras.all().stream().filter(x -> x.online() && x.type() == org.gridwatch.skynet.CameraType.FIXED
        && x.rangeM() >= 60).findFirst().orElseThrow();
    Instant when = coverage.at("day");
    Map<String, Double> before = cameraCovered(when);
    double[] eye = MetricProjection.project(c.lon(), c.lat());
    double h = Math.toRadians(c.heading()), ax = Math.sin(h), ay = Math.cos(h);
    // A wall 10 m in front of the camera, square to its heading, 40 m wide and 1 m thick.
    double[][] corners = {{10, -20}, {10, 20}, {11, 20}, {11, -20}, {10, -20}};
    StringBuilder ring = new StringBuilder();
    for (double[] k : corners) {
      double[] ll = MetricProjection.unproject(eye[0] + k[0] * ax + k[1] * ay, eye[1] + k[0] * ay - k[1] * ax);
      ring.append(ring.isEmpty() ? "" : ",").append("[").append(ll[0]).append(",").append(ll[1]).append("]");
    }
    String body = "{\"type\":\"FeatureCollection\",\"features\":["
        + "{\"type\":\"Feature\",\"properties\":{\"code\":\"WALL-1\",\"height_m\":12},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}},"
        + "{\"type\":\"Feature\",\"properties\":{\"code\":\"BOWTIE\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
        + "[[[120.35,36.09],[120.351,36.091],[120.351,36.09],[120.35,36.091],[120.35,36.09]]]}},"
        + "{\"type\":\"Feature\",\"properties\":{\"code\":\"A-POINT\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[120.35,36.09]}}]}";
    Http.Response r = http.postJson("/api/v1/obstacles/import", body, police);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("stored").asInt()).isEqualTo(1);
    assertThat(codes(r.json().get("errors"), "field")).containsExactly("features[1].geometry", "features[2].geometry");
    assertThat(r.json().get("errors").get(0).get("reason").asString()).containsIgnoringCase("self-intersection");
    try {
      double full = Math.PI * c.rangeM() * c.rangeM() * c.effectiveFov() / 360;
      JsonNode sector = http.get("/ogcapi/collections/camera-coverage/items/" + c.code(), police).json();
      double seen = MetricProjection.areaM2(org.gridwatch.geo.GeoJson.read(sector.get("geometry"), "geometry"));
      assertThat(seen).as("the wall hides most of what lies beyond 10 m").isLessThan(full * 0.5);
      assertThat(cameraCovered(when).get(c.gridCode())).isLessThan(before.get(c.gridCode()));
      double[] beyond = MetricProjection.unproject(eye[0] + 30 * ax, eye[1] + 30 * ay);
      assertThat(codes(http.get("/api/v1/coverage/at?lon=" + beyond[0] + "&lat=" + beyond[1], police).json().get("cameras")))
          .doesNotContain(c.code());
      assertThat(http.delete("/api/v1/obstacles", Http.basic("gridworker", TestEnvironment.DEMO_PASSWORD)).status()).isEqualTo(403);
    } finally {
      assertThat(http.delete("/api/v1/obstacles", police).json().get("removed").asInt()).isEqualTo(1);
    }
    assertThat(changed(before, cameraCovered(when))).as("clearing restores every grid").isEmpty();
  }

  @Test
  void aMiniDomeSeesItsOwnFieldOfViewTowardsItsHeadingWhereADomeSeesAllAround() {
    Point inside = areas.now().level(AreaLevel.GRID).get(200).boundary().getInteriorPoint();
    String body = "{\"code\":\"MINI-1\",\"lon\":" + inside.getX() + ",\"lat\":" + inside.getY()
        + ",\"type\":\"MINI_DOME\",\"heading\":90,\"range\":50,\"status\":\"ONLINE\"}";
    Http.Response r = http.postJson("/api/v1/cameras", body, police);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    try {
      JsonNode sector = http.get("/ogcapi/collections/camera-coverage/items/MINI-1", police).json();
      Geometry seen = org.gridwatch.geo.GeoJson.read(sector.get("geometry"), "geometry");
      double expected = Math.PI * 50 * 50 * 110 / 360;
      assertThat(MetricProjection.areaM2(seen)).as("a 110° sector by default, not a disc").isCloseTo(expected, within(expected * 0.01));
      double[] c = MetricProjection.project(inside.getX(), inside.getY());
      double[] east = MetricProjection.unproject(c[0] + 30, c[1]), west = MetricProjection.unproject(c[0] - 30, c[1]);
      assertThat(seen.covers(org.gridwatch.geo.Geometries.point(east[0], east[1]))).as("ahead, 30 m east").isTrue();
      assertThat(seen.covers(org.gridwatch.geo.Geometries.point(west[0], west[1]))).as("behind, 30 m west").isFalse();
    } finally {
      assertThat(http.delete("/api/v1/cameras/MINI-1", police).status()).isEqualTo(204);
    }
    Http.Response dome = http.postJson("/api/v1/cameras", body.replace("MINI_DOME", "DOME").replace("MINI-1", "DOME-1"), police);
    assertThat(dome.status()).as(dome.body()).isEqualTo(201);
    try {
      Geometry all = org.gridwatch.geo.GeoJson.read(http.get("/ogcapi/collections/camera-coverage/items/DOME-1", police).json()
          .get("geometry"), "geometry");
      assertThat(MetricProjection.areaM2(all)).isCloseTo(Math.PI * 50 * 50, within(Math.PI * 50 * 50 * 0.01));
    } finally {
      assertThat(http.delete("/api/v1/cameras/DOME-1", police).status()).isEqualTo(204);
    }
  }

  @Test
  void whatIfShowsTheChangeAndSavesNothing() {
    Point inside = areas.now().level(AreaLevel.GRID).get(300).boundary().getInteriorPoint();
    int camerasBefore = http.get("/api/v1/cameras", police).json().size();
    Map<String, Double> before = cameraCovered(coverage.at("day"));
    String draft = "{\"window\":\"day\",\"cameras\":[{\"code\":\"WHATIF-1\",\"lon\":" + inside.getX() + ",\"lat\":" + inside.getY()
        + ",\"type\":\"DOME\",\"heading\":0,\"fov\":360,\"range\":60,\"status\":\"ONLINE\"}]}";
    Http.Response r = http.postJson("/api/v1/coverage/what-if", draft, police);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode grids = r.json().get("grids");
    assertThat(grids.size()).isGreaterThan(0);
    double gained = 0;
    for (JsonNode g : grids) {
      assertThat(g.get("cameraAfter").asDouble()).isGreaterThanOrEqualTo(g.get("cameraBefore").asDouble());
      assertThat(g.get("combinedAfter").asDouble()).isGreaterThanOrEqualTo(g.get("combinedBefore").asDouble());
      gained += (g.get("cameraAfter").asDouble() - g.get("cameraBefore").asDouble()) * g.get("areaM2").asDouble();
    }
    assertThat(gained).as("new camera cover, m²").isPositive().isLessThanOrEqualTo(Math.PI * 60 * 60 * 1.001);
    assertThat(http.get("/api/v1/cameras", police).json().size()).isEqualTo(camerasBefore);
    assertThat(changed(before, cameraCovered(coverage.at("day")))).isEmpty();
  }

  /**
   * Issue 10: what-if reads the engine in several steps (the grids touched, their cover now, the sectors near
   * them). While a camera went off and on line, those steps could see different states: the figures before from
   * one, those after from the other (or a failure on an index changed under it). Every answer must be the one
   * for the camera on line or the one for it off line, never a mixture.
   */
  @Test
  void whatIfWhileACameraComesAndGoesNeverSeesATornState() throws Exception {
    Instant when = coverage.at("day");
    engine.version(); // built: changes apply to it from now on
    CameraView c = null;
    CameraView draft = null;
    Planning.Change on = null, off = null;
    for (CameraView x : cameras.all().stream().filter(x -> x.online() && x.rangeM() > 60 && x.effectiveFov() < 180).limit(40).toList()) {
      CameraView d = new CameraView("WHATIF-2", "draft", x.lon(), x.lat(), org.gridwatch.skynet.CameraType.DOME, 0, 360, 30, 4,
          org.gridwatch.skynet.CameraStatus.ONLINE, false, null, x.gridCode(), false);
      Planning.Change withIt = changeIn(x.gridCode(), planning.whatIf(List.of(d), List.of(), when));
      engine.cameraChanged(new org.gridwatch.skynet.CameraChanged(x, null));
      Planning.Change without = changeIn(x.gridCode(), planning.whatIf(List.of(d), List.of(), when));
      engine.cameraChanged(new org.gridwatch.skynet.CameraChanged(null, x));
      if (withIt.cameraBefore() - without.cameraBefore() > 0.01 && withIt.cameraAfter() - without.cameraAfter() > 0.01) {
        c = x;
        draft = d;
        on = withIt;
        off = without;
        break;
      }
    }
    assertThat(c).as("a camera that alone covers part of its grid").isNotNull();
    CameraView camera = c, drafted = draft;
    Planning.Change online = on, offline = off;
    var writing = new java.util.concurrent.atomic.AtomicBoolean(true);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    List<String> torn = java.util.Collections.synchronizedList(new ArrayList<>());
    var reads = new java.util.concurrent.atomic.AtomicInteger();
    try {
      var writer = pool.submit(() -> {
        try {
          long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
          while (reads.get() < 1000 && System.nanoTime() < until) {
            engine.cameraChanged(new org.gridwatch.skynet.CameraChanged(camera, null)); // off line
            engine.cameraChanged(new org.gridwatch.skynet.CameraChanged(null, camera)); // back
          }
        } finally {
          writing.set(false);
        }
        return null;
      });
      List<java.util.concurrent.Future<?>> readers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        readers.add(pool.submit(() -> {
          while (writing.get() || reads.get() == 0) {
            reads.incrementAndGet();
            try {
              Planning.Change g = changeIn(camera.gridCode(), planning.whatIf(List.of(drafted), List.of(), when));
              boolean asOnline = Math.abs(g.cameraBefore() - online.cameraBefore()) < 1e-4 && Math.abs(g.cameraAfter() - online.cameraAfter()) < 1e-4;
              boolean asOffline = Math.abs(g.cameraBefore() - offline.cameraBefore()) < 1e-4 && Math.abs(g.cameraAfter() - offline.cameraAfter()) < 1e-4;
              if (!asOnline && !asOffline) torn.add(g.toString());
            } catch (RuntimeException e) {
              torn.add(e.toString());
            }
          }
          return null;
        }));
      }
      writer.get(5, java.util.concurrent.TimeUnit.MINUTES);
      for (var r : readers) r.get(5, java.util.concurrent.TimeUnit.MINUTES);
    } finally {
      pool.shutdownNow();
      engine.rebuild();
    }
    assertThat(torn).as("torn answers among " + reads.get() + " what-if reads (on line: " + online + ", off line: " + offline + ")")
        .isEmpty();
  }

  static Planning.Change changeIn(String grid, List<Planning.Change> changes) {
    return changes.stream().filter(x -> x.gridCode().equals(grid)).findFirst().orElseThrow();
  }

  @Test
  void suggestionsAreGreedyAndStateTheirBound() {
    Http.Response r = http.postJson("/api/v1/coverage/suggestions", "{\"k\":4,\"window\":\"night\"}", police);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode s = r.json();
    JsonNode sites = s.get("sites");
    assertThat(sites.size()).isEqualTo(4);
    int sum = 0, previous = Integer.MAX_VALUE;
    for (JsonNode site : sites) {
      int gain = site.get("gain").asInt();
      assertThat(gain).isPositive().isLessThanOrEqualTo(previous);
      previous = gain;
      sum += gain;
      assertThat(areas.now().gridAt(site.get("lon").asDouble(), site.get("lat").asDouble())).as("a site inside the district").isPresent();
    }
    assertThat(s.get("coveredAfter").asInt()).isEqualTo(s.get("coveredBefore").asInt() + sum);
    assertThat(s.get("coveredAfter").asInt()).isLessThanOrEqualTo(s.get("casesInWindow").asInt());
    assertThat(s.get("bound").asString()).contains("1 - 1/e");
    assertThat(http.postJson("/api/v1/coverage/suggestions", "{\"k\":0}", police).json().get("errors").get(0).get("field").asString())
        .isEqualTo("k");
  }

  @Test
  void aPointKnowsWhichCamerasSeeItAndTheNearestPatrol() {
    CameraView c = cameras.all().stream().filter(x -> x.online() && x.effectiveFov() < 180).findFirst().orElseThrow();
    double[] at = MetricProjection.project(c.lon(), c.lat());
    double h = Math.toRadians(c.heading());
    double[] ahead = MetricProjection.unproject(at[0] + 0.5 * c.rangeM() * Math.sin(h), at[1] + 0.5 * c.rangeM() * Math.cos(h));
    double[] behind = MetricProjection.unproject(at[0] - 0.5 * c.rangeM() * Math.sin(h), at[1] - 0.5 * c.rangeM() * Math.cos(h));
    JsonNode seen = http.get("/api/v1/coverage/at?lon=" + ahead[0] + "&lat=" + ahead[1], police).json();
    assertThat(codes(seen.get("cameras"))).contains(c.code());
    assertThat(seen.get("nearestRoute").get("distanceM").asDouble()).isNotNegative();
    assertThat(Instant.parse(seen.get("nearestRoute").get("nextPass").asString())).isAfter(Instant.now().minusSeconds(3600));
    JsonNode unseen = http.get("/api/v1/coverage/at?lon=" + behind[0] + "&lat=" + behind[1], police).json();
    assertThat(codes(unseen.get("cameras"))).doesNotContain(c.code());
    assertThat(http.get("/api/v1/coverage/at?lon=121.5&lat=36.5", police).status()).isEqualTo(404);
    assertThat(http.get("/api/v1/coverage/at?lon=abc&lat=36.1", police).json().get("errors").get(0).get("field").asString())
        .isEqualTo("lon");
  }

  @Test
  void cameraAndPatrolPositionsAreForSignedInUsersOnly() {
    for (String path : List.of("/api/v1/cameras", "/api/v1/routes", "/api/v1/coverage/grids", "/api/v1/coverage/summary",
        "/ogcapi/collections/cameras/items", "/ogcapi/collections/camera-coverage/items", "/ogcapi/collections/patrol-routes/items",
        "/ogcapi/collections/grid-coverage/items", "/ogcapi/collections/coverage-gaps/items")) {
      assertThat(http.get(path).status()).as(path).isEqualTo(401);
      assertThat(http.get(path, police).status()).as(path).isEqualTo(200);
    }
    assertThat(http.get("/ogcapi/collections").body()).doesNotContain("camera-coverage");
    assertThat(http.get("/ogcapi/collections", police).body()).contains("camera-coverage", "grid-coverage", "coverage-gaps");
    String[] gridworker = Http.basic("gridworker", TestEnvironment.DEMO_PASSWORD);
    Point p = areas.now().level(AreaLevel.GRID).get(10).boundary().getInteriorPoint();
    Http.Response r = http.postJson("/api/v1/cameras", cameraJson(p.getX(), p.getY(), 0, 60).replace("MC-TEST", "GW-TRY"), gridworker);
    assertThat(r.status()).isEqualTo(403);
    assertThat(http.get("/api/v1/cameras/GW-TRY", police).status()).isEqualTo(404);
  }

  @Test
  void theOgcGridCoverageCarriesTheSameFiguresAsTheApi() {
    JsonNode page = http.get("/ogcapi/collections/grid-coverage/items?window=night&limit=5&subdistrict=370203005", police).json();
    assertThat(page.get("numberMatched").asInt()).isPositive();
    Map<String, JsonNode> night = gridsOver("night");
    for (JsonNode f : page.get("features")) {
      JsonNode p = f.get("properties");
      assertThat(p.get("subdistrictCode").asString()).isEqualTo("370203005");
      assertThat(p.get("combinedCoverage").asDouble()).isEqualTo(night.get(f.get("id").asString()).get("combinedCoverage").asDouble());
      assertThat(f.get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
    }
    JsonNode gaps = http.get("/ogcapi/collections/coverage-gaps/items?window=night&limit=3", police).json();
    for (JsonNode f : gaps.get("features")) {
      double gapArea = night.get(f.get("id").asString()).get("gapAreaM2").asDouble();
      Geometry g = org.gridwatch.geo.GeoJson.read(f.get("geometry"), "geometry");
      assertThat(MetricProjection.areaM2(g)).isCloseTo(gapArea, within(Math.max(2, gapArea * 0.001)));
    }
    assertThat(http.get("/ogcapi/collections/grid-coverage/items?window=noon", police).json().get("errors").get(0)
        .get("field").asString()).isEqualTo("window");
  }

  @Test
  void importKeepsGoodRowsAndNamesEveryBadOne() {
    Point a = areas.now().level(AreaLevel.GRID).get(500).boundary().getInteriorPoint();
    Point b = areas.now().level(AreaLevel.GRID).get(501).boundary().getInteriorPoint();
    String csv = "code,name,lon,lat,type,heading,fov,range,status\n"
        + "IMP-1,good,%s,%s,FIXED,90,60,50,ONLINE\n".formatted(a.getX(), a.getY())
        + "IMP-2,bad lon,abc,36.09,FIXED,90,60,50,ONLINE\n"
        + "IMP-3,bad fov,%s,%s,FIXED,90,400,50,ONLINE\n".formatted(a.getX(), a.getY())
        + "IMP-4,good too,%s,%s,DOME,0,360,40,OFFLINE\n".formatted(b.getX(), b.getY())
        + "IMP-5,outside,121.5,36.5,FIXED,0,60,50,ONLINE\n";
    int before = cameras.all().size();
    Http.Response r = http.post("/api/v1/cameras/import", csv, "text/csv", police);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("stored").asInt()).isEqualTo(2);
    assertThat(r.json().get("refused").asInt()).isEqualTo(3);
    assertThat(codes(r.json().get("errors"), "field")).containsExactly("rows[1].lon", "rows[2].fov", "rows[4].lon");
    assertThat(cameras.all().size()).isEqualTo(before + 2);
    assertThat(cameras.find("IMP-4").orElseThrow().gridCode()).isEqualTo(areas.now().gridAt(b.getX(), b.getY()).orElseThrow().code());
    assertThat(cameras.find("IMP-2")).isEmpty();
    http.delete("/api/v1/cameras/IMP-1", police);
    http.delete("/api/v1/cameras/IMP-4", police);
  }

  @Test
  void badCamerasAndRoutesAreRefusedNamingTheField() {
    Point p = areas.now().level(AreaLevel.GRID).get(20).boundary().getInteriorPoint();
    Http.Response cam = http.postJson("/api/v1/cameras", "{\"code\":\"BAD-1\",\"lon\":" + p.getX() + ",\"lat\":" + p.getY()
        + ",\"type\":\"FIXED\",\"heading\":370,\"fov\":0,\"range\":-1,\"status\":\"ONLINE\"}", police);
    assertThat(cam.status()).isEqualTo(400);
    assertThat(codes(cam.json().get("errors"), "field")).containsExactly("heading", "fov", "range");
    assertThat(http.postJson("/api/v1/cameras", "{\"code\":\"BAD-2\",\"lon\":36.1,\"lat\":120.35}", police).body())
        .contains("\"lat\"").contains("look swapped");
    String schedule = "\"schedule\":[{\"days\":\"MON-SUN\",\"start\":\"08:00\",\"end\":\"10:00\",\"passes\":1}]";
    Http.Response polygon = http.postJson("/api/v1/routes", "{\"code\":\"BAD-R\",\"mode\":\"FOOT\",\"geometry\":{\"type\":\"Polygon\","
        + "\"coordinates\":[[[120.35,36.09],[120.36,36.09],[120.36,36.1],[120.35,36.09]]]}," + schedule + "}", police);
    assertThat(codes(polygon.json().get("errors"), "field")).containsExactly("geometry");
    Http.Response far = http.postJson("/api/v1/routes", "{\"code\":\"BAD-R\",\"mode\":\"FOOT\",\"geometry\":{\"type\":\"LineString\","
        + "\"coordinates\":[[" + p.getX() + "," + p.getY() + "],[121.36,36.09]]}," + schedule + "}", police);
    assertThat(far.status()).isEqualTo(400);
    assertThat(far.json().get("errors").get(0).get("reason").asString()).contains("outside the district");
    Http.Response width = http.postJson("/api/v1/routes", "{\"code\":\"BAD-R\",\"mode\":\"FOOT\",\"width\":-5,\"geometry\":{\"type\":\"LineString\","
        + "\"coordinates\":[[" + p.getX() + "," + p.getY() + "],[" + (p.getX() + 0.001) + "," + p.getY() + "]]}," + schedule + "}", police);
    assertThat(codes(width.json().get("errors"), "field")).containsExactly("width");
    assertThat(http.get("/api/v1/routes/BAD-R", police).status()).isEqualTo(404);
  }

  @Test
  void objectsArraysAndWrongTypesInCamerasObstaclesRoutesAndWhatIfAre400sNamingTheFieldAndStoreNothing() {
    Point p = areas.now().level(AreaLevel.GRID).get(30).boundary().getInteriorPoint();
    String at = "\"lon\":" + p.getX() + ",\"lat\":" + p.getY();
    int cams = cameras.all().size(), rts = routes.all().size();
    long obstacles = http.get("/api/v1/obstacles", police).json().get("count").asLong();

    refused(http.postJson("/api/v1/cameras", "{\"code\":\"T-1\"," + at + ",\"range\":{\"m\":50}}", police), "range");
    refused(http.postJson("/api/v1/cameras", "{\"code\":[\"T-1\"]," + at + ",\"range\":50}", police), "code");
    refused(http.postJson("/api/v1/cameras", "{\"code\":\"T-1\",\"lon\":[1,2],\"lat\":36.1,\"range\":50}", police), "lon");
    refused(http.postJson("/api/v1/cameras", "{\"code\":\"T-1\"," + at + ",\"range\":50,\"type\":{}}", police), "type");
    refused(http.postJson("/api/v1/cameras", "{\"code\":\"T-1\"," + at + ",\"range\":50,\"name\":\"" + "n".repeat(101) + "\"}", police), "name");
    refused(http.postJson("/api/v1/cameras", "[]", police), "body");
    String existing = cameras.all().get(0).code();
    refused(http.put("/api/v1/cameras/" + existing, "{\"code\":\"" + existing + "\"," + at + ",\"heading\":{\"deg\":1},\"range\":50}", police),
        "heading");
    String feature = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + p.getX() + "," + p.getY() + "]},"
        + "\"properties\":%s}";
    refused(http.postJson("/api/v1/cameras/import", "{\"type\":\"FeatureCollection\",\"features\":["
        + feature.formatted("{\"code\":\"IMP-OK\",\"range\":40}") + "," + feature.formatted("{\"code\":{\"a\":1},\"range\":40}") + "]}", police),
        "features[1].properties.code");
    refused(http.postJson("/api/v1/cameras/import", "{\"type\":\"FeatureCollection\",\"features\":["
        + feature.formatted("{\"code\":\"IMP-OK\",\"range\":[40]}") + "]}", police), "features[0].properties.range");
    refused(http.postJson("/api/v1/cameras/import", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[{},36.1]},\"properties\":{\"code\":\"IMP-OK\",\"range\":40}}]}", police),
        "features[0].geometry.coordinates[0]");
    refused(http.postJson("/api/v1/cameras/import", "{\"type\":\"FeatureCollection\",\"features\":{}}", police), "features");
    assertThat(cameras.all().size()).as("no camera stored").isEqualTo(cams);

    String square = "{\"type\":\"Polygon\",\"coordinates\":[[[" + p.getX() + "," + p.getY() + "],[" + (p.getX() + 0.0001) + "," + p.getY()
        + "],[" + (p.getX() + 0.0001) + "," + (p.getY() + 0.0001) + "],[" + p.getX() + "," + p.getY() + "]]]}";
    refused(http.postJson("/api/v1/obstacles/import", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
        + "\"properties\":{\"code\":{\"a\":1}},\"geometry\":" + square + "}]}", police), "features[0].properties.code");
    refused(http.postJson("/api/v1/obstacles/import", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
        + "\"properties\":{\"code\":\"OB-T\",\"height_m\":\"tall\"},\"geometry\":" + square + "}]}", police), "features[0].properties.height_m");
    refused(http.postJson("/api/v1/obstacles/import", "{\"type\":[\"FeatureCollection\"],\"features\":[]}", police), "type");
    assertThat(http.get("/api/v1/obstacles", police).json().get("count").asLong()).as("no obstacle stored").isEqualTo(obstacles);

    String line = "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[" + p.getX() + "," + p.getY() + "],[" + (p.getX() + 0.001) + ","
        + p.getY() + "]]}";
    String schedule = "\"schedule\":[{\"days\":\"MON-SUN\",\"start\":\"08:00\",\"end\":\"10:00\",\"passes\":1}]";
    refused(http.postJson("/api/v1/routes", "{" + line + "," + schedule + "}", police), "code");
    refused(http.postJson("/api/v1/routes", "{\"code\":{\"a\":1}," + line + "," + schedule + "}", police), "code");
    refused(http.postJson("/api/v1/routes", "{\"code\":\"T-R\",\"mode\":{\"a\":1}," + line + "," + schedule + "}", police), "mode");
    refused(http.postJson("/api/v1/routes", "{\"code\":\"T-R\",\"name\":[1]," + line + "," + schedule + "}", police), "name");
    refused(http.postJson("/api/v1/routes", "{\"code\":\"T-R\",\"width\":\"wide\"," + line + "," + schedule + "}", police), "width");
    refused(http.postJson("/api/v1/routes", "{\"code\":\"T-R\"," + line + ",\"schedule\":[{\"days\":\"MON-SUN\",\"start\":\"08:00\","
        + "\"end\":\"10:00\",\"passes\":{\"n\":2}}]}", police), "schedule[0].passes");
    refused(http.postJson("/api/v1/routes", "{\"code\":\"T-R\"," + line + ",\"schedule\":[{\"days\":\"MON-SUN\",\"start\":[8],"
        + "\"end\":\"10:00\",\"passes\":1}]}", police), "schedule[0].start");
    refused(http.postJson("/api/v1/routes", "{\"code\":\"T-R\"," + line + ",\"schedule\":[{\"days\":\"MON-SUN\",\"start\":\"08:00\","
        + "\"end\":\"25:00\",\"passes\":1}]}", police), "schedule[0].end");
    refused(http.postJson("/api/v1/routes", "{\"code\":\"T-R\"," + line + ",\"schedule\":[{\"days\":\"MON-SUN\",\"start\":\"08:00\","
        + "\"end\":\"10:00\",\"passes\":1000000}]}", police), "schedule[0].passes");
    refused(http.put("/api/v1/routes/" + routes.all().get(0).code(), "{\"mode\":[\"FOOT\"]," + line + "," + schedule + "}", police), "mode");
    assertThat(routes.all().size()).as("no route stored").isEqualTo(rts);

    refused(http.postJson("/api/v1/coverage/what-if", "{\"window\":{\"a\":1},\"cameras\":[{\"code\":\"W-1\"," + at + ",\"range\":40}]}", police),
        "window");
    refused(http.postJson("/api/v1/coverage/what-if", "{\"cameras\":[{\"code\":\"W-1\"," + at + ",\"range\":{}}]}", police), "cameras[0].range");
    refused(http.postJson("/api/v1/coverage/what-if", "{\"cameras\":{\"code\":\"W-1\"}}", police), "cameras");
    refused(http.postJson("/api/v1/coverage/what-if", "{\"routes\":[{\"code\":\"W-R\",\"mode\":{}," + line + "," + schedule + "}]}", police),
        "routes[0].mode");
    refused(http.postJson("/api/v1/coverage/what-if", "{\"routes\":[{\"code\":[]," + line + "," + schedule + "}]}", police), "routes[0].code");
    refused(http.postJson("/api/v1/coverage/what-if", "{}", police), "cameras");
    refused(http.postJson("/api/v1/coverage/suggestions", "{\"k\":{}}", police), "k");
    refused(http.postJson("/api/v1/coverage/suggestions", "{\"k\":100000}", police), "k");
    assertThat(cameras.all().size()).isEqualTo(cams);
    assertThat(routes.all().size()).isEqualTo(rts);
  }

  static void refused(Http.Response r, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(codes(r.json().get("errors"), "field")).as(r.body()).contains(field);
  }

  // ---- the independent answer ----

  /** Percent of random points of the grid seen by an ONLINE camera, on an active route's strip, and either. */
  double[] sample(String gridCode, Instant when) {
    Geometry grid = MetricProjection.toMetres(areas.now().find(gridCode).orElseThrow().boundary());
    IndexedPointInAreaLocator inGrid = new IndexedPointInAreaLocator(grid);
    Envelope box = grid.getEnvelopeInternal();
    List<double[]> near = new ArrayList<>();
    for (CameraView c : cameras.all()) {
      if (!c.online()) continue;
      double[] xy = MetricProjection.project(c.lon(), c.lat());
      Envelope reach = new Envelope(xy[0] - c.rangeM(), xy[0] + c.rangeM(), xy[1] - c.rangeM(), xy[1] + c.rangeM());
      if (reach.intersects(box)) near.add(new double[] {xy[0], xy[1], c.rangeM(), c.heading(), c.effectiveFov()});
    }
    List<Geometry> lines = new ArrayList<>();
    List<Double> widths = new ArrayList<>();
    for (RouteView r : routes.all()) {
      if (!r.activeAt(when)) continue;
      Geometry line = MetricProjection.toMetres(r.line());
      Envelope reach = new Envelope(line.getEnvelopeInternal());
      reach.expandBy(r.widthM());
      if (!reach.intersects(box)) continue;
      lines.add(line);
      widths.add(r.widthM());
    }
    SplittableRandom random = new SplittableRandom(gridCode.hashCode());
    int in = 0, camera = 0, patrol = 0, either = 0;
    while (in < SAMPLES_PER_GRID) {
      Coordinate c = new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(),
          box.getMinY() + random.nextDouble() * box.getHeight());
      if (inGrid.locate(c) != Location.INTERIOR) continue;
      in++;
      boolean seen = near.stream().anyMatch(s -> inSector(c, s));
      boolean walked = false;
      Point pt = grid.getFactory().createPoint(c);
      for (int i = 0; i < lines.size() && !walked; i++) walked = DistanceOp.isWithinDistance(pt, lines.get(i), widths.get(i));
      if (seen) camera++;
      if (walked) patrol++;
      if (seen || walked) either++;
    }
    return new double[] {100.0 * camera / in, 100.0 * patrol / in, 100.0 * either / in};
  }

  /** Within range, and within half the field of view of the heading (bearing clockwise from grid north). */
  static boolean inSector(Coordinate p, double[] camera) {
    double dx = p.x - camera[0], dy = p.y - camera[1];
    if (Math.hypot(dx, dy) > camera[2]) return false;
    if (camera[4] >= 360) return true;
    double bearing = Math.toDegrees(Math.atan2(dx, dy));
    double off = Math.abs(((bearing - camera[3]) % 360 + 540) % 360 - 180);
    return off <= camera[4] / 2;
  }

  // ---- helpers ----

  Map<String, JsonNode> gridsOver(String window) {
    Http.Response r = http.get("/api/v1/coverage/grids?window=" + window, police);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode g : r.json().get("grids")) out.put(g.get("gridCode").asString(), g);
    return out;
  }

  static String mostBy(Map<String, JsonNode> grids, String figure) {
    return grids.values().stream().max(Comparator.comparingDouble(g -> g.get(figure).asDouble())).orElseThrow()
        .get("gridCode").asString();
  }

  Map<String, Double> cameraCovered(Instant when) {
    Map<String, Double> out = new HashMap<>();
    for (GridFigures g : coverage.grids(when)) out.put(g.gridCode(), g.cameraCoveredM2());
    return out;
  }

  static Set<String> changed(Map<String, Double> a, Map<String, Double> b) {
    Set<String> out = new HashSet<>();
    for (var e : a.entrySet()) if (Math.abs(e.getValue() - b.get(e.getKey())) > 0.01) out.add(e.getKey());
    return out;
  }

  Set<String> touched(double lon, double lat, double heading, double range) {
    Geometry sector = org.gridwatch.geo.Sector.wgs84(lon, lat, heading, 60, range);
    Set<String> out = new HashSet<>();
    for (AreaView g : areas.now().level(AreaLevel.GRID)) if (g.boundary().intersects(sector)) out.add(g.code());
    return out;
  }

  static String cameraJson(double lon, double lat, double heading, double range) {
    return "{\"code\":\"MC-TEST\",\"name\":\"test camera\",\"lon\":" + lon + ",\"lat\":" + lat + ",\"type\":\"FIXED\",\"heading\":"
        + heading + ",\"fov\":60,\"range\":" + range + ",\"status\":\"ONLINE\"}";
  }

  static List<String> codes(JsonNode array) { return codes(array, "code"); }

  static List<String> codes(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asString()));
    return out;
  }
}
