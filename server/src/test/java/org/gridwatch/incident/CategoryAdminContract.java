package org.gridwatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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

  /**
   * Issue 10: a time limit of 2^31-1 hours was accepted and the next case's deadline lay before it was reported.
   * Every limit is 1 up to a year in its unit; refusals name the field and change nothing.
   */
  @Test
  void timeLimitsAreBoundedAndBadFieldsAreRefusedWithoutChangingTheTaxonomy() {
    Http http = new Http(port);
    String[] admin = Http.basic("admin", TestEnvironment.DEMO_PASSWORD);
    String before = http.get("/api/v1/categories").body();
    String handle = "\"HANDLE\":{\"amount\":4,\"unit\":\"CALENDAR_HOURS\"}";
    assertRefused(http.put("/api/v1/categories/LONG_WAIT", NOISE.replace(handle,
        "\"HANDLE\":{\"amount\":2147483647,\"unit\":\"CALENDAR_HOURS\"}"), admin), "limits.HANDLE.amount", "at most");
    assertRefused(http.put("/api/v1/categories/LONG_WAIT", NOISE.replace(handle,
        "\"HANDLE\":{\"amount\":8761,\"unit\":\"CALENDAR_HOURS\"}"), admin), "limits.HANDLE.amount", "between 1 and 8760");
    assertRefused(http.put("/api/v1/categories/LONG_WAIT", NOISE.replace(handle,
        "\"HANDLE\":{\"amount\":366,\"unit\":\"WORKING_DAYS\"}"), admin), "limits.HANDLE.amount", "between 1 and 365");
    assertRefused(http.put("/api/v1/categories/LONG_WAIT", NOISE.replace(handle,
        "\"HANDLE\":{\"amount\":0,\"unit\":\"CALENDAR_HOURS\"}"), admin), "limits.HANDLE.amount", "at least 1");
    assertRefused(http.put("/api/v1/categories/LONG_WAIT", NOISE.replace(handle,
        "\"HANDLE\":{\"amount\":\"four\",\"unit\":\"CALENDAR_HOURS\"}"), admin), "limits.HANDLE.amount", "must be a number");
    assertRefused(http.put("/api/v1/categories/LONG_WAIT", NOISE.replace(handle,
        "\"HANDLE\":{\"amount\":4,\"unit\":\"FORTNIGHTS\"}"), admin), "limits.HANDLE.unit", "WORKING_HOURS");
    assertRefused(http.put("/api/v1/categories/LONG_WAIT", NOISE.replace(handle + ",", ""), admin), "limits.HANDLE", "required");
    assertRefused(http.put("/api/v1/categories/LONG_WAIT", NOISE.replace("\"Noise\"", "{\"en\":\"Noise\"}"), admin), "nameEn", "string");
    assertRefused(http.put("/api/v1/categories/LONG_WAIT", NOISE.replace("\"Noise\"", "\"\""), admin), "nameEn", "required");
    assertRefused(http.put("/api/v1/categories/LONG_WAIT", NOISE.replace("\"CGJ\"", "\"NOWHERE\""), admin), "department", "unknown");
    assertRefused(http.put("/api/v1/categories/LONG_WAIT", "[" + NOISE + "]", admin), "body", "");
    assertThat(http.get("/api/v1/categories").body()).as("nothing stored").isEqualTo(before);

    // The longest limit allowed gives a deadline a year after the report, never before it.
    String year = NOISE.replace("\"REGISTER\":{\"amount\":1,\"unit\":\"WORKING_HOURS\"}",
        "\"REGISTER\":{\"amount\":8760,\"unit\":\"CALENDAR_HOURS\"}");
    Http.Response ok = http.put("/api/v1/categories/LONG_WAIT", year, admin);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    Http.Response report = http.postJson("/api/v1/incidents", "{\"category\":\"LONG_WAIT\",\"location\":{\"type\":\"Point\","
        + "\"coordinates\":[120.3754,36.0989]},\"description\":\"楼上装修\"}");
    assertThat(report.status()).as(report.body()).isEqualTo(201);
    Duration left = Duration.between(Instant.now(), Instant.parse(report.json().get("deadline").asString()));
    assertThat(left).isBetween(Duration.ofHours(8759), Duration.ofHours(8761));
  }

  static void assertRefused(Http.Response r, String field, String reasonPart) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("errors").toString()).as(r.body()).contains("\"field\":\"" + field + "\"");
    assertThat(r.json().get("errors").toString()).as(r.body()).contains(reasonPart);
  }
}
