package org.gridwatch.ogcapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * The items last rendered from one source value, reused while the source hands back an equal value (a version
 * number, a moment, or the very list a source keeps until something changes), so repeated reads render nothing.
 * Keeps the last {@code kept} renderings, so that going back and forth between a few sources (time windows of the
 * planning view) renders nothing either. Lists are matched by identity: a source keeps the list it handed out.
 */
final class LastRendered<T> {
  private record Entry<T>(T source, List<FeatureItem> items) {}

  private final Function<T, List<FeatureItem>> render;
  private final int kept;
  private final Deque<Entry<T>> last = new ArrayDeque<>(); // newest first, guarded by itself

  LastRendered(Function<T, List<FeatureItem>> render) { this(render, 1); }

  LastRendered(Function<T, List<FeatureItem>> render, int kept) {
    this.render = render;
    this.kept = kept;
  }

  List<FeatureItem> of(T source) {
    synchronized (last) {
      for (Entry<T> e : last) if (same(e.source(), source)) return e.items();
    }
    Entry<T> e = new Entry<>(source, render.apply(source));
    synchronized (last) {
      last.addFirst(e);
      while (last.size() > kept) last.removeLast();
    }
    return e.items();
  }

  private static boolean same(Object a, Object b) { return a instanceof List<?> ? a == b : java.util.Objects.equals(a, b); }
}
