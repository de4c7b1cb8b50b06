package org.gridwatch.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 10: two reloads of the catalog that overlap (a boundary commit's reload on this instance and one for a
 * notification from another, say) must leave the newer catalog in place, whichever finishes last. Edits a grid, so
 * it runs on the database of the irreversible edits.
 */
abstract class CatalogReloadContract {
  @Autowired AreaCatalog areas;
  @Autowired AreaVersionRepository versions;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired CompoundRepository compounds;
  @Autowired DistrictProfile district;
  @LocalServerPort int port;

  @Test
  void anOlderReloadThatFinishesLastNeverReplacesTheNewerCatalog() throws Exception {
    AreaView g = areas.now().level(AreaLevel.GRID).get(1085);
    AreaView community = areas.now().find(g.parentCode()).orElseThrow();
    CountDownLatch olderHasReadTheAreas = new CountDownLatch(1), release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    // The first reload reads the areas, then waits here (it reads the buildings next) until the newer one is in.
    BuildingRows slowFirst = new BuildingRows(jdbc) {
      @Override
      java.util.List<BuildingView> placed(java.util.function.Function<org.locationtech.jts.geom.Point, String> gridOf) {
        if (calls.getAndIncrement() == 0) {
          olderHasReadTheAreas.countDown();
          try {
            release.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return super.placed(gridOf);
      }
    };
    AreaCatalog catalog = new AreaCatalog(versions, slowFirst, compounds, district);
    var pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> older = pool.submit(catalog::reload);
      assertThat(olderHasReadTheAreas.await(60, TimeUnit.SECONDS)).isTrue();

      String grown = org.gridwatch.geo.GeoJson.toJson(g.boundary().buffer(0.0002).intersection(community.boundary()));
      Http.Response r = new Http(port).postJson("/api/v1/areas/" + g.code() + "/reshape?confirm=true", grown,
          Http.basic("planner", TestEnvironment.DEMO_PASSWORD));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      String edited = areas.now().find(g.code()).orElseThrow().etag();
      assertThat(edited).isNotEqualTo(g.etag());

      catalog.reload(); // the newer reload: it sees the edit
      assertThat(catalog.now().find(g.code()).orElseThrow().etag()).isEqualTo(edited);
      release.countDown();
      older.get(60, TimeUnit.SECONDS);
      assertThat(catalog.now().find(g.code()).orElseThrow().etag()).as("the older reload finished last and must not win")
          .isEqualTo(edited);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }
}
