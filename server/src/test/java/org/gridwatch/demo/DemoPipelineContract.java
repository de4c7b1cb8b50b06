package org.gridwatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.startup.StartupStep;
import org.gridwatch.startup.StartupStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's start-up steps, in their order, and each idempotent: run again on a database the demo already filled,
 * every data step says its data is there and nothing is added. The funded projects (issue 15) hold the 2015 model and
 * agree with the lifecycle's rules (checked here from the rows, independently of the demo's code).
 */
abstract class DemoPipelineContract {
  static final String[] TABLES = {"area", "building", "person", "team", "grid_assignment", "incident", "incident_event", "camera",
      "key_area", "patrol_route", "compound", "app_user", "address", "organisation", "organisation_service_area", "organisation_staff",
      "volunteer", "volunteer_skill", "volunteer_availability", "volunteer_team", "volunteer_team_member", "activity",
      "service_point", "booking", "need_record", "funding_round", "round_criterion", "project", "project_area", "project_tranche",
      "project_review", "project_review_score", "project_evaluation", "project_activity", "project_activity_person", "project_event",
      "body", "body_member", "party_member", "topic", "meeting", "meeting_attendance", "decision", "task", "mediation"};
  @Autowired DemoPipeline pipeline;
  @Autowired StartupStatus status;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired DistrictProfile district;

  @Test
  void theStepsRunInTheOrderEachNeedsTheOneBefore() {
    assertThat(status.ready()).isTrue();
    assertThat(pipeline.steps()).extracting(StartupStep::name)
        .containsExactly("areas", "addresses", "roster", "cases", "skynet", "groundnet", "compounds", "organisations", "volunteers", "activities",
            "services", "property-first", "projects", "consultation", "publications", "hotline", "accounts", "open311-key");
    assertThat(pipeline.steps()).allSatisfy(s -> assertThat(s.zh()).isNotBlank().isNotEqualTo(s.en()));
  }

  @Test
  void runAgainEveryDataStepSkipsAndNothingIsAdded() {
    List<Long> before = counts();
    List<StartupStep> data = pipeline.steps().subList(0, pipeline.steps().size() - 2);  // all but the accounts and the Open311 key
    assertThat(data).allSatisfy(s -> assertThat(s.work().get()).as(s.name()).startsWith("already"));
    assertThat(counts()).isEqualTo(before);
    assertThat(before).allSatisfy(n -> assertThat(n).isPositive());
  }

  // Other tests share this database and add rounds, projects, reviews and activities of their own (synthetic = false), and the
  // browser tests act on the demo's projects through the real lifecycle: the checks below read the demo's rows only.
  @Test
  void the2015ModelHoldsTenSocialWorkAndTwentySixVentureProjectsAllClosedAtPlausibleBudgets() {
    List<String> rounds = jdbc.query("""
        SELECT r.title, r.kind, count(p.id) AS n, min(p.budget) AS low, max(p.budget) AS high,
               sum(CASE WHEN p.status = 'CLOSED' AND p.synthetic AND p.title LIKE '%演示%' THEN 1 ELSE 0 END) AS closed
          FROM funding_round r JOIN project p ON p.round_id = r.id WHERE r.fiscal_year = 2015 AND r.synthetic
         GROUP BY r.title, r.kind ORDER BY r.kind""",
        (rs, i) -> rs.getString("title") + " " + rs.getString("kind") + " " + rs.getLong("n") + " closed " + rs.getLong("closed")
            + " " + (rs.getBigDecimal("low").doubleValue() >= (i == 0 ? 100_000 : 30_000))
            + " " + (rs.getBigDecimal("high").doubleValue() <= (i == 0 ? 300_000 : 100_000)));
    assertThat(rounds).containsExactly("2015年社工示范项目 SOCIAL_WORK_DEMONSTRATION 10 closed 10 true true",
        "2015年公益创投项目 VENTURE_PHILANTHROPY 26 closed 26 true true");
  }

  @Test
  void laterRoundsComeEveryYearWithGrowingBudgets() {
    for (String kind : List.of("SOCIAL_WORK_DEMONSTRATION", "VENTURE_PHILANTHROPY")) {
      List<Integer> years = jdbc.queryForList("SELECT fiscal_year FROM funding_round WHERE kind = ? AND synthetic ORDER BY fiscal_year", Integer.class, kind);
      List<java.math.BigDecimal> budgets = jdbc.queryForList("SELECT budget FROM funding_round WHERE kind = ? AND synthetic ORDER BY fiscal_year",
          java.math.BigDecimal.class, kind);
      assertThat(years).as(kind).startsWith(2015, 2016, 2017).doesNotHaveDuplicates();
      for (int i = 1; i < budgets.size(); i++) assertThat(budgets.get(i)).as(kind + " " + years.get(i)).isGreaterThan(budgets.get(i - 1));
    }
  }

  @Test
  void everyProjectsStatusAgreesWithItsEvaluationsTranchesAndEvents() {
    Map<Long, DemoProjectFacts> projects = DemoProjectFacts.load(jdbc);
    assertThat(projects.values()).extracting(DemoProjectFacts::status)
        .contains("CLOSED", "DECLINED", "RUNNING", "MIDTERM_REVIEW", "RECTIFYING", "TERMINATED", "APPLIED");
    assertThat(projects.values()).allSatisfy(DemoProjectFacts::assertConsistent);
    assertThat(projects.values()).as("a failed final review, a rectification passed, a reopened tranche")
        .anySatisfy(p -> assertThat(p.results()).contains("FINAL:FAIL"))
        .anySatisfy(p -> assertThat(p.results()).containsSubsequence("MIDTERM:RECTIFY", "MIDTERM:PASS"))
        .anySatisfy(p -> assertThat(p.tranches()).anySatisfy(t -> assertThat(t.reopened()).isTrue()));
  }

  @Test
  void everyReviewScoresEveryCriterionOfItsRoundAndItsTotalIsTheWeightedSum() {
    Map<Long, Map<String, java.math.BigDecimal>> weights = new java.util.HashMap<>();
    jdbc.query("SELECT round_id, code, weight FROM round_criterion WHERE round_id IN (SELECT id FROM funding_round WHERE synthetic)", rs -> {
      weights.computeIfAbsent(rs.getLong(1), k -> new java.util.HashMap<>()).put(rs.getString(2), rs.getBigDecimal(3));
    });
    Map<Long, Map<String, java.math.BigDecimal>> scores = new java.util.HashMap<>();
    jdbc.query("SELECT s.review_id, s.criterion_code, s.score FROM project_review_score s JOIN project_review v ON v.id = s.review_id"
        + " JOIN project p ON p.id = v.project_id WHERE p.synthetic", rs -> {
      scores.computeIfAbsent(rs.getLong(1), k -> new java.util.HashMap<>()).put(rs.getString(2), rs.getBigDecimal(3));
    });
    List<Object[]> reviews = jdbc.query("SELECT v.id, p.round_id, v.total FROM project_review v JOIN project p ON p.id = v.project_id WHERE p.synthetic",
        (rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)});
    assertThat(reviews).hasSizeGreaterThan(100);
    for (Object[] v : reviews) {
      Map<String, java.math.BigDecimal> criteria = weights.get((Long) v[1]);
      Map<String, java.math.BigDecimal> given = scores.getOrDefault((Long) v[0], Map.of());
      assertThat(given.keySet()).as("review " + v[0]).isEqualTo(criteria.keySet());
      java.math.BigDecimal sum = given.entrySet().stream().map(e -> e.getValue().multiply(criteria.get(e.getKey())))
          .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add).divide(java.math.BigDecimal.valueOf(100), 2,
              java.math.RoundingMode.HALF_UP);
      assertThat((java.math.BigDecimal) v[2]).as("review " + v[0]).isEqualByComparingTo(sum);
    }
    assertThat(criteriaWeightsAddUpTo100(weights)).isTrue();
  }

  @Test
  void thisYearsRoundsAreLiveOneRunningSinceMonthsOneInReviewThatReviewerHasNotScored() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), district.timeZone());
    List<LocalDate> started = jdbc.queryForList("""
        SELECT p.started_on FROM project p JOIN funding_round r ON r.id = p.round_id
         WHERE p.synthetic AND p.status IN ('RUNNING', 'MIDTERM_REVIEW', 'RECTIFYING') AND r.runs_from <= ? AND r.runs_to > ?""", LocalDate.class,
        today, today);
    assertThat(started).hasSizeGreaterThanOrEqualTo(5)
        .allSatisfy(d -> assertThat(d).isBetween(today.minusDays(200), today.minusDays(90)));
    Long waiting = jdbc.queryForObject("""
        SELECT count(*) FROM project p JOIN funding_round r ON r.id = p.round_id
         WHERE p.synthetic AND p.status = 'APPLIED' AND r.call_closes < ? AND r.runs_from > ?
           AND NOT EXISTS (SELECT 1 FROM project_review v WHERE v.project_id = p.id AND v.reviewer = 'reviewer')""", Long.class,
        today, today);
    assertThat(waiting).isGreaterThanOrEqualTo(4);
  }

  @Test
  void everyActivityLiesInsideItsProjectsServiceAreaAndAfterItStarted() throws Exception {
    LocalDate today = LocalDate.ofInstant(clock.instant(), district.timeZone());
    Map<Long, org.locationtech.jts.geom.prep.PreparedGeometry> areas = new java.util.HashMap<>();
    org.locationtech.jts.io.WKTReader wkt = new org.locationtech.jts.io.WKTReader();
    for (Map<String, Object> row : jdbc.queryForList("SELECT id, ST_AsText(service_area) AS wkt FROM project WHERE synthetic")) {
      areas.put(((Number) row.get("id")).longValue(),
          org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(wkt.read((String) row.get("wkt"))));
    }
    org.locationtech.jts.geom.GeometryFactory f = new org.locationtech.jts.geom.GeometryFactory();
    List<String> outside = new java.util.ArrayList<>();
    int[] running = {0};
    jdbc.query("""
        SELECT a.id, a.project_id, a.lon, a.lat, a.held_on, a.inside_service_area, p.started_on, p.status
          FROM project_activity a JOIN project p ON p.id = a.project_id WHERE a.synthetic""", rs -> {
      var point = f.createPoint(new org.locationtech.jts.geom.Coordinate(rs.getDouble("lon"), rs.getDouble("lat")));
      LocalDate held = rs.getObject("held_on", LocalDate.class);
      if ("RUNNING".equals(rs.getString("status"))) running[0]++;
      if (!areas.get(rs.getLong("project_id")).covers(point) || !rs.getBoolean("inside_service_area")
          || held.isBefore(rs.getObject("started_on", LocalDate.class)) || !held.isBefore(today)) {
        outside.add(rs.getString("status") + " activity " + rs.getLong("id") + " at " + point + " on " + held);
      }
    });
    assertThat(running[0]).isGreaterThan(10);
    assertThat(outside).isEmpty();
  }

  private static boolean criteriaWeightsAddUpTo100(Map<Long, Map<String, java.math.BigDecimal>> weights) {
    return weights.values().stream().allMatch(w -> w.values().stream().reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
        .compareTo(java.math.BigDecimal.valueOf(100)) == 0);
  }

  private List<Long> counts() {
    return java.util.Arrays.stream(TABLES).map(t -> jdbc.queryForObject("select count(*) from " + t, Long.class)).toList();
  }
}
