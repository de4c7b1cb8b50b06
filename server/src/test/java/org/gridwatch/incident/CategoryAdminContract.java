package org.gridwatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The taxonomy is public to read and editable by ADMIN only, with every field checked. */
abstract class CategoryAdminContract {
  @LocalServerPort int port;

  static final String NOISE = "{\"name\":\"噪音扰民\",\"nameEn\":\"Noise\",\"description\":\"Noise at night\",\"kind\":\"INCIDENT\","
      + "\"defaultPriority\":\"NORMAL\",\"firstLevel\":\"GRID\",\"department\":\"CGJ\",\"limits\":{"
      + "\"REGISTER\":{\"amount\":1,\"unit\":\"WORKING_HOURS\"},\"DISPATCH\":{\"amount\":1,\"unit\":\"WORKING_HOURS\"},"
      + "\"HANDLE\":{\"amount\":4,\"unit\":\"CALENDAR_HOURS\"},\"VERIFY\":{\"amount\":1,\"unit\":\"WORKING_DAYS\"}}}";

  @Test
  void anAdminAddsACategoryThatReportsCanUseAtOnce() {
    Http http = new Http(port);
    Http.Response denied = http.put("/api/v1/categories/NOISE", NOISE, Http.basic("operator", TestEnvironment.DEMO_PASSWORD));
    assertThat(denied.status()).isEqualTo(403);
    Http.Response bad = http.put("/api/v1/categories/NOISE", NOISE.replace("\"GRID\"", "\"PLANET\""), Http.basic("admin", TestEnvironment.DEMO_PASSWORD));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/errors/0/field").asString()).isEqualTo("firstLevel");
    Http.Response ok = http.put("/api/v1/categories/NOISE", NOISE, Http.basic("admin", TestEnvironment.DEMO_PASSWORD));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(http.get("/api/v1/categories").body()).contains("\"NOISE\"").contains("噪音扰民");
    Http.Response report = http.postJson("/api/v1/incidents", "{\"category\":\"NOISE\",\"location\":{\"type\":\"Point\","
        + "\"coordinates\":[120.3754,36.0989]},\"description\":\"楼上装修\"}");
    assertThat(report.status()).isEqualTo(201);
  }
}
