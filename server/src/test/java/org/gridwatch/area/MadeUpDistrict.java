package org.gridwatch.area;

import java.time.Instant;
import java.util.List;
import org.gridwatch.area.HierarchyData.AreaFeature;
import org.gridwatch.geo.Geometries;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.context.ApplicationContext;

/**
 * A small district made up for tests of a deployment that is not the demo, near 108.93°E 34.23°N (the CGCS2000
 * Gauss–Krüger zone of CM 108°E, EPSG:4545 / zone-prefixed EPSG:4525), without buildings:
 *
 * <pre>
 *   district 610188          108.90–108.96 E, 34.20–34.26 N
 *    └ subdistrict 610188001 the same square
 *       ├ community 610188001001   108.90–108.93 E
 *       │  ├ grid 610188001001001  108.900–108.915 E
 *       │  └ grid 610188001001002  108.915–108.930 E
 *       └ community 610188001002   108.93–108.96 E
 *          └ grid 610188001002001  the community
 * </pre>
 *
 * Imported the way a district's own hierarchy is ({@link HierarchyImport}), then the catalog reloads.
 */
public final class MadeUpDistrict {
  public static final String DISTRICT = "610188", SUBDISTRICT = "610188001";
  public static final String WEST = "610188001001", EAST = "610188001002";
  public static final String GRID_WEST_1 = "610188001001001", GRID_WEST_2 = "610188001001002", GRID_EAST = "610188001002001";

  private MadeUpDistrict() {}

  /** Imports the district once into the context's (empty) database. */
  public static synchronized void load(ApplicationContext context) {
    HierarchyImport importer = context.getBean(HierarchyImport.class);
    if (importer.alreadyImported("made-up-district")) return;
    List<AreaFeature> areas = List.of(
        area(DISTRICT, AreaLevel.DISTRICT, "测试区", null, 108.90, 108.96),
        area(SUBDISTRICT, AreaLevel.SUBDISTRICT, "测试街道", DISTRICT, 108.90, 108.96),
        area(WEST, AreaLevel.COMMUNITY, "西社区", SUBDISTRICT, 108.90, 108.93),
        area(EAST, AreaLevel.COMMUNITY, "东社区", SUBDISTRICT, 108.93, 108.96),
        area(GRID_WEST_1, AreaLevel.GRID, "西一网格", WEST, 108.90, 108.915),
        area(GRID_WEST_2, AreaLevel.GRID, "西二网格", WEST, 108.915, 108.93),
        area(GRID_EAST, AreaLevel.GRID, "东网格", EAST, 108.93, 108.96));
    importer.importDataset("made-up-district", new HierarchyData(areas, List.of(), Instant.parse("2026-01-01T00:00:00Z")));
    context.getBean(AreaCatalog.class).reload();
  }

  private static AreaFeature area(String code, AreaLevel level, String name, String parent, double west, double east) {
    Geometry box = Geometries.FACTORY.toGeometry(new Envelope(west, east, 34.20, 34.26));
    return new AreaFeature(code, level, name, null, parent, level == AreaLevel.GRID ? "residential" : null, false, box);
  }
}
