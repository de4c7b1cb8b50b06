package org.gridwatch.need;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The needs map as planners and funders read it: every area of the level with figures equal to a direct count of the
 * cases (and bookings) in the database, the rate per 1,000 residents, the cases behind a figure a page at a time,
 * unmet demand that drops an area once a running project serves it, needs recorded by hand, and what is refused.
 */
abstract class NeedsApiContract {
  static final String[] ADMIN = Http.basic("admin", TestEnvironment.DEMO_PASSWORD);
  static final String[] PLANNER = Http.basic("planner", TestEnvironment.DEMO_PASSWORD);
  static final String[] FUNDER = Http.basic("funder", TestEnvironment.DEMO_PASSWORD);
  static final String[] REVIEWER = Http.basic("reviewer", TestEnvironment.DEMO_PASSWORD);
  static final String[] RESIDENT = Http.basic("resident", TestEnvironment.DEMO_PASSWORD);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired AreaCatalog catalog;
  @Autowired DistrictProfile district;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  /** The n-th grid with residents and room for eight cases apart, counted from the end of the list so tests of other classes rarely meet it. */
  AreaView grid(int n) {
    List<AreaView> grids = catalog.now().level(AreaLevel.GRID).stream()
        .filter(g -> g.residents() > 0 && NeedFixtures.spots(g).size() >= 8).toList();
    return grids.get(grids.size() - 1 - n);
  }

  AreaView parent(AreaView a) { return catalog.now().find(a.parentCode()).orElseThrow(); }

  LocalDate today() { return LocalDate.now(district.timeZone()); }

  static Map<String, JsonNode> byCode(JsonNode answer) {
    Map<String, JsonNode> out = new HashMap<>();
    answer.get("areas").forEach(a -> out.put(a.get("code").asString(), a));
    return out;
  }

  /** Cases of the category per code of the level in the default period (the last 365 days), counted directly. */
  Map<String, Long> directCases(String column, String category) {
    ZoneId zone = district.timeZone();
    Timestamp start = Timestamp.from(today().minusDays(364).atStartOfDay(zone).toInstant());
    Timestamp end = Timestamp.from(today().plusDays(1).atStartOfDay(zone).toInstant());
    Map<String, Long> out = new HashMap<>();
    jdbc.query("SELECT " + column + ", count(*) FROM incident WHERE category_code = ? AND reported_at >= ? AND reported_at < ?"
        + " AND duplicate_of IS NULL AND merged_into IS NULL GROUP BY " + column,
        rs -> { out.put(rs.getString(1), rs.getLong(2)); }, category, start, end);
    return out;
  }

  @Test
  void everyAreaIsListedWithTheCasesADirectCountFinds() {
    AreaView g = grid(3);
    JsonNode before = http.get("/api/v1/needs?level=grid&category=LEGAL_ADVICE", PLANNER).json();
    for (int i = 0; i < 3; i++) NeedFixtures.report(http, g, i, "LEGAL_ADVICE", ADMIN);
    NeedFixtures.report(http, g, 0, "SANITATION", ADMIN);

    Http.Response r = http.get("/api/v1/needs?level=grid&category=LEGAL_ADVICE", PLANNER);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode answer = r.json();
    assertThat(answer.get("level").asString()).isEqualTo("grid");
    assertThat(answer.get("category").asString()).isEqualTo("LEGAL_ADVICE");
    assertThat(answer.get("from").asString()).isEqualTo(today().minusDays(364).toString());
    assertThat(answer.get("to").asString()).isEqualTo(today().toString());
    Map<String, JsonNode> areas = byCode(answer);
    Set<String> grids = new HashSet<>(jdbc.queryForList("SELECT code FROM area WHERE level = 'GRID' AND retired_at IS NULL", String.class));
    assertThat(areas.keySet()).isEqualTo(grids);
    assertThat(areas.get(g.code()).get("cases").asLong()).isEqualTo(byCode(before).get(g.code()).get("cases").asLong() + 3);
    Map<String, Long> direct = directCases("grid_code", "LEGAL_ADVICE");
    for (JsonNode a : answer.get("areas")) {
      assertThat(a.get("cases").asLong()).as(a.get("code").asString()).isEqualTo(direct.getOrDefault(a.get("code").asString(), 0L));
    }

    JsonNode communities = http.get("/api/v1/needs?level=community&category=LEGAL_ADVICE", FUNDER).json();
    Map<String, Long> directCommunities = directCases("community_code", "LEGAL_ADVICE");
    assertThat(communities.get("areas").size())
        .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM area WHERE level = 'COMMUNITY' AND retired_at IS NULL", Integer.class));
    for (JsonNode a : communities.get("areas")) {
      assertThat(a.get("cases").asLong()).isEqualTo(directCommunities.getOrDefault(a.get("code").asString(), 0L));
    }
    assertThat(byCode(communities).get(g.parentCode()).get("cases").asLong()).isGreaterThanOrEqualTo(3);

    // All categories: the grid's figure holds the sanitation case too.
    JsonNode all = http.get("/api/v1/needs?level=grid", REVIEWER).json();
    assertThat(all.get("category").isNull()).isTrue();
    assertThat(byCode(all).get(g.code()).get("cases").asLong())
        .isGreaterThanOrEqualTo(areas.get(g.code()).get("cases").asLong() + 1);
  }

  @Test
  void theRateIsTheCountPerThousandResidentsAndBookingsOfAnsweringServicesCount() {
    AreaView g = grid(5);
    AreaView community = parent(g);
    String before = "/api/v1/needs?level=grid&category=ELDERLY_CARE";
    JsonNode was = byCode(http.get(before, PLANNER).json()).get(g.code());
    long org = NeedFixtures.organisation(jdbc);
    // ELDERLY_CARE is answered by HOME_VISIT (category_service); a LEGAL_ADVICE booking answers LEGAL_ADVICE instead.
    NeedFixtures.booking(jdbc, g, community.code(), community.parentCode(), "HOME_VISIT", org);
    NeedFixtures.booking(jdbc, g, community.code(), community.parentCode(), "HOME_VISIT", org);
    NeedFixtures.booking(jdbc, g, community.code(), community.parentCode(), "LEGAL_ADVICE", org);
    NeedFixtures.report(http, g, 0, "ELDERLY_CARE", ADMIN);

    JsonNode answer = http.get(before, PLANNER).json();
    JsonNode now = byCode(answer).get(g.code());
    assertThat(now.get("bookings").asLong()).isEqualTo(was.get("bookings").asLong() + 2);
    assertThat(now.get("cases").asLong()).isEqualTo(was.get("cases").asLong() + 1);
    assertThat(now.get("count").asLong()).isEqualTo(now.get("cases").asLong() + now.get("bookings").asLong());
    assertThat(now.get("residents").asInt()).isEqualTo(g.residents());
    for (JsonNode a : answer.get("areas")) {
      long count = a.get("count").asLong();
      int residents = a.get("residents").asInt();
      BigDecimal expected = residents == 0 ? BigDecimal.ZERO
          : BigDecimal.valueOf(count * 1000).divide(BigDecimal.valueOf(residents), 2, RoundingMode.HALF_UP);
      assertThat(a.get("rate").decimalValue()).as(a.get("code").asString()).isEqualByComparingTo(expected);
    }
    JsonNode legal = byCode(http.get("/api/v1/needs?level=community&category=LEGAL_ADVICE", PLANNER).json()).get(community.code());
    assertThat(legal.get("bookings").asLong()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void theCasesBehindAFigureComeAPageAtATimeWithoutPersonalData() {
    AreaView g = grid(7);
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < 3; i++) mine.add(NeedFixtures.report(http, g, i, "DELIVERY", ADMIN));
    long figure = byCode(http.get("/api/v1/needs?level=grid&category=DELIVERY", PLANNER).json()).get(g.code()).get("cases").asLong();

    List<String> seen = new ArrayList<>();
    String url = "/api/v1/needs/cases?area=" + g.code() + "&category=DELIVERY&limit=2";
    for (int page = 0; url != null && page < 50; page++) {
      Http.Response r = http.get(url, FUNDER);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode body = r.json();
      assertThat(body.get("total").asLong()).isEqualTo(figure);
      assertThat(body.get("cases").size()).isLessThanOrEqualTo(2);
      for (JsonNode c : body.get("cases")) {
        Set<String> fields = new HashSet<>();
        c.propertyNames().forEach(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("id", "category", "reportedAt", "status");
        assertThat(c.get("category").asString()).isEqualTo("DELIVERY");
        seen.add(c.get("id").asString());
      }
      url = body.get("next").isNull() ? null
          : "/api/v1/needs/cases?area=" + g.code() + "&category=DELIVERY&limit=2&cursor=" + body.get("next").asString();
    }
    assertThat(seen).hasSize((int) figure).doesNotHaveDuplicates().containsAll(mine);
    assertThat(seen.subList(0, 3)).containsExactly(mine.get(2), mine.get(1), mine.get(0));
  }

  @Test
  void anAreaOfHighDemandDropsOutOfUnmetDemandOnceARunningProjectServesIt() {
    AreaView g = grid(9);
    AreaView community = parent(g);
    for (int i = 0; i < 6; i++) NeedFixtures.report(http, g, i, "HOUSEKEEPING", ADMIN);
    String url = "/api/v1/needs/unmet?level=grid&category=HOUSEKEEPING&percentile=90";
    Http.Response r = http.get(url, PLANNER);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode unmet = r.json();
    assertThat(unmet.get("percentile").asInt()).isEqualTo(90);
    BigDecimal threshold = unmet.get("threshold").decimalValue();
    JsonNode mine = byCode(unmet).get(g.code());
    assertThat(mine).as("the grid asked six times").isNotNull();
    assertThat(mine.get("served").asBoolean()).isFalse();
    // The threshold is the 90th percentile of every grid's rate: at most a tenth of the grids lie above it.
    JsonNode all = http.get("/api/v1/needs?level=grid&category=HOUSEKEEPING", PLANNER).json();
    long above = 0;
    for (JsonNode a : all.get("areas")) if (a.get("rate").decimalValue().compareTo(threshold) > 0) above++;
    assertThat(above).isEqualTo(unmet.get("areas").size()).isLessThanOrEqualTo(all.get("areas").size() / 10 + 1);
    for (JsonNode a : unmet.get("areas")) assertThat(a.get("rate").decimalValue()).isGreaterThan(threshold);
    JsonNode communityUnmet = byCode(http.get("/api/v1/needs/unmet?level=community&category=HOUSEKEEPING&percentile=90", PLANNER).json())
        .get(community.code());
    assertThat(communityUnmet).as("the community holds the grid's six cases").isNotNull();

    long project = NeedFixtures.servingProject(jdbc, "HOUSEKEEPING", today(), g);
    try {
      assertThat(byCode(http.get(url, PLANNER).json())).doesNotContainKey(g.code());
      // One grid served does not serve its community.
      assertThat(byCode(http.get("/api/v1/needs/unmet?level=community&category=HOUSEKEEPING&percentile=90", PLANNER).json()))
          .containsKey(community.code());
      // Another category's demand in the grid is not met by it.
      for (int i = 0; i < 6; i++) NeedFixtures.report(http, g, i, "PROPERTY_MANAGEMENT", ADMIN);
      JsonNode other = byCode(http.get("/api/v1/needs/unmet?level=grid&category=PROPERTY_MANAGEMENT&percentile=50", PLANNER).json())
          .get(g.code());
      assertThat(other).isNotNull();
    } finally {
      NeedFixtures.removeProject(jdbc, project);
    }
    long whole = NeedFixtures.servingProject(jdbc, "HOUSEKEEPING", today(), community);
    try {
      assertThat(byCode(http.get("/api/v1/needs/unmet?level=community&category=HOUSEKEEPING&percentile=90", PLANNER).json()))
          .doesNotContainKey(community.code());
      assertThat(byCode(http.get(url, PLANNER).json())).doesNotContainKey(g.code());
    } finally {
      NeedFixtures.removeProject(jdbc, whole);
    }
  }

  @Test
  void aNeedRecordedByHandIsStoredListedAndShownBesideTheCount() {
    AreaView g = grid(11);
    AreaView community = parent(g);
    long before = byCode(http.get("/api/v1/needs?level=community&category=ELDERLY_CARE", PLANNER).json()).get(community.code())
        .get("recorded").asLong();
    Http.Response r = http.postJson("/api/v1/needs/recorded", "{\"area\":\"" + g.code() + "\",\"category\":\"ELDERLY_CARE\","
        + "\"source\":\"COUNCIL_TOPIC\",\"description\":\"网格议事会：独居老人午餐无人送（合成）\",\"evidence\":\"议事记录第3号\","
        + "\"residentsAffected\":42}", PLANNER);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode need = r.json();
    long id = need.get("id").asLong();
    assertThat(r.header("Location")).endsWith("/api/v1/needs/recorded/" + id);
    assertThat(need.get("area").asString()).isEqualTo(g.code());
    assertThat(need.get("areaLevel").asString()).isEqualTo("GRID");
    assertThat(need.get("source").asString()).isEqualTo("COUNCIL_TOPIC");
    assertThat(need.get("residentsAffected").asInt()).isEqualTo(42);
    assertThat(need.get("recordedBy").asString()).isEqualTo("planner");

    JsonNode read = http.get("/api/v1/needs/recorded/" + id, REVIEWER).json();
    assertThat(read.get("description").asString()).isEqualTo("网格议事会：独居老人午餐无人送（合成）");
    JsonNode listed = http.get("/api/v1/needs/recorded?area=" + community.code() + "&category=ELDERLY_CARE", FUNDER).json();
    List<Long> ids = new ArrayList<>();
    listed.forEach(n -> ids.add(n.get("id").asLong()));
    assertThat(ids).contains(id);
    JsonNode elsewhere = http.get("/api/v1/needs/recorded?area=" + grid(12).code(), FUNDER).json();
    elsewhere.forEach(n -> assertThat(n.get("id").asLong()).isNotEqualTo(id));

    JsonNode figure = byCode(http.get("/api/v1/needs?level=community&category=ELDERLY_CARE", PLANNER).json()).get(community.code());
    assertThat(figure.get("recorded").asLong()).isEqualTo(before + 1);
    assertThat(http.get("/api/v1/needs/recorded/999999999999", PLANNER).status()).isEqualTo(404);
  }

  @Test
  void badQueriesAreRefusedNamingTheParameter() {
    refused("/api/v1/needs?level=town", "level");
    refused("/api/v1/needs?category=NO_SUCH_THING", "category");
    refused("/api/v1/needs?from=2026-05-01&to=2026-04-01", "from");
    refused("/api/v1/needs?from=2026-13-01", "from");
    refused("/api/v1/needs?to=yesterday", "to");
    refused("/api/v1/needs/unmet?level=grid", "category");
    refused("/api/v1/needs/unmet?category=ELDERLY_CARE&percentile=0", "percentile");
    refused("/api/v1/needs/unmet?category=ELDERLY_CARE&percentile=100", "percentile");
    refused("/api/v1/needs/unmet?category=ELDERLY_CARE&percentile=high", "percentile");
    refused("/api/v1/needs/cases?category=ELDERLY_CARE", "area");
    refused("/api/v1/needs/cases?area=999999999999999", "area");
    refused("/api/v1/needs/cases?area=" + grid(1).code() + "&limit=0", "limit");
    refused("/api/v1/needs/cases?area=" + grid(1).code() + "&cursor=%21%21", "cursor");
  }

  void refused(String url, String field) {
    Http.Response r = http.get(url, PLANNER);
    assertThat(r.status()).as(url + " " + r.body()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().at("/errors/0/field").asString()).as(url).isEqualTo(field);
  }

  @Test
  void aBadRecordedNeedIsRefusedNamingTheFieldAndNothingIsStored() {
    int before = jdbc.queryForObject("SELECT count(*) FROM need_record", Integer.class);
    String grid = grid(2).code();
    String ok = "\"area\":\"" + grid + "\",\"category\":\"ELDERLY_CARE\",\"source\":\"SURVEY\",\"description\":\"问卷（合成）\"";
    refusedBody("{\"area\":\"999999999999999\",\"category\":\"ELDERLY_CARE\",\"source\":\"SURVEY\",\"description\":\"x\"}", 422, "area");
    refusedBody("{\"area\":\"" + grid + "\",\"category\":\"NOPE\",\"source\":\"SURVEY\",\"description\":\"x\"}", 422, "category");
    refusedBody("{\"area\":\"" + grid + "\",\"category\":\"ELDERLY_CARE\",\"source\":\"SURVEY\",\"description\":\"  \"}", 400, "description");
    refusedBody("{\"area\":\"" + grid + "\",\"category\":\"ELDERLY_CARE\",\"source\":\"SURVEY\",\"description\":\""
        + "长".repeat(2001) + "\"}", 400, "description");
    refusedBody("{" + ok + ",\"evidence\":\"" + "x".repeat(2001) + "\"}", 400, "evidence");
    refusedBody("{" + ok + ",\"residentsAffected\":\"many\"}", 400, "residentsAffected");
    refusedBody("{" + ok + ",\"residentsAffected\":-1}", 400, "residentsAffected");
    refusedBody("{\"area\":\"" + grid + "\",\"category\":\"ELDERLY_CARE\",\"source\":\"RUMOUR\",\"description\":\"x\"}", 400, "source");
    refusedBody("{\"area\":" + grid + ",\"category\":\"ELDERLY_CARE\",\"source\":\"SURVEY\",\"description\":[\"x\"]}", 400, "description");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM need_record", Integer.class)).isEqualTo(before);
  }

  void refusedBody(String body, int status, String field) {
    Http.Response r = http.postJson("/api/v1/needs/recorded", body, PLANNER);
    assertThat(r.status()).as(body.length() > 200 ? field : body + " " + r.body()).isEqualTo(status);
    List<String> fields = new ArrayList<>();
    r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields).as(r.body().length() > 400 ? r.body().substring(0, 400) : r.body()).contains(field);
  }

  @Test
  void onlyStaffFundersAndReviewersReadNeedsAndResidentsRecordNone() {
    assertThat(http.get("/api/v1/needs").status()).isEqualTo(401);
    assertThat(http.get("/api/v1/needs/unmet?category=ELDERLY_CARE").status()).isEqualTo(401);
    assertThat(http.get("/api/v1/needs", RESIDENT).status()).isEqualTo(403);
    assertThat(http.get("/api/v1/needs/cases?area=" + grid(1).code(), RESIDENT).status()).isEqualTo(403);
    assertThat(http.get("/api/v1/needs/recorded", RESIDENT).status()).isEqualTo(403);
    for (String[] who : List.of(PLANNER, FUNDER, REVIEWER, ADMIN)) assertThat(http.get("/api/v1/needs?level=subdistrict", who).status()).isEqualTo(200);
    int before = jdbc.queryForObject("SELECT count(*) FROM need_record", Integer.class);
    String body = "{\"area\":\"" + grid(1).code() + "\",\"category\":\"ELDERLY_CARE\",\"source\":\"VISIT\",\"description\":\"走访（合成）\"}";
    assertThat(http.postJson("/api/v1/needs/recorded", body, REVIEWER).status()).isEqualTo(403);
    assertThat(http.postJson("/api/v1/needs/recorded", body, RESIDENT).status()).isEqualTo(403);
    assertThat(http.postJson("/api/v1/needs/recorded", body).status()).isEqualTo(401);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM need_record", Integer.class)).isEqualTo(before);
    assertThat(http.postJson("/api/v1/needs/recorded", body, FUNDER).status()).isEqualTo(201);
  }

  @Test
  void theOgcCollectionsCarryTheSameFiguresAsTheApiForStaffOnly() {
    String query = "level=community&category=ELDERLY_CARE";
    Map<String, JsonNode> api = byCode(http.get("/api/v1/needs?" + query, PLANNER).json());
    Http.Response r = http.get("/ogcapi/collections/needs/items?" + query + "&limit=10000&f=json", PLANNER);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode features = r.json().get("features");
    assertThat(features.size()).isEqualTo(api.size());
    for (JsonNode f : features) {
      JsonNode a = api.get(f.get("id").asString());
      assertThat(f.at("/properties/count").asLong()).isEqualTo(a.get("count").asLong());
      assertThat(f.at("/properties/rate").decimalValue()).isEqualByComparingTo(a.get("rate").decimalValue());
      assertThat(f.at("/geometry/type").asString()).isEqualTo("MultiPolygon");
    }

    String unmet = "category=ELDERLY_CARE&percentile=70";
    Set<String> apiUnmet = byCode(http.get("/api/v1/needs/unmet?" + unmet, FUNDER).json()).keySet();
    Http.Response u = http.get("/ogcapi/collections/unmet-demand/items?" + unmet + "&limit=10000&f=json", FUNDER);
    assertThat(u.status()).as(u.body()).isEqualTo(200);
    Set<String> ogcUnmet = new HashSet<>();
    u.json().get("features").forEach(f -> ogcUnmet.add(f.get("id").asString()));
    assertThat(ogcUnmet).isEqualTo(apiUnmet);

    Http.Response bad = http.get("/ogcapi/collections/unmet-demand/items?f=json", PLANNER);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/errors/0/field").asString()).isEqualTo("category");
    assertThat(http.get("/ogcapi/collections/needs/items?f=json").status()).isEqualTo(401);
    assertThat(http.get("/ogcapi/collections/needs/items?f=json", RESIDENT).status()).isIn(403, 404);
  }
}
