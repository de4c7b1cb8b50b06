package org.gridwatch.data;

/** A synthetic residential building (楼栋) of a compound (楼院): a point with households and residents. */
record Building(String compound, int number, double x, double y, int households, int residents) {
  double lon() { return LocalPlane.lon(x); }
  double lat() { return LocalPlane.lat(y); }
}
