package org.gridwatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The consultation demo (issue 16) as its rows say, checked against the contract's rules written here from V21's
 * comments (not from the demo's code): councils in every community, a year of meetings, decisions only where the
 * quorum was met, votes only by members in term who were present and adopted by the body's rule, topics' statuses
 * agreeing with their decisions and tasks, overdue tasks now, and disputes' settlement in the grid agreeing with their
 * mediation. Other tests share the database and add rows of their own: only synthetic rows are read.
 */
abstract class DemoConsultationContract {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired DistrictProfile district;

  private LocalDate today() { return LocalDate.ofInstant(clock.instant(), district.timeZone()); }

  @Test
  void everyCommunityHasItsFourBodiesAndMostGridsACouncilAndABranchUnderTheCommittee() {
    List<String> communities = jdbc.queryForList("SELECT a.code FROM area a WHERE a.level = 'COMMUNITY'", String.class);
    assertThat(communities).isNotEmpty();
    for (String kind : List.of("RESIDENTS_CONGRESS", "RESIDENTS_COMMITTEE", "SUPERVISION_COMMITTEE", "PARTY_COMMITTEE")) {
      List<String> served = jdbc.queryForList("SELECT community_code FROM body WHERE synthetic AND kind = ? AND area_kind = 'COMMUNITY'"
          + " AND area_code = community_code AND dissolved_on IS NULL", String.class, kind);
      assertThat(served).as(kind).containsExactlyInAnyOrderElementsOf(communities);
    }
    long grids = jdbc.queryForObject("SELECT count(*) FROM area WHERE level = 'GRID'", Long.class);
    long councils = jdbc.queryForObject("SELECT count(DISTINCT grid_code) FROM body WHERE synthetic AND kind = 'GRID_COUNCIL'", Long.class);
    long branches = jdbc.queryForObject("SELECT count(DISTINCT grid_code) FROM body WHERE synthetic AND kind = 'PARTY_BRANCH'", Long.class);
    assertThat(councils).as("a grid council in most grids, not all").isGreaterThan(grids / 2).isLessThan(grids);
    assertThat(branches).isGreaterThan(grids / 2).isLessThan(grids);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM body WHERE synthetic AND kind IN ('COMPOUND_COUNCIL', 'PARTY_GROUP')"
        + " AND area_kind = 'COMPOUND' AND area_code IN (SELECT name FROM compound)", Long.class)).isPositive();
    // the party organisation: branch → the committee of its community, group → a branch of its grid
    assertThat(jdbc.queryForList("""
        SELECT b.name FROM body b LEFT JOIN body p ON p.id = b.parent_id WHERE b.synthetic AND (
          (b.kind = 'PARTY_BRANCH' AND (p.kind IS NULL OR p.kind <> 'PARTY_COMMITTEE' OR p.community_code <> b.community_code))
          OR (b.kind = 'PARTY_GROUP' AND (p.kind IS NULL OR p.kind <> 'PARTY_BRANCH' OR p.grid_code <> b.grid_code))
          OR (b.kind NOT IN ('PARTY_BRANCH', 'PARTY_GROUP') AND b.parent_id IS NOT NULL))""", String.class)).isEmpty();
  }

  @Test
  void peopleAreLabelledSyntheticSomeTermsEndedAndSomePartyMembersReportDual() {
    assertThat(jdbc.queryForList("SELECT name FROM body WHERE synthetic AND name NOT LIKE '%演示%'"
        + " UNION ALL SELECT name FROM body_member WHERE synthetic AND name NOT LIKE '%演示%'"
        + " UNION ALL SELECT name FROM party_member WHERE synthetic AND name NOT LIKE '%演示%'", String.class)).isEmpty();
    LocalDate today = today();
    long ended = jdbc.queryForObject("SELECT count(*) FROM body_member WHERE synthetic AND term_to < ?", Long.class, today);
    long all = jdbc.queryForObject("SELECT count(*) FROM body_member WHERE synthetic", Long.class);
    assertThat(ended).isPositive().isLessThan(all / 4);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM body_member m JOIN body b ON b.id = m.body_id WHERE m.synthetic"
        + " AND (m.term_from < b.constituted_on OR m.term_to < m.term_from)", Long.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM party_member WHERE synthetic AND dual_report", Long.class)).isPositive();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM party_member WHERE synthetic AND dual_report"
        + " AND (reported_on IS NULL OR service IS NULL OR employer IS NULL)", Long.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM party_member p JOIN body b ON b.id = p.body_id WHERE p.synthetic"
        + " AND b.kind NOT IN ('PARTY_COMMITTEE', 'PARTY_BRANCH', 'PARTY_GROUP')", Long.class)).isZero();
  }

  @Test
  void everyCommunityMetAboutMonthlyOverTheYearMostlyAtItsServicePoints() {
    Instant now = clock.instant();
    Map<String, Long> held = new HashMap<>();
    jdbc.query("SELECT community_code, count(*) FROM meeting WHERE synthetic AND status = 'HELD' AND starts_at > ? AND starts_at < ?"
        + " GROUP BY community_code", rs -> { held.put(rs.getString(1), rs.getLong(2)); },
        java.sql.Timestamp.from(now.minusSeconds(370L * 86_400)), java.sql.Timestamp.from(now));
    List<String> communities = jdbc.queryForList("SELECT code FROM area WHERE level = 'COMMUNITY'", String.class);
    assertThat(communities).allSatisfy(c -> assertThat(held.getOrDefault(c, 0L)).as(c).isBetween(7L, 13L));
    long atPoints = jdbc.queryForObject("SELECT count(*) FROM meeting WHERE synthetic AND service_point_id IS NOT NULL", Long.class);
    long meetings = jdbc.queryForObject("SELECT count(*) FROM meeting WHERE synthetic", Long.class);
    assertThat(atPoints).isGreaterThan(meetings / 2);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM meeting WHERE synthetic AND status = 'PLANNED' AND starts_at > ?", Long.class,
        java.sql.Timestamp.from(now))).as("each community's next meeting").isGreaterThanOrEqualTo(communities.size());
    assertThat(jdbc.queryForObject("SELECT count(*) FROM meeting WHERE synthetic AND status = 'HELD' AND starts_at > ?", Long.class,
        java.sql.Timestamp.from(now))).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM meeting WHERE synthetic AND status = 'HELD' AND NOT quorum_met", Long.class))
        .as("a few meetings short of their quorum").isPositive();
  }

  @Test
  void attendanceCoversEveryMemberInTermAndTheQuorumFollowsTheBodysRule() {
    Terms terms = new Terms(jdbc);
    Map<Long, Map<Long, Boolean>> attendance = new HashMap<>();
    jdbc.query("SELECT a.meeting_id, a.member_id, a.present FROM meeting_attendance a JOIN meeting g ON g.id = a.meeting_id WHERE g.synthetic",
        rs -> { attendance.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getBoolean(3)); });
    List<String> wrong = new ArrayList<>();
    int[] meetings = {0};
    jdbc.query("SELECT g.id, g.quorum_met, b.quorum, g.starts_at, b.id FROM meeting g JOIN body b ON b.id = g.body_id"
        + " WHERE g.synthetic AND g.status = 'HELD'", rs -> {
      meetings[0]++;
      long id = rs.getLong(1);
      LocalDate day = LocalDate.ofInstant(rs.getTimestamp(4).toInstant(), district.timeZone());
      Map<Long, Boolean> present = attendance.getOrDefault(id, Map.of());
      List<long[]> inTerm = terms.inTerm(rs.getLong(5), day);
      Set<Long> expected = new HashSet<>();
      inTerm.forEach(x -> expected.add(x[0]));
      int voting = (int) inTerm.stream().filter(x -> x[1] == 1).count();
      int presentVoting = (int) inTerm.stream().filter(x -> x[1] == 1 && Boolean.TRUE.equals(present.get(x[0]))).count();
      if (!present.keySet().equals(expected) || rs.getBoolean(2) != reached(rs.getString(3), presentVoting, voting)) wrong.add("meeting " + id);
    });
    assertThat(meetings[0]).isGreaterThan(100);
    assertThat(wrong).isEmpty();
  }

  @Test
  void decisionsOnlyWhereTheQuorumWasMetVotesOnlyByMembersPresentAndAdoptedByTheRule() {
    assertThat(jdbc.queryForObject("SELECT count(*) FROM decision d JOIN meeting g ON g.id = d.meeting_id WHERE d.synthetic"
        + " AND (g.status <> 'HELD' OR g.quorum_met IS NULL OR NOT g.quorum_met)", Long.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM decision d WHERE d.synthetic AND NOT EXISTS"
        + " (SELECT 1 FROM meeting_topic t WHERE t.meeting_id = d.meeting_id AND t.topic_id = d.topic_id)", Long.class)).isZero();
    assertThat(jdbc.queryForObject("""
        SELECT count(*) FROM decision_vote v JOIN decision d ON d.id = v.decision_id
         WHERE d.synthetic AND NOT EXISTS (SELECT 1 FROM meeting_attendance a JOIN body_member x ON x.id = a.member_id
           JOIN meeting g ON g.id = a.meeting_id WHERE a.meeting_id = d.meeting_id AND a.member_id = v.member_id AND a.present AND x.voting
           AND x.body_id = g.body_id)""", Long.class)).as("votes by members of the body, in term that day, present").isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM decision d JOIN meeting g ON g.id = d.meeting_id JOIN body b ON b.id = g.body_id"
        + " WHERE d.synthetic AND d.method = 'CONSENSUS' AND NOT b.consensus_allowed", Long.class)).isZero();
    Terms terms = new Terms(jdbc);
    Map<Long, Map<String, Integer>> counted = new HashMap<>();
    jdbc.query("SELECT v.decision_id, v.choice, count(*) FROM decision_vote v JOIN decision d ON d.id = v.decision_id WHERE d.synthetic"
        + " GROUP BY v.decision_id, v.choice", rs -> { counted.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3)); });
    int[] outcomes = new int[2];
    List<String> wrong = new ArrayList<>();
    jdbc.query("""
        SELECT d.id, d.adopted, d.votes_for, d.votes_against, d.abstentions, b.pass_by, b.pass_base, g.starts_at, b.id
          FROM decision d JOIN meeting g ON g.id = d.meeting_id JOIN body b ON b.id = g.body_id WHERE d.synthetic AND d.method = 'VOTE'""", rs -> {
      long id = rs.getLong(1);
      Map<String, Integer> votes = counted.getOrDefault(id, Map.of());
      int votesFor = votes.getOrDefault("FOR", 0);
      LocalDate day = LocalDate.ofInstant(rs.getTimestamp(8).toInstant(), district.timeZone());
      int base = "PRESENT".equals(rs.getString(7)) ? votes.values().stream().mapToInt(Integer::intValue).sum()
          : (int) terms.inTerm(rs.getLong(9), day).stream().filter(x -> x[1] == 1).count();
      boolean adopted = rs.getBoolean(2);
      if (rs.getInt(3) != votesFor || rs.getInt(4) != votes.getOrDefault("AGAINST", 0) || rs.getInt(5) != votes.getOrDefault("ABSTAIN", 0)
          || adopted != reached(rs.getString(6), votesFor, base)) {
        wrong.add("decision " + id);
      }
      outcomes[adopted ? 0 : 1]++;
    });
    assertThat(wrong).isEmpty();
    assertThat(outcomes[0]).as("votes adopted").isGreaterThan(outcomes[1] * 4);
    assertThat(outcomes[1]).as("a few voted down").isPositive();
  }

  /** The synthetic bodies' members with their terms, read once: {id, voting 1/0} in term on a day. */
  private static final class Terms {
    private final Map<Long, List<Object[]>> byBody = new HashMap<>();

    Terms(JdbcTemplate jdbc) {
      jdbc.query("SELECT body_id, id, voting, term_from, term_to FROM body_member WHERE synthetic", rs -> {
        byBody.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Object[] {rs.getLong(2), rs.getBoolean(3),
            rs.getDate(4).toLocalDate(), rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate()});
      });
    }

    List<long[]> inTerm(long body, LocalDate day) {
      return byBody.getOrDefault(body, List.of()).stream()
          .filter(x -> !((LocalDate) x[2]).isAfter(day) && (x[3] == null || !((LocalDate) x[3]).isBefore(day)))
          .map(x -> new long[] {(Long) x[0], (Boolean) x[1] ? 1 : 0}).toList();
    }
  }

  @Test
  void topicsComeFromAllFourSourcesAndTheirStatusesAgreeWithDecisionsTasksAndChecks() {
    assertThat(jdbc.queryForList("SELECT DISTINCT source FROM topic WHERE synthetic", String.class))
        .containsExactlyInAnyOrder("RESIDENT_PROPOSAL", "CASES", "NEED", "BODY");
    assertThat(jdbc.queryForList("SELECT DISTINCT status FROM topic WHERE synthetic", String.class))
        .contains("PROPOSED", "ACCEPTED", "DECLINED", "DECIDED", "NOT_AGREED", "CARRIED_OUT", "CHECKED");
    List<String> wrong = new ArrayList<>();
    for (Map<String, Object> t : jdbc.queryForList("""
        SELECT t.id, t.status, t.source, t.need_id, t.source_body_id, t.decline_reason,
               (SELECT count(*) FROM topic_case c WHERE c.topic_id = t.id) AS cases,
               (SELECT count(*) FROM decision d WHERE d.topic_id = t.id AND d.adopted) AS adopted,
               (SELECT count(*) FROM decision d WHERE d.topic_id = t.id AND NOT d.adopted) AS refused,
               (SELECT count(*) FROM task k JOIN decision d ON d.id = k.decision_id WHERE d.topic_id = t.id) AS tasks,
               (SELECT count(*) FROM task k JOIN decision d ON d.id = k.decision_id WHERE d.topic_id = t.id AND k.status <> 'VERIFIED') AS unverified,
               (SELECT count(*) FROM supervision s WHERE s.topic_id = t.id) AS checks
          FROM topic t WHERE t.synthetic""")) {
      String status = (String) t.get("status");
      long adopted = n(t, "adopted"), refused = n(t, "refused"), tasks = n(t, "tasks"), unverified = n(t, "unverified"), checks = n(t, "checks");
      boolean ok = switch (status) {
        case "PROPOSED", "ACCEPTED" -> adopted + refused == 0 && checks == 0;
        case "DECLINED" -> adopted + refused == 0 && t.get("decline_reason") != null;
        case "NOT_AGREED" -> adopted == 0 && refused == 1;
        case "DECIDED" -> adopted == 1 && unverified > 0 && checks == 0;
        case "CARRIED_OUT" -> adopted == 1 && tasks > 0 && unverified == 0 && checks == 0;
        case "CHECKED" -> adopted == 1 && tasks > 0 && unverified == 0 && checks == 1;
        default -> false;
      };
      ok &= switch ((String) t.get("source")) {
        case "CASES" -> n(t, "cases") > 0;
        case "NEED" -> t.get("need_id") != null;
        case "BODY" -> t.get("source_body_id") != null;
        default -> true;
      };
      if (!ok) wrong.add(t.toString());
    }
    assertThat(wrong).isEmpty();
    // the check is by a member in term of the community's supervision committee, after the work was done
    assertThat(jdbc.queryForObject("""
        SELECT count(*) FROM supervision s JOIN topic t ON t.id = s.topic_id JOIN body_member m ON m.id = s.member_id
          JOIN body b ON b.id = m.body_id
         WHERE t.synthetic AND (b.kind <> 'SUPERVISION_COMMITTEE' OR b.community_code <> t.community_code OR s.checked_at < t.done_at)""",
        Long.class)).isZero();
  }

  @Test
  void mostTasksAreVerifiedByTheirDueDaySomeLateAndSomeOpenAndOverdueNow() {
    LocalDate today = today();
    long verified = 0, onTime = 0, late = 0;
    for (Map<String, Object> k : jdbc.queryForList("SELECT due_on, verified_at FROM task WHERE synthetic AND status = 'VERIFIED'")) {
      verified++;
      LocalDate on = LocalDate.ofInstant(instant(k.get("verified_at")), district.timeZone());
      if (on.isAfter(((java.sql.Date) k.get("due_on")).toLocalDate())) late++;
      else onTime++;
    }
    assertThat(onTime).isGreaterThan(verified * 3 / 4);
    assertThat(late).isPositive();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM task WHERE synthetic AND status IN ('OPEN', 'DONE') AND due_on < ?", Long.class, today))
        .as("overdue now").isPositive();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM task k WHERE k.synthetic AND k.status IN ('DONE', 'VERIFIED')"
        + " AND NOT EXISTS (SELECT 1 FROM task_evidence e WHERE e.task_id = k.id)", Long.class)).as("done with evidence").isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM task k JOIN decision d ON d.id = k.decision_id WHERE k.synthetic AND NOT d.adopted",
        Long.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM decision WHERE synthetic AND published_at IS NOT NULL", Long.class)).isPositive();
  }

  @Test
  void aDisputeIsSettledInTheGridExactlyWhenItsMediationSettledThereAndTheMeasureShowsARealShare() {
    assertThat(jdbc.queryForObject("""
        SELECT count(*) FROM mediation m JOIN incident i ON i.id = m.incident_id WHERE m.synthetic AND m.status <> 'OPEN'
           AND (i.settled_in_grid IS NULL OR i.settled_in_grid <> (m.status = 'SETTLED' AND m.level = 'GRID'))""", Long.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM incident i WHERE i.settled_in_grid IS NOT NULL AND i.category_code = 'NEIGHBOUR_DISPUTE'"
        + " AND NOT EXISTS (SELECT 1 FROM mediation m WHERE m.incident_id = i.id) AND NOT EXISTS (SELECT 1 FROM topic_case c WHERE c.incident_id = i.id)",
        Long.class)).as("no settlement without a mediation or a council").isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM mediation m JOIN incident i ON i.id = m.incident_id WHERE m.synthetic"
        + " AND m.level = 'GRID' AND m.status = 'SETTLED' AND i.left_grid", Long.class)).as("a dispute that left its grid was not settled in it")
        .isZero();
    assertThat(jdbc.queryForList("SELECT DISTINCT status FROM mediation WHERE synthetic", String.class))
        .containsExactlyInAnyOrder("OPEN", "SETTLED", "NOT_SETTLED");
    List<Map<String, Object>> settled = jdbc.queryForList("SELECT agreement, agreement_signed_on, follow_up_due FROM mediation"
        + " WHERE synthetic AND status = 'SETTLED'");
    assertThat(settled).isNotEmpty().allSatisfy(x -> {
      assertThat(x.get("agreement")).isNotNull();
      assertThat(((java.sql.Date) x.get("follow_up_due")).toLocalDate())
          .isEqualTo(((java.sql.Date) x.get("agreement_signed_on")).toLocalDate().plusDays(30));
    });
    assertThat(jdbc.queryForObject("SELECT count(*) FROM mediation WHERE synthetic AND status = 'NOT_SETTLED'"
        + " AND outcome NOT IN ('LITIGATION', 'ARBITRATION', 'PETITION')", Long.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM mediation m WHERE m.synthetic AND (SELECT count(*) FROM mediation_party p"
        + " WHERE p.mediation_id = m.id AND p.phone_sealed NOT LIKE '138%') < 2", Long.class)).as("two parties, phones sealed").isZero();
    String subdistrict = jdbc.queryForObject("SELECT subdistrict_code FROM incident WHERE category_code = 'NEIGHBOUR_DISPUTE' AND closed_at IS NOT NULL"
        + " GROUP BY subdistrict_code ORDER BY count(*) DESC, subdistrict_code FETCH FIRST 1 ROWS ONLY", String.class);
    Instant to = clock.instant().plusSeconds(60), from = to.minusSeconds(366L * 86_400);
    long closed = jdbc.queryForObject("SELECT count(*) FROM incident WHERE category_code = 'NEIGHBOUR_DISPUTE' AND closed_at IS NOT NULL"
        + " AND subdistrict_code = ? AND reported_at >= ? AND reported_at < ?", Long.class, subdistrict, java.sql.Timestamp.from(from),
        java.sql.Timestamp.from(to));
    long inGrid = jdbc.queryForObject("SELECT count(*) FROM incident WHERE category_code = 'NEIGHBOUR_DISPUTE' AND closed_at IS NOT NULL"
        + " AND settled_in_grid AND subdistrict_code = ? AND reported_at >= ? AND reported_at < ?", Long.class, subdistrict,
        java.sql.Timestamp.from(from), java.sql.Timestamp.from(to));
    JsonNode m = new Http(port).get("/api/v1/measures?level=subdistrict&code=" + subdistrict + "&from=" + from + "&to=" + to,
        Http.basic("operator", TestEnvironment.DEMO_PASSWORD)).json().get("overall");
    double rate = m.get("disputesResolvedInGridRate").asDouble();
    assertThat(rate).isCloseTo((double) inGrid / closed, org.assertj.core.data.Offset.offset(1e-4)).isBetween(0.5, 0.9);
  }

  @Test
  void theConvenedCasesArePausedInAnAcceptedTopicOnAMeetingPlannedForTheComingDays() {
    List<Map<String, Object>> cases = jdbc.queryForList("""
        SELECT i.id, i.paused_at, i.paused_from, t.status AS topic, t.source
          FROM incident i JOIN topic_case c ON c.incident_id = i.id AND c.released_at IS NULL JOIN topic t ON t.id = c.topic_id
         WHERE t.synthetic AND i.status = 'IN_CONSULTATION'""");
    assertThat(cases).isNotEmpty().allSatisfy(k -> {
      assertThat(k.get("paused_at")).isNotNull();
      assertThat((String) k.get("paused_from")).isIn("DISPATCHED", "IN_PROGRESS");
      assertThat(k.get("topic")).isEqualTo("ACCEPTED");
      assertThat(k.get("source")).isEqualTo("CASES");
      long id = ((Number) k.get("id")).longValue();
      assertThat(jdbc.queryForObject("SELECT count(*) FROM incident_event WHERE incident_id = ? AND type = 'CONVENED'"
          + " AND to_status = 'IN_CONSULTATION'", Long.class, id)).isEqualTo(1L);
      assertThat(jdbc.queryForObject("""
          SELECT count(*) FROM meeting g JOIN meeting_topic a ON a.meeting_id = g.id JOIN topic_case c ON c.topic_id = a.topic_id
           WHERE c.incident_id = ? AND g.status = 'PLANNED' AND g.starts_at > ?""", Long.class, id, java.sql.Timestamp.from(clock.instant())))
          .isEqualTo(1L);
    });
  }

  @Test
  void nothingHappenedAfterNowButTheMeetingsPlanned() {
    java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant().plusSeconds(1));
    assertThat(jdbc.queryForList("""
        SELECT 'topic' FROM topic WHERE synthetic AND (created_at > ? OR decided_at > ? OR done_at > ?)
        UNION ALL SELECT 'meeting' FROM meeting WHERE synthetic AND (created_at > ? OR (status <> 'PLANNED' AND starts_at > ?))
        UNION ALL SELECT 'decision' FROM decision WHERE synthetic AND (recorded_at > ? OR published_at > ?)
        UNION ALL SELECT 'task' FROM task WHERE synthetic AND (done_at > ? OR verified_at > ? OR done_at > verified_at)
        UNION ALL SELECT 'supervision' FROM supervision WHERE checked_at > ?
        UNION ALL SELECT 'mediation' FROM mediation WHERE synthetic AND (opened_at > ? OR closed_at > ? OR closed_at < opened_at)""",
        String.class, now, now, now, now, now, now, now, now, now, now, now, now)).isEmpty();
  }

  private static boolean reached(String majority, int part, int whole) {
    if (whole <= 0) return false;
    return "MORE_THAN_HALF".equals(majority) ? 2 * part > whole : 3 * part >= 2 * whole;
  }

  private static long n(Map<String, Object> row, String key) { return ((Number) row.get(key)).longValue(); }

  private static Instant instant(Object value) {
    if (value instanceof java.sql.Timestamp t) return t.toInstant();
    if (value instanceof java.time.OffsetDateTime o) return o.toInstant();
    return Instant.parse(value.toString());
  }
}
