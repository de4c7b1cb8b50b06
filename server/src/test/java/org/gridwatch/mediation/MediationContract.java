package org.gridwatch.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
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
 * Issue 16, mediation of disputes: a neighbour-dispute case gets a mediation (parties, mediator, level), sessions, a
 * settlement or not, and a follow-up visit after 30 days; settlements at grid level count in the dispute measure as
 * kept in the grid, checked against a direct count of the cases.
 */
abstract class MediationContract {
  /** The demo grid the gridworker account serves. */
  static final String GRID = "370203014001001";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  static String[] as(String user) { return Http.basic(user, TestEnvironment.DEMO_PASSWORD); }

  static Point inside(String gridCode) {
    DemoFiles.Feature g = DemoFiles.read("grids").stream().filter(f -> f.code().equals(gridCode)).findFirst().orElseThrow();
    return new MaximumInscribedCircle(g.geometry(), 1e-6).getCenter();
  }

  /** A case of the category reported in the grid and registered by the operator. */
  String registered(String category, String grid) {
    Point p = inside(grid);
    Http.Response r = http.postJson("/api/v1/incidents", String.format(Locale.ROOT, "{\"category\":\"%s\",\"location\":{\"type\":"
        + "\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"楼上漏水到楼下，协商不成\"}", category, p.getX(), p.getY()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String id = r.json().get("id").asString();
    assertThat(http.postJson("/api/v1/incidents/" + id + "/register", "{}", as("operator")).status()).isEqualTo(200);
    return id;
  }

  static String opening(String level, String parties) {
    return "{\"disputeType\":\"WATER_LEAK\",\"mediator\":{\"kind\":\"PEOPLES_MEDIATOR\",\"name\":\"调解员（演示）\"},\"level\":\"" + level
        + "\",\"parties\":" + parties + "}";
  }

  static final String TWO_SIDES = "[{\"role\":\"APPLICANT\",\"name\":\"王某\",\"phone\":\"13812341234\"},"
      + "{\"role\":\"RESPONDENT\",\"name\":\"李某\",\"phone\":\"13998765432\"}]";

  JsonNode opened(String caseId, String level, String user) {
    Http.Response r = http.postJson("/api/v1/incidents/" + caseId + "/mediation", opening(level, TWO_SIDES), as(user));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  JsonNode ok(Http.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  int count(String table) { return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class); }

  Boolean settledInGrid(String caseId) {
    return jdbc.queryForObject("SELECT settled_in_grid FROM incident WHERE public_id = ?", Boolean.class, caseId);
  }

  LocalDate today() {
    return LocalDate.now(ZoneId.of(http.get("/api/v1/district").json().get("timeZone").asString()));
  }

  @Test
  void aMediationIsHeldSettledInTheGridAndFollowedUpAfterThirtyDays() {
    String id = registered("NEIGHBOUR_DISPUTE", GRID);
    JsonNode m = opened(id, "GRID", "gridworker");
    long mid = m.get("id").asLong();
    assertThat(m.get("status").asString()).isEqualTo("OPEN");
    assertThat(m.get("incident").asString()).isEqualTo(id);
    assertThat(m.get("gridCode").asString()).isEqualTo(GRID);
    assertThat(m.at("/parties/0/phone").asString()).isEqualTo("138****1234");
    assertThat(m.toString()).doesNotContain("13812341234").doesNotContain("13998765432");
    assertThat(jdbc.queryForObject("SELECT phone_sealed FROM mediation_party WHERE mediation_id = ? AND sort_order = 0", String.class, mid))
        .as("sealed at rest").doesNotContain("13812341234");

    JsonNode s = ok(http.postJson("/api/v1/mediations/" + mid + "/sessions", "{\"heldAt\":\"" + Instant.now().minusSeconds(3600)
        + "\",\"place\":{\"name\":\"社区调解室\"},\"note\":\"双方到场\"}", as("gridworker")));
    assertThat(s.get("sessions").size()).isEqualTo(1);
    assertThat(s.at("/sessions/0/place").asString()).isEqualTo("社区调解室");

    LocalDate signed = today().minusDays(31);
    JsonNode settled = ok(http.postJson("/api/v1/mediations/" + mid + "/settle", "{\"agreement\":\"楼上修好防水，赔偿楼下粉刷费用\","
        + "\"signedOn\":\"" + signed + "\"}", as("gridworker")));
    assertThat(settled.get("status").asString()).isEqualTo("SETTLED");
    assertThat(settled.get("followUpDue").asString()).isEqualTo(signed.plusDays(30).toString());
    assertThat(settled.get("followUpDueNow").asBoolean()).isTrue();
    assertThat(settledInGrid(id)).as("settled by mediation in the grid").isTrue();
    assertThat(ids(http.get("/api/v1/mediations?followUpDue=true&community=" + GRID.substring(0, 12), as("community"))))
        .contains(mid);

    Http.Response again = http.postJson("/api/v1/mediations/" + mid + "/fail", "{\"outcome\":\"LITIGATION\"}", as("gridworker"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(settledInGrid(id)).isTrue();

    JsonNode visited = ok(http.postJson("/api/v1/mediations/" + mid + "/follow-up", "{\"on\":\"" + today() + "\",\"result\":\"HOLDING\"}",
        as("gridworker")));
    assertThat(visited.get("followUpResult").asString()).isEqualTo("HOLDING");
    assertThat(visited.get("followUpDueNow").asBoolean()).isFalse();
    assertThat(ids(http.get("/api/v1/mediations?followUpDue=true", as("operator")))).doesNotContain(mid);
    assertThat(http.postJson("/api/v1/mediations/" + mid + "/follow-up", "{\"on\":\"" + today() + "\",\"result\":\"BROKEN\"}",
        as("gridworker")).status()).as("one visit").isEqualTo(409);

    JsonNode read = ok(http.get("/api/v1/incidents/" + id + "/mediation", as("operator")));
    assertThat(read.get("id").asLong()).isEqualTo(mid);
    assertThat(read.get("agreement").asString()).contains("防水");
  }

  @Test
  void aFailedMediationAndACommunitySettlementAreNotKeptInTheGrid() {
    String failed = registered("NEIGHBOUR_DISPUTE", GRID), community = registered("NEIGHBOUR_DISPUTE", GRID);
    long f = opened(failed, "GRID", "operator").get("id").asLong();
    JsonNode out = ok(http.postJson("/api/v1/mediations/" + f + "/fail", "{\"outcome\":\"LITIGATION\",\"note\":\"申请人起诉\"}", as("operator")));
    assertThat(out.get("status").asString()).isEqualTo("NOT_SETTLED");
    assertThat(out.get("outcome").asString()).isEqualTo("LITIGATION");
    assertThat(settledInGrid(failed)).isFalse();
    long c = opened(community, "COMMUNITY", "community").get("id").asLong();
    ok(http.postJson("/api/v1/mediations/" + c + "/settle", "{\"agreement\":\"协议\",\"signedOn\":\"" + today() + "\"}", as("community")));
    assertThat(settledInGrid(community)).isFalse();
    Http.Response early = http.postJson("/api/v1/mediations/" + c + "/follow-up", "{\"on\":\"" + today() + "\",\"result\":\"HOLDING\"}",
        as("community"));
    assertThat(early.status()).as("a follow-up before it is due").isEqualTo(409);
    assertThat(early.json().at("/errors/0/field").asString()).isEqualTo("on");
    assertThat(jdbc.queryForObject("SELECT followed_up_on FROM mediation WHERE id = ?", java.sql.Date.class, c)).isNull();
  }

  /** The dispute measure: closed disputes settled in the grid over closed disputes, as counted directly on the cases. */
  @Test
  void theDisputeMeasureCountsSettlementsInTheGrid() {
    Instant from = Instant.now().minusSeconds(1);
    String inGrid1 = registered("NEIGHBOUR_DISPUTE", GRID), inGrid2 = registered("NEIGHBOUR_DISPUTE", GRID);
    String atCommunity = registered("NEIGHBOUR_DISPUTE", GRID), failed = registered("NEIGHBOUR_DISPUTE", GRID);
    settle(opened(inGrid1, "GRID", "gridworker").get("id").asLong());
    settle(opened(inGrid2, "GRID", "gridworker").get("id").asLong());
    settle(opened(atCommunity, "COMMUNITY", "community").get("id").asLong());
    ok(http.postJson("/api/v1/mediations/" + opened(failed, "GRID", "operator").get("id").asLong() + "/fail",
        "{\"outcome\":\"PETITION\"}", as("operator")));
    for (String id : List.of(inGrid1, inGrid2, atCommunity, failed)) {
      jdbc.update("UPDATE incident SET status = 'CLOSED', closed_at = ?, resolved_at = ? WHERE public_id = ?",
          Timestamp.from(Instant.now()), Timestamp.from(Instant.now()), id);
    }
    Instant to = Instant.now().plusSeconds(60);
    List<Boolean> direct = jdbc.queryForList("SELECT settled_in_grid FROM incident WHERE grid_code = ? AND category_code = 'NEIGHBOUR_DISPUTE'"
        + " AND closed_at IS NOT NULL AND reported_at >= ? AND reported_at < ?", Boolean.class, GRID, Timestamp.from(from), Timestamp.from(to));
    long inGrid = direct.stream().filter(Boolean.TRUE::equals).count();
    assertThat(direct).as("the four cases of this test are in the count").hasSizeGreaterThanOrEqualTo(4);
    assertThat(inGrid).as("two settled at grid level").isGreaterThanOrEqualTo(2).isLessThan(direct.size());
    JsonNode m = ok(http.get("/api/v1/measures?level=grid&code=" + GRID + "&from=" + from + "&to=" + to, as("operator")));
    assertThat(m.at("/overall/disputesResolvedInGridRate").asDouble()).isCloseTo((double) inGrid / direct.size(), within(1e-4));
  }

  void settle(long mediation) {
    ok(http.postJson("/api/v1/mediations/" + mediation + "/settle", "{\"agreement\":\"双方和解\",\"signedOn\":\"" + today() + "\"}",
        as("operator")));
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndStoresNothing() {
    String dispute = registered("NEIGHBOUR_DISPUTE", GRID), litter = registered("SANITATION", GRID);
    int mediations = count("mediation"), parties = count("mediation_party");
    assertField(http.postJson("/api/v1/incidents/" + litter + "/mediation", opening("GRID", TWO_SIDES), as("operator")), 422, "case");
    assertField(http.postJson("/api/v1/incidents/" + dispute + "/mediation", opening("GRID",
        "[{\"role\":\"APPLICANT\",\"name\":\"王某\"}]"), as("operator")), 400, "parties");
    assertField(http.postJson("/api/v1/incidents/" + dispute + "/mediation", opening("GRID",
        "[{\"role\":\"APPLICANT\",\"name\":\"王某\"},{\"role\":\"APPLICANT\",\"name\":\"张某\"}]"), as("operator")), 422, "parties");
    assertField(http.postJson("/api/v1/incidents/" + dispute + "/mediation", opening("GALAXY", TWO_SIDES), as("operator")), 400, "level");
    assertField(http.postJson("/api/v1/incidents/" + dispute + "/mediation", opening("GRID", TWO_SIDES).replace("调解员（演示）", " "),
        as("operator")), 400, "mediator.name");
    assertField(http.postJson("/api/v1/incidents/" + dispute + "/mediation", opening("GRID", TWO_SIDES).replace("\"13812341234\"", "12"),
        as("operator")), 400, "parties[0].phone");
    assertThat(http.postJson("/api/v1/incidents/" + dispute + "/mediation", "{\"disputeType\":", as("operator")).status()).isEqualTo(400);
    assertThat(count("mediation")).isEqualTo(mediations);
    assertThat(count("mediation_party")).isEqualTo(parties);

    long mid = opened(dispute, "GRID", "operator").get("id").asLong();
    assertThat(http.postJson("/api/v1/incidents/" + dispute + "/mediation", opening("GRID", TWO_SIDES), as("operator")).status())
        .as("one mediation per case").isEqualTo(409);
    int sessions = count("mediation_session");
    assertField(http.postJson("/api/v1/mediations/" + mid + "/sessions", "{\"heldAt\":\"" + Instant.now() + "\"}", as("operator")), 422, "place");
    assertField(http.postJson("/api/v1/mediations/" + mid + "/sessions", "{\"heldAt\":\"yesterday\",\"place\":{\"name\":\"x\"}}",
        as("operator")), 400, "heldAt");
    assertThat(count("mediation_session")).isEqualTo(sessions);
    assertField(http.postJson("/api/v1/mediations/" + mid + "/settle", "{\"agreement\":\"x\",\"signedOn\":\"" + today().plusDays(2) + "\"}",
        as("operator")), 422, "signedOn");
    assertField(http.postJson("/api/v1/mediations/" + mid + "/follow-up", "{\"on\":\"" + today() + "\",\"result\":\"HOLDING\"}",
        as("operator")), 409, "status");
    assertThat(jdbc.queryForObject("SELECT status FROM mediation WHERE id = ?", String.class, mid)).isEqualTo("OPEN");
    assertThat(settledInGrid(dispute)).isNull();
    assertThat(http.get("/api/v1/mediations/999999999", as("operator")).status()).isEqualTo(404);
  }

  @Test
  void onlyStaffOfTheDisputesAreaMediate() {
    String dispute = registered("NEIGHBOUR_DISPUTE", GRID);
    int before = count("mediation");
    for (String user : List.of("resident", "planner", "police", "volunteer")) {
      assertThat(http.postJson("/api/v1/incidents/" + dispute + "/mediation", opening("GRID", TWO_SIDES), as(user)).status())
          .as(user).isEqualTo(403);
    }
    assertThat(http.postJson("/api/v1/incidents/" + dispute + "/mediation", opening("GRID", TWO_SIDES)).status()).isEqualTo(401);
    String elsewhere = otherSubdistrictGrid();
    String far = registered("NEIGHBOUR_DISPUTE", elsewhere);
    for (String user : List.of("gridworker", "community", "subdistrict")) {
      assertThat(http.postJson("/api/v1/incidents/" + far + "/mediation", opening("GRID", TWO_SIDES), as(user)).status())
          .as(user + " outside their area").isEqualTo(403);
    }
    assertThat(count("mediation")).isEqualTo(before);
    long mid = opened(dispute, "GRID", "subdistrict").get("id").asLong();
    assertThat(http.get("/api/v1/mediations/" + mid, as("planner")).status()).as("planners read").isEqualTo(200);
    assertThat(http.get("/api/v1/mediations/" + mid).status()).isEqualTo(401);
    assertThat(http.get("/api/v1/mediations/" + mid, as("resident")).status()).isEqualTo(403);
    assertThat(http.postJson("/api/v1/mediations/" + mid + "/fail", "{\"outcome\":\"LITIGATION\"}", as("planner")).status()).isEqualTo(403);
    long farId = opened(far, "GRID", "operator").get("id").asLong();
    assertThat(ids(http.get("/api/v1/mediations", as("gridworker")))).contains(mid).doesNotContain(farId);
    assertThat(http.get("/api/v1/mediations/" + farId, as("gridworker")).status()).isEqualTo(404);
  }

  String otherSubdistrictGrid() {
    return DemoFiles.read("grids").stream().map(DemoFiles.Feature::code).filter(c -> !c.startsWith(GRID.substring(0, 9)))
        .findFirst().orElseThrow();
  }

  static List<Long> ids(Http.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<Long> out = new java.util.ArrayList<>();
    r.json().forEach(m -> out.add(m.get("id").asLong()));
    return out;
  }

  static void assertField(Http.Response r, int status, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().at("/errors/0/field").asString()).as(r.body()).isEqualTo(field);
  }
}
