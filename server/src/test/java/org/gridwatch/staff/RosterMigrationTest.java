package org.gridwatch.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V13_1 on a roster written before it: the four old slots become their role types (a grid member a full-time grid
 * member, a police officer a community police officer, the teams their team roles), with dates kept — on both stores.
 */
class RosterMigrationTest {
  @Test
  void oldSlotsBecomeRoleTypesOnH2() {
    // One connection held open throughout: the in-memory database must outlive Flyway's connections.
    var ds = new org.springframework.jdbc.datasource.SingleConnectionDataSource("jdbc:h2:mem:roster-migration;DB_CLOSE_DELAY=-1", "sa", "", true);
    try {
      check(ds, "classpath:db/migration/h2", null);
    } finally {
      ds.destroy();
    }
  }

  @Test
  @EnabledIf("org.gridwatch.support.TestEnvironment#postgisAvailable")
  void oldSlotsBecomeRoleTypesOnPostgis() {
    String url = System.getenv().getOrDefault("GRIDWATCH_TEST_PG_URL", "jdbc:postgresql://localhost:5432/gridwatch_test");
    String schema = "roster_migration";
    check(new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public",
        System.getenv().getOrDefault("GRIDWATCH_TEST_PG_USER", "gridwatch"), System.getenv().getOrDefault("GRIDWATCH_TEST_PG_PASSWORD", "")),
        "classpath:db/migration/postgresql", schema);
    assertThat(TestEnvironment.postgisAvailable()).isTrue();
  }

  private static void check(javax.sql.DataSource ds, String location, String schema) {
    var before = Flyway.configure().dataSource(ds).locations(location).cleanDisabled(false).target("11");
    if (schema != null) {
      before.schemas(schema).defaultSchema(schema);
      before.load().clean(); // PostGIS: the schema may be left from a previous run (H2: a fresh in-memory database)
    }
    before.load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    jdbc.update("insert into area (id, code, level, name, synthetic, created_at) values (1, '990101001001001', 'GRID', 'g', false, current_timestamp)");
    jdbc.update("insert into person (id, code, name, duty, unit_code, synthetic) values (1, 'M', 'member', 'GRID_MEMBER', 'c', false)");
    jdbc.update("insert into person (id, code, name, duty, unit_code, synthetic) values (2, 'P', 'officer', 'POLICE_OFFICER', 'c', false)");
    jdbc.update("insert into team (id, code, name, kind, unit_code, synthetic) values (1, 'TP', 'patrol', 'PATROL', 'c', false)");
    jdbc.update("insert into team (id, code, name, kind, unit_code, synthetic) values (2, 'TV', 'volunteers', 'VOLUNTEER', 'c', false)");
    String insert = "insert into grid_assignment (id, grid_code, slot, person_id, team_id, valid_from, valid_to) values (?, '990101001001001', ?, ?, ?, "
        + "timestamp '2024-01-01 00:00:00', ?)";
    jdbc.update(insert, 1, "GRID_MEMBER", 1, null, null);
    jdbc.update(insert, 2, "POLICE_OFFICER", 2, null, null);
    jdbc.update(insert, 3, "PATROL_TEAM", null, 1, null);
    jdbc.update(insert, 4, "VOLUNTEER_TEAM", null, 2, null);
    jdbc.update(insert, 5, "GRID_MEMBER", 2, null, java.sql.Timestamp.valueOf("2024-06-01 00:00:00"));

    var after = Flyway.configure().dataSource(ds).locations(location).target("13.1");
    if (schema != null) after.schemas(schema).defaultSchema(schema);
    after.load().migrate();
    List<Map<String, Object>> rows = jdbc.queryForList("select id, role, person_id, team_id, valid_to from grid_assignment order by id");
    assertThat(rows).extracting(r -> r.get("ROLE") != null ? r.get("ROLE") : r.get("role"))
        .containsExactly("FULL_TIME_MEMBER", "COMMUNITY_OFFICER", "PATROL_TEAM", "VOLUNTEER_TEAM", "FULL_TIME_MEMBER");
    assertThat(jdbc.queryForObject("select count(*) from grid_assignment where valid_to is not null", Integer.class)).isEqualTo(1);
    // A person serving as a member of a team is now allowed; a team in a role that is not a team's is not.
    jdbc.update(insert.replace("slot", "role"), 6, "PATROL_TEAM", 1, 1, null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(insert.replace("slot", "role"), 7, "FULL_TIME_MEMBER", 1, 1, null))
        .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
  }
}
