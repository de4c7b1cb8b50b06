package org.gridwatch.redistrict;

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
}
