package org.gridwatch.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Encoded tiles kept under their tag, bounded by bytes ({@code gridwatch.tiles.cache-bytes}, default 64MB; 0 keeps
 * nothing). The tag digests everything the tile is drawn from, so an entry is never stale: a changed source gives a
 * new tag, which misses, and the old entry ages out. Empty tiles are kept too (as nothing). Concurrent first requests
 * for one tile share one drawing. Thread-safe.
 */
@Component
class TileBytes {
  /** What an entry costs beside its bytes (key, tag, map node), roughly. */
  private static final int ENTRY_OVERHEAD = 160;
  private static final byte[] EMPTY = new byte[0];

  /** A tile as one tag names it. */
  private record Key(TileLayer layer, TileAddress tile, String etag) {}

  /** The tile's bytes (null when empty) and whether they were kept from an earlier request. */
  record Found(byte[] body, boolean kept) {}

  private final Cache<Key, byte[]> kept;

  TileBytes(@Value("${gridwatch.tiles.cache-bytes:64MB}") DataSize size) {
    this.kept = size.toBytes() <= 0 ? null : Caffeine.newBuilder().maximumWeight(size.toBytes())
        .weigher((Key k, byte[] v) -> v.length + ENTRY_OVERHEAD).build();
  }

  /** The kept bytes of the tile under this tag, else {@code draw}'s (then kept). */
  Found get(TileLayer layer, TileAddress tile, String etag, Supplier<byte[]> draw) {
    if (kept == null) return new Found(draw.get(), false);
    boolean[] drawn = {false};
    byte[] bytes = kept.get(new Key(layer, tile, etag), k -> {
      drawn[0] = true;
      byte[] b = draw.get();
      return b == null ? EMPTY : b;
    });
    return new Found(bytes.length == 0 ? null : bytes, !drawn[0]);
  }
}
