package org.gridwatch.area;

import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

/**
 * A building as it is now, with the grid that holds it ({@code gridCode} null outside every grid). {@code footprint},
 * {@code compound} and {@code address} are null where the district gave none.
 */
public record BuildingView(String code, String name, Point location, int households, int residents,
    boolean synthetic, String gridCode, MultiPolygon footprint, String compound, String address) {

  /** A building known by its point only. */
  public BuildingView(String code, String name, Point location, int households, int residents, boolean synthetic,
      String gridCode) {
    this(code, name, location, households, residents, synthetic, gridCode, null, null, null);
  }
}
