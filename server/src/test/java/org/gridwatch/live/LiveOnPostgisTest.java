package org.gridwatch.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridwatch.GridwatchApplication;
import org.gridwatch.support.Http;
import org.gridwatch.support.OnPostgis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

@OnPostgis
class LiveOnPostgisTest extends LiveContract {

  /** Two server instances on one PostGIS: a case reported on one reaches an operator connected to the other. */
  @Test
  void eventsCrossInstancesThroughPostgres() throws Exception {
    try (ConfigurableApplicationContext second = new SpringApplicationBuilder(GridwatchApplication.class)
        .profiles("test-postgis").run("--server.port=0", "--spring.main.banner-mode=off")) {
      int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
      try (LiveStream onSecond = new LiveStream(secondPort, operator())) {
        onSecond.awaitConnected();
        String id = new Http(port).postJson("/api/v1/incidents", REPORT).json().get("id").asString();
        assertThat(onSecond.awaitEventFor(id, "REPORTED", 10)).as("event on the other instance").isNotNull();
      }
    }
  }
}
