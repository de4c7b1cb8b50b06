package org.gridwatch.area;

import org.locationtech.jts.geom.Point;

/** A building as it is now, with the grid that holds it. */
public record BuildingView(String code, String name, Point location, int households, int residents,
    boolean synthetic, String gridCode) {}
