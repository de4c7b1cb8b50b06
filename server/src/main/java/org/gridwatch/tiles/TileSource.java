package org.gridwatch.tiles;

import java.util.List;
import java.util.Set;

/**
 * Where the features of some tile sets come from (one implementation per capability read).
 *
 * <p>{@link #version} is what the tile's strong ETag is made of: it must change whenever anything drawn in the tile
 * (buffer included) can have changed, and be the same on every server instance reading the same database, so it is
 * derived from stored data (versions, change times), never from a counter of one instance. It must be much cheaper
 * than drawing the tile: a revalidation answers 304 from it alone.
 */
public interface TileSource {
  Set<TileLayer> layers();

  /** The features touching the tile with its buffer, per MVT layer, in WGS84. */
  List<MvtLayerContent> features(TileLayer layer, TileAddress tile);

  /** A fingerprint of everything the tile is drawn from. */
  String version(TileLayer layer, TileAddress tile);

  /** The layer's change sequence: grows with every commit touching the layer (TileJSON version 1.0.N). */
  long sequence(TileLayer layer);
}
