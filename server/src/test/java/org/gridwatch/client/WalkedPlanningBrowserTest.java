package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.groundnet.Mode;
import org.gridwatch.groundnet.RouteView;
import org.gridwatch.groundnet.Routes;
import org.gridwatch.support.Browser;
import org.gridwatch.support.Http;
import org.gridwatch.support.OnH2;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The planning view shows the ground net as walked: after a grid worker records a patrol through the API — 150 m along
 * a planned route, then 120 m away from every route — police see the walked track, the rest of that route as planned
 * and not walked, and the stretch no route plans, with the figures in the panel.
 */
@OnH2
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class WalkedPlanningBrowserTest extends InBrowser {
  @LocalServerPort int port;
  @Autowired Routes routes;

  @Test
  void aRecordedPatrolShowsAsWalkedBesideTheRouteNotWalkedAndTheWalkOffThePlan() throws Exception {
    Http http = new Http(port);
    String[] worker = Http.basic("gridworker", TestEnvironment.DEMO_PASSWORD);
    List<Coordinate> walk = walkAlongThenAway();
    RouteView route = chosen;
    JsonNode p = http.postJson("/api/v1/patrols", "{\"route\": \"" + route.code() + "\"}", worker).json();
    Instant t0 = Instant.parse(p.get("startedAt").asString());
    List<String> fixes = new ArrayList<>();
    for (int i = 0; i < walk.size(); i++) {
      double[] ll = MetricProjection.unproject(walk.get(i).x, walk.get(i).y);
      fixes.add(String.format(Locale.ROOT, "{\"lon\": %.8f, \"lat\": %.8f, \"at\": \"%s\", \"accuracy\": 5}", ll[0], ll[1], t0.plusSeconds(1 + 10L * i)));
    }
    JsonNode batch = http.postJson("/api/v1/patrols/" + p.get("id").asLong() + "/points",
        "{\"points\": [" + String.join(",", fixes) + "]}", worker).json();
    assertThat(batch.get("accepted").asInt()).as(batch.toString()).isEqualTo(walk.size());
    assertThat(http.postJson("/api/v1/patrols/" + p.get("id").asLong() + "/end", "", worker).json().at("/track/type").asString())
        .isEqualTo("LineString");

    Browser.signIn(driver, "http://localhost:" + port, "police");
    Browser.open(driver, "http://localhost:" + port + "/planning.html");
    Browser.waitFor(driver, 60).until(d -> "loaded".equals(driver.executeScript("return document.body.dataset.walked")));
    double[] mid = MetricProjection.unproject(walk.get(walk.size() / 2).x, walk.get(walk.size() / 2).y);
    driver.executeScript("gridwatchPlanning.map.setView([arguments[1], arguments[0]], 16, {animate: false})", mid[0], mid[1]);

    assertThat(driver.findElements(By.cssSelector("path.gw-walked"))).as("the walked track is drawn").isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("path.gw-not-walked-part"))).as("the rest of the walked route, not walked").isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("path.gw-unplanned"))).as("the walk off every route").isNotEmpty();
    String tracks = driver.findElement(By.id("walked-walkedTracks")).getText();
    assertThat(Integer.parseInt(tracks.split(" ")[0])).isGreaterThanOrEqualTo(1);
    assertThat(driver.findElement(By.id("walked-unplanned")).getText()).isNotEqualTo("0.0 km");
    assertThat(driver.findElement(By.cssSelector("#plan-panel")).getText()).contains("巡逻实绩", "未巡", "规划外");
    assertThat(driver.findElement(By.cssSelector(".legend")).getText()).contains("实际巡逻轨迹", "规划未巡路段", "规划外巡逻");
    Browser.screenshot(driver, "planning-walked");
  }

  private RouteView chosen;

  /** Metres: 150 m along a foot route from its start, then 120 m straight off it to where no route's strip reaches. */
  private List<Coordinate> walkAlongThenAway() {
    List<Geometry> strips = routes.all().stream().map(r -> MetricProjection.toMetres(r.line()).buffer(r.widthM() + 20)).toList();
    for (RouteView r : routes.all()) {
      if (r.mode() != Mode.FOOT) continue;
      Geometry line = MetricProjection.toMetres(r.line());
      LengthIndexedLine along = new LengthIndexedLine(line);
      List<Coordinate> walk = new ArrayList<>();
      for (int m = 0; m <= 150; m += 25) walk.add(along.extractPoint(m));
      Coordinate end = walk.get(walk.size() - 1), before = along.extractPoint(140);
      double dx = end.x - before.x, dy = end.y - before.y, n = Math.hypot(dx, dy);
      for (int side : new int[] {1, -1}) {
        Coordinate away = new Coordinate(end.x - side * dy / n * 120, end.y + side * dx / n * 120);
        var point = line.getFactory().createPoint(away);
        if (strips.stream().noneMatch(s -> s.intersects(point))) {
          for (int k = 1; k <= 5; k++) walk.add(new Coordinate(end.x - side * dy / n * 24 * k, end.y + side * dx / n * 24 * k));
          chosen = r;
          return walk;
        }
      }
    }
    throw new AssertionError("no foot route with room beside it");
  }
}
