package org.gridwatch.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Public reads protect residents: a case number alone (case numbers are sequential) shows category, status, grid
 * and a place rounded to about 100 m; the reporter's follow token shows them their whole case; their words are
 * public only if they chose so, and then with phone and ID numbers masked; Open311 follows the same rule.
 */
abstract class DisclosureContract {
  static final String WORDS = "楼道里堆满杂物，联系我13812345678，身份证370203199001011234";
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  Http http;
  Point spot;

  @BeforeEach
  void client() {
    http = new Http(port);
    spot = IncidentWorkflowContract.inside(IncidentWorkflowContract.DEMO_GRID);
  }

  JsonNode report(boolean publicText, String... headers) {
    String body = String.format(Locale.ROOT, "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\",\"coordinates\":"
        + "[%.7f,%.7f]},\"description\":\"%s\",\"address\":\"辽宁路 12 号 3 单元，电话 0532-83881234\",\"publicText\":%s,"
        + "\"reporter\":{\"name\":\"李女士\",\"phone\":\"13900001111\"}}", spot.getX(), spot.getY(), WORDS, publicText);
    Http.Response r = http.postJson("/api/v1/incidents", body, headers);
    assertThat(r.status()).as(r.body()).isIn(200, 201);
    return r.json();
  }

  @Test
  void aCaseNumberAloneShowsNoWordsAndOnlyAnApproximatePlace() {
    JsonNode made = report(false);
    Http.Response r = http.get("/api/v1/incidents/" + made.get("id").asString());
    assertThat(r.status()).isEqualTo(200);
    JsonNode c = r.json();
    assertThat(c.get("category").asString()).isEqualTo("SANITATION");
    assertThat(c.get("gridCode").asString()).isEqualTo(IncidentWorkflowContract.DEMO_GRID);
    assertThat(c.get("description").isNull()).isTrue();
    assertThat(c.get("address").isNull()).isTrue();
    assertThat(c.get("mediaUrls").size()).isZero();
    assertThat(r.body()).doesNotContain("杂物").doesNotContain("13812345678").doesNotContain("辽宁路").doesNotContain("李女士")
        .doesNotContain("13900001111").doesNotContain("followToken");
    double lon = c.at("/location/coordinates/0").asDouble(), lat = c.at("/location/coordinates/1").asDouble();
    assertThat(lon).isEqualTo(Math.round(lon * 1000) / 1000.0).isNotEqualTo(spot.getX());
    assertThat(lat).isEqualTo(Math.round(lat * 1000) / 1000.0);
    // within about 100 m of where it was reported (half a step of 0.001° is at most 56 m north–south, 45 m east–west)
    assertThat(lat).isCloseTo(spot.getY(), within(0.0005 + 1e-9));
    assertThat(lon).isCloseTo(spot.getX(), within(0.0005 + 1e-9));
    assertThat(c.get("locationPrecisionM").asInt()).isEqualTo(100);
  }

  @Test
  void theFollowTokenShowsTheReporterTheirWholeCaseAndIsStoredOnlyAsAHash() {
    JsonNode made = report(false);
    String id = made.get("id").asString(), token = made.get("followToken").asString();
    assertThat(token).hasSizeGreaterThanOrEqualTo(22);
    for (Http.Response r : new Http.Response[] {http.get("/api/v1/incidents/" + id, "Follow-Token", token),
        http.get("/api/v1/incidents/" + id + "?token=" + token)}) {
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode c = r.json();
      assertThat(c.get("description").asString()).isEqualTo(WORDS);
      assertThat(c.at("/location/coordinates/0").asDouble()).isCloseTo(spot.getX(), within(1e-7));
      assertThat(c.get("history").size()).isGreaterThanOrEqualTo(1);
      assertThat(c.get("history").get(0).get("type").asString()).isEqualTo("REPORTED");
      assertThat(r.body()).doesNotContain("13900001111").doesNotContain("\"actor\"");
    }
    String stored = jdbc.queryForObject("select follow_token_hash from incident where public_id = ?", String.class, id);
    assertThat(stored).hasSize(64).isNotEqualTo(token);
    assertThat(jdbc.queryForObject("select count(*) from incident where follow_token_hash = ?", Integer.class, token)).isZero();
  }

  @Test
  void aWrongTokenOrAnotherCasesTokenIsRefusedByName() {
    JsonNode one = report(false), other = report(false);
    Http.Response wrong = http.get("/api/v1/incidents/" + one.get("id").asString(), "Follow-Token", "not-the-token");
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.contentType()).startsWith("application/problem+json");
    assertThat(wrong.json().at("/errors/0/field").asString()).isEqualTo("Follow-Token");
    Http.Response crossed = http.get("/api/v1/incidents/" + one.get("id").asString() + "?token="
        + other.get("followToken").asString());
    assertThat(crossed.status()).isEqualTo(403);
    assertThat(crossed.json().at("/errors/0/field").asString()).isEqualTo("token");
    assertThat(crossed.body()).doesNotContain("杂物");
  }

  @Test
  void publishedWordsAreReadableByAnyoneWithPhoneAndIdNumbersMasked() {
    JsonNode made = report(true);
    JsonNode c = http.get("/api/v1/incidents/" + made.get("id").asString()).json();
    String d = c.get("description").asString();
    assertThat(d).startsWith("楼道里堆满杂物").doesNotContain("13812345678").doesNotContain("370203199001011234")
        .contains("138").contains("3702");
    assertThat(c.get("address").asString()).contains("辽宁路").doesNotContain("83881234");
    assertThat(c.at("/location/coordinates/1").asDouble()).as("the place stays approximate").isNotEqualTo(spot.getY());
  }

  @Test
  void open311ReadsFollowTheSameRule() {
    JsonNode hidden = report(false), shown = report(true);
    JsonNode h = http.get("/open311/v2/requests/" + hidden.get("id").asString() + ".json").json().get(0);
    assertThat(h.get("description").isNull()).isTrue();
    assertThat(h.get("address").isNull()).isTrue();
    assertThat(h.get("lat").asDouble()).isEqualTo(org.gridwatch.incident.Disclosure.rounded(spot.getY()));
    Http.Response list = http.get("/open311/v2/requests.json?service_code=SANITATION");
    assertThat(list.body()).doesNotContain("13812345678").doesNotContain("370203199001011234");
    JsonNode s = http.get("/open311/v2/requests/" + shown.get("id").asString() + ".json").json().get(0);
    assertThat(s.get("description").asString()).startsWith("楼道里堆满杂物").doesNotContain("13812345678");
  }

  @Test
  void aRetriedReportAnswersTheSameWorkingToken() {
    String key = "retry-" + System.nanoTime();
    JsonNode first = report(false, "Idempotency-Key", key), again = report(false, "Idempotency-Key", key);
    assertThat(again.get("id").asString()).isEqualTo(first.get("id").asString());
    assertThat(again.get("followToken").asString()).isEqualTo(first.get("followToken").asString());
    assertThat(http.get("/api/v1/incidents/" + first.get("id").asString(), "Follow-Token",
        again.get("followToken").asString()).json().get("description").asString()).isEqualTo(WORDS);
  }

  @Test
  void staffWhoMayReadTheCaseStillSeeItExactly() {
    JsonNode made = report(false);
    JsonNode c = http.get("/api/v1/incidents/" + made.get("id").asString(),
        Http.basic("operator", TestEnvironment.DEMO_PASSWORD)).json();
    assertThat(c.get("description").asString()).isEqualTo(WORDS);
    assertThat(c.at("/reporter/phone").asString()).isEqualTo("13900001111");
    assertThat(c.at("/location/coordinates/0").asDouble()).isCloseTo(spot.getX(), within(1e-7));
  }
}
