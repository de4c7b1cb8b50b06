package org.gridwatch.tiles;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gridwatch.area.AreaCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds what the tile sets build once per catalog load (the spatial indexes and the TileJSON versions; on a city the
 * buildings' index over two million footprints takes tens of seconds) ahead of the first map that asks: once the
 * server is ready, and again after every later load (a boundary commit, another instance's reload), on a thread of its
 * own (as the OGC collections render ahead). Nothing waits for it; a tile asked for meanwhile builds or waits for the
 * same index itself. Loads during start-up are left alone: start-up is not made longer for a map that is not open yet.
 */
@Component
class TilesAhead {
  private static final Logger LOG = LoggerFactory.getLogger(TilesAhead.class);

  /** The tile sets drawn from the area catalog (their sources index it once per load: {@link PerCatalogLoad}). */
  private static final java.util.Set<TileLayer> FROM_THE_CATALOG =
      java.util.EnumSet.of(TileLayer.SUBDISTRICTS, TileLayer.COMMUNITIES, TileLayer.GRIDS, TileLayer.BUILDINGS);

  private final TileSources sources;
  private final AtomicBoolean ready = new AtomicBoolean();
  private final AtomicBoolean queued = new AtomicBoolean();
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "tile-sets-ahead");
    t.setDaemon(true);
    return t;
  });

  TilesAhead(TileSources sources) { this.sources = sources; }

  @EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
  void ready() {
    ready.set(true);
    buildAhead();
  }

  @EventListener(AreaCatalog.Loaded.class)
  void loaded() {
    if (ready.get()) buildAhead();
  }

  /** Queues one build (a load arriving while one is queued is covered by it: the build reads the newest load). */
  private void buildAhead() {
    if (!queued.compareAndSet(false, true)) return;
    thread.execute(() -> {
      queued.set(false);
      buildNow();
    });
  }

  /** Builds every catalog tile set now, in this thread: the names of those built. */
  String buildNow() {
    List<String> built = new ArrayList<>();
    for (TileLayer layer : FROM_THE_CATALOG) {
      if (!sources.serves(layer)) continue;
      try {
        sources.of(layer).sequence(layer);
        built.add(layer.path());
      } catch (RuntimeException e) { // an optimisation only: the first tile asked for builds it instead
        LOG.warn("building the {} tile set ahead failed", layer.path(), e);
      }
    }
    return String.join(", ", built);
  }

  @PreDestroy
  void stop() { thread.shutdownNow(); }
}
