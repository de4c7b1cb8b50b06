package org.gridwatch.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.groundnet.RouteView;
import org.gridwatch.groundnet.Routes;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The planning view's figures are kept per time window (issue 13): what a planner reads must stay exactly what a
 * fresh computation gives after a case is reported, a camera placed and a route reshaped; concurrent first reads of a
 * window share one computation; a draft that adds nothing says why.
 */
abstract class PlanningWindowsContract {
  @Autowired Coverage coverage;
  @Autowired Routes routes;
  @LocalServerPort int port;
  Http http;
  String[] police;

  @BeforeEach
  void client() {
    http = new Http(port);
    police = Http.basic("police", TestEnvironment.DEMO_PASSWORD);
  }

  @Test
  void keptFiguresStayAFreshComputationAfterACaseACameraAndARouteChange() {
    Instant day = coverage.at("day"), night = coverage.at("night");
    Map<String, Map<String, Object>> before = figures(coverage.grids(day));
    figures(coverage.grids(night)); // both windows kept from here on

    GridFigures gappy = coverage.grids(day).stream().filter(g -> g.gap() != null && g.gap().getArea() > 0)
        .max(java.util.Comparator.comparingDouble(GridFigures::gapAreaM2)).orElseThrow();
    Point inGap = largestPart(gappy.gap()).getInteriorPoint();
    Http.Response reported = http.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"路灯坏了\"}",
        inGap.getX(), inGap.getY()));
    assertThat(reported.status()).as(reported.body()).isEqualTo(201);
    Map<String, Map<String, Object>> afterCase = figures(coverage.grids(day));
    assertThat(afterCase.get(gappy.gridCode()).get("casesInGaps90d")).as("the new case counts in its grid's gap at once")
        .isEqualTo((Integer) before.get(gappy.gridCode()).get("casesInGaps90d") + 1);
    assertSameAsFresh(day, night);

    String camera = String.format(Locale.ROOT, "{\"code\":\"PW-CAM\",\"name\":\"planning test\",\"lon\":%.7f,\"lat\":%.7f,"
        + "\"type\":\"DOME\",\"heading\":0,\"fov\":360,\"range\":40,\"status\":\"ONLINE\"}", inGap.getX(), inGap.getY());
    assertThat(http.postJson("/api/v1/cameras", camera, police).status()).isEqualTo(201);
    try {
      Map<String, Map<String, Object>> watched = figures(coverage.grids(day));
      assertThat((Double) watched.get(gappy.gridCode()).get("cameraCoverage"))
          .isGreaterThan((Double) afterCase.get(gappy.gridCode()).get("cameraCoverage"));
      assertThat(watched.get(gappy.gridCode()).get("casesInGaps90d")).as("the camera sees the case: out of the gap")
          .isEqualTo(before.get(gappy.gridCode()).get("casesInGaps90d"));
      assertSameAsFresh(day, night);
    } finally {
      assertThat(http.delete("/api/v1/cameras/PW-CAM", police).status()).isEqualTo(204);
    }

    RouteView r = routes.all().stream().filter(x -> x.activeAt(day)).findFirst().orElseThrow();
    JsonNode original = http.get("/api/v1/routes/" + r.code(), police).json();
    Geometry moved = MetricProjection.toWgs84(org.locationtech.jts.geom.util.AffineTransformation
        .translationInstance(120, 40).transform(MetricProjection.toMetres(r.line())));
    String body = original.toString().replace(original.get("geometry").toString(), org.gridwatch.geo.GeoJson.toJson(moved));
    assertThat(http.put("/api/v1/routes/" + r.code(), body, police).status()).isEqualTo(200);
    try {
      assertThat(figures(coverage.grids(day))).as("a reshaped route changes the day's figures").isNotEqualTo(afterCase);
      assertSameAsFresh(day, night);
    } finally {
      assertThat(http.put("/api/v1/routes/" + r.code(), original.toString(), police).status()).isEqualTo(200);
    }
    assertSameAsFresh(day, night);
  }

  @Test
  void theLeanWindowAnswerHoldsEveryGridsFiguresTheDistrictsAndTheRunningRoutesAndStaysExactAfterACase() {
    Instant night = coverage.at("night");
    assertWindowAnswerIsFresh("night", night);

    GridFigures gappy = coverage.grids(night).stream().filter(g -> g.gap() != null && g.gap().getArea() > 0)
        .max(java.util.Comparator.comparingDouble(GridFigures::gapAreaM2)).orElseThrow();
    int casesBefore = http.get("/api/v1/coverage/window?window=night", police).json().get("grids").get(gappy.gridCode())
        .get("casesInGaps90d").asInt();
    Point inGap = largestPart(gappy.gap()).getInteriorPoint();
    Http.Response reported = http.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"井盖丢了\"}",
        inGap.getX(), inGap.getY()));
    assertThat(reported.status()).as(reported.body()).isEqualTo(201);
    JsonNode after = assertWindowAnswerIsFresh("night", night);
    assertThat(after.get("grids").get(gappy.gridCode()).get("casesInGaps90d").asInt()).as("the new case, in the gap at night")
        .isEqualTo(casesBefore + 1);

    Http.Response bad = http.get("/api/v1/coverage/window?window=25:99", police);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("window");
  }

  /** The answer of {@code /api/v1/coverage/window} against a fresh computation, the summary and the routes' schedules. */
  private JsonNode assertWindowAnswerIsFresh(String window, Instant when) {
    Http.Response r = http.get("/api/v1/coverage/window?window=" + window, police);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode answer = r.json();
    assertThat(r.body()).as("no geometry per window").doesNotContain("coordinates");
    List<GridFigures> fresh = coverage.computeFresh(when);
    assertThat(answer.get("grids").size()).isEqualTo(fresh.size());
    for (GridFigures g : fresh) {
      JsonNode shown = answer.get("grids").get(g.gridCode());
      Map<String, Object> expected = g.figures();
      for (String k : List.of("cameraCoverage", "patrolCoverage", "combinedCoverage", "keyAreaCoverage", "cameraWorkingRate")) {
        Object v = expected.get(k);
        if (v == null) assertThat(shown.get(k).isNull()).as(g.gridCode() + " " + k).isTrue();
        else assertThat(shown.get(k).asDouble()).as(g.gridCode() + " " + k).isEqualTo((Double) v);
      }
      assertThat(shown.get("cameras").asInt()).isEqualTo(g.cameras());
      assertThat(shown.get("casesInGaps90d").asInt()).as(g.gridCode() + " cases in gaps").isEqualTo(g.casesInGaps90d());
      assertThat(shown.get("staffingComplete").asBoolean()).isEqualTo(g.staffingComplete());
    }
    JsonNode summary = http.get("/api/v1/coverage/summary?level=district&window=" + window, police).json().get(0);
    for (String k : List.of("cameraCoverage", "patrolCoverage", "combinedCoverage", "cameras", "casesInGaps90d", "grids", "gridsFullyStaffed")) {
      assertThat(answer.get("district").get(k).asDouble()).as("district " + k).isEqualTo(summary.get(k).asDouble());
    }
    int running = 0;
    for (RouteView route : routes.all()) {
      boolean active = route.activeAt(when.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
      assertThat(answer.get("routes").get(route.code()).get("active").asBoolean()).as(route.code()).isEqualTo(active);
      if (active) running++;
    }
    assertThat(running).as("some routes run at " + window).isPositive();
    return answer;
  }

  @Test
  void concurrentFirstReadsOfAWindowShareOneComputation() throws Exception {
    Instant when = coverage.at("05:37");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<List<GridFigures>>> reads = new ArrayList<>();
      for (int i = 0; i < 4; i++) reads.add(() -> coverage.grids(when));
      List<List<GridFigures>> answers = new ArrayList<>();
      for (Future<List<GridFigures>> f : pool.invokeAll(reads)) answers.add(f.get());
      for (List<GridFigures> a : answers) assertThat(a).as("one computation, one answer").isSameAs(answers.get(0));
      assertThat(figures(answers.get(0))).isEqualTo(figures(coverage.computeFresh(when)));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDraftRouteThatAddsNothingSaysWhy() {
    Instant day = coverage.at("day");
    RouteView running = routes.all().stream().filter(x -> x.activeAt(day)).findFirst().orElseThrow();
    String line = org.gridwatch.geo.GeoJson.toJson(running.line());
    String copy = "{\"window\":\"day\",\"routes\":[{\"code\":\"PW-COPY\",\"mode\":\"" + running.mode() + "\",\"width\":"
        + running.widthM() + ",\"geometry\":" + line + ",\"schedule\":[{\"days\":\"MON-SUN\",\"start\":\"08:00\",\"end\":\"20:00\",\"passes\":2}]}]}";
    JsonNode same = whatIf(copy).get("drafts").get(0);
    assertThat(same.get("code").asString()).isEqualTo("PW-COPY");
    assertThat(same.get("addsM2").asLong()).isZero();
    assertThat(same.get("reason").asString()).as("it runs where a route already runs then").isEqualTo("already-covered");

    JsonNode asleep = whatIf(copy.replace("\"start\":\"08:00\",\"end\":\"20:00\"", "\"start\":\"01:00\",\"end\":\"02:00\""))
        .get("drafts").get(0);
    assertThat(asleep.get("addsM2").asLong()).isZero();
    assertThat(asleep.get("reason").asString()).isEqualTo("not-running");

    GridFigures gappy = coverage.grids(day).stream().filter(g -> g.gap() != null)
        .max(java.util.Comparator.comparingDouble(GridFigures::gapAreaM2)).orElseThrow();
    Point a = largestPart(gappy.gap()).getInteriorPoint();
    String through = String.format(Locale.ROOT, "{\"window\":\"day\",\"routes\":[{\"code\":\"PW-GAP\",\"mode\":\"FOOT\","
        + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[%.7f,%.7f],[%.7f,%.7f]]},"
        + "\"schedule\":[{\"days\":\"MON-SUN\",\"start\":\"08:00\",\"end\":\"20:00\",\"passes\":2}]}]}",
        a.getX(), a.getY(), a.getX() + 0.0004, a.getY());
    JsonNode adds = whatIf(through).get("drafts").get(0);
    assertThat(adds.get("addsM2").asLong()).as("a route through a gap").isPositive();
    assertThat(adds.get("reason").isNull()).isTrue();
  }

  private JsonNode whatIf(String body) {
    Http.Response r = http.postJson("/api/v1/coverage/what-if", body, police);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private void assertSameAsFresh(Instant... windows) {
    for (Instant w : windows) {
      assertThat(figures(coverage.grids(w))).as("kept figures at " + w + " against a fresh computation")
          .isEqualTo(figures(coverage.computeFresh(w)));
    }
  }

  private static Map<String, Map<String, Object>> figures(List<GridFigures> grids) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (GridFigures g : grids) out.put(g.gridCode(), g.figures());
    return out;
  }

  private static Geometry largestPart(Geometry g) {
    Geometry best = g.getGeometryN(0);
    for (int i = 1; i < g.getNumGeometries(); i++) if (g.getGeometryN(i).getArea() > best.getArea()) best = g.getGeometryN(i);
    return best;
  }
}
