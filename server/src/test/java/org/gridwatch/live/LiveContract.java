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
}
