package org.gridwatch.tiles;

import java.util.function.Function;
import org.gridwatch.area.AreaCatalog;

/**
 * Something built from one load of the area catalog (an index, a version), rebuilt once when the catalog reloads and
 * shared by every request until then.
 */
final class PerCatalogLoad<T> {
  private record Built<T>(long generation, T value) {}

  private final AreaCatalog catalog;
  private final Function<AreaCatalog.Snapshot, T> build;
  private volatile Built<T> built;

  PerCatalogLoad(AreaCatalog catalog, Function<AreaCatalog.Snapshot, T> build) {
    this.catalog = catalog;
    this.build = build;
  }

  T get() {
    AreaCatalog.Snapshot now = catalog.now();
    Built<T> b = built;
    if (b != null && b.generation() == now.generation()) return b.value();
    synchronized (this) {
      b = built;
      if (b != null && b.generation() == now.generation()) return b.value();
      built = b = new Built<>(now.generation(), build.apply(now));
      return b.value();
    }
  }
}
