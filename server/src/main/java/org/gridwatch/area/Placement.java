package org.gridwatch.area;

import org.gridwatch.geo.Crs;

/**
 * Where a point falls: the grid and its ancestors, from the in-memory locator.
 *
 * @param lon WGS84 longitude actually located (after converting from {@code crs})
 * @param lat WGS84 latitude actually located
 */
public record Placement(double inputLon, double inputLat, Crs crs, double lon, double lat, AreaView grid,
    AreaView community, AreaView subdistrict, AreaView district) {}
