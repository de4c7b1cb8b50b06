package org.gridwatch.area;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * At start-up: imports the bundled Shibei dataset into an empty database (unless
 * {@code gridwatch.demo-data.enabled=false}), then loads the catalog and its locator, listening for boundary
 * changes made by other instances from before the load on ({@link CatalogSync}). Health turns UP after.
 */
@Component
@Order(0)
class AreaStartup implements ApplicationRunner {
  private final HierarchyImport importer;
  private final AreaCatalog catalog;
  private final JsonMapper json;
  private final boolean demoData;
  private final CatalogSync sync;

  AreaStartup(HierarchyImport importer, AreaCatalog catalog, JsonMapper json, CatalogSync sync,
      @Value("${gridwatch.demo-data.enabled:true}") boolean demoData) {
    this.sync = sync;
    this.importer = importer;
    this.catalog = catalog;
    this.json = json;
    this.demoData = demoData;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    if (demoData && !importer.alreadyImported(DemoDataset.NAME)) {
      importer.importDataset(DemoDataset.NAME, DemoDataset.load(json));
    }
    long seen = sync.listenBeforeLoading();
    catalog.reload();
    sync.register(seen);
  }
}
