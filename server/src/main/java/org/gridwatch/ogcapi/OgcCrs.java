package org.gridwatch.ogcapi;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.proj.Projection;

/**
 * A CRS the OGC API serves (Part 2), by its URI, with the axis order that URI defines: CRS84 is longitude,
 * latitude; EPSG:4326 and EPSG:4490 by URI are latitude, longitude; a projected CRS has the order its EPSG
 * definition gives (the CGCS2000 Gauss–Krüger zones: northing, easting). Stored coordinates are WGS84 lon/lat;
 * CGCS2000 is taken as identical to WGS84 (centimetres apart), so a geographic CRS only reorders axes and a
 * projected one applies its projection to WGS84 lon/lat, as {@code geo.MetricProjection} does.
 *
 * @param projection null for a geographic CRS; proj4j projections keep no per-call state (thread-safe)
 */
record OgcCrs(String uri, boolean northFirst, Projection projection) {
  static final String CRS84_URI = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  static final String EPSG_URI = "http://www.opengis.net/def/crs/EPSG/0/";
  static final OgcCrs CRS84 = new OgcCrs(CRS84_URI, false, null);

  boolean isCrs84() { return uri.equals(CRS84_URI); }

  /** The header value of Part 2: the URI in angle brackets. */
  String header() { return "<" + uri + ">"; }

  /** A copy of a WGS84 lon/lat geometry in this CRS's coordinates, in its axis order. */
  Geometry fromWgs84(Geometry wgs84) {
    if (isCrs84()) return wgs84;
    return new GeometryTransformer() {
      @Override
      protected CoordinateSequence transformCoordinates(CoordinateSequence coords, Geometry parent) {
        CoordinateSequence out = coords.copy();
        for (int i = 0; i < out.size(); i++) {
          double[] v = fromWgs84(out.getX(i), out.getY(i));
          out.setOrdinate(i, 0, v[0]);
          out.setOrdinate(i, 1, v[1]);
        }
        return out;
      }
    }.transform(wgs84);
  }

  /** WGS84 lon/lat to this CRS's (first axis, second axis). */
  double[] fromWgs84(double lon, double lat) {
    double x = lon, y = lat;
    if (projection != null) {
      ProjCoordinate p = new ProjCoordinate();
      projection.project(new ProjCoordinate(lon, lat), p);
      x = p.x;
      y = p.y;
    }
    return northFirst ? new double[] {y, x} : new double[] {x, y};
  }

  /** This CRS's (first axis, second axis) to WGS84 lon/lat. */
  double[] toWgs84(double first, double second) {
    double x = northFirst ? second : first, y = northFirst ? first : second;
    if (projection == null) return new double[] {x, y};
    ProjCoordinate p = new ProjCoordinate();
    projection.inverseProject(new ProjCoordinate(x, y), p);
    return new double[] {p.x, p.y};
  }

  /**
   * The lon/lat envelope of a box given in this CRS as (min first axis, min second axis, max first, max second):
   * its edges sampled, since a projected box's edges are curves in lon/lat.
   */
  Envelope toWgs84(double min1, double min2, double max1, double max2) {
    Envelope e = new Envelope();
    int steps = projection == null ? 1 : 16;
    for (int i = 0; i <= steps; i++) {
      double t = (double) i / steps, a = min1 + (max1 - min1) * t, b = min2 + (max2 - min2) * t;
      for (double[] p : new double[][] {{a, min2}, {a, max2}, {min1, b}, {max1, b}}) {
        double[] ll = toWgs84(p[0], p[1]);
        e.expandToInclude(ll[0], ll[1]);
      }
    }
    return e;
  }
}
