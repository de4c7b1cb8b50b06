package org.gridwatch.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridwatch.support.HeldStart;
import org.gridwatch.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * While start-up runs (held in a step), the API says so instead of failing: 503 with Retry-After and a problem naming
 * the step, in the reader's language; the status, configuration, district and health keep answering; once the last
 * step has run, the same requests are served.
 */
class StartingUpTest {
  static HeldStart server;
  static Http http;

  @BeforeAll
  static void startHeld() throws Exception {
    server = HeldStart.start("startinguptest");
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() throws Exception { server.close(); }

  @Test
  void whileStartingTheApiAnswers503WithRetryAfterAndTheStepThenServesOnceReady() throws Exception {
    JsonNode status = http.get("/api/v1/status").json();
    assertThat(status.get("ready").asBoolean()).isFalse();
    assertThat(status.get("stage").asString()).isEqualTo(HeldStart.STAGE);
    assertThat(status.get("step").asString()).isEqualTo("hold");
    assertThat(status.get("done").asInt()).isZero();
    assertThat(status.get("total").asInt()).isEqualTo(1);
    assertThat(status.at("/message/zh").asString()).isEqualTo(HeldStart.MESSAGE_ZH);
    assertThat(status.at("/message/en").asString()).isEqualTo(HeldStart.MESSAGE_EN);

    for (String path : new String[] {"/api/v1/categories", "/api/v1/locate?lon=120.38&lat=36.09", "/api/v1/incidents",
        "/ogcapi/collections", "/ogcapi/collections/grids/items", "/open311/v2/services.json", "/tiles/grids.json",
        "/tiles/grids/14/13700/6330.mvt"}) {
      Http.Response r = http.get(path);
      assertThat(r.status()).as(path).isEqualTo(503);
      assertThat(r.header("Retry-After")).as(path).isEqualTo("5");
      assertThat(r.contentType()).as(path).startsWith("application/problem+json");
      assertThat(r.json().get("status").asInt()).as(path).isEqualTo(503);
      assertThat(r.json().get("step").asString()).as(path).isEqualTo("hold");
      assertThat(r.json().get("detail").asString()).as(path).contains(HeldStart.MESSAGE_EN);
    }
    Http.Response zh = http.get("/api/v1/categories", "Accept-Language", "zh-CN,zh;q=0.9");
    assertThat(zh.json().get("title").asString()).isEqualTo("服务器正在启动");
    assertThat(zh.json().get("detail").asString()).contains(HeldStart.MESSAGE_ZH);
    // what the pages need to show the progress, and health, keep answering
    assertThat(http.get("/api/v1/config").status()).isEqualTo(200);
    assertThat(http.get("/api/v1/district").status()).isEqualTo(200);
    assertThat(http.get("/").status()).isEqualTo(200);
    Http.Response health = http.get("/actuator/health");
    assertThat(health.json().get("status").asString()).isEqualTo("DOWN");

    server.releaseAndWait();

    JsonNode ready = http.get("/api/v1/status").json();
    assertThat(ready.get("ready").asBoolean()).isTrue();
    assertThat(ready.get("stage").asString()).isEqualTo("ready");
    assertThat(http.get("/api/v1/categories").status()).isEqualTo(200);
    assertThat(http.get("/ogcapi/collections").status()).isEqualTo(200);
    assertThat(http.get("/tiles/grids.json").status()).isEqualTo(200);
    assertThat(http.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
  }
}
