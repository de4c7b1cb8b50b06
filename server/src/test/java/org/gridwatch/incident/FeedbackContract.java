package org.gridwatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.gridwatch.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The resident's rating of a closed case through the HTTP API (issue 13): only with the follow token, only after
 * closing, only once; 不满意 within the rework window reopens the case for rework, later it is only recorded; and
 * the measures count the ratings, checked against a plain count of the rows.
 */
abstract class FeedbackContract {
  static final String GRID = IncidentWorkflowContract.DEMO_GRID;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  /** A case reported by a resident: its number and follow token. */
  record Reported(String id, String token) {}

  Reported report() {
    var p = IncidentWorkflowContract.inside(GRID);
    Http.Response r = http.postJson("/api/v1/incidents", IncidentWorkflowContract.report("SANITATION", p.getX(), p.getY(), ""));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return new Reported(r.json().get("id").asString(), r.json().get("followToken").asString());
  }

  void act(String id, String action, String body, String user) {
    Http.Response r = http.postJson("/api/v1/incidents/" + id + "/" + action, body, IncidentWorkflowContract.as(user));
    assertThat(r.status()).as(action + " " + r.body()).isEqualTo(200);
  }

  /** Through the loop up to resolution by the grid worker, with a note. */
  Reported resolved() {
    Reported c = report();
    act(c.id(), "register", "{}", "operator");
    act(c.id(), "dispatch", "{}", "operator");
    act(c.id(), "start", "{}", "gridworker");
    act(c.id(), "resolve", "{\"note\":\"垃圾已清运，联系电话 13912345678\"}", "gridworker");
    return c;
  }

  Reported closed() {
    Reported c = resolved();
    act(c.id(), "verify", "{}", "operator");
    act(c.id(), "close", "{}", "operator");
    return c;
  }

  Http.Response rate(String id, String body) { return http.postJson("/api/v1/incidents/" + id + "/feedback", body); }

  static String rating(String token, String rating, String comment) {
    return "{\"token\":" + (token == null ? "null" : "\"" + token + "\"") + ",\"rating\":\"" + rating + "\""
        + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + "}";
  }

  JsonNode staffRead(String id) { return http.get("/api/v1/incidents/" + id, IncidentWorkflowContract.as("operator")).json(); }

  JsonNode reporterRead(Reported c) { return http.get("/api/v1/incidents/" + c.id(), "Follow-Token", c.token()).json(); }

  int feedbackRows(String id) {
    return jdbc.queryForObject("select count(*) from incident_feedback f join incident i on i.id = f.incident_id where i.public_id = ?",
        Integer.class, id);
  }

  static void assertProblem(Http.Response r, int status, String type) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("type").asString()).endsWith("/problems/" + type);
  }

  @Test
  void onlyTheReporterRatesAClosedCaseAndOnlyOnce() {
    Reported early = resolved();
    assertProblem(rate(early.id(), rating(early.token(), "SATISFIED", null)), 409, "not-closed");
    assertThat(reporterRead(early).get("feedbackOpen").asBoolean()).isFalse();

    Reported c = closed();
    Http.Response noToken = rate(c.id(), "{\"rating\":\"SATISFIED\"}");
    assertProblem(noToken, 403, "wrong-follow-token");
    assertThat(noToken.json().at("/errors/0/field").asString()).isEqualTo("token");
    Http.Response wrong = rate(c.id(), rating(early.token(), "SATISFIED", null));
    assertProblem(wrong, 403, "wrong-follow-token");
    assertThat(wrong.body()).doesNotContain("垃圾").doesNotContain(GRID);
    assertProblem(rate("GW-2000-999999", rating(c.token(), "SATISFIED", null)), 404, "unknown-incident");

    Http.Response badRating = rate(c.id(), rating(c.token(), "DELIGHTED", null));
    assertProblem(badRating, 400, "invalid-input");
    assertThat(badRating.json().at("/errors/0/field").asString()).isEqualTo("rating");
    assertThat(rate(c.id(), "{\"token\":\"" + c.token() + "\"}").json().at("/errors/0/field").asString()).isEqualTo("rating");
    Http.Response longComment = rate(c.id(), rating(c.token(), "SATISFIED", "很".repeat(FeedbackRequest.MAX_COMMENT + 1)));
    assertProblem(longComment, 400, "invalid-input");
    assertThat(longComment.json().at("/errors/0/field").asString()).isEqualTo("comment");
    assertThat(feedbackRows(c.id())).as("no refusal leaves a rating behind").isZero();
    assertThat(reporterRead(c).get("feedbackOpen").asBoolean()).isTrue();

    Http.Response first = rate(c.id(), rating(c.token(), "basically_satisfied", "还行"));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().get("rating").asString()).isEqualTo("BASICALLY_SATISFIED");
    assertThat(first.json().get("reopened").asBoolean()).isFalse();
    assertThat(first.json().get("caseStatus").asString()).isEqualTo("CLOSED");
    assertProblem(rate(c.id(), rating(c.token(), "UNSATISFIED", "再评一次")), 409, "already-rated");
    assertThat(feedbackRows(c.id())).isEqualTo(1);
    JsonNode staff = staffRead(c.id());
    assertThat(staff.get("status").asString()).isEqualTo("CLOSED");
    assertThat(types(staff)).containsOnlyOnce("FEEDBACK").doesNotContain("REOPENED");
    JsonNode mine = reporterRead(c);
    assertThat(mine.at("/feedback/rating").asString()).isEqualTo("BASICALLY_SATISFIED");
    assertThat(mine.at("/feedback/comment").asString()).isEqualTo("还行");
    assertThat(mine.get("feedbackOpen").asBoolean()).isFalse();
  }

  @Test
  void unsatisfiedWithinTheReworkWindowReopensTheCaseForRework() {
    Reported c = closed();
    Http.Response r = rate(c.id(), rating(c.token(), "UNSATISFIED", "垃圾又堆起来了"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("reopened").asBoolean()).isTrue();
    assertThat(r.json().get("caseStatus").asString()).isEqualTo("DISPATCHED");

    JsonNode staff = staffRead(c.id());
    assertThat(staff.get("status").asString()).isEqualTo("DISPATCHED");
    assertThat(staff.get("unitCode").asString()).as("back to the unit that handled it").isEqualTo(GRID);
    assertThat(staff.get("reopenings").asInt()).isEqualTo(1);
    assertThat(staff.get("closedAt").isNull()).isTrue();
    assertThat(Instant.parse(staff.get("deadline").asString())).as("a new handling deadline").isAfter(Instant.now());
    List<JsonNode> history = new ArrayList<>();
    staff.get("history").forEach(history::add);
    JsonNode feedback = history.get(history.size() - 2), reopened = history.get(history.size() - 1);
    assertThat(feedback.get("type").asString()).isEqualTo("FEEDBACK");
    assertThat(feedback.get("rating").asString()).isEqualTo("UNSATISFIED");
    assertThat(feedback.get("note").asString()).isEqualTo("垃圾又堆起来了");
    assertThat(feedback.get("role").asString()).isEqualTo("RESIDENT");
    assertThat(reopened.get("type").asString()).isEqualTo("REOPENED");
    assertThat(reopened.get("role").asString()).isEqualTo("SYSTEM");
    assertThat(reopened.get("to").asString()).isEqualTo("DISPATCHED");

    JsonNode mine = reporterRead(c);
    assertThat(mine.get("status").asString()).isEqualTo("DISPATCHED");
    assertThat(mine.at("/feedback/reopened").asBoolean()).isTrue();
    assertThat(mine.get("feedbackOpen").asBoolean()).isFalse();
    // The grid worker can handle it again, and the case cannot be rated a second time once closed again.
    act(c.id(), "resolve", "{\"note\":\"再次清运\"}", "gridworker");
    act(c.id(), "verify", "{}", "operator");
    act(c.id(), "close", "{}", "operator");
    assertProblem(rate(c.id(), rating(c.token(), "SATISFIED", null)), 409, "already-rated");
  }

  @Test
  void unsatisfiedAfterTheReworkWindowIsRecordedAndTheCaseStaysClosed() {
    Reported c = closed();
    jdbc.update("update incident set closed_at = ? where public_id = ?",
        java.sql.Timestamp.from(Instant.now().minus(java.time.Duration.ofDays(8))), c.id());
    Http.Response r = rate(c.id(), rating(c.token(), "UNSATISFIED", null));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("reopened").asBoolean()).isFalse();
    assertThat(r.json().get("reworkWindowPassed").asBoolean()).isTrue();
    assertThat(r.json().get("reworkDays").asInt()).isEqualTo(7);
    JsonNode staff = staffRead(c.id());
    assertThat(staff.get("status").asString()).isEqualTo("CLOSED");
    assertThat(staff.get("reopenings").asInt()).isZero();
    assertThat(types(staff)).contains("FEEDBACK").doesNotContain("REOPENED");
  }

  @Test
  void ofTwoRatingsSentAtOnceExactlyOneIsKept() throws Exception {
    Reported c = closed();
    CountDownLatch go = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(2);
    try {
      List<CompletableFuture<Http.Response>> calls = new ArrayList<>();
      for (String rating : List.of("SATISFIED", "UNSATISFIED")) {
        calls.add(CompletableFuture.supplyAsync(() -> {
          IncidentWorkflowContract.await(go);
          return rate(c.id(), rating(c.token(), rating, null));
        }, pool));
      }
      go.countDown();
      List<Integer> statuses = calls.stream().map(f -> f.join().status()).sorted().toList();
      assertThat(statuses).containsExactly(201, 409);
    } finally {
      pool.shutdownNow();
    }
    assertThat(feedbackRows(c.id())).isEqualTo(1);
    assertThat(types(staffRead(c.id()))).containsOnlyOnce("FEEDBACK");
  }

  /** The reporter reads the resolution, the unit by name and the steps, never a staff account. */
  @Test
  void theReporterReadsTheResolutionAndWhoHandlesItInWords() {
    Reported c = closed();
    JsonNode mine = reporterRead(c);
    assertThat(mine.at("/resolution/note").asString()).startsWith("垃圾已清运").doesNotContain("13912345678");
    assertThat(mine.at("/unit/code").asString()).isEqualTo(GRID);
    assertThat(mine.at("/unit/name").asString()).isNotBlank().isNotEqualTo(GRID);
    List<String> steps = new ArrayList<>();
    mine.get("history").forEach(e -> steps.add(e.get("type").asString()));
    assertThat(steps).containsSubsequence("REPORTED", "REGISTERED", "DISPATCHED", "STARTED", "RESOLVED", "VERIFIED", "CLOSED");
    assertThat(mine.get("history").toString()).doesNotContain("gridworker").doesNotContain("operator");
    assertThat(Instant.parse(mine.get("reworkUntil").asString())).isAfter(Instant.now().plus(java.time.Duration.ofDays(6)));
    // Without the token: the public summary, no resolution, no rating.
    JsonNode anyone = http.get("/api/v1/incidents/" + c.id()).json();
    assertThat(anyone.has("resolution")).isFalse();
    assertThat(anyone.has("feedback")).isFalse();
  }

  /** A resident signed in as the reporter reads their case as its reporter: the plain steps, never staff accounts. */
  @Test
  void aSignedInReporterReadsTheReportersViewWithoutStaffAccounts() {
    var p = IncidentWorkflowContract.inside(GRID);
    Http.Response r = http.postJson("/api/v1/incidents", IncidentWorkflowContract.report("SANITATION", p.getX(), p.getY(), ""),
        IncidentWorkflowContract.as("resident"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String id = r.json().get("id").asString();
    act(id, "register", "{}", "operator");
    JsonNode mine = http.get("/api/v1/incidents/" + id, IncidentWorkflowContract.as("resident")).json();
    assertThat(types(mine)).containsSubsequence("REPORTED", "REGISTERED");
    assertThat(mine.get("history").toString()).doesNotContain("operator");
    assertThat(mine.has("actions")).isFalse();
    assertThat(mine.get("feedbackOpen").asBoolean()).isFalse();
  }

  /** rated, satisfied and satisfactionRate at every level, against the rows counted in SQL. */
  @Test
  void measuresCountTheRatingsAtEveryLevel() {
    Reported happy = closed(), unhappy = closed();
    assertThat(rate(happy.id(), rating(happy.token(), "SATISFIED", null)).status()).isEqualTo(201);
    assertThat(rate(unhappy.id(), rating(unhappy.token(), "UNSATISFIED", null)).status()).isEqualTo(201);
    Instant to = Instant.now().plusSeconds(60), from = to.minusSeconds(365L * 86400);
    String[][] levels = {{"grid", "grid_code", GRID}, {"community", "community_code", GRID.substring(0, 12)},
        {"subdistrict", "subdistrict_code", GRID.substring(0, 9)}, {"district", null, null}};
    for (String[] level : levels) {
      String where = "i.reported_at >= ? and i.reported_at < ?" + (level[1] == null ? "" : " and i." + level[1] + " = ?");
      Object[] args = level[1] == null ? new Object[] {java.sql.Timestamp.from(from), java.sql.Timestamp.from(to)}
          : new Object[] {java.sql.Timestamp.from(from), java.sql.Timestamp.from(to), level[2]};
      long rated = jdbc.queryForObject("select count(*) from incident i join incident_feedback f on f.incident_id = i.id where "
          + where, Long.class, args);
      long satisfied = jdbc.queryForObject("select count(*) from incident i join incident_feedback f on f.incident_id = i.id where "
          + where + " and f.rating in ('SATISFIED', 'BASICALLY_SATISFIED')", Long.class, args);
      String q = "/api/v1/measures?level=" + level[0] + (level[2] == null ? "" : "&code=" + level[2]) + "&from=" + from + "&to=" + to;
      JsonNode m = http.get(q, IncidentWorkflowContract.as("operator")).json();
      JsonNode overall = m.get("overall");
      assertThat(rated).as(level[0]).isGreaterThanOrEqualTo(2);
      assertThat(overall.get("rated").asLong()).as(level[0]).isEqualTo(rated);
      assertThat(overall.get("satisfied").asLong()).as(level[0]).isEqualTo(satisfied);
      assertThat(overall.get("satisfactionRate").asDouble()).as(level[0])
          .isCloseTo((double) satisfied / rated, org.assertj.core.api.Assertions.within(1e-4));
      assertThat(m.at("/byCategory/SANITATION/rated").asLong()).as(level[0]).isPositive();
    }
  }

  static List<String> types(JsonNode view) {
    List<String> out = new ArrayList<>();
    view.get("history").forEach(e -> out.add(e.get("type").asString()));
    return out;
  }
}
