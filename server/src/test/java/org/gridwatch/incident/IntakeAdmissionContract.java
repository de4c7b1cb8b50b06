package org.gridwatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridwatch.incident.admission.IntakeAdmission;
import org.gridwatch.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18 §4, admission control over real HTTP: while every intake slot is taken, a report is refused with 503,
 * {@code Retry-After} and a problem in the reader's language, and nothing of it is stored; sent again later with its
 * Idempotency-Key it is stored once; reads are answered meanwhile. The gate is filled through its own
 * {@link IntakeAdmission#enter()} — the slots a burst of reports would hold — in the shared context (no properties
 * of its own: a second context would re-import the shared database).
 */
abstract class IntakeAdmissionContract {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IntakeAdmission admission;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  /** Takes every slot, as that many reports under way would. */
  List<IntakeAdmission.Slot> fill() {
    List<IntakeAdmission.Slot> held = new ArrayList<>();
    for (int k = 0; k < admission.maxInFlight(); k++) held.add(admission.enter());
    return held;
  }

  static void release(List<IntakeAdmission.Slot> held) { held.forEach(IntakeAdmission.Slot::close); }

  int casesDescribed(String description) {
    return jdbc.queryForObject("select count(*) from incident where description = ?", Integer.class, description);
  }

  int keys(String key) { return jdbc.queryForObject("select count(*) from idempotency_key where idem_key = ?", Integer.class, key); }

  @Test
  void aReportRefusedWhileIntakeIsFullIsA503ProblemWritesNothingAndItsRetryIsStoredOnce() {
    Point p = GroupIntakeContract.spots(1).get(0).point();
    String description = "admission " + System.nanoTime();
    String body = GroupIntakeContract.report("SANITATION", p, description);
    String key = "admission-" + System.nanoTime();
    long refusedBefore = admission.refused();
    List<IntakeAdmission.Slot> held = fill();
    Http.Response zh, en;
    try {
      zh = http.postJson("/api/v1/incidents", body, "Idempotency-Key", key, "Accept-Language", "zh-CN");
      en = http.postJson("/api/v1/incidents", body, "Idempotency-Key", key, "Accept-Language", "en");
      // reads are never gated
      assertThat(http.get("/api/v1/categories").status()).isEqualTo(200);
    } finally {
      release(held);
    }
    assertThat(zh.status()).as(zh.body()).isEqualTo(503);
    assertThat(zh.header("Retry-After")).isEqualTo("1");
    assertThat(zh.contentType()).startsWith("application/problem+json");
    JsonNode zhProblem = zh.json();
    assertThat(zhProblem.get("type").asString()).isEqualTo("/problems/intake-busy");
    assertThat(zhProblem.get("title").asString()).isEqualTo("上报受理繁忙");
    assertThat(zhProblem.get("detail").asString()).contains("未保存", "1 秒后");
    assertThat(zhProblem.get("retryAfter").asInt()).isEqualTo(1);
    assertThat(en.status()).as(en.body()).isEqualTo(503);
    assertThat(en.header("Retry-After")).isEqualTo("1");
    assertThat(en.json().get("title").asString()).isEqualTo("Intake busy");
    assertThat(en.json().get("detail").asString()).contains("was not stored", "again in 1 s");
    assertThat(admission.refused() - refusedBefore).isEqualTo(2);
    assertThat(casesDescribed(description)).isZero();
    assertThat(keys(key)).isZero();

    Http.Response stored = http.postJson("/api/v1/incidents", body, "Idempotency-Key", key);
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    Http.Response again = http.postJson("/api/v1/incidents", body, "Idempotency-Key", key);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().get("id").asString()).isEqualTo(stored.json().get("id").asString());
    assertThat(casesDescribed(description)).isEqualTo(1);
    assertThat(keys(key)).isEqualTo(1);
    assertThat(admission.inFlight()).isZero();
  }

  /** The key's lookup is behind the gate too (under overload it would queue for a connection): 503, then the case. */
  @Test
  void aStoredReportSentAgainWhileIntakeIsFullIsRefusedAndLaterAnsweredWithItsCase() {
    Point p = GroupIntakeContract.spots(1).get(0).point();
    String description = "admission replay " + System.nanoTime();
    String body = GroupIntakeContract.report("SANITATION", p, description);
    String key = "admission-replay-" + System.nanoTime();
    Http.Response stored = http.postJson("/api/v1/incidents", body, "Idempotency-Key", key);
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    List<IntakeAdmission.Slot> held = fill();
    Http.Response refused;
    try {
      refused = http.postJson("/api/v1/incidents", body, "Idempotency-Key", key);
    } finally {
      release(held);
    }
    assertThat(refused.status()).as(refused.body()).isEqualTo(503);
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    Http.Response replay = http.postJson("/api/v1/incidents", body, "Idempotency-Key", key);
    assertThat(replay.status()).as(replay.body()).isEqualTo(200);
    assertThat(replay.json().get("id").asString()).isEqualTo(stored.json().get("id").asString());
    assertThat(casesDescribed(description)).isEqualTo(1);
    assertThat(keys(key)).isEqualTo(1);
  }

  @Test
  void anOpen311RequestRefusedWhileIntakeIsFullSaysWhenToRetryAndWritesNothing() {
    String description = "admission open311 " + System.nanoTime();
    String form = String.format(Locale.ROOT, "api_key=test-api-key&service_code=SANITATION&lat=36.0989&long=120.3754&description=%s",
        description.replace(' ', '+'));
    List<IntakeAdmission.Slot> held = fill();
    Http.Response refused;
    try {
      refused = http.postForm("/open311/v2/requests.json", form);
    } finally {
      release(held);
    }
    assertThat(refused.status()).as(refused.body()).isEqualTo(503);
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat(refused.json().get(0).get("code").asInt()).isEqualTo(503);
    assertThat(casesDescribed(description)).isZero();
    Http.Response stored = http.postForm("/open311/v2/requests.json", form);
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    assertThat(casesDescribed(description)).isEqualTo(1);
  }
}
