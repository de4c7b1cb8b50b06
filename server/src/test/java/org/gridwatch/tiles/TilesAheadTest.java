package org.gridwatch.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The catalog's tile sets are built ahead once the server is ready and after every later catalog load, never during
 * start-up, and not for tile sets drawn from elsewhere (cases, cameras, coverage).
 */
class TilesAheadTest {
  private final ConcurrentLinkedQueue<TileLayer> built = new ConcurrentLinkedQueue<>();
  private volatile CountDownLatch expected = new CountDownLatch(0);
  private final TileSource source = new TileSource() {
    @Override
    public Set<TileLayer> layers() { return Set.of(TileLayer.GRIDS, TileLayer.BUILDINGS, TileLayer.CASES); }

    @Override
    public List<MvtLayerContent> features(TileLayer layer, TileAddress tile) { return List.of(); }

    @Override
    public String version(TileLayer layer, TileAddress tile) { return "v"; }

    @Override
    public long sequence(TileLayer layer) {
      built.add(layer);
      expected.countDown();
      return 1;
    }
  };
  private final TilesAhead ahead = new TilesAhead(new TileSources(List.of(source)));

  @AfterEach
  void stop() { ahead.stop(); }

  @Test
  void buildsTheCatalogTileSetsOnceReadyAndAfterEveryLaterLoadButNotDuringStartUp() throws Exception {
    ahead.loaded(); // a load during start-up
    Thread.sleep(200);
    assertThat(built).as("nothing is built before the server is ready").isEmpty();

    expected = new CountDownLatch(2);
    ahead.ready();
    assertThat(expected.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(built).containsExactlyInAnyOrder(TileLayer.GRIDS, TileLayer.BUILDINGS);
    built.clear();
    assertThat(ahead.buildNow()).as("what it names").isEqualTo("grids, buildings");

    built.clear();
    expected = new CountDownLatch(2);
    ahead.loaded(); // a boundary commit reloaded the catalog
    assertThat(expected.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(built).as("built again for the new load; cases are not drawn from the catalog")
        .containsExactlyInAnyOrder(TileLayer.GRIDS, TileLayer.BUILDINGS);
  }
}
