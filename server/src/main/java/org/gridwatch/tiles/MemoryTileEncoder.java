package org.gridwatch.tiles;

/** Draws tiles in the JVM from the features the sources give (JTS geometry, mapbox-vector-tile-java). */
final class MemoryTileEncoder implements TileEncoder {
  private final TileSources sources;

  MemoryTileEncoder(TileSources sources) { this.sources = sources; }

  @Override
  public String name() { return "m"; }

  @Override
  public byte[] encode(TileLayer layer, TileAddress tile) {
    return MvtWriter.write(tile, sources.of(layer).features(layer, tile));
  }
}
