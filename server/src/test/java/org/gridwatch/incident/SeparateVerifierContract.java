package org.gridwatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * With {@code gridwatch.incidents.separate-verifier=true} (监督与指挥分离): the account that dispatched a case may not
 * verify it; another command-centre account may.
 */
abstract class SeparateVerifierContract {
  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  Http.Response act(String id, String action, String body, String user) {
    return http.postJson("/api/v1/incidents/" + id + "/" + action, body, Http.basic(user, TestEnvironment.DEMO_PASSWORD));
  }

  @Test
  void theDispatcherMayNotVerifyButAnotherCommandAccountMay() {
    Point p = IncidentWorkflowContract.inside(IncidentWorkflowContract.DEMO_GRID);
    Http.Response created = http.postJson("/api/v1/incidents", IncidentWorkflowContract.report("SANITATION", p.getX(), p.getY(), ""));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asString();
    for (String[] step : new String[][] {{"register", "operator", "{}"}, {"dispatch", "operator", "{}"},
        {"start", "gridworker", "{}"}, {"resolve", "gridworker", "{\"note\":\"已清理\"}"}}) {
      Http.Response r = act(id, step[0], step[2], step[1]);
      assertThat(r.status()).as(step[0] + " " + r.body()).isEqualTo(200);
    }
    Http.Response refused = act(id, "verify", "{}", "operator");
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    JsonNode problem = refused.json();
    assertThat(problem.get("detail").asString()).contains("you dispatched case " + id).contains("separate-verifier");
    JsonNode seenByDispatcher = http.get("/api/v1/incidents/" + id, Http.basic("operator", TestEnvironment.DEMO_PASSWORD)).json();
    assertThat(seenByDispatcher.get("status").asString()).as("nothing changed").isEqualTo("RESOLVED");
    assertThat(seenByDispatcher.get("actions").toString()).as("the console does not offer what would be refused")
        .doesNotContain("\"verify\"");
    assertThat(http.get("/api/v1/incidents/" + id, Http.basic("admin", TestEnvironment.DEMO_PASSWORD)).json()
        .get("actions").toString()).contains("\"verify\"");
    Http.Response verified = act(id, "verify", "{}", "admin");
    assertThat(verified.status()).as(verified.body()).isEqualTo(200);
    assertThat(verified.json().get("status").asString()).isEqualTo("VERIFIED");
  }
}
