package org.gridwatch.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.CompoundView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What the governance contracts share: accounts, today in the district's zone, and areas where no active body of a
 * kind serves yet (other tests and the demo add bodies to the same database; a test takes a free slot or, where none
 * is left, checks the refusal instead).
 */
abstract class GovernanceFixtures {
  static final String[] ADMIN = Http.basic("admin", TestEnvironment.DEMO_PASSWORD);
  static final String[] COMMUNITY = Http.basic("community", TestEnvironment.DEMO_PASSWORD);
  static final String[] PLANNER = Http.basic("planner", TestEnvironment.DEMO_PASSWORD);
  static final String[] RESIDENT = Http.basic("resident", TestEnvironment.DEMO_PASSWORD);

  @LocalServerPort int port;
  @Autowired AreaCatalog catalog;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired DistrictProfile district;
  @Autowired Bodies bodies;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  LocalDate today() { return LocalDate.now(clock.withZone(district.timeZone())); }

  String unitOf(String[] account) { return http.get("/api/v1/me", account).json().at("/person/unitCode").asString(); }

  static String unique(String prefix) { return prefix + "（测试）" + UUID.randomUUID().toString().substring(0, 8); }

  static String newPhone() { return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)); }

  List<AreaView> gridsOf(String community) {
    return catalog.now().children(community).stream().filter(g -> g.level() == AreaLevel.GRID).toList();
  }

  String communityOutside(String community) {
    return catalog.now().level(AreaLevel.COMMUNITY).stream().map(AreaView::code).filter(c -> !c.equals(community)).findFirst().orElseThrow();
  }

  /** Whether no body of the kind serves the area today or later (one dissolved today still serves today). */
  boolean free(String kind, String areaKind, String area) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM body WHERE kind = ? AND area_kind = ? AND area_code = ?"
        + " AND (dissolved_on IS NULL OR dissolved_on >= ?)", Integer.class, kind, areaKind, area, sql(today())) == 0;
  }

  /** A grid of the community where no active body of the kind serves (the test then constitutes one there). */
  String freeGrid(String kind, String community) {
    return gridsOf(community).stream().map(AreaView::code).filter(g -> free(kind, "GRID", g)).findFirst()
        .orElseThrow(() -> new AssertionError("no grid of " + community + " without a " + kind));
  }

  CompoundView freeCompound(String kind) {
    return catalog.now().compounds().stream().filter(c -> c.grid() != null && free(kind, "COMPOUND", c.name())).findFirst()
        .orElseThrow(() -> new AssertionError("no compound without a " + kind));
  }

  String bodyJson(String kind, String name, String areaKind, String area, Long parent, String extra) {
    return "{\"kind\":\"%s\",\"name\":\"%s\",\"areaKind\":\"%s\",\"area\":\"%s\"%s%s}".formatted(kind, name, areaKind, area,
        parent == null ? "" : ",\"parent\":" + parent, extra);
  }

  long constitute(String[] who, String kind, String areaKind, String area, Long parent, String extra) {
    Http.Response r = http.postJson("/api/v1/bodies", bodyJson(kind, unique(kind), areaKind, area, parent, extra), who);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  /** The community's active party committee: the one serving it, or one constituted now. */
  long committeeOf(String community) {
    JsonNode list = http.get("/api/v1/bodies?kind=PARTY_COMMITTEE&community=" + community, ADMIN).json();
    if (!list.isEmpty()) return list.get(0).get("id").asLong();
    return constitute(ADMIN, "PARTY_COMMITTEE", "COMMUNITY", community, null, "");
  }

  long addMember(long body, String json) {
    Http.Response r = http.postJson("/api/v1/bodies/" + body + "/members", json, ADMIN);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  int count(String table) { return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class); }

  static List<String> fields(Http.Response r) { return r.json().findValues("field").stream().map(JsonNode::asString).toList(); }

  static Date sql(LocalDate d) { return Date.valueOf(d); }
}
