package org.gridwatch.ogcapi;

import java.util.List;
import java.util.function.Function;

/**
 * The items last rendered from one source value, reused while the source hands back an equal value (a version
 * number, a moment, or the very list a source keeps until something changes), so repeated reads render nothing.
 */
final class LastRendered<T> {
  private record Entry<T>(T source, List<FeatureItem> items) {}

  private final Function<T, List<FeatureItem>> render;
  private volatile Entry<T> last;

  LastRendered(Function<T, List<FeatureItem>> render) { this.render = render; }

  List<FeatureItem> of(T source) {
    Entry<T> e = last;
    if (e == null || !java.util.Objects.equals(e.source(), source)) {
      e = new Entry<>(source, render.apply(source));
      last = e;
    }
    return e.items();
  }
}
