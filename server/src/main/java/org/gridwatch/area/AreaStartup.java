package org.gridwatch.area;

import org.springframework.stereotype.Component;

/**
 * The area part of start-up: loads the catalog and its locator, listening for boundary changes made by other
 * instances from before the load on ({@link CatalogSync}). Run by the start-up pipeline; an empty database gives an
 * empty catalog, ready to answer (nothing located) until a hierarchy is imported.
 */
@Component
public class AreaStartup {
  private final AreaCatalog catalog;
  private final CatalogSync sync;

  AreaStartup(AreaCatalog catalog, CatalogSync sync) {
    this.sync = sync;
    this.catalog = catalog;
  }

  /** Loads the catalog; answers what it holds, for the start-up log. */
  public String load() {
    long seen = sync.listenBeforeLoading();
    catalog.reload();
    sync.register(seen);
    return catalog.now().level(AreaLevel.GRID).size() + " grids";
  }
}
