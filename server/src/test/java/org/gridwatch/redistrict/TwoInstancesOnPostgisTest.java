package org.gridwatch.redistrict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.gridwatch.GridwatchApplication;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.support.Http;
import org.gridwatch.support.OnPostgis;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * Two server instances on one PostGIS database: when a planner's reshape returns from one instance, the other
 * already places points by the new outlines (its locator was reloaded before the answer went out).
 */
@OnPostgis
@TestPropertySource(properties = "spring.datasource.url=${GRIDWATCH_TEST_PG_EDIT_URL:jdbc:postgresql://localhost:5432/gridwatch_edit_test}")
class TwoInstancesOnPostgisTest {
  @Autowired AreaCatalog areas;
  @Autowired Environment env;
  @LocalServerPort int port;

  @Test
  void anEditCommittedOnOneInstanceIsInTheOtherInstancesLocatorWhenTheCommitReturns() {
    try (ConfigurableApplicationContext other = new SpringApplicationBuilder(GridwatchApplication.class)
        .profiles("test-postgis").run("--server.port=0", "--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
            "--gridwatch.test.clean-database=false", "--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
      int otherPort = Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
      Http here = new Http(port), there = new Http(otherPort);
      String[] planner = Http.basic("planner", TestEnvironment.DEMO_PASSWORD);
      for (int round = 0; round < 3; round++) {
        AreaView g = areas.now().level(AreaLevel.GRID).get(120 + 40 * round);
        AreaView n = areas.now().children(g.parentCode()).stream()
            .filter(x -> !x.code().equals(g.code()) && x.boundary().intersection(g.boundary()).getLength() > 0.0005).findFirst().orElseThrow();
        Geometry strip = Reshape.overlay(n.boundary(), g.boundary().buffer(0.0003), OverlayNG.INTERSECTION);
        Point taken = strip.getInteriorPoint();
        String locate = String.format(Locale.ROOT, "/api/v1/locate?lon=%.7f&lat=%.7f", taken.getX(), taken.getY());
        assertThat(there.get(locate).json().get("grid").get("code").asString()).isEqualTo(n.code());
        Geometry grown = Reshape.overlay(g.boundary(), strip, OverlayNG.UNION);
        Http.Response r = here.postJson("/api/v1/areas/" + g.code() + "/reshape?confirm=true", GeoJson.toJson(grown), planner);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(there.get(locate).json().get("grid").get("code").asString())
            .as("the other instance, asked as soon as the commit returned").isEqualTo(g.code());
      }
    }
  }
}
