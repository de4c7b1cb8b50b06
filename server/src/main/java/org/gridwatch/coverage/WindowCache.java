package org.gridwatch.coverage;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * Values computed per key, at most {@code size} kept, the oldest made dropped first. Concurrent requests for the same
 * key share one computation: the first caller computes, the others wait for its answer (the planning page asks for a
 * window's figures and its gaps at the same moment). A computation that fails is not kept. Thread-safe.
 */
final class WindowCache<K, V> {
  private final int size;
  private final Map<K, CompletableFuture<V>> values = new ConcurrentHashMap<>();
  private final Queue<K> order = new ConcurrentLinkedQueue<>();

  WindowCache(int size) { this.size = size; }

  V get(K key, Function<K, V> compute) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> kept = values.putIfAbsent(key, mine);
    if (kept != null) return join(kept);
    order.add(key);
    while (order.size() > size) {
      K oldest = order.poll();
      if (oldest != null) values.remove(oldest);
    }
    try {
      mine.complete(compute.apply(key));
    } catch (RuntimeException | Error e) {
      values.remove(key, mine);
      mine.completeExceptionally(e);
      throw e;
    }
    return mine.join();
  }

  /** Forgets every value (the next reads compute again). */
  void clear() {
    values.clear();
    order.clear();
  }

  private static <V> V join(CompletableFuture<V> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw e;
    }
  }
}
