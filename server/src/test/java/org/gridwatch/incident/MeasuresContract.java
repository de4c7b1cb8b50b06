package org.gridwatch.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The measures API against the same figures counted row by row in Java from a plain SELECT: an oracle that
 * shares no query with the implementation.
 */
abstract class MeasuresContract {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void subdistrictMeasuresMatchACountRowByRow() {
    String code = "370203014";
    Instant to = Instant.now().plusSeconds(60), from = to.minusSeconds(365L * 86400);
    List<Map<String, Object>> rows = jdbc.queryForList("select status, category_code, dispatched_at, resolved_at, closed_at, "
        + "closed_on_time, reopenings, settled_in_grid, breached from incident where subdistrict_code = ? and reported_at >= ? and reported_at < ?",
        code, Timestamp.from(from), Timestamp.from(to));
    long transferred = 0, breached = 0, due = 0, closed = 0, onTime = 0, dispatched = 0, handled = 0, reworked = 0, disputes = 0, disputesInGrid = 0;
    double seconds = 0;
    for (Map<String, Object> r : rows) {
      String status = (String) r.get("status");
      boolean isClosed = r.get("closed_at") != null, isHandled = r.get("resolved_at") != null;
      if (!status.equals("REJECTED") && !status.equals("MERGED") && !status.equals("TRANSFERRED")) due++;
      if (status.equals("TRANSFERRED")) transferred++;
      else if (Boolean.TRUE.equals(r.get("breached"))) breached++;
      if (isClosed) closed++;
      if (isClosed && Boolean.TRUE.equals(r.get("closed_on_time"))) onTime++;
      if (r.get("dispatched_at") != null) dispatched++;
      if (isHandled) {
        handled++;
        if (((Number) r.get("reopenings")).intValue() > 0) reworked++;
        seconds += (ts(r.get("resolved_at")).toEpochMilli() - ts(r.get("dispatched_at")).toEpochMilli()) / 1000.0;
      }
      if (isClosed && r.get("category_code").equals("NEIGHBOUR_DISPUTE")) {
        disputes++;
        if (Boolean.TRUE.equals(r.get("settled_in_grid"))) disputesInGrid++;
      }
    }
    assertThat(due).as("the demo history gives the subdistrict enough cases").isGreaterThan(30);
    JsonNode m = new Http(port).get("/api/v1/measures?level=subdistrict&code=" + code + "&from=" + from + "&to=" + to,
        Http.basic("operator", TestEnvironment.DEMO_PASSWORD)).json().get("overall");
    assertThat(m.get("due").asLong()).isEqualTo(due);
    assertThat(m.get("transferred").asLong()).as("transferred to the police, not due").isEqualTo(transferred);
    assertThat(m.get("breached").asLong()).as("breaches counted against the area").isEqualTo(breached);
    assertThat(m.get("closed").asLong()).isEqualTo(closed);
    assertThat(m.get("closureRate").asDouble()).isCloseTo((double) closed / due, within(1e-4));
    assertThat(m.get("onTimeClosureRate").asDouble()).isCloseTo((double) onTime / due, within(1e-4));
    assertThat(m.get("handlingRate").asDouble()).isCloseTo((double) handled / dispatched, within(1e-4));
    assertThat(m.get("reworkRate").asDouble()).isCloseTo((double) reworked / handled, within(1e-4));
    assertThat(m.get("averageHandlingHours").asDouble()).isCloseTo(seconds / 3600 / handled, within(0.06));
    if (disputes > 0) {
      assertThat(m.get("disputesResolvedInGridRate").asDouble()).isCloseTo((double) disputesInGrid / disputes, within(1e-4));
    }
  }

  /** The console's strip: cases reported and closed in the period by their own time, open and overdue now. */
  @Test
  void activityCountsReportsAndClosingsInThePeriodAndWhatIsOverdueNow() {
    String code = "370203014";
    Instant to = Instant.now().plusSeconds(60), from = to.minusSeconds(20L * 86400);
    List<Map<String, Object>> rows = jdbc.queryForList("select status, reported_at, closed_at, closed_on_time, deadline "
        + "from incident where subdistrict_code = ?", code);
    Instant before = Instant.now();
    JsonNode a = new Http(port).get("/api/v1/measures?level=subdistrict&code=" + code + "&from=" + from + "&to=" + to,
        Http.basic("operator", TestEnvironment.DEMO_PASSWORD)).json().get("activity");
    Instant after = Instant.now();
    long reported = 0, closed = 0, onTime = 0, open = 0, overdueBefore = 0, overdueAfter = 0;
    for (Map<String, Object> r : rows) {
      Instant at = ts(r.get("reported_at"));
      if (!at.isBefore(from) && at.isBefore(to)) reported++;
      Instant closedAt = r.get("closed_at") == null ? null : ts(r.get("closed_at"));
      if (closedAt != null && !closedAt.isBefore(from) && closedAt.isBefore(to)) {
        closed++;
        if (Boolean.TRUE.equals(r.get("closed_on_time"))) onTime++;
      }
      if (!List.of("REJECTED", "CLOSED", "MERGED", "TRANSFERRED").contains((String) r.get("status"))) {
        open++;
        Instant deadline = r.get("deadline") == null ? null : ts(r.get("deadline"));
        if (deadline != null && deadline.isBefore(before)) overdueBefore++;
        if (deadline != null && deadline.isBefore(after)) overdueAfter++;
      }
    }
    assertThat(closed).as("the demo closes cases of the subdistrict in any 20 days").isGreaterThan(0);
    assertThat(a.get("reported").asLong()).isEqualTo(reported);
    assertThat(a.get("closed").asLong()).isEqualTo(closed);
    assertThat(a.get("closedOnTime").asLong()).isEqualTo(onTime);
    assertThat(a.get("onTimeRate").asDouble()).isCloseTo((double) onTime / closed, within(1e-4));
    assertThat(a.get("openNow").asLong()).isEqualTo(open);
    assertThat(a.get("overdueNow").asLong()).isBetween(overdueBefore, overdueAfter);
  }

  @Test
  void badMeasureQueriesAreRefused() {
    String[] op = Http.basic("operator", TestEnvironment.DEMO_PASSWORD);
    Http http = new Http(port);
    assertThat(http.get("/api/v1/measures?level=galaxy", op).json().at("/errors/0/field").asString()).isEqualTo("level");
    assertThat(http.get("/api/v1/measures?level=subdistrict&code=370203014001", op).json().at("/errors/0/field").asString()).isEqualTo("code");
    assertThat(http.get("/api/v1/measures?level=grid", op).json().at("/errors/0/field").asString()).isEqualTo("code");
    assertThat(http.get("/api/v1/measures?from=yesterday", op).json().at("/errors/0/field").asString()).isEqualTo("from");
    assertThat(http.get("/api/v1/measures").status()).isEqualTo(401);
    // Issue 10: an unknown boundaries= value was silently counted as "recorded".
    for (String q : List.of("boundaries=sometimes", "level=subdistrict&code=370203014&boundaries=sometimes")) {
      Http.Response r = http.get("/api/v1/measures?" + q, op);
      assertThat(r.status()).as(r.body()).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("boundaries");
      assertThat(r.json().at("/errors/0/reason").asString()).contains("recorded", "current", "date");
    }
    assertThat(http.get("/api/v1/measures?boundaries=current", op).status()).isEqualTo(200);
    assertThat(http.get("/api/v1/measures?from=1066-10-14", op).json().at("/errors/0/field").asString()).isEqualTo("from");
    assertThat(http.get("/api/v1/measures?to=%2B999999-01-01T00:00:00Z", op).json().at("/errors/0/field").asString()).isEqualTo("to");
    assertThat(http.get("/api/v1/measures?level=subdistrict&code=370203014&boundaries=%2B999999-01-01T00:00:00Z", op)
        .json().at("/errors/0/field").asString()).isEqualTo("boundaries");
  }

  static Instant ts(Object o) {
    if (o instanceof Timestamp t) return t.toInstant();
    if (o instanceof java.time.OffsetDateTime t) return t.toInstant();
    if (o instanceof Instant i) return i;
    return Instant.parse(o.toString());
  }
}
