package org.gridwatch.redistrict;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridwatch.area.AreaCatalog;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** What every redistricting contract works with: the catalog, the database, and an HTTP client signed in as planner. */
abstract class PlannerContract {
  @Autowired AreaCatalog areas;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;
  Http http;
  String[] planner;

  @BeforeEach
  void client() {
    http = new Http(port);
    planner = Http.basic("planner", TestEnvironment.DEMO_PASSWORD);
  }

  /** A 400 problem whose first error names {@code field}. */
  static void assertField(Http.Response r, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("errors").get(0).get("field").asString()).as(r.body()).isEqualTo(field);
  }
}
