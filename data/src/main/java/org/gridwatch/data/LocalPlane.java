package org.gridwatch.data;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.jts.geom.CoordinateSequence;

/**
 * An affine local plane in metres around Shibei (equirectangular at 36.11°N).
 *
 * <p>The generator only needs distances and areas good to a fraction of a percent over 15 km, and an
 * affine map keeps straight cut lines straight in both directions, which a true projection would not.
 * The server measures official areas in EPSG:4549; this class is for generation only.
 */
final class LocalPlane {
  static final double LON0 = 120.36;
  static final double LAT0 = 36.11;
  static final double M_PER_DEG_LAT = 110_950.0;
  static final double M_PER_DEG_LON = 111_320.0 * Math.cos(Math.toRadians(LAT0));

  private LocalPlane() {}

  static double x(double lon) { return (lon - LON0) * M_PER_DEG_LON; }
  static double y(double lat) { return (lat - LAT0) * M_PER_DEG_LAT; }
  static double lon(double x) { return x / M_PER_DEG_LON + LON0; }
  static double lat(double y) { return y / M_PER_DEG_LAT + LAT0; }

  static Geometry toMetres(Geometry g) { return map(g, true); }
  static Geometry toDegrees(Geometry g) { return map(g, false); }

  /** Area in m² of a geometry given in degrees. */
  static double areaM2(Geometry degrees) { return degrees.getArea() * M_PER_DEG_LON * M_PER_DEG_LAT; }

  private static Geometry map(Geometry g, boolean forward) {
    return new GeometryTransformer() {
      @Override
      protected CoordinateSequence transformCoordinates(CoordinateSequence coords, Geometry parent) {
        CoordinateSequence out = coords.copy();
        for (int i = 0; i < out.size(); i++) {
          double a = out.getX(i), b = out.getY(i);
          out.setOrdinate(i, 0, forward ? x(a) : lon(a));
          out.setOrdinate(i, 1, forward ? y(b) : lat(b));
        }
        return out;
      }
    }.transform(g);
  }

  static Coordinate toMetres(Coordinate c) { return new Coordinate(x(c.x), y(c.y)); }
}
