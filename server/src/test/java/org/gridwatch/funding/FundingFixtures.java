package org.gridwatch.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What the funding contracts share: the demo's accounts, a round whose call is open today (made through the API), an
 * application by the demo organisation's staff for two grids of one community, and the steps that move it on.
 */
final class FundingFixtures {
  static final String[] FUNDER = Http.basic("funder", TestEnvironment.DEMO_PASSWORD);
  static final String[] ORGANISATION = Http.basic("organisation", TestEnvironment.DEMO_PASSWORD);
  static final String[] PLANNER = Http.basic("planner", TestEnvironment.DEMO_PASSWORD);
  static final List<String[]> REVIEWERS = List.of(Http.basic("reviewer", TestEnvironment.DEMO_PASSWORD),
      Http.basic("reviewer2", TestEnvironment.DEMO_PASSWORD), Http.basic("reviewer3", TestEnvironment.DEMO_PASSWORD));

  final Http http;
  final JdbcTemplate jdbc;
  final AreaCatalog catalog;
  final LocalDate today;

  FundingFixtures(Http http, JdbcTemplate jdbc, AreaCatalog catalog, LocalDate today) {
    this.http = http;
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.today = today;
  }

  static String unique(String prefix) { return prefix + " " + UUID.randomUUID().toString().substring(0, 8); }

  String roundBody(String title, LocalDate callOpens, LocalDate callCloses, String criteria) {
    return """
        {"year":%d,"kind":"SOCIAL_WORK_DEMONSTRATION","title":"%s","budget":1000000.00,"needsFrom":"%s","callOpens":"%s",
         "callCloses":"%s","runsFrom":"%s","runsTo":"%s","minReviewers":3,"criteria":%s}""".formatted(callOpens.getYear(), title,
        callOpens.minusDays(30), callOpens, callCloses, callCloses.plusDays(10), callCloses.plusDays(300), criteria);
  }

  static final String CRITERIA = """
      [{"code":"need","name":"需求契合度","weight":40},{"code":"plan","name":"实施方案","weight":35},
       {"code":"cost","name":"预算合理性","weight":25}]""";

  /** A round whose call is open today: its id. */
  long openRound() {
    Http.Response r = http.postJson("/api/v1/rounds", roundBody(unique("测试批次"), today.minusDays(1), today.plusDays(10), CRITERIA), FUNDER);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  long provider() { return jdbc.queryForObject("SELECT organisation_id FROM organisation_staff WHERE username = 'organisation'", Long.class); }

  long socialWorker() {
    return jdbc.queryForObject("SELECT MIN(id) FROM volunteer WHERE kind = 'SOCIAL_WORKER'", Long.class);
  }

  String category() { return jdbc.queryForObject("SELECT MIN(code) FROM category", String.class); }

  /** Two grids of one community. */
  List<AreaView> grids() {
    AreaView community = catalog.now().level(AreaLevel.COMMUNITY).stream().filter(c -> catalog.now().children(c.code()).size() >= 2)
        .findFirst().orElseThrow();
    return catalog.now().children(community.code()).subList(0, 2);
  }

  /** An application body: budget 100,000.00 in tranches of 40,000 / 30,000 / 30,000 (CONTRACT, MIDTERM, FINAL) unless given. */
  String application(long round, String title, String tranches) {
    List<AreaView> g = grids();
    return """
        {"round":%d,"title":"%s","summary":"测试申报（合成数据）","categories":["%s"],"areas":["%s","%s"],
         "targetGroups":["ELDERLY"],"leadSocialWorker":%d,"budget":100000.00,"tranches":%s,
         "kpis":{"beneficiaries":500,"sessions":40,"satisfaction":90}}""".formatted(round, title, category(), g.get(0).code(),
        g.get(1).code(), socialWorker(), tranches);
  }

  static final String TRANCHES = """
      [{"amount":40000.00,"releasedOn":"CONTRACT"},{"amount":30000.00,"releasedOn":"MIDTERM"},{"amount":30000,"releasedOn":"FINAL"}]""";

  /** A fresh application in a fresh open round: its id. */
  long applied() {
    Http.Response r = http.postJson("/api/v1/projects", application(openRound(), unique("测试项目"), TRANCHES), ORGANISATION);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  void reviewAll(long id) {
    for (String[] reviewer : REVIEWERS) {
      Http.Response r = http.postJson("/api/v1/projects/" + id + "/reviews", "{\"scores\":{\"need\":80,\"plan\":70,\"cost\":90}}", reviewer);
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
  }

  JsonNode act(long id, String action, String body, String[] who) {
    Http.Response r = http.postJson("/api/v1/projects/" + id + "/" + action, body, who);
    assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
    return r.json();
  }

  /** A fresh project moved to RUNNING. */
  long running() {
    long id = applied();
    reviewAll(id);
    act(id, "shortlist", "{}", FUNDER);
    act(id, "approve", "{}", FUNDER);
    act(id, "contract", "{}", FUNDER);
    act(id, "start", "{}", ORGANISATION);
    return id;
  }

  /** Self-report, check and publish one evaluation; answers the project after publishing. */
  JsonNode evaluate(long id, String stage, String result) {
    act(id, "self-report", "{\"stage\":\"%s\",\"text\":\"自评报告\",\"beneficiaries\":300,\"sessions\":20,\"satisfaction\":88.5}"
        .formatted(stage), ORGANISATION);
    act(id, "check", "{\"methods\":[\"DOCUMENTS\",\"SITE_VISIT\"],\"note\":\"已核查\"}", REVIEWERS.get(0));
    return act(id, "publish", "{\"result\":\"%s\"}".formatted(result), FUNDER);
  }

  static String trancheStatus(JsonNode project, String step) {
    for (JsonNode t : project.get("tranches")) if (t.get("releasedOn").asString().equals(step)) return t.get("status").asString();
    throw new AssertionError("no tranche " + step);
  }

  static boolean trancheReopened(JsonNode project, String step) {
    for (JsonNode t : project.get("tranches")) if (t.get("releasedOn").asString().equals(step)) return t.get("reopened").asBoolean();
    throw new AssertionError("no tranche " + step);
  }

  /** What a refused write must leave as it was: the project row's version and status, and the counts of its rows. */
  String footprint(long id) {
    return jdbc.queryForObject("SELECT status || ':' || version FROM project WHERE id = ?", String.class, id)
        + " events " + jdbc.queryForObject("SELECT COUNT(*) FROM project_event WHERE project_id = ?", Integer.class, id)
        + " reviews " + jdbc.queryForObject("SELECT COUNT(*) FROM project_review WHERE project_id = ?", Integer.class, id)
        + " evaluations " + jdbc.queryForObject("SELECT COUNT(*) FROM project_evaluation WHERE project_id = ?", Integer.class, id)
        + " tranches " + jdbc.queryForList("SELECT status FROM project_tranche WHERE project_id = ? ORDER BY seq", String.class, id);
  }

  int projects() { return jdbc.queryForObject("SELECT COUNT(*) FROM project", Integer.class); }
}
