package org.gridwatch.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Function;

/**
 * Tile versions computed from one immutable state of a source (one catalog load, one camera index, one reading of
 * the case counts), kept with that state and dropped with it. A tile's version is then computed once per state
 * instead of once per request: at city scale a zoomed-out tile touches thousands of areas or buildings, and its
 * digest would otherwise cost about as much as a drawing that the byte cache already saves. Bounded by count.
 */
final class VersionMemo {
  static final int KEPT = 20_000;
  private final Cache<TileAddress, String> kept = Caffeine.newBuilder().maximumSize(KEPT).build();

  String get(TileAddress tile, Function<TileAddress, String> compute) { return kept.get(tile, compute); }
}
