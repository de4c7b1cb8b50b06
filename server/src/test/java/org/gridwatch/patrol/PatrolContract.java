package org.gridwatch.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.groundnet.RouteView;
import org.gridwatch.groundnet.Routes;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Patrols as walked, through the API as the field app drives it: start, batches of fixes with implausible ones left out
 * and malformed batches refused whole, a resend under the same Idempotency-Key counted once, check-ins at key points,
 * ending (with and without a track), who may record and read, and a recorded track changing the walked coverage of the
 * grid it crosses and of no other.
 */
abstract class PatrolContract {
  static final double ACCURACY = 5;
  @Autowired AreaCatalog areas;
  @Autowired Routes routes;
  @LocalServerPort int port;
  Http http;
  String[] worker, police, planner;

  @BeforeEach
  void client() {
    http = new Http(port);
    worker = Http.basic("gridworker", TestEnvironment.DEMO_PASSWORD);
    police = Http.basic("police", TestEnvironment.DEMO_PASSWORD);
    planner = Http.basic("planner", TestEnvironment.DEMO_PASSWORD);
  }

  /** A FOOT route of the demo with its key points. */
  RouteView footRoute() {
    return routes.all().stream().filter(r -> r.mode() == org.gridwatch.groundnet.Mode.FOOT && r.synthetic()).findFirst().orElseThrow();
  }

  JsonNode start(String body, String[] who) {
    Http.Response r = http.postJson("/api/v1/patrols", body, who);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  /** A fix {@code east}/{@code north} metres from a WGS84 point, {@code seconds} after {@code t0}. */
  static String fix(double lon, double lat, double east, double north, Instant t0, double seconds, double accuracy) {
    double[] xy = MetricProjection.project(lon, lat);
    double[] ll = MetricProjection.unproject(xy[0] + east, xy[1] + north);
    return String.format(Locale.ROOT, "{\"lon\": %.8f, \"lat\": %.8f, \"at\": \"%s\", \"accuracy\": %.1f}", ll[0], ll[1],
        t0.plusMillis((long) (seconds * 1000)), accuracy);
  }

  static String batch(List<String> fixes) { return "{\"points\": [" + String.join(", ", fixes) + "]}"; }

  static String[] with(String[] auth, String... more) {
    String[] out = java.util.Arrays.copyOf(auth, auth.length + more.length);
    System.arraycopy(more, 0, out, auth.length, more.length);
    return out;
  }

  @Test
  void aResentStartOrEndIsAnsweredWithThePatrolItMadeNotASecondOne() {
    String key = "start-" + System.nanoTime();
    Http.Response first = http.postJson("/api/v1/patrols", "{}", with(worker, "Idempotency-Key", key));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    Http.Response again = http.postJson("/api/v1/patrols", "{}", with(worker, "Idempotency-Key", key));
    assertThat(again.status()).as("a resend is answered, not started again").isEqualTo(200);
    assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
    Http.Response other = http.postJson("/api/v1/patrols", "{}", with(worker, "Idempotency-Key", key + "-b"));
    assertThat(other.json().get("id").asLong()).as("a new key is a new patrol").isNotEqualTo(first.json().get("id").asLong());
    String end = "/api/v1/patrols/" + first.json().get("id").asLong() + "/end";
    Http.Response ended = http.postJson(end, "{}", worker);
    Http.Response endedAgain = http.postJson(end, "{}", worker);
    assertThat(endedAgain.status()).as(endedAgain.body()).isEqualTo(200);
    assertThat(endedAgain.json().get("endedAt").asString()).isEqualTo(ended.json().get("endedAt").asString());
    assertThat(http.postJson(end, "{}", police).status()).as("still only the owner ends it").isEqualTo(403);
  }

  @Test
  void aPatrolOnARouteIsStartedWalkedCheckedInAtAKeyPointAndEndedWithItsTrack() {
    RouteView route = footRoute();
    JsonNode p = start("{\"route\": \"" + route.code() + "\"}", worker);
    assertThat(p.get("status").asString()).isEqualTo("ACTIVE");
    assertThat(p.get("route").asString()).isEqualTo(route.code());
    assertThat(p.get("owner").asString()).isEqualTo("gridworker");
    assertThat(p.get("person").isNull()).as("the demo grid worker is a roster person").isFalse();
    JsonNode k1 = p.get("checkpoints").get(0);
    assertThat(p.get("checkpoints")).hasSize(3);
    assertThat(k1.get("checkedAt").isNull()).isTrue();
    Instant t0 = Instant.parse(p.get("startedAt").asString());
    double lon = k1.get("lon").asDouble(), lat = k1.get("lat").asDouble();
    List<String> fixes = new ArrayList<>();
    for (int i = 0; i < 5; i++) fixes.add(fix(lon, lat, 200 - i * 30, 0, t0, 1 + i * 10, ACCURACY)); // walks west to the key point
    Http.Response r = http.postJson("/api/v1/patrols/" + p.get("id").asLong() + "/points", batch(fixes), worker);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("accepted").asInt()).isEqualTo(5);
    assertThat(r.json().get("rejected")).isEmpty();
    assertThat(r.json().get("lengthM").asDouble()).isCloseTo(120, within(1.0));
    assertThat(r.json().at("/checkpoints/0/checkedAt").isNull()).as("the last fix is 80 m from K1, outside its 30 m").isTrue();
    fixes = List.of(fix(lon, lat, 10, 0, t0, 60, ACCURACY));
    r = http.postJson("/api/v1/patrols/" + p.get("id").asLong() + "/points", batch(fixes), worker);
    assertThat(Instant.parse(r.json().at("/checkpoints/0/checkedAt").asString())).isEqualTo(t0.plusSeconds(60));
    assertThat(r.json().at("/checkpoints/1/checkedAt").isNull()).isTrue();

    Http.Response end = http.postJson("/api/v1/patrols/" + p.get("id").asLong() + "/end", "", worker);
    assertThat(end.status()).as(end.body()).isEqualTo(200);
    assertThat(end.json().get("status").asString()).isEqualTo("ENDED");
    assertThat(end.json().get("lengthM").asDouble()).isCloseTo(190, within(1.0));
    assertThat(end.json().at("/track/type").asString()).isEqualTo("LineString");
    assertThat(end.json().at("/track/coordinates")).hasSize(6);
    assertThat(http.postJson("/api/v1/patrols/" + p.get("id").asLong() + "/points", batch(fixes), worker).status())
        .as("an ended patrol takes no more fixes").isEqualTo(409);

    JsonNode mine = http.get("/api/v1/patrols?mine=true", worker).json();
    assertThat(mine.findValues("id").stream().map(JsonNode::asLong)).contains(p.get("id").asLong());
    assertThat(http.get("/api/v1/patrols/" + p.get("id").asLong(), police).json().get("status").asString())
        .as("police planners read every patrol").isEqualTo("ENDED");
  }

  @Test
  void implausibleFixesAreLeftOutWithTheirReasonsAndTheRestKept() {
    AreaView grid = areas.now().level(AreaLevel.GRID).get(0);
    Coordinate c = grid.boundary().getInteriorPoint().getCoordinate();
    JsonNode p = start("{\"grid\": \"" + grid.code() + "\"}", worker);
    Instant t0 = Instant.parse(p.get("startedAt").asString());
    List<String> fixes = List.of(
        fix(c.x, c.y, 0, 0, t0, 1, ACCURACY),
        fix(c.x + 1.5, c.y, 0, 0, t0, 5, ACCURACY),              // 1: some 130 km east
        fix(c.x, c.y, 5, 0, t0, 3600, ACCURACY),                 // 2: an hour ahead of the clock
        fix(c.x, c.y, 5, 0, t0, 8, 400),                         // 3: accuracy 400 m
        fix(c.x, c.y, 3000, 0, t0, 12, ACCURACY),                // 4: 3 km in 11 s on foot
        fix(c.x, c.y, 0, 0, t0, 1, ACCURACY),                    // 5: the first one again
        fix(c.x, c.y, 0, 0, t0, -600, ACCURACY),                 // 6: before the patrol started
        fix(c.x, c.y, 20, 0, t0, 15, ACCURACY));                 // 7: a plausible step
    Http.Response r = http.postJson("/api/v1/patrols/" + p.get("id").asLong() + "/points", batch(fixes), worker);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("accepted").asInt()).isEqualTo(2);
    Map<Integer, String> reasons = new HashMap<>();
    r.json().get("rejected").forEach(x -> reasons.put(x.get("index").asInt(), x.get("reason").asString()));
    assertThat(reasons).isEqualTo(Map.of(1, "outside-district", 2, "in-future", 3, "inaccurate", 4, "impossible-speed",
        5, "duplicate", 6, "before-start"));
    assertThat(r.json().get("lengthM").asDouble()).isCloseTo(20, within(0.5));
  }

  @Test
  void aMalformedBatchIsRefusedWholeNamingTheFieldAndStoresNothing() {
    AreaView grid = areas.now().level(AreaLevel.GRID).get(0);
    Coordinate c = grid.boundary().getInteriorPoint().getCoordinate();
    long id = start("{}", worker).get("id").asLong();
    Instant t0 = Instant.now();
    String good = fix(c.x, c.y, 0, 0, t0, 1, ACCURACY);
    String path = "/api/v1/patrols/" + id + "/points";
    Map<String, String> bad = Map.of(
        "points[1].lat", batch(List.of(good, "{\"lon\": 120.3, \"lat\": \"NaN\", \"at\": \"" + t0 + "\", \"accuracy\": 5}")),
        "points[1].lon", batch(List.of(good, "{\"lon\": \"east\", \"lat\": 36.1, \"at\": \"" + t0 + "\", \"accuracy\": 5}")),
        "points[0].lat", batch(List.of("{\"lon\": 120.3, \"lat\": 95, \"at\": \"" + t0 + "\", \"accuracy\": 5}", good)),
        "points[1].accuracy", batch(List.of(good, "{\"lon\": 120.3, \"lat\": 36.1, \"at\": \"" + t0 + "\"}")),
        "points[0].at", batch(List.of("{\"lon\": 120.3, \"lat\": 36.1, \"at\": \"yesterday\", \"accuracy\": 5}")));
    bad.forEach((field, body) -> {
      Http.Response r = http.postJson(path, body, worker);
      assertThat(r.status()).as(field + ": " + r.body()).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().findValues("field").stream().map(JsonNode::asString)).as(r.body()).contains(field);
    });
    assertThat(http.get("/api/v1/patrols/" + id, worker).json().get("points").asInt()).as("nothing stored").isZero();
  }

  @Test
  void aPatrolWithOneFixEndsWithoutATrackAndSaysSo() {
    AreaView grid = areas.now().level(AreaLevel.GRID).get(0);
    Coordinate c = grid.boundary().getInteriorPoint().getCoordinate();
    JsonNode p = start("{}", worker);
    Instant t0 = Instant.parse(p.get("startedAt").asString());
    http.postJson("/api/v1/patrols/" + p.get("id").asLong() + "/points", batch(List.of(fix(c.x, c.y, 0, 0, t0, 1, ACCURACY))), worker);
    Http.Response end = http.postJson("/api/v1/patrols/" + p.get("id").asLong() + "/end", "", worker);
    assertThat(end.status()).as(end.body()).isEqualTo(200);
    assertThat(end.json().get("status").asString()).isEqualTo("ENDED");
    assertThat(end.json().get("track").isNull()).isTrue();
    assertThat(end.json().at("/note/en").asString()).contains("without a track");
    assertThat(end.json().at("/note/zh").asString()).contains("未形成轨迹");
  }

  @Test
  void aResentBatchUnderTheSameKeyCountsOnce() {
    AreaView grid = areas.now().level(AreaLevel.GRID).get(0);
    Coordinate c = grid.boundary().getInteriorPoint().getCoordinate();
    JsonNode p = start("{}", worker);
    Instant t0 = Instant.parse(p.get("startedAt").asString());
    String body = batch(List.of(fix(c.x, c.y, 0, 0, t0, 1, ACCURACY), fix(c.x, c.y, 15, 0, t0, 11, ACCURACY)));
    String path = "/api/v1/patrols/" + p.get("id").asLong() + "/points";
    Http.Response first = http.postJson(path, body, with(worker, "Idempotency-Key", "phone-batch-1"));
    Http.Response again = http.postJson(path, body, with(worker, "Idempotency-Key", "phone-batch-1"));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(again.json().get("accepted").asInt()).as("the resend is answered as the first time").isEqualTo(2);
    JsonNode now = http.get("/api/v1/patrols/" + p.get("id").asLong(), worker).json();
    assertThat(now.get("points").asInt()).isEqualTo(2);
    assertThat(now.get("lengthM").asDouble()).isCloseTo(15, within(0.5));
    String other = batch(List.of(fix(c.x, c.y, 30, 0, t0, 21, ACCURACY)));
    Http.Response reused = http.postJson(path, other, with(worker, "Idempotency-Key", "phone-batch-1"));
    assertThat(reused.status()).as(reused.body()).isEqualTo(422);
    assertThat(reused.body()).contains("Idempotency-Key");
  }

  @Test
  void anExplicitCheckInCountsWithinTheRadiusAndIsRefusedOutsideIt() {
    RouteView route = footRoute();
    JsonNode p = start("{\"route\": \"" + route.code() + "\"}", worker);
    JsonNode k2 = p.get("checkpoints").get(1);
    double[] xy = MetricProjection.project(k2.get("lon").asDouble(), k2.get("lat").asDouble());
    double[] far = MetricProjection.unproject(xy[0] + 200, xy[1]), near = MetricProjection.unproject(xy[0] + 10, xy[1]);
    String path = "/api/v1/patrols/" + p.get("id").asLong() + "/checkins";
    Http.Response refused = http.postJson(path, String.format(Locale.ROOT, "{\"checkpoint\": \"%s\", \"lon\": %.8f, \"lat\": %.8f}",
        k2.get("code").asString(), far[0], far[1]), worker);
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.json().findValues("field").stream().map(JsonNode::asString)).contains("lon", "lat");
    assertThat(refused.json().get("detail").asString()).contains("200 m");
    Http.Response ok = http.postJson(path, String.format(Locale.ROOT, "{\"checkpoint\": \"%s\", \"lon\": %.8f, \"lat\": %.8f}",
        k2.get("code").asString(), near[0], near[1]), worker);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().at("/checkpoints/1/checkedAt").isNull()).isFalse();
    assertThat(ok.json().at("/checkpoints/0/checkedAt").isNull()).isTrue();
  }

  @Test
  void onlyTheOwnerRecordsAPatrolAndOnlyTheCommandCentreAndPoliceReadOthers() {
    AreaView grid = areas.now().level(AreaLevel.GRID).get(0);
    Coordinate c = grid.boundary().getInteriorPoint().getCoordinate();
    JsonNode p = start("{}", worker);
    long id = p.get("id").asLong();
    String body = batch(List.of(fix(c.x, c.y, 0, 0, Instant.parse(p.get("startedAt").asString()), 1, ACCURACY)));
    assertThat(http.postJson("/api/v1/patrols/" + id + "/points", body, police).status()).isEqualTo(403);
    assertThat(http.postJson("/api/v1/patrols/" + id + "/end", "", police).status()).isEqualTo(403);
    assertThat(http.get("/api/v1/patrols/" + id, worker).json().get("points").asInt()).isZero();
    assertThat(http.get("/api/v1/patrols/" + id, planner).status()).isEqualTo(403);
    assertThat(http.postJson("/api/v1/patrols", "{}", planner).status()).isEqualTo(403);
    long theirs = start("{}", police).get("id").asLong();
    assertThat(http.get("/api/v1/patrols/" + theirs, worker).status()).as("a grid worker reads only their own").isEqualTo(403);
    assertThat(http.get("/api/v1/patrols", worker).json().findValues("owner").stream().map(JsonNode::asString)).containsOnly("gridworker");
    assertThat(http.get("/api/v1/patrols", police).json().findValues("owner").stream().map(JsonNode::asString)).contains("gridworker", "police");
    assertThat(http.get("/api/v1/patrols/999999999", police).status()).isEqualTo(404);
  }

  @Test
  void routeKeyPointsAreListedAndAddedWithTheGroundNet() {
    RouteView route = footRoute();
    String path = "/api/v1/routes/" + route.code() + "/checkpoints";
    assertThat(http.get(path, police).json()).hasSize(3);
    Coordinate c = route.line().getCoordinates()[1];
    Http.Response added = http.postJson(path, String.format(Locale.ROOT,
        "{\"code\": \"%s-X\", \"name\": \"小区北门\", \"lon\": %.7f, \"lat\": %.7f, \"radius\": 40}", route.code(), c.x, c.y), police);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(http.get(path, police).json().findValues("code").stream().map(JsonNode::asString)).contains(route.code() + "-X");
    Http.Response far = http.postJson(path, String.format(Locale.ROOT,
        "{\"code\": \"%s-Y\", \"lon\": %.7f, \"lat\": %.7f}", route.code(), c.x + 2, c.y), police);
    assertThat(far.status()).isEqualTo(400);
    assertThat(far.json().findValues("field").stream().map(JsonNode::asString)).contains("lon");
    assertThat(http.postJson(path, "{\"code\": \"K-Z\", \"lon\": 120, \"lat\": 36}", worker).status()).isEqualTo(403);
  }

  @Test
  void aRecordedTrackRaisesTheWalkedCoverageOfTheGridItCrossesAndNoOther() {
    double width = org.gridwatch.groundnet.Mode.FOOT.defaultWidth(), length = 120;
    GeometryFactory metres = new GeometryFactory();
    AreaView chosen = null;
    Coordinate centre = null;
    for (AreaView g : areas.now().level(AreaLevel.GRID)) {
      Geometry m = MetricProjection.toMetres(g.boundary());
      Coordinate c = m.getInteriorPoint().getCoordinate();
      var line = metres.createLineString(new Coordinate[] {new Coordinate(c.x - length / 2, c.y), new Coordinate(c.x + length / 2, c.y)});
      if (m.buffer(-(width + 5)).contains(line)) {
        chosen = g;
        centre = c;
        break;
      }
    }
    assertThat(chosen).isNotNull();
    Map<String, Double> before = walked();
    JsonNode p = start("{\"grid\": \"" + chosen.code() + "\"}", worker);
    Instant t0 = Instant.parse(p.get("startedAt").asString());
    double[] ll = MetricProjection.unproject(centre.x, centre.y);
    List<String> fixes = new ArrayList<>();
    for (int i = 0; i <= 4; i++) fixes.add(fix(ll[0], ll[1], -length / 2 + i * length / 4, 0, t0, 1 + i * 10, ACCURACY));
    assertThat(http.postJson("/api/v1/patrols/" + p.get("id").asLong() + "/points", batch(fixes), worker).json().get("accepted").asInt()).isEqualTo(5);
    assertThat(walked()).as("an active patrol is not yet walked coverage").isEqualTo(before);
    http.postJson("/api/v1/patrols/" + p.get("id").asLong() + "/end", "", worker);
    Map<String, Double> after = walked();
    double expected = (2 * width * length + Math.PI * width * width) / MetricProjection.toMetres(chosen.boundary()).getArea();
    assertThat(after.get(chosen.code()) - before.get(chosen.code())).isCloseTo(expected, within(expected * 0.02 + 0.0002));
    for (String code : before.keySet()) {
      if (!code.equals(chosen.code())) assertThat(after.get(code)).as(code).isEqualTo(before.get(code));
    }
    JsonNode one = http.get("/api/v1/coverage/grids/" + chosen.code() + "?days=1", police).json();
    assertThat(one.get("actualPatrolCoverage").asDouble()).isEqualTo(after.get(chosen.code()));
    assertThat(http.get("/api/v1/coverage/grids?days=0", police).status()).isEqualTo(400);
  }

  private Map<String, Double> walked() {
    Http.Response r = http.get("/api/v1/coverage/grids", police);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    Map<String, Double> out = new HashMap<>();
    r.json().get("grids").forEach(g -> out.put(g.get("gridCode").asString(), g.get("actualPatrolCoverage").asDouble()));
    return out;
  }
}
