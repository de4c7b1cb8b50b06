package org.gridwatch.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.incident.WorkingCalendar;
import org.gridwatch.staff.Roster;
import org.gridwatch.support.Http;
import org.gridwatch.support.MovableClock;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The 三事制 meeting loop (issue 16, "What it must show"): a topic from two cases convened into consultation goes
 * through a meeting with its quorum, a vote per the body's rule, tasks with evidence, verification and supervision,
 * and both cases resolve with the decision as their resolution, their deadlines moved by the paused working time.
 * Bodies and members are made here with plain SQL on the foundation's tables, in the community of the
 * {@code community} staff account; cases through the real intake and workflow.
 */
abstract class MeetingLoopContract {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Roster roster;
  @Autowired AreaCatalog areas;
  @Autowired MovableClock clock;
  @Autowired WorkingCalendar calendar;
  @Autowired DistrictProfile district;
  Http http;
  String community;
  AreaView grid;
  LocalDate today;
  long n;

  static String[] as(String user) { return Http.basic(user, TestEnvironment.DEMO_PASSWORD); }

  @BeforeEach
  void setUp() {
    http = new Http(port);
    community = roster.scopeOf("community").orElseThrow().unitCode();
    grid = areas.now().children(community).stream().filter(a -> a.level() == AreaLevel.GRID)
        .min(java.util.Comparator.comparing(AreaView::code)).orElseThrow();
    n = System.nanoTime() % 1_000_000_000L;
    today = today();
  }

  @AfterEach
  void realTimeAgain() { clock.reset(); }

  LocalDate today() { return LocalDate.now(clock.withZone(district.timeZone())); }

  // ---- fixtures ----

  long body(String kind, String quorum, String passBy, String passBase, boolean consensus) {
    long id = jdbc.queryForObject("SELECT nextval('body_seq')", Long.class);
    boolean inGrid = kind.equals("GRID_COUNCIL");
    jdbc.update("INSERT INTO body (id, kind, name, area_kind, area_code, community_code, grid_code, quorum, pass_by, pass_base, consensus_allowed,"
        + " constituted_on, created_by, created_at, synthetic) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test', CURRENT_TIMESTAMP, FALSE)", id, kind,
        "测试" + kind + n + "-" + id, inGrid ? "GRID" : "COMMUNITY", inGrid ? grid.code() : community, community, inGrid ? grid.code() : null, quorum,
        passBy, passBase, consensus, Date.valueOf(today.minusYears(2)));
    return id;
  }

  long member(long body, String name, boolean voting, LocalDate to) {
    long id = jdbc.queryForObject("SELECT nextval('body_member_seq')", Long.class);
    jdbc.update("INSERT INTO body_member (id, body_id, name, role, voting, term_from, term_to, created_at) VALUES (?, ?, ?, 'MEMBER', ?, ?, ?,"
        + " CURRENT_TIMESTAMP)", id, body, name + "（合成）", voting, Date.valueOf(today.minusYears(1)), to == null ? null : Date.valueOf(to));
    return id;
  }

  long[] members(long body, int count) {
    long[] ids = new long[count];
    for (int k = 0; k < count; k++) ids[k] = member(body, "委员" + k, true, null);
    return ids;
  }

  /** A neighbour dispute reported in the grid (a little apart for each), registered and dispatched by the command centre. */
  JsonNode dispatchedCase(int k) {
    Point p = grid.boundary().getInteriorPoint();
    Http.Response r = http.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"NEIGHBOUR_DISPUTE\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"楼上漏水第%d次（合成）\"}",
        p.getX() + k * 0.00001, p.getY(), k));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String token = r.json().get("followToken").asString();
    ok(http.postJson("/api/v1/incidents/" + r.json().get("id").asString() + "/register", "{}", as("operator")), 200);
    Http.Response d = http.postJson("/api/v1/incidents/" + r.json().get("id").asString() + "/dispatch", "{}", as("operator"));
    assertThat(d.status()).as(d.body()).isEqualTo(200);
    JsonNode dispatched = d.json();
    ((tools.jackson.databind.node.ObjectNode) dispatched).put("followToken", token);
    return dispatched;
  }

  JsonNode ok(Http.Response r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    return r.json();
  }

  long topicFromCases(long body, String... cases) {
    String list = String.join(",", java.util.Arrays.stream(cases).map(c -> "\"" + c + "\"").toList());
    JsonNode t = ok(http.postJson("/api/v1/topics", "{\"title\":\"楼上漏水协商（合成）\",\"source\":\"CASES\",\"body\":" + body + ",\"cases\":[" + list
        + "]}", as("community")), 201);
    return t.get("id").asLong();
  }

  long acceptedTopic(long body) {
    long id = ok(http.postJson("/api/v1/topics", "{\"title\":\"加装电梯（合成）\",\"source\":\"BODY\",\"body\":" + body + ",\"sourceBody\":" + body
        + "}", as("community")), 201).get("id").asLong();
    ok(http.postJson("/api/v1/topics/" + id + "/accept", "", as("community")), 200);
    return id;
  }

  long meeting(long body, long... topics) {
    Point p = grid.boundary().getInteriorPoint();
    String agenda = String.join(",", java.util.Arrays.stream(topics).mapToObj(String::valueOf).toList());
    return ok(http.postJson("/api/v1/meetings", String.format(Locale.ROOT, "{\"body\":%d,\"title\":\"议事会（合成）\",\"startsAt\":\"%s\","
        + "\"place\":{\"name\":\"社区议事厅\",\"lon\":%.7f,\"lat\":%.7f},\"topics\":[%s],\"invitees\":[{\"kind\":\"PROPERTY_COMPANY\","
        + "\"name\":\"合成物业\"}]}", body, clock.instant(), p.getX(), p.getY(), agenda), as("community")), 201).get("id").asLong();
  }

  JsonNode attendance(long meeting, long... present) {
    String ids = String.join(",", java.util.Arrays.stream(present).mapToObj(String::valueOf).toList());
    return http.postJson("/api/v1/meetings/" + meeting + "/attendance", "{\"present\":[" + ids + "]}", as("community")).json();
  }

  Http.Response vote(long meeting, long topic, long[] forIds, long[] againstIds) {
    StringBuilder votes = new StringBuilder();
    for (long id : forIds) votes.append(votes.isEmpty() ? "" : ",").append("{\"member\":").append(id).append(",\"choice\":\"FOR\"}");
    for (long id : againstIds) votes.append(votes.isEmpty() ? "" : ",").append("{\"member\":").append(id).append(",\"choice\":\"AGAINST\"}");
    return http.postJson("/api/v1/decisions", "{\"meeting\":" + meeting + ",\"topic\":" + topic + ",\"text\":\"由物业维修管道，费用按协议分担\","
        + "\"method\":\"VOTE\",\"votes\":[" + votes + "]}", as("community"));
  }

  int count(String table) { return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class); }

  String status(String caseId) { return jdbc.queryForObject("SELECT status FROM incident WHERE public_id = ?", String.class, caseId); }

  // ---- what it must show ----

  @Test
  void aTopicFromTwoCasesGoesThroughMeetingVoteTasksAndSupervisionToBothCasesResolved() {
    long council = body("GRID_COUNCIL", "MORE_THAN_HALF", "MORE_THAN_HALF", "PRESENT", true);
    long[] m = members(council, 5);
    long supervisors = body("SUPERVISION_COMMITTEE", "MORE_THAN_HALF", "MORE_THAN_HALF", "PRESENT", true);
    long supervisor = member(supervisors, "监督员", true, null);
    JsonNode a = dispatchedCase(1), b = dispatchedCase(2);
    String idA = a.get("id").asString(), idB = b.get("id").asString();
    long topic = topicFromCases(council, idA, idB);
    assertThat(ok(http.get("/api/v1/topics/" + topic, as("community")), 200).get("cases")).hasSize(2);
    assertThat(status(idA)).as("a topic's cases stay in their status until convened").isEqualTo("DISPATCHED");
    ok(http.postJson("/api/v1/topics/" + topic + "/accept", "", as("community")), 200);

    JsonNode convA = ok(http.postJson("/api/v1/incidents/" + idA + "/convene", "{\"topic\":" + topic + ",\"note\":\"召集双方\"}", as("community")), 200);
    JsonNode convB = ok(http.postJson("/api/v1/incidents/" + idB + "/convene", "{\"topic\":" + topic + "}", as("community")), 200);
    assertThat(convA.get("status").asString()).isEqualTo("IN_CONSULTATION");
    assertThat(convA.get("topic").asLong()).isEqualTo(topic);
    JsonNode staffView = ok(http.get("/api/v1/incidents/" + idA, as("operator")), 200);
    assertThat(staffView.get("pausedAt").isNull()).as("the pause is visible").isFalse();
    assertThat(staffView.get("overdue").asBoolean()).isFalse();
    Instant pausedAt = Instant.parse(convB.get("pausedAt").asString());

    clock.advance(Duration.ofDays(3));
    long meeting = meeting(council, topic);
    JsonNode held = attendance(meeting, m[0], m[1], m[2]);
    assertThat(held.get("status").asString()).isEqualTo("HELD");
    assertThat(held.get("quorumMet").asBoolean()).isTrue();
    assertThat(held.get("attendance")).as("every member in term, present or not").hasSize(5);

    JsonNode decision = ok(vote(meeting, topic, new long[] {m[0], m[1]}, new long[] {m[2]}), 201);
    assertThat(decision.get("adopted").asBoolean()).as("2 of 3 present, more than half of those present").isTrue();
    assertThat(decision.get("votesFor").asInt()).isEqualTo(2);
    String text = decision.get("text").asString();
    long decisionId = decision.get("id").asLong();

    long[] tasks = new long[2];
    for (int k = 0; k < 2; k++) {
      tasks[k] = ok(http.postJson("/api/v1/tasks", "{\"decision\":" + decisionId + ",\"title\":\"维修第" + k + "段管道\",\"owner\":{\"kind\":"
          + "\"PROPERTY_COMPANY\",\"name\":\"合成物业\"},\"dueOn\":\"" + today().plusDays(7) + "\"}", as("community")), 201).get("id").asLong();
    }
    assertThat(ok(http.postJson("/api/v1/tasks/" + tasks[0] + "/done", "", as("community")), 409)).isNotNull();
    for (long t : tasks) {
      ok(http.postJson("/api/v1/tasks/" + t + "/evidence", "{\"note\":\"管道已更换\"}", as("community")), 201);
      ok(http.postJson("/api/v1/tasks/" + t + "/done", "", as("community")), 200);
    }
    ok(http.postJson("/api/v1/tasks/" + tasks[0] + "/verify", "", as("community")), 200);
    assertThat(status(idA)).as("one task of two verified: still in consultation").isEqualTo("IN_CONSULTATION");
    clock.advance(Duration.ofHours(2));
    ok(http.postJson("/api/v1/tasks/" + tasks[1] + "/verify", "", as("community")), 200);

    for (JsonNode c : new JsonNode[] {a, b}) {
      String id = c.get("id").asString();
      assertThat(status(id)).isEqualTo("RESOLVED");
      JsonNode followed = ok(http.get("/api/v1/incidents/" + id, "Follow-Token", c.get("followToken").asString()), 200);
      assertThat(followed.at("/resolution/note").asString()).as("the reporter reads the decision").isEqualTo(text);
      assertThat(followed.get("settledInGrid").asBoolean()).as("a grid council's agreement keeps the dispute in the grid").isTrue();
    }
    Timestamp resolvedAt = jdbc.queryForObject("SELECT e.at FROM incident_event e JOIN incident i ON i.id = e.incident_id WHERE i.public_id = ?"
        + " AND e.type = 'RESOLVED'", Timestamp.class, idB);
    long paused = jdbc.queryForObject("SELECT paused_minutes FROM incident WHERE public_id = ?", Long.class, idB);
    assertThat(paused).as("paused by the working time between convene and resolution")
        .isEqualTo(calendar.workingMinutesBetween(pausedAt, resolvedAt.toInstant()));
    assertThat(jdbc.queryForObject("SELECT breached FROM incident WHERE public_id = ?", Boolean.class, idB))
        .as("three days paused do not breach a one-day limit").isFalse();
    assertThat(ok(http.get("/api/v1/topics/" + topic, as("community")), 200).get("status").asString()).isEqualTo("CARRIED_OUT");

    JsonNode checked = ok(http.postJson("/api/v1/topics/" + topic + "/supervision", "{\"member\":" + supervisor + ",\"result\":\"SATISFACTORY\"}",
        as("community")), 201);
    assertThat(checked.get("status").asString()).isEqualTo("CHECKED");
    assertThat(checked.at("/supervision/result").asString()).isEqualTo("SATISFACTORY");

    assertThat(http.get("/api/v1/public/decisions?community=" + community).body()).doesNotContain(text);
    ok(http.postJson("/api/v1/decisions/" + decisionId + "/publish", "", as("community")), 200);
    JsonNode published = ok(http.get("/api/v1/public/decisions?community=" + community), 200);
    JsonNode ours = null;
    for (JsonNode d : published) if (d.get("id").asLong() == decisionId) ours = d;
    assertThat(ours).as("published, read anonymously").isNotNull();
    assertThat(ours.get("supervision").asString()).isEqualTo("SATISFACTORY");
    assertThat(ours.get("tasks")).hasSize(2);
    assertThat(ours.toString()).as("no member names on the public read").doesNotContain("委员0").doesNotContain("监督员");
  }

  @Test
  void aResumedCaseLeavesItsTopicWithItsDeadlineMovedByThePausedWorkingTime() {
    long committee = body("RESIDENTS_COMMITTEE", "MORE_THAN_HALF", "MORE_THAN_HALF", "PRESENT", true);
    JsonNode c = dispatchedCase(3);
    String id = c.get("id").asString();
    Instant before = Instant.parse(c.get("deadline").asString());
    JsonNode conv = ok(http.postJson("/api/v1/incidents/" + id + "/convene", "{\"title\":\"噪音扰民协商（合成）\",\"body\":" + committee + "}",
        as("community")), 200);
    long topic = conv.get("topic").asLong();
    JsonNode t = ok(http.get("/api/v1/topics/" + topic, as("community")), 200);
    assertThat(t.get("status").asString()).as("a topic opened by convene is accepted").isEqualTo("ACCEPTED");
    assertThat(t.get("cases").get(0).asString()).isEqualTo(id);
    clock.advance(Duration.ofDays(2));
    JsonNode resumed = ok(http.postJson("/api/v1/incidents/" + id + "/resume", "{\"note\":\"双方同意另行处理\"}", as("community")), 200);
    assertThat(resumed.get("status").asString()).isEqualTo("DISPATCHED");
    Timestamp at = jdbc.queryForObject("SELECT e.at FROM incident_event e JOIN incident i ON i.id = e.incident_id WHERE i.public_id = ?"
        + " AND e.type = 'RESUMED'", Timestamp.class, id);
    long minutes = calendar.workingMinutesBetween(Instant.parse(conv.get("pausedAt").asString()), at.toInstant());
    assertThat(resumed.get("pausedMinutes").asLong()).isEqualTo(minutes);
    assertThat(calendar.workingMinutesBetween(before, Instant.parse(resumed.get("deadline").asString())))
        .as("the deadline moved by the paused working time").isEqualTo(minutes);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM topic_case WHERE incident_id = ? AND released_at IS NULL", Integer.class,
        jdbc.queryForObject("SELECT id FROM incident WHERE public_id = ?", Long.class, id))).as("released from its topic").isZero();
  }

  @Test
  void aMeetingBelowQuorumCannotDecide() {
    long council = body("GRID_COUNCIL", "MORE_THAN_HALF", "MORE_THAN_HALF", "PRESENT", true);
    long[] m = members(council, 5);
    long topic = acceptedTopic(council);
    long meeting = meeting(council, topic);
    JsonNode held = attendance(meeting, m[0], m[1]);
    assertThat(held.get("quorumMet").asBoolean()).as("2 of 5 is not more than half").isFalse();
    int decisions = count("decision"), votes = count("decision_vote");
    Http.Response r = vote(meeting, topic, new long[] {m[0], m[1]}, new long[] {});
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().get("type").asString()).endsWith("/problems/no-quorum");
    assertThat(count("decision")).isEqualTo(decisions);
    assertThat(count("decision_vote")).isEqualTo(votes);
    assertThat(ok(http.get("/api/v1/topics/" + topic, as("community")), 200).get("status").asString()).isEqualTo("ACCEPTED");
  }

  /** The same votes under each rule, at the boundary: adopted or not as the rule says. */
  @Test
  void aVoteIsCountedByTheBodysRule() {
    // 6 voting members, 4 present, 3 for: more than half of those present, not more than half of all 6
    assertThat(decide("MORE_THAN_HALF", "PRESENT", 6, 4, 3)).isTrue();
    assertThat(decide("MORE_THAN_HALF", "ALL_MEMBERS", 6, 4, 3)).isFalse();
    assertThat(decide("MORE_THAN_HALF", "ALL_MEMBERS", 6, 4, 4)).isTrue();
    // two thirds of 6 present: 4 is enough, 3 is not
    assertThat(decide("TWO_THIRDS", "PRESENT", 6, 6, 4)).isTrue();
    assertThat(decide("TWO_THIRDS", "PRESENT", 6, 6, 3)).isFalse();
  }

  boolean decide(String passBy, String passBase, int size, int present, int forVotes) {
    long council = body("GRID_COUNCIL", "MORE_THAN_HALF", passBy, passBase, false);
    long[] m = members(council, size);
    long topic = acceptedTopic(council);
    long meeting = meeting(council, topic);
    assertThat(attendance(meeting, java.util.Arrays.copyOf(m, present)).get("quorumMet").asBoolean()).isTrue();
    JsonNode d = ok(vote(meeting, topic, java.util.Arrays.copyOf(m, forVotes), java.util.Arrays.copyOfRange(m, forVotes, present)), 201);
    String topicStatus = ok(http.get("/api/v1/topics/" + topic, as("community")), 200).get("status").asString();
    assertThat(topicStatus).isEqualTo(d.get("adopted").asBoolean() ? "DECIDED" : "NOT_AGREED");
    return d.get("adopted").asBoolean();
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndStoresNothing() {
    long council = body("GRID_COUNCIL", "MORE_THAN_HALF", "MORE_THAN_HALF", "PRESENT", false);
    long[] m = members(council, 3);
    long ended = member(council, "已离任委员", true, today.minusDays(10));
    long other = body("RESIDENTS_COMMITTEE", "MORE_THAN_HALF", "MORE_THAN_HALF", "PRESENT", true);
    long outsider = member(other, "他会委员", true, null);
    long topic = acceptedTopic(council);
    long meeting = meeting(council, topic);

    // a member whose term has ended, or of another body, cannot be recorded present
    int attendance = count("meeting_attendance");
    for (long wrong : new long[] {ended, outsider}) {
      Http.Response r = http.postJson("/api/v1/meetings/" + meeting + "/attendance", "{\"present\":[" + m[0] + "," + wrong + "]}", as("community"));
      assertThat(r.status()).as(r.body()).isEqualTo(422);
      assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("present");
    }
    assertThat(count("meeting_attendance")).isEqualTo(attendance);
    assertThat(attendance(meeting, m[0], m[1], m[2]).get("attendance")).as("the ended term is not counted").hasSize(3);

    // a vote by a non-member or an ended term
    int decisions = count("decision");
    for (long wrong : new long[] {outsider, ended}) {
      Http.Response r = vote(meeting, topic, new long[] {m[0], wrong}, new long[] {});
      assertThat(r.status()).as(r.body()).isEqualTo(422);
      assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("votes[1].member");
    }
    // consensus where the rules do not allow it; malformed JSON; a wrong type
    Http.Response consensus = http.postJson("/api/v1/decisions", "{\"meeting\":" + meeting + ",\"topic\":" + topic
        + ",\"text\":\"协商一致\",\"method\":\"CONSENSUS\"}", as("community"));
    assertThat(consensus.status()).isEqualTo(422);
    assertThat(consensus.json().at("/errors/0/field").asString()).isEqualTo("method");
    assertThat(http.postJson("/api/v1/decisions", "{\"meeting\":" + meeting + ",", as("community")).status()).isEqualTo(400);
    Http.Response wrongType = http.postJson("/api/v1/decisions", "{\"meeting\":\"eins\",\"topic\":" + topic + ",\"text\":\"x\",\"method\":\"VOTE\"}",
        as("community"));
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.json().at("/errors/0/field").asString()).isEqualTo("meeting");
    assertThat(count("decision")).isEqualTo(decisions);

    // a task without an owner, or with a blank owner name
    long decision = ok(vote(meeting, topic, new long[] {m[0], m[1]}, new long[] {}), 201).get("id").asLong();
    int tasks = count("task");
    for (String owner : new String[] {"", ",\"owner\":{\"kind\":\"TEAM\",\"name\":\"  \"}"}) {
      Http.Response r = http.postJson("/api/v1/tasks", "{\"decision\":" + decision + ",\"title\":\"清理楼道\",\"dueOn\":\"" + today.plusDays(3) + "\""
          + owner + "}", as("community"));
      assertThat(r.status()).as(r.body()).isEqualTo(422);
      assertThat(r.json().at("/errors/0/field").asString()).isEqualTo("owner");
    }
    assertThat(count("task")).isEqualTo(tasks);

    // convene a closed case; neither topic nor title; both
    JsonNode c = dispatchedCase(4);
    String id = c.get("id").asString();
    Http.Response neither = http.postJson("/api/v1/incidents/" + id + "/convene", "{}", as("community"));
    assertThat(neither.status()).isEqualTo(422);
    assertThat(neither.json().at("/errors/0/field").asString()).isEqualTo("topic");
    Http.Response both = http.postJson("/api/v1/incidents/" + id + "/convene", "{\"topic\":" + topic + ",\"title\":\"又一个\"}", as("community"));
    assertThat(both.status()).isEqualTo(422);
    jdbc.update("UPDATE incident SET status = 'CLOSED' WHERE public_id = ?", id);
    int links = count("topic_case"), topics = count("topic");
    Http.Response closed = http.postJson("/api/v1/incidents/" + id + "/convene", "{\"title\":\"已结案件\",\"body\":" + council + "}", as("community"));
    assertThat(closed.status()).as(closed.body()).isEqualTo(409);
    assertThat(closed.json().get("type").asString()).endsWith("/problems/illegal-transition");
    assertThat(count("topic_case")).isEqualTo(links);
    assertThat(count("topic")).as("the topic a refused convene would open is not stored").isEqualTo(topics);
    assertThat(status(id)).isEqualTo("CLOSED");
  }

  @Test
  void onlyTheCommunitysStaffRunItsLoopAndResidentsOnlyProposeAndSupport() {
    long council = body("GRID_COUNCIL", "MORE_THAN_HALF", "MORE_THAN_HALF", "PRESENT", true);
    Http.Response proposed = http.postJson("/api/v1/topics", "{\"title\":\"增设晾衣架（合成）\",\"source\":\"RESIDENT_PROPOSAL\",\"body\":" + council + "}",
        as("resident"));
    long topic = ok(proposed, 201).get("id").asLong();
    assertThat(proposed.json().get("status").asString()).isEqualTo("PROPOSED");
    assertThat(ok(http.postJson("/api/v1/topics/" + topic + "/support", "", as("resident")), 200).get("supporters").asInt()).isEqualTo(1);
    assertThat(http.postJson("/api/v1/topics/" + topic + "/support", "", as("resident")).status()).isEqualTo(409);
    assertThat(http.postJson("/api/v1/topics", "{\"title\":\"x\",\"source\":\"BODY\",\"body\":" + council + ",\"sourceBody\":" + council + "}",
        as("resident")).status()).isEqualTo(422);
    assertThat(http.postJson("/api/v1/topics/" + topic + "/accept", "", as("resident")).status()).isEqualTo(403);
    assertThat(http.postJson("/api/v1/topics/" + topic + "/accept", "", as("gridworker")).status()).isEqualTo(403);
    assertThat(http.postJson("/api/v1/topics/" + topic + "/accept", "").status()).isEqualTo(401);
    assertThat(http.get("/api/v1/topics/" + topic).status()).isEqualTo(401);
    // a staff member of another community is refused by the capability
    jdbc.update("UPDATE body SET community_code = ? WHERE id = ?", "999999999999", council);
    jdbc.update("UPDATE topic SET community_code = ? WHERE id = ?", "999999999999", topic);
    Http.Response elsewhere = http.postJson("/api/v1/topics/" + topic + "/decline", "{\"reason\":\"不在本社区\"}", as("community"));
    assertThat(elsewhere.status()).isEqualTo(403);
    assertThat(elsewhere.json().get("type").asString()).endsWith("/problems/forbidden");
    assertThat(ok(http.postJson("/api/v1/topics/" + topic + "/decline", "{\"reason\":\"重复议题\"}", as("operator")), 200).get("status").asString())
        .isEqualTo("DECLINED");
  }
}
