package org.gridwatch.tiles;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The source of each tile set. */
@Component
class TileSources {
  private final Map<TileLayer, TileSource> byLayer = new EnumMap<>(TileLayer.class);

  TileSources(List<TileSource> sources) {
    for (TileSource s : sources) for (TileLayer l : s.layers()) byLayer.put(l, s);
  }

  boolean serves(TileLayer layer) { return byLayer.containsKey(layer); }

  TileSource of(TileLayer layer) {
    TileSource s = byLayer.get(layer);
    if (s == null) throw new IllegalStateException("no source for tile layer " + layer);
    return s;
  }
}
