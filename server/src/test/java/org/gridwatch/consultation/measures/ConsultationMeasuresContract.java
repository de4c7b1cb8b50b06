package org.gridwatch.consultation.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.gridwatch.incident.Action;
import org.gridwatch.incident.Actor;
import org.gridwatch.incident.Workflow;
import org.gridwatch.security.Role;
import org.gridwatch.support.DemoFiles;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, the consultation measures and map layers: the figures of a community move by exactly what this test adds
 * (meetings, attendance, topics by source, decisions carried out on time or late, cases closed by consultation,
 * mediations), each counted here row by row; the layers show the meetings, the published decisions to anyone and the
 * grids with open topics to staff.
 */
abstract class ConsultationMeasuresContract {
  static final String GRID = "370203014001001";
  static final String COMMUNITY = GRID.substring(0, 12);
  static final String OTHER_COMMUNITY = "370203014002";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Workflow workflow;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  static String[] as(String user) { return Http.basic(user, TestEnvironment.DEMO_PASSWORD); }

  long next(String sequence) {
    boolean pg = "PostgreSQL".equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()));
    return jdbc.queryForObject(pg ? "select nextval('" + sequence + "')" : "select next value for " + sequence, Long.class);
  }

  ZoneId zone() { return ZoneId.of(http.get("/api/v1/district").json().get("timeZone").asString()); }

  JsonNode figures(String user) {
    LocalDate today = LocalDate.now(zone());
    Http.Response r = http.get("/api/v1/consultation/measures?level=community&code=" + COMMUNITY + "&from=" + today.minusDays(30)
        + "&to=" + today, as(user));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("areas").size()).isEqualTo(1);
    return r.json().at("/areas/0");
  }

  long body(String community, String grid) {
    long id = next("body_seq");
    jdbc.update("INSERT INTO body (id, kind, name, area_kind, area_code, community_code, grid_code, quorum, pass_by, pass_base,"
        + " consensus_allowed, constituted_on, created_by, created_at) VALUES (?, 'GRID_COUNCIL', ?, 'GRID', ?, ?, ?, 'MORE_THAN_HALF',"
        + " 'MORE_THAN_HALF', 'PRESENT', TRUE, ?, 'test', ?)", id, "测试议事会 " + id, grid, community, grid,
        Date.valueOf(LocalDate.now().minusYears(1)), Timestamp.from(Instant.now()));
    return id;
  }

  long meeting(long body, String community, String status, Integer attendees, Instant startsAt) {
    long id = next("meeting_seq");
    jdbc.update("INSERT INTO meeting (id, body_id, title, starts_at, place_name, lon, lat, grid_code, community_code, status, quorum_met,"
        + " attendees, created_by, created_at) VALUES (?, ?, '测试会议', ?, '社区议事厅', 120.37, 36.09, ?, ?, ?, ?, ?, 'test', ?)", id, body,
        Timestamp.from(startsAt), GRID, community, status, "HELD".equals(status) ? Boolean.TRUE : null, attendees, Timestamp.from(Instant.now()));
    return id;
  }

  long topic(long body, String community, String source, String status) {
    long id = next("topic_seq");
    jdbc.update("INSERT INTO topic (id, title, source, body_id, status, lon, lat, grid_code, community_code, created_by, created_at)"
        + " VALUES (?, '测试议题', ?, ?, ?, 120.37, 36.09, ?, ?, 'test', ?)", id, source, body, status, GRID, community,
        Timestamp.from(Instant.now()));
    return id;
  }

  long decision(long meeting, long topic, boolean adopted, boolean published) {
    long id = next("decision_seq");
    jdbc.update("INSERT INTO decision (id, meeting_id, topic_id, text, method, votes_for, adopted, decided_by, recorded_by, recorded_at,"
        + " published_at) VALUES (?, ?, ?, '修缮楼道灯', 'VOTE', 5, ?, '测试议事会', 'test', ?, ?)", id, meeting, topic, adopted,
        Timestamp.from(Instant.now()), published ? Timestamp.from(Instant.now()) : null);
    return id;
  }

  void task(long decision, LocalDate due, String status, Instant verifiedAt) {
    jdbc.update("INSERT INTO task (id, decision_id, title, owner_kind, owner_name, due_on, status, lon, lat, verified_at, created_by,"
        + " created_at) VALUES (?, ?, '换灯', 'TEAM', '志愿服务队', ?, ?, 120.37, 36.09, ?, 'test', ?)", next("task_seq"), decision,
        Date.valueOf(due), status, verifiedAt == null ? null : Timestamp.from(verifiedAt), Timestamp.from(Instant.now()));
  }

  String registered(String category) {
    DemoFiles.Feature g = DemoFiles.read("grids").stream().filter(f -> f.code().equals(GRID)).findFirst().orElseThrow();
    Point p = new MaximumInscribedCircle(g.geometry(), 1e-6).getCenter();
    Http.Response r = http.postJson("/api/v1/incidents", String.format(Locale.ROOT, "{\"category\":\"%s\",\"location\":{\"type\":"
        + "\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"楼道灯坏了很久\"}", category, p.getX(), p.getY()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String id = r.json().get("id").asString();
    ok(http.postJson("/api/v1/incidents/" + id + "/register", "{}", as("operator")));
    return id;
  }

  JsonNode ok(Http.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void theFiguresMoveByWhatWasCountedRowByRow() {
    JsonNode before = figures("community");
    LocalDate today = LocalDate.now(zone());
    Instant now = Instant.now();
    long council = body(COMMUNITY, GRID), elsewhere = body(OTHER_COMMUNITY, OTHER_COMMUNITY + "001");
    long held1 = meeting(council, COMMUNITY, "HELD", 30, now.minusSeconds(86400));
    meeting(council, COMMUNITY, "HELD", 20, now.minusSeconds(2 * 86400));
    meeting(council, COMMUNITY, "PLANNED", null, now.plusSeconds(86400));
    meeting(elsewhere, OTHER_COMMUNITY, "HELD", 40, now.minusSeconds(86400));
    long proposal = topic(council, COMMUNITY, "RESIDENT_PROPOSAL", "DECIDED");
    long fromCases = topic(council, COMMUNITY, "CASES", "DECIDED");
    long fromNeed = topic(council, COMMUNITY, "NEED", "DECIDED");
    long fromBody = topic(council, COMMUNITY, "BODY", "NOT_AGREED");
    topic(council, COMMUNITY, "RESIDENT_PROPOSAL", "PROPOSED");
    long onTime = decision(held1, proposal, true, true);
    task(onTime, today, "VERIFIED", now);
    task(onTime, today.plusDays(3), "VERIFIED", now);
    long late = decision(held1, fromCases, true, false);
    task(late, today.minusDays(2), "VERIFIED", now);
    task(late, today, "VERIFIED", now);
    decision(held1, fromNeed, true, false);
    decision(held1, fromBody, false, true);

    Actor operator = new Actor("operator", Set.of(Role.OPERATOR), Optional.empty());
    String consulted = registered("SANITATION"), handled = registered("SANITATION"), resumed = registered("SANITATION");
    workflow.act(consulted, Action.CONVENE, Workflow.Input.of("召集相关方协商"), operator);
    workflow.resolveByConsultation(consulted, "议事会决定更换楼道灯", null, operator);
    workflow.act(resumed, Action.CONVENE, Workflow.Input.of("召集"), operator);
    workflow.act(resumed, Action.RESUME, Workflow.Input.of("协商未成，恢复办理"), operator);
    ok(http.postJson("/api/v1/incidents/" + handled + "/dispatch", "{}", as("operator")));
    ok(http.postJson("/api/v1/incidents/" + handled + "/resolve", "{\"note\":\"已修复\"}", as("operator")));

    String settledInGrid = registered("NEIGHBOUR_DISPUTE"), failed = registered("NEIGHBOUR_DISPUTE");
    String mediation = "{\"disputeType\":\"NOISE\",\"mediator\":{\"kind\":\"LAWYER\",\"name\":\"律师（演示）\"},\"level\":\"GRID\",\"parties\":"
        + "[{\"role\":\"APPLICANT\",\"name\":\"甲\"},{\"role\":\"RESPONDENT\",\"name\":\"乙\"}]}";
    long m1 = http.postJson("/api/v1/incidents/" + settledInGrid + "/mediation", mediation, as("operator")).json().get("id").asLong();
    long m2 = http.postJson("/api/v1/incidents/" + failed + "/mediation", mediation, as("operator")).json().get("id").asLong();
    ok(http.postJson("/api/v1/mediations/" + m1 + "/settle", "{\"agreement\":\"晚十点后不施工\",\"signedOn\":\"" + today + "\"}", as("operator")));
    ok(http.postJson("/api/v1/mediations/" + m2 + "/fail", "{\"outcome\":\"ARBITRATION\"}", as("operator")));
    jdbc.update("UPDATE incident SET status = 'CLOSED', resolved_at = ?, closed_at = ? WHERE public_id = ?", Timestamp.from(now),
        Timestamp.from(now), settledInGrid);

    JsonNode after = figures("community");
    // The oracle: what this test added, counted from its own rows.
    assertThat(delta(before, after, "meetingsHeld")).isEqualTo(count("SELECT count(*) FROM meeting WHERE body_id = ? AND status = 'HELD'", council));
    assertThat(delta(before, after, "attendees")).isEqualTo(count("SELECT sum(attendees) FROM meeting WHERE body_id = ? AND status = 'HELD'", council));
    assertThat(delta(before, after, "topics")).isEqualTo(count("SELECT count(*) FROM topic WHERE body_id = ?", council));
    assertThat(delta(before, after, "topicsFromResidents")).isEqualTo(count("SELECT count(*) FROM topic WHERE body_id = ?"
        + " AND source IN ('RESIDENT_PROPOSAL', 'CASES')", council));
    assertThat(delta(before, after, "topicsFromAbove")).isEqualTo(count("SELECT count(*) FROM topic WHERE body_id = ?"
        + " AND source IN ('NEED', 'BODY')", council));
    assertThat(delta(before, after, "decisionsAdopted")).isEqualTo(count("SELECT count(*) FROM decision d JOIN meeting m ON m.id ="
        + " d.meeting_id WHERE m.body_id = ? AND d.adopted = TRUE", council));
    // On time: every task verified by its due day; the late decision has one task verified after it, the third none.
    assertThat(delta(before, after, "decisionsCarriedOutOnTime")).isEqualTo(count("SELECT count(*) FROM decision d WHERE d.id IN (?, ?, ?)"
        + " AND EXISTS (SELECT 1 FROM task k WHERE k.decision_id = d.id) AND NOT EXISTS (SELECT 1 FROM task k WHERE k.decision_id = d.id"
        + " AND (k.status <> 'VERIFIED' OR k.due_on < ?))", onTime, late, late, Date.valueOf(today)));
    assertThat(delta(before, after, "casesClosedByConsultation")).isEqualTo(count("SELECT count(DISTINCT e.incident_id) FROM incident_event e"
        + " JOIN incident i ON i.id = e.incident_id WHERE i.public_id IN (?, ?, ?) AND e.type = 'RESOLVED' AND e.from_status = 'IN_CONSULTATION'",
        consulted, handled, resumed));
    assertThat(delta(before, after, "casesClosed")).isEqualTo(count("SELECT count(DISTINCT e.incident_id) FROM incident_event e"
        + " JOIN incident i ON i.id = e.incident_id WHERE i.public_id IN (?, ?, ?) AND e.type = 'RESOLVED' AND e.to_status = 'RESOLVED'",
        consulted, handled, resumed));
    assertThat(delta(before, after, "mediations")).isEqualTo(count("SELECT count(*) FROM mediation WHERE id IN (?, ?)", m1, m2));
    assertThat(delta(before, after, "mediationsSettled")).isEqualTo(count("SELECT count(*) FROM mediation WHERE id IN (?, ?)"
        + " AND status = 'SETTLED'", m1, m2));
    assertThat(delta(before, after, "mediationsNotSettled")).isEqualTo(count("SELECT count(*) FROM mediation WHERE id IN (?, ?)"
        + " AND status = 'NOT_SETTLED'", m1, m2));
    assertThat(delta(before, after, "disputesSettledInGrid")).isEqualTo(count("SELECT count(*) FROM incident WHERE public_id IN (?, ?)"
        + " AND settled_in_grid = TRUE", settledInGrid, failed));
    // The rates are the figures' own ratios, and the area's households are the catalogue's.
    int households = http.get("/ogcapi/collections/communities/items/" + COMMUNITY).json().at("/properties/households").asInt();
    assertThat(after.get("households").asInt()).isEqualTo(households);
    assertThat(after.get("attendancePerHundredHouseholds").asDouble())
        .isCloseTo(after.get("attendees").asInt() * 100.0 / households, within(1e-6));
    assertThat(after.get("mediationSuccessRate").asDouble()).isCloseTo(after.get("mediationsSettled").asDouble()
        / (after.get("mediationsSettled").asInt() + after.get("mediationsNotSettled").asInt()), within(1e-9));
    assertThat(after.get("closedByConsultationShare").asDouble())
        .isCloseTo(after.get("casesClosedByConsultation").asDouble() / after.get("casesClosed").asInt(), within(1e-9));

    JsonNode subdistrict = ok(http.get("/api/v1/consultation/measures?level=subdistrict&code=" + GRID.substring(0, 9), as("planner")));
    assertThat(subdistrict.at("/areas/0/meetingsHeld").asInt()).as("the subdistrict adds its communities up")
        .isGreaterThanOrEqualTo(after.get("meetingsHeld").asInt() + 1);

    layers(council, held1, onTime, late);
  }

  /** The map layers over the same rows: meetings and open topics for staff, published decisions for anyone. */
  void layers(long council, long meeting, long published, long unpublished) {
    JsonNode meetings = ok(http.get("/ogcapi/collections/meetings/items?community=" + COMMUNITY + "&limit=1000", as("community")));
    JsonNode mine = find(meetings, String.valueOf(meeting));
    assertThat(mine).as("the held meeting is on the map").isNotNull();
    assertThat(mine.at("/properties/body").asLong()).isEqualTo(council);
    assertThat(mine.at("/properties/decisionsAdopted").asInt()).isEqualTo(count("SELECT count(*) FROM decision WHERE meeting_id = ?"
        + " AND adopted = TRUE", meeting));
    assertThat(mine.at("/geometry/type").asString()).isEqualTo("Point");
    assertThat(http.get("/ogcapi/collections/meetings/items").status()).isIn(401, 404);

    JsonNode anonymous = ok(http.get("/ogcapi/collections/decisions/items?community=" + COMMUNITY + "&limit=1000"));
    assertThat(find(anonymous, String.valueOf(published))).as("published: public").isNotNull();
    assertThat(find(anonymous, String.valueOf(unpublished))).as("not published: staff only").isNull();
    assertThat(anonymous.toString()).doesNotContain("\"recorded_by\"").doesNotContain("recordedBy");
    JsonNode staff = ok(http.get("/ogcapi/collections/decisions/items?community=" + COMMUNITY + "&limit=1000", as("operator")));
    assertThat(find(staff, String.valueOf(unpublished))).isNotNull();

    JsonNode open = ok(http.get("/ogcapi/collections/open-topics/items?community=" + COMMUNITY, as("operator")));
    JsonNode grid = find(open, GRID);
    assertThat(grid).as("the grid with the proposed topic").isNotNull();
    assertThat(grid.at("/properties/proposed").asInt()).isEqualTo(count("SELECT count(*) FROM topic WHERE grid_code = ? AND status = 'PROPOSED'", GRID));
    assertThat(grid.at("/properties/decided").asInt()).isEqualTo(count("SELECT count(*) FROM topic WHERE grid_code = ? AND status = 'DECIDED'", GRID));
    assertThat(grid.at("/geometry/type").asString()).endsWith("Polygon");
  }

  @Test
  void badQueriesNameTheField() {
    String[] op = as("operator");
    assertField(http.get("/api/v1/consultation/measures?level=galaxy", op), "level");
    assertField(http.get("/api/v1/consultation/measures?level=grid", op), "level");
    assertField(http.get("/api/v1/consultation/measures?level=community&code=370203014", op), "code");
    assertField(http.get("/api/v1/consultation/measures?from=yesterday", op), "from");
    assertThat(http.get("/api/v1/consultation/measures").status()).isEqualTo(401);
    assertThat(http.get("/api/v1/consultation/measures", as("resident")).status()).isEqualTo(403);
    JsonNode all = ok(http.get("/api/v1/consultation/measures?level=subdistrict", as("planner")));
    assertThat(all.get("areas").size()).as("every subdistrict without a code").isEqualTo(DemoFiles.read("subdistricts").size());
  }

  static void assertField(Http.Response r, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().at("/errors/0/field").asString()).isEqualTo(field);
  }

  static JsonNode find(JsonNode collection, String id) {
    for (JsonNode f : collection.get("features")) if (f.get("id").asString().equals(id)) return f;
    return null;
  }

  int count(String sql, Object... args) {
    Integer n = jdbc.queryForObject(sql, Integer.class, args);
    return n == null ? 0 : n;
  }

  static int delta(JsonNode before, JsonNode after, String field) { return after.get(field).asInt() - before.get(field).asInt(); }
}
