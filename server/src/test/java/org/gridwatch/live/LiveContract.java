package org.gridwatch.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Operators connected to the live stream see a new case and its transitions as they happen. */
abstract class LiveContract {
  @LocalServerPort int port;

  static final String REPORT = "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\",\"coordinates\":[120.3754,36.0989]},"
      + "\"description\":\"live test\"}";

  static String[] operator() { return Http.basic("operator", TestEnvironment.DEMO_PASSWORD); }

  @Test
  void theStreamNeedsALogin() {
    assertThat(new Http(port).get("/api/v1/live").status()).isEqualTo(401);
  }

  @Test
  void aNewCaseAndItsRegistrationReachTheStream() throws Exception {
    try (LiveStream live = new LiveStream(port, operator())) {
      live.awaitConnected();
      Http http = new Http(port);
      String id = http.postJson("/api/v1/incidents", REPORT).json().get("id").asString();
      String created = live.awaitEventFor(id, "REPORTED", 10);
      assertThat(created).isNotNull().contains("\"status\":\"REPORTED\"").doesNotContain("description");
      http.postJson("/api/v1/incidents/" + id + "/register", "{}", operator());
      assertThat(live.awaitEventFor(id, "REGISTERED", 10)).isNotNull().contains("\"status\":\"REGISTERED\"");
    }
  }

  @Test
  void residentsGetNoStreamAndStaffHearOnlyCasesOfTheirOwnArea() throws Exception {
    assertThat(new Http(port).get("/api/v1/live", Http.basic("resident", TestEnvironment.DEMO_PASSWORD)).status()).isEqualTo(403);
    var grids = org.gridwatch.support.DemoFiles.read("grids");
    var mineGrid = grids.stream().filter(f -> f.code().equals("370203014001001")).findFirst().orElseThrow();
    var farGrid = grids.stream().filter(f -> !f.code().startsWith("370203014")).findFirst().orElseThrow();
    Http http = new Http(port);
    try (LiveStream worker = new LiveStream(port, Http.basic("gridworker", TestEnvironment.DEMO_PASSWORD));
        LiveStream command = new LiveStream(port, operator())) {
      worker.awaitConnected();
      command.awaitConnected();
      String far = http.postJson("/api/v1/incidents", at(farGrid.geometry())).json().get("id").asString();
      String mine = http.postJson("/api/v1/incidents", at(mineGrid.geometry())).json().get("id").asString();
      assertThat(command.awaitEventFor(far, "REPORTED", 10)).as("the command centre hears every case").isNotNull();
      assertThat(worker.awaitEventFor(mine, "REPORTED", 10)).as("the grid worker hears a case in their grid").isNotNull();
      Thread.sleep(500);
      assertThat(worker.seen).as("but not one elsewhere").noneMatch(e -> e.contains(far));
    }
  }

  static String at(org.locationtech.jts.geom.Geometry grid) {
    var p = new org.locationtech.jts.algorithm.construct.MaximumInscribedCircle(grid, 1e-6).getCenter();
    return String.format(java.util.Locale.ROOT, "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\","
        + "\"coordinates\":[%.7f,%.7f]},\"description\":\"live scope\"}", p.getX(), p.getY());
  }

  @org.springframework.beans.factory.annotation.Autowired org.gridwatch.area.AreaCatalog areas;

  @Test
  void aBoundaryCommitTellsTheStreamWhichAreasToDrawAgain() throws Exception {
    String[] planner = Http.basic("planner", org.gridwatch.support.TestEnvironment.DEMO_PASSWORD);
    var g = areas.now().level(org.gridwatch.area.AreaLevel.GRID).get(333);
    var community = areas.now().find(g.parentCode()).orElseThrow();
    var n = areas.now().children(community.code()).stream()
        .filter(x -> !x.code().equals(g.code()) && x.boundary().intersection(g.boundary()).getLength() > 0.0005).findFirst().orElseThrow();
    String grown = org.gridwatch.geo.GeoJson.toJson(g.boundary().union(n.boundary().intersection(g.boundary().buffer(0.0002))));
    Http http = new Http(port);
    try (LiveStream live = new LiveStream(port, operator())) {
      live.awaitConnected();
      assertThat(http.postJson("/api/v1/areas/" + g.code() + "/reshape?confirm=true", grown, planner).status()).isEqualTo(200);
      String event = live.boundaries.poll(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(event).isNotNull().contains(g.code()).contains(n.code());
    } finally {
      // Put both back: the rest of the suite uses the demo outlines as its oracle.
      http.postJson("/api/v1/areas/" + g.code() + "/reshape?confirm=true", org.gridwatch.geo.GeoJson.toJson(g.boundary()), planner);
      http.postJson("/api/v1/areas/" + n.code() + "/reshape?confirm=true", org.gridwatch.geo.GeoJson.toJson(n.boundary()), planner);
    }
  }
}
