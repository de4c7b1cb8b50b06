package org.gridwatch.tiles;

/** Draws one tile of a layer as Mapbox Vector Tile bytes (setting {@code gridwatch.tiles.encoder}). */
interface TileEncoder {
  /** Short name, part of every ETag (two encoders' bytes differ, so must their tags). */
  String name();

  /** The tile's bytes, or null when no feature is in it. */
  byte[] encode(TileLayer layer, TileAddress tile);
}
