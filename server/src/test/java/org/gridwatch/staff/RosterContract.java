package org.gridwatch.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The demo roster (一员一警两队) as stored, with its few visible gaps, and who may see it. */
abstract class RosterContract {
  /** The grid the demo accounts work around (the demo roster links them there). */
  static final String DEMO_GRID = "370203014001001";
  @Autowired JdbcTemplate jdbc;
  @Autowired AreaCatalog areas;
  @Autowired Roster roster;
  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  @Test
  void everyGridHasItsRosterExceptAFewRealisticGaps() {
    int grids = areas.now().level(AreaLevel.GRID).size();
    Map<String, Integer> filled = new HashMap<>();
    jdbc.query("select slot, count(*) from grid_assignment where valid_to is null group by slot",
        rs -> { filled.put(rs.getString(1), rs.getInt(2)); });
    for (Slot slot : Slot.values()) {
      int n = filled.getOrDefault(slot.name(), 0);
      assertThat(n).as(slot.name()).isLessThan(grids).isGreaterThan((int) (grids * 0.95));
    }
    Integer twice = jdbc.queryForObject("select count(*) from (select grid_code, slot from grid_assignment "
        + "where valid_to is null group by grid_code, slot having count(*) > 1) x", Integer.class);
    assertThat(twice).as("a slot filled twice").isZero();
    Integer busiestOfficer = jdbc.queryForObject("select max(n) from (select person_id, count(*) as n from grid_assignment "
        + "where slot = 'POLICE_OFFICER' and valid_to is null group by person_id) x", Integer.class);
    assertThat(busiestOfficer).isBetween(2, 3);
    assertThat(roster.gaps()).isNotEmpty().hasSizeLessThan(grids / 10);
  }

  @Test
  void theDemoGridWorkerActsOnTheirOwnGrid() {
    Roster.Scope scope = roster.scopeOf("gridworker").orElseThrow();
    assertThat(scope.duty()).isEqualTo(Duty.GRID_MEMBER);
    assertThat(scope.grids()).containsExactly(DEMO_GRID);
    assertThat(roster.scopeOf("police").orElseThrow().grids()).contains(DEMO_GRID).hasSizeBetween(1, 3);
    assertThat(roster.scopeOf("community").orElseThrow().unitCode()).isEqualTo(DEMO_GRID.substring(0, 12));
    assertThat(roster.scopeOf("operator")).isEmpty();
  }

  @Test
  void theRosterIsForSignedInUsersAndNeverShowsPhoneNumbers() {
    assertThat(http.get("/api/v1/grids/" + DEMO_GRID + "/roster").status()).isEqualTo(401);
    String[] operator = Http.basic("operator", TestEnvironment.DEMO_PASSWORD);
    Http.Response r = http.get("/api/v1/grids/" + DEMO_GRID + "/roster", operator);
    assertThat(r.status()).isEqualTo(200);
    JsonNode body = r.json();
    String member = jdbc.queryForObject("select p.name from grid_assignment a join person p on p.id = a.person_id "
        + "where a.grid_code = ? and a.slot = 'GRID_MEMBER' and a.valid_to is null", String.class, DEMO_GRID);
    assertThat(body.at("/gridMember/name").asString()).isEqualTo(member);
    List<String> phones = jdbc.queryForList("select phone from person where phone is not null", String.class);
    assertThat(phones).isNotEmpty();
    phones.subList(0, 50).forEach(p -> assertThat(r.body()).doesNotContain(p));
    JsonNode gaps = http.get("/api/v1/roster/gaps", operator).json();
    assertThat(gaps.get("incomplete").asInt()).isEqualTo(roster.gaps().size());
    assertThat(http.get("/api/v1/grids/370203999999999/roster", operator).status()).isEqualTo(404);
  }
}
