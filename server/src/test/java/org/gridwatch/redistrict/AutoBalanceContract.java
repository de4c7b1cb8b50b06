package org.gridwatch.redistrict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.BuildingView;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Auto-balance as a planner calls it on a demo community: a draft in the band, contiguous, exactly tiled, unsaved. */
abstract class AutoBalanceContract extends PlannerContract {
  Http.Response balance(String code, String body, String... auth) {
    return http.postJson("/api/v1/areas/" + code + "/balance", body, auth);
  }

  /** The community holding the grid with fewest households (a demo grid outside the band, if there is one). */
  AreaView communityWithAnOutlier() {
    Map<String, Integer> households = areas.now().buildings().stream().filter(b -> b.gridCode() != null)
        .collect(Collectors.groupingBy(BuildingView::gridCode, Collectors.summingInt(BuildingView::households)));
    String grid = households.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
    return areas.now().find(areas.now().find(grid).orElseThrow().parentCode()).orElseThrow();
  }

  @Test
  void aProposalPutsEveryGridInTheBandTilesTheCommunityAndSavesNothing() {
    AreaView community = communityWithAnOutlier();
    List<AreaView> before = areas.now().children(community.code());
    Integer versions = jdbc.queryForObject("select count(*) from area_version", Integer.class);
    long started = System.nanoTime();
    Http.Response r = balance(community.code(), "{}", planner);
    long ms = (System.nanoTime() - started) / 1_000_000;
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode summary = r.json().get("summary");
    assertThat(summary.get("currentInBand").asInt()).as("the demo community has a grid outside the band").isLessThan(before.size());
    List<Geometry> outlines = new ArrayList<>();
    int households = 0;
    for (JsonNode f : r.json().get("features")) {
      assertThat(f.get("properties").get("inBand").asBoolean()).as(f.get("properties").toString()).isTrue();
      Geometry g = GeoJson.read(f.get("geometry"), "geometry");
      assertThat(g.isValid()).isTrue();
      if (community.boundary().getNumGeometries() == 1) assertThat(g.getNumGeometries()).as("one piece").isEqualTo(1);
      outlines.add(g);
      households += f.get("properties").get("households").asInt();
    }
    assertThat(summary.get("inBand").asInt()).isEqualTo(outlines.size());
    assertThat(households).isEqualTo(community.households());
    assertThat(r.json().get("features").findValues("code")).as("some current codes kept").isNotEmpty();
    double m2PerDeg2 = MetricProjection.areaM2(community.boundary()) / community.boundary().getArea();
    double area = community.boundary().getArea() * m2PerDeg2;
    Geometry union = UnaryUnionOp.union(outlines);
    double sum = outlines.stream().mapToDouble(Geometry::getArea).sum();
    assertThat((sum - union.getArea()) * m2PerDeg2).as("overlaps, m²").isLessThan(area * 1e-6);
    assertThat(OverlayNGRobust.overlay(community.boundary(), union, OverlayNG.SYMDIFFERENCE).getArea() * m2PerDeg2)
        .as("gaps and overhangs, m² (after rounding to 7 decimals)").isLessThan(area * 1e-6);
    assertThat(ms).as("answer time, ms (cold test JVM)").isLessThan(10_000);
    assertThat(jdbc.queryForObject("select count(*) from area_version", Integer.class)).as("nothing saved").isEqualTo(versions);
    assertThat(areas.now().children(community.code())).isEqualTo(before);
  }

  @Test
  void theGridCountCanBeChosenAndIsChecked() {
    AreaView community = areas.now().level(AreaLevel.COMMUNITY).stream()
        .max(Comparator.comparingInt(AreaView::households)).orElseThrow();
    int n = AutoBalance.defaultGrids(community.households(), AutoBalanceTest.BAND) + 1;
    Http.Response r = balance(community.code(), "{\"grids\": " + n + "}", planner);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("features").size()).isEqualTo(n);
    assertThat(r.json().get("summary").get("grids").asInt()).isEqualTo(n);
    assertThat(field(balance(community.code(), "{\"grids\": 0}", planner))).isEqualTo("grids");
    assertThat(field(balance(community.code(), "{\"grids\": 100000}", planner))).isEqualTo("grids");
    assertThat(field(balance(community.code(), "{\"grids\": \"many\"}", planner))).isEqualTo("grids");
  }

  @Test
  void onlyPlannersBalanceCommunitiesThatExist() {
    AreaView community = areas.now().level(AreaLevel.COMMUNITY).get(0);
    assertThat(balance(community.code(), "{}").status()).isEqualTo(401);
    assertThat(balance(community.code(), "{}", Http.basic("police", TestEnvironment.DEMO_PASSWORD)).status()).isEqualTo(403);
    assertThat(balance("370203999999", "{}", planner).status()).isEqualTo(404);
    AreaView grid = areas.now().level(AreaLevel.GRID).get(0);
    Http.Response notACommunity = balance(grid.code(), "{}", planner);
    assertThat(notACommunity.status()).isEqualTo(400);
    assertThat(field(notACommunity)).isEqualTo("code");
    assertThat(balance(community.code(), "{}", Http.basic("admin", TestEnvironment.DEMO_PASSWORD)).status()).isEqualTo(200);
  }

  private static String field(Http.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    return r.json().get("errors").get(0).get("field").asString();
  }
}
