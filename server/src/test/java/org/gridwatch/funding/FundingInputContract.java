package org.gridwatch.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridwatch.funding.FundingFixtures.CRITERIA;
import static org.gridwatch.funding.FundingFixtures.FUNDER;
import static org.gridwatch.funding.FundingFixtures.ORGANISATION;
import static org.gridwatch.funding.FundingFixtures.PLANNER;
import static org.gridwatch.funding.FundingFixtures.REVIEWERS;
import static org.gridwatch.funding.FundingFixtures.unique;

import java.time.Duration;
import java.time.LocalDate;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.support.Http;
import org.gridwatch.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Rounds and their phases as the clock moves, and every refusal the issue names: tranches that do not add up to the
 * budget, a review missing a criterion, a reviewer scoring their own organisation's application or one they declared a
 * conflict on, a transition out of order, an application after the call closed. Each refusal is a 4xx naming the field
 * and leaves the stored rows as they were. Then what the public sees of a project.
 */
abstract class FundingInputContract {
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired AreaCatalog catalog;
  @Autowired DistrictProfile district;
  @Autowired MovableClock clock;
  FundingFixtures f;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    f = new FundingFixtures(http, jdbc, catalog, LocalDate.now(clock.withZone(district.timeZone())));
  }

  @AfterEach
  void resetClock() { clock.reset(); }

  @Test
  void aRoundMovesThroughItsPhasesAsTheDaysPassAndRefusesApplicationsOutsideItsCall() {
    String title = unique("阶段测试批次");
    Http.Response created = http.postJson("/api/v1/rounds", f.roundBody(title, f.today.plusDays(5), f.today.plusDays(10), CRITERIA), FUNDER);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long round = created.json().get("id").asLong();
    assertThat(created.json().get("phase").asString()).isEqualTo("NEEDS");
    assertThat(created.json().get("criteria").findValuesAsString("code")).containsExactly("need", "plan", "cost");
    int before = f.projects();
    Http.Response early = http.postJson("/api/v1/projects", f.application(round, unique("太早的申报"), FundingFixtures.TRANCHES), ORGANISATION);
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().get("type").asString()).endsWith("/problems/out-of-order");
    assertThat(early.json().get("phase").asString()).isEqualTo("NEEDS");

    clock.advance(Duration.ofDays(6));
    assertThat(http.get("/api/v1/rounds/" + round).json().get("phase").asString()).isEqualTo("CALL_OPEN");
    Http.Response inCall = http.postJson("/api/v1/projects", f.application(round, unique("按期申报"), FundingFixtures.TRANCHES), ORGANISATION);
    assertThat(inCall.status()).as(inCall.body()).isEqualTo(201);
    clock.advance(Duration.ofDays(6));
    assertThat(http.get("/api/v1/rounds/" + round).json().get("phase").asString()).isEqualTo("REVIEW");
    Http.Response late = http.postJson("/api/v1/projects", f.application(round, unique("逾期申报"), FundingFixtures.TRANCHES), ORGANISATION);
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("phase").asString()).isEqualTo("REVIEW");
    clock.advance(Duration.ofDays(10));
    assertThat(http.get("/api/v1/rounds/" + round).json().get("phase").asString()).isEqualTo("RUNNING");
    assertThat(f.projects()).isEqualTo(before + 1);
  }

  @Test
  void aRoundWhoseWeightsOrDatesAreWrongOrWhoseTitleIsTakenIsRefusedNamingTheField() {
    int before = jdbc.queryForObject("SELECT COUNT(*) FROM funding_round", Integer.class);
    String title = unique("校验批次");
    Http.Response weights = http.postJson("/api/v1/rounds", f.roundBody(title, f.today, f.today.plusDays(10),
        "[{\"code\":\"a\",\"name\":\"A\",\"weight\":60},{\"code\":\"b\",\"name\":\"B\",\"weight\":30}]"), FUNDER);
    assertThat(weights.status()).isEqualTo(422);
    assertThat(weights.json().at("/errors/0/field").asString()).isEqualTo("criteria");
    Http.Response dates = http.postJson("/api/v1/rounds", f.roundBody(title, f.today, f.today.minusDays(1), CRITERIA), FUNDER);
    assertThat(dates.status()).isEqualTo(422);
    assertThat(dates.json().get("errors").findValuesAsString("field")).contains("callCloses");
    Http.Response missing = http.postJson("/api/v1/rounds", "{\"year\":2026,\"title\":\"缺少字段\"}", FUNDER);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM funding_round", Integer.class)).isEqualTo(before);
    assertThat(http.postJson("/api/v1/rounds", f.roundBody(title, f.today, f.today.plusDays(10), CRITERIA), FUNDER).status()).isEqualTo(201);
    Http.Response again = http.postJson("/api/v1/rounds", f.roundBody(title, f.today, f.today.plusDays(10), CRITERIA), FUNDER);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().at("/errors/0/field").asString()).isEqualTo("title");
    assertThat(http.get("/api/v1/rounds?year=" + f.today.getYear()).json().findValuesAsString("title")).contains(title);
    assertThat(http.get("/api/v1/rounds?year=" + (f.today.getYear() - 1)).json().findValuesAsString("title")).doesNotContain(title);
    assertThat(http.postJson("/api/v1/rounds", f.roundBody(unique("无权"), f.today, f.today.plusDays(10), CRITERIA), ORGANISATION).status())
        .isEqualTo(403);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM funding_round", Integer.class)).isEqualTo(before + 1);
  }

  @Test
  void tranchesThatDoNotAddUpToTheBudgetAreRefusedAndNothingIsStored() {
    long round = f.openRound();
    int projects = f.projects();
    int tranches = jdbc.queryForObject("SELECT COUNT(*) FROM project_tranche", Integer.class);
    Http.Response r = http.postJson("/api/v1/projects", f.application(round, unique("预算不符"),
        "[{\"amount\":40000.00,\"releasedOn\":\"CONTRACT\"},{\"amount\":59999.99,\"releasedOn\":\"FINAL\"}]"), ORGANISATION);
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("tranches");
    Http.Response badArea = http.postJson("/api/v1/projects", f.application(round, unique("区域不符"), FundingFixtures.TRANCHES)
        .replaceFirst("\"areas\":\\[\"[0-9]+\"", "\"areas\":[\"" + district.code() + "\""), ORGANISATION);
    assertThat(badArea.status()).isEqualTo(422);
    assertThat(badArea.json().at("/errors/0/field").asString()).isEqualTo("areas[0]");
    assertThat(f.projects()).isEqualTo(projects);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM project_tranche", Integer.class)).isEqualTo(tranches);
  }

  @Test
  void aReviewMissingOrInventingACriterionIsRefusedNamingTheScore() {
    long id = f.applied();
    String before = f.footprint(id);
    Http.Response missing = http.postJson("/api/v1/projects/" + id + "/reviews", "{\"scores\":{\"need\":80,\"plan\":70}}", REVIEWERS.get(0));
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.json().get("type").asString()).endsWith("/problems/invalid-review");
    assertThat(missing.json().get("errors").findValuesAsString("field")).containsExactly("scores.cost");
    Http.Response unknown = http.postJson("/api/v1/projects/" + id + "/reviews",
        "{\"scores\":{\"need\":80,\"plan\":70,\"cost\":60,\"luck\":100}}", REVIEWERS.get(0));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().get("errors").findValuesAsString("field")).containsExactly("scores.luck");
    Http.Response tooHigh = http.postJson("/api/v1/projects/" + id + "/reviews", "{\"scores\":{\"need\":180,\"plan\":70,\"cost\":60}}",
        REVIEWERS.get(0));
    assertThat(tooHigh.status()).isEqualTo(400);
    assertThat(f.footprint(id)).isEqualTo(before);
    assertThat(http.postJson("/api/v1/projects/" + id + "/reviews", "{\"scores\":{\"need\":80,\"plan\":70,\"cost\":60}}",
        REVIEWERS.get(0)).status()).isEqualTo(201);
    Http.Response twice = http.postJson("/api/v1/projects/" + id + "/reviews", "{\"scores\":{\"need\":80,\"plan\":70,\"cost\":60}}",
        REVIEWERS.get(0));
    assertThat(twice.status()).isEqualTo(409);
  }

  @Test
  void aReviewerMayNotScoreTheirOwnOrganisationsApplicationNorOneTheyDeclaredAConflictOn() {
    long id = f.applied();
    jdbc.update("INSERT INTO organisation_staff (username, organisation_id) VALUES ('reviewer3', ?)", f.provider());
    try {
      String before = f.footprint(id);
      Http.Response own = http.postJson("/api/v1/projects/" + id + "/reviews", "{\"scores\":{\"need\":100,\"plan\":100,\"cost\":100}}",
          REVIEWERS.get(2));
      assertThat(own.status()).isEqualTo(409);
      assertThat(own.json().get("type").asString()).endsWith("/problems/conflict-of-interest");
      assertThat(f.footprint(id)).isEqualTo(before);
    } finally {
      jdbc.update("DELETE FROM organisation_staff WHERE username = 'reviewer3'");
    }
    Http.Response declared = http.postJson("/api/v1/projects/" + id + "/conflicts", "{\"reason\":\"曾任该机构顾问（测试）\"}", REVIEWERS.get(1));
    assertThat(declared.status()).isEqualTo(201);
    String before = f.footprint(id);
    Http.Response scored = http.postJson("/api/v1/projects/" + id + "/reviews", "{\"scores\":{\"need\":90,\"plan\":90,\"cost\":90}}",
        REVIEWERS.get(1));
    assertThat(scored.status()).isEqualTo(409);
    assertThat(scored.json().get("type").asString()).endsWith("/problems/conflict-of-interest");
    assertThat(f.footprint(id)).isEqualTo(before);
  }

  @Test
  void aTransitionOutOfOrderIsRefusedNamingTheStatusAndChangesNothing() {
    long id = f.applied();
    String before = f.footprint(id);
    for (String action : new String[] {"approve", "contract"}) {
      Http.Response r = http.postJson("/api/v1/projects/" + id + "/" + action, "{}", FUNDER);
      assertThat(r.status()).as(action).isEqualTo(409);
      assertThat(r.json().get("type").asString()).endsWith("/problems/out-of-order");
      assertThat(r.json().get("status").asString()).isEqualTo("APPLIED");
    }
    Http.Response tooFew = http.postJson("/api/v1/projects/" + id + "/shortlist", "{}", FUNDER);
    assertThat(tooFew.status()).isEqualTo(409);
    assertThat(tooFew.json().get("minReviewers").asInt()).isEqualTo(3);
    Http.Response report = http.postJson("/api/v1/projects/" + id + "/self-report",
        "{\"stage\":\"MIDTERM\",\"text\":\"x\",\"beneficiaries\":1,\"sessions\":1}", ORGANISATION);
    assertThat(report.status()).isEqualTo(409);
    Http.Response notFunder = http.postJson("/api/v1/projects/" + id + "/decline", "{\"reason\":\"x\"}", ORGANISATION);
    assertThat(notFunder.status()).isEqualTo(403);
    Http.Response noReason = http.postJson("/api/v1/projects/" + id + "/decline", "{}", FUNDER);
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().at("/errors/0/field").asString()).isEqualTo("reason");
    assertThat(f.footprint(id)).isEqualTo(before);
  }

  @Test
  void thePublicSeesAProjectOnlyOnceApprovedWithoutScoresReviewersOrFullNames() {
    long id = f.applied();
    assertThat(http.get("/api/v1/projects/" + id).status()).isEqualTo(404);
    assertThat(http.get("/api/v1/projects").json().findValuesAsString("title")).doesNotContain(
        http.get("/api/v1/projects/" + id, PLANNER).json().get("title").asString());
    f.reviewAll(id);
    JsonNode ownReview = http.get("/api/v1/projects/" + id, REVIEWERS.get(1)).json();
    assertThat(ownReview.get("reviews")).hasSize(1);
    assertThat(ownReview.at("/reviews/0/reviewer").asString()).isEqualTo("reviewer2");
    f.act(id, "shortlist", "{}", FUNDER);
    f.act(id, "approve", "{}", FUNDER);
    Http.Response pub = http.get("/api/v1/projects/" + id);
    assertThat(pub.status()).isEqualTo(200);
    JsonNode p = pub.json();
    assertThat(p.get("reviews").isNull()).isTrue();
    assertThat(p.at("/reviewSummary/count").asInt()).isEqualTo(3);
    assertThat(p.at("/reviewSummary/averageTotal").decimalValue()).isEqualByComparingTo("79.00");
    assertThat(pub.body()).doesNotContain("reviewer2").doesNotContain("\"actor\"").doesNotContain("funder");
    String fullName = jdbc.queryForObject("SELECT name FROM volunteer WHERE id = ?", String.class, f.socialWorker());
    assertThat(p.get("leadSocialWorker").asString()).startsWith(fullName.substring(0, 1)).contains("*").isNotEqualTo(fullName);
    assertThat(http.get("/api/v1/projects/" + id, FUNDER).json().get("leadSocialWorker").asString()).isEqualTo(fullName);
    assertThat(http.get("/api/v1/projects?status=APPROVED").json().findValuesAsString("title")).contains(p.get("title").asString());
    assertThat(http.get("/api/v1/projects?status=SLEEPING").status()).isEqualTo(400);
  }
}
