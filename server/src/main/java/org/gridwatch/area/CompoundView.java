package org.gridwatch.area;

import java.util.List;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * A compound (小区) as it is now, a first-class area below the grid: its outline ({@code derived} when computed from
 * its buildings rather than given), how many buildings, households and residents it holds, the grids those
 * buildings lie in (code order), and {@code grid}, the one grid it belongs to: the grid its outline overlaps most
 * (null outside every grid).
 */
public record CompoundView(String name, MultiPolygon outline, boolean derived, int buildings, int households,
    int residents, List<String> gridCodes, String grid) {

  /** Whether the compound's outline holds the WGS84 point (its boundary included). */
  public boolean holds(double lon, double lat) {
    return outline.getEnvelopeInternal().contains(lon, lat)
        && outline.covers(outline.getFactory().createPoint(new org.locationtech.jts.geom.Coordinate(lon, lat)));
  }
}
