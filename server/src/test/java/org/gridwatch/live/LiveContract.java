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
      assertThat(http.postJson("/api/v1/areas/" + g.code() + "/reshape", grown, planner).status()).isEqualTo(200);
      String event = live.boundaries.poll(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(event).isNotNull().contains(g.code()).contains(n.code());
    } finally {
      // Put both back: the rest of the suite uses the demo outlines as its oracle.
      http.postJson("/api/v1/areas/" + g.code() + "/reshape", org.gridwatch.geo.GeoJson.toJson(g.boundary()), planner);
      http.postJson("/api/v1/areas/" + n.code() + "/reshape", org.gridwatch.geo.GeoJson.toJson(n.boundary()), planner);
    }
  }
}
