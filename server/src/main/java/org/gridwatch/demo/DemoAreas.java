package org.gridwatch.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.HierarchyData;
import org.gridwatch.area.HierarchyImport;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's first step: the bundled Shibei hierarchy and its buildings ({@link DemoDataset}) imported once into an
 * empty database (its {@code dataset_import} marker says so afterwards), then the catalog reloaded so the next steps
 * see it. Areas and buildings go in together: the areas' households are summed from the buildings inside.
 */
@Component
@DemoDataEnabled
class DemoAreas {
  private final HierarchyImport importer;
  private final AreaCatalog catalog;
  private final JsonMapper json;

  DemoAreas(HierarchyImport importer, AreaCatalog catalog, JsonMapper json) {
    this.importer = importer;
    this.catalog = catalog;
    this.json = json;
  }

  String seed() {
    if (importer.alreadyImported(DemoDataset.NAME)) return "already imported";
    HierarchyData data;
    try {
      data = DemoDataset.load(json);
    } catch (IOException e) {
      throw new UncheckedIOException("the bundled demo dataset cannot be read", e);
    }
    importer.importDataset(DemoDataset.NAME, data);
    catalog.reload();
    return data.areas().size() + " areas, " + data.buildings().size() + " buildings";
  }
}
