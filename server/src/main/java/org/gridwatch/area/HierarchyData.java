package org.gridwatch.area;

import java.time.Instant;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * A whole hierarchy with its buildings, in WGS84, as read from a file and before any check: what
 * {@link HierarchyImport} takes, whether it comes from the bundled demo or from a district's own delivery.
 *
 * @param validFrom when the boundaries take effect (the first version of every area)
 */
public record HierarchyData(List<AreaFeature> areas, List<BuildingFeature> buildings, Instant validFrom) {

  public record AreaFeature(String code, AreaLevel level, String name, String nameEn, String parentCode, String kind,
      boolean synthetic, Geometry boundary) {}

  public record BuildingFeature(String code, String name, Point location, int households, int residents,
      boolean synthetic) {}
}
