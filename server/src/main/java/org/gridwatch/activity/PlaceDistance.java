package org.gridwatch.activity;

import net.sf.geographiclib.Geodesic;

/** Geodesic distance on the WGS84 ellipsoid (Karney's algorithm: exact to a few nanometres), in metres. */
final class PlaceDistance {
  private PlaceDistance() {}

  static double metres(double lon1, double lat1, double lon2, double lat2) {
    return Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2).s12;
  }
}
