package org.gridwatch.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridwatch.funding.FundingFixtures.FUNDER;
import static org.gridwatch.funding.FundingFixtures.ORGANISATION;
import static org.gridwatch.funding.FundingFixtures.REVIEWERS;
import static org.gridwatch.funding.FundingFixtures.trancheReopened;
import static org.gridwatch.funding.FundingFixtures.trancheStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A project's whole life on the API: applied → reviewed by three → shortlisted → approved → contracted (first tranche
 * released) → running → evaluations with the tranche rules (a mid-term that does not pass stops the mid-term tranche,
 * the one rectification reopens it, a second non-pass terminates) → closed; termination by the funder; two racing
 * decisions; and the facts lookup other capabilities read. Each test makes its own round and project.
 */
abstract class FundingLifecycleContract {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired AreaCatalog catalog;
  @Autowired DistrictProfile district;
  @Autowired Projects projects;
  FundingFixtures f;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    f = new FundingFixtures(http, jdbc, catalog, LocalDate.now(district.timeZone()));
  }

  @Test
  void aProjectRunsFromApplicationThroughARectifiedMidtermToAPassedFinalReview() {
    long id = f.applied();
    JsonNode p = http.get("/api/v1/projects/" + id, FUNDER).json();
    assertThat(p.get("status").asString()).isEqualTo("APPLIED");
    assertThat(p.at("/serviceArea/type").asString()).isEqualTo("MultiPolygon");
    assertThat(p.at("/provider/id").asLong()).isEqualTo(f.provider());
    assertThat(p.get("tranches")).hasSize(3);
    assertThat(p.get("tranches").findValuesAsString("status")).containsOnly("PENDING");

    f.reviewAll(id);
    JsonNode reviewed = http.get("/api/v1/projects/" + id, FUNDER).json();
    assertThat(reviewed.get("reviews")).hasSize(3);
    // 80 × 40 % + 70 × 35 % + 90 × 25 % = 79.00
    assertThat(reviewed.at("/reviews/0/total").decimalValue()).isEqualByComparingTo("79.00");
    assertThat(f.act(id, "shortlist", "{}", FUNDER).get("status").asString()).isEqualTo("SHORTLISTED");
    assertThat(f.act(id, "approve", "{\"note\":\"立项\"}", FUNDER).get("status").asString()).isEqualTo("APPROVED");
    JsonNode contracted = f.act(id, "contract", "{}", FUNDER);
    assertThat(trancheStatus(contracted, "CONTRACT")).isEqualTo("RELEASED");
    assertThat(trancheStatus(contracted, "MIDTERM")).isEqualTo("PENDING");
    JsonNode started = f.act(id, "start", "{}", ORGANISATION);
    assertThat(started.get("status").asString()).isEqualTo("RUNNING");
    assertThat(started.get("startedOn").asString()).isEqualTo(f.today.toString());

    JsonNode rectify = f.evaluate(id, "MIDTERM", "RECTIFY");
    assertThat(rectify.get("status").asString()).isEqualTo("RECTIFYING");
    assertThat(rectify.get("rectificationUsed").asBoolean()).isTrue();
    assertThat(trancheStatus(rectify, "MIDTERM")).isEqualTo("STOPPED");

    JsonNode passed = f.evaluate(id, "MIDTERM", "PASS");
    assertThat(passed.get("status").asString()).isEqualTo("RUNNING");
    assertThat(trancheStatus(passed, "MIDTERM")).isEqualTo("RELEASED");
    assertThat(trancheReopened(passed, "MIDTERM")).isTrue();
    assertThat(passed.get("evaluations").findValuesAsString("result")).containsExactly("RECTIFY", "PASS");
    assertThat(passed.at("/evaluations/1/attempt").asInt()).isEqualTo(2);

    JsonNode closed = f.evaluate(id, "FINAL", "PASS");
    assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
    assertThat(closed.get("endedOn").asString()).isEqualTo(f.today.toString());
    assertThat(closed.get("tranches").findValuesAsString("status")).containsOnly("RELEASED");
    assertThat(closed.get("timeline").findValuesAsString("action")).containsSubsequence("APPLIED", "REVIEWED", "SHORTLISTED",
        "APPROVED", "CONTRACTED", "STARTED", "SELF_REPORTED", "CHECKED", "PUBLISHED", "PUBLISHED", "PUBLISHED");

    ProjectFacts facts = projects.facts(id).orElseThrow();
    assertThat(facts.status()).isEqualTo(ProjectStatus.CLOSED);
    assertThat(facts.released()).isEqualByComparingTo("100000.00");
    assertThat(facts.stopped()).isEqualByComparingTo(BigDecimal.ZERO);
    List<AreaView> grids = f.grids();
    assertThat(facts.targetGridCodes()).containsExactlyInAnyOrder(grids.get(0).code(), grids.get(1).code());
    Geometry union = grids.get(0).boundary().union(grids.get(1).boundary());
    assertThat(facts.serviceArea().symDifference(union).getArea()).isLessThan(union.getArea() * 1e-9);
  }

  @Test
  void aMidtermThatFailsTwiceStopsItsTrancheThenTerminatesTheProjectWithEveryPendingTrancheStopped() {
    long id = f.running();
    JsonNode failed = f.evaluate(id, "MIDTERM", "FAIL");
    assertThat(failed.get("status").asString()).isEqualTo("RECTIFYING");
    assertThat(trancheStatus(failed, "MIDTERM")).isEqualTo("STOPPED");
    assertThat(trancheStatus(failed, "FINAL")).isEqualTo("PENDING");
    JsonNode again = f.evaluate(id, "MIDTERM", "RECTIFY");
    assertThat(again.get("status").asString()).isEqualTo("TERMINATED");
    assertThat(again.get("endedOn").asString()).isEqualTo(f.today.toString());
    assertThat(trancheStatus(again, "CONTRACT")).isEqualTo("RELEASED");
    assertThat(trancheStatus(again, "MIDTERM")).isEqualTo("STOPPED");
    assertThat(trancheReopened(again, "MIDTERM")).isFalse();
    assertThat(trancheStatus(again, "FINAL")).isEqualTo("STOPPED");
    ProjectFacts facts = projects.facts(id).orElseThrow();
    assertThat(facts.released()).isEqualByComparingTo("40000.00");
    assertThat(facts.stopped()).isEqualByComparingTo("60000.00");
    assertThat(facts.pending()).isEqualByComparingTo(BigDecimal.ZERO);
  }

  @Test
  void aFailedFinalReviewAfterTheRectificationClosesTheProjectWithoutTheFinalTranche() {
    long id = f.running();
    f.evaluate(id, "MIDTERM", "PASS");
    JsonNode rectify = f.evaluate(id, "FINAL", "RECTIFY");
    assertThat(rectify.get("status").asString()).isEqualTo("RECTIFYING");
    assertThat(trancheStatus(rectify, "FINAL")).isEqualTo("STOPPED");
    JsonNode closed = f.evaluate(id, "FINAL", "FAIL");
    assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
    assertThat(trancheStatus(closed, "MIDTERM")).isEqualTo("RELEASED");
    assertThat(trancheStatus(closed, "FINAL")).isEqualTo("STOPPED");
  }

  @Test
  void theFunderTerminatesARunningProjectAndItsPendingTranchesStop() {
    long id = f.running();
    JsonNode t = f.act(id, "terminate", "{\"reason\":\"承接机构停止运营（测试）\"}", FUNDER);
    assertThat(t.get("status").asString()).isEqualTo("TERMINATED");
    assertThat(trancheStatus(t, "CONTRACT")).isEqualTo("RELEASED");
    assertThat(trancheStatus(t, "MIDTERM")).isEqualTo("STOPPED");
    assertThat(trancheStatus(t, "FINAL")).isEqualTo("STOPPED");
    Http.Response after = http.postJson("/api/v1/projects/" + id + "/self-report",
        "{\"stage\":\"MIDTERM\",\"text\":\"x\",\"beneficiaries\":1,\"sessions\":1}", ORGANISATION);
    assertThat(after.status()).isEqualTo(409);
    assertThat(after.json().get("type").asString()).endsWith("/problems/out-of-order");
    assertThat(after.json().get("status").asString()).isEqualTo("TERMINATED");
  }

  @Test
  void twoRacingApprovalsOrPublicationsLeaveExactlyOneWinner() throws Exception {
    long id = f.applied();
    f.reviewAll(id);
    f.act(id, "shortlist", "{}", FUNDER);
    assertThat(race(id, "approve", "{}")).containsExactlyInAnyOrder(200, 409);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM project_event WHERE project_id = ? AND action = 'APPROVED'", Integer.class, id))
        .isEqualTo(1);

    long running = f.running();
    f.act(running, "self-report", "{\"stage\":\"MIDTERM\",\"text\":\"自评\",\"beneficiaries\":1,\"sessions\":1}", ORGANISATION);
    f.act(running, "check", "{\"methods\":[\"PHONE\"]}", REVIEWERS.get(1));
    assertThat(race(running, "publish", "{\"result\":\"FAIL\"}")).containsExactlyInAnyOrder(200, 409);
    JsonNode p = http.get("/api/v1/projects/" + running, FUNDER).json();
    assertThat(p.get("status").asString()).isEqualTo("RECTIFYING");
    assertThat(p.get("evaluations")).hasSize(1);
  }

  private List<Integer> race(long id, String action, String body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> out = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        out.add(pool.submit(() -> {
          go.await();
          return http.postJson("/api/v1/projects/" + id + "/" + action, body, FUNDER).status();
        }));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> fu : out) statuses.add(fu.get());
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }
}
