package org.gridwatch.geo;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.proj.Projection;

/**
 * Metres for Qingdao: EPSG:4549, CGCS2000 / 3-degree Gauss-Krüger CM 120E (transverse Mercator on GRS80,
 * false easting 500 km). Lengths and areas are measured here, never in degrees or Web Mercator.
 *
 * <p>The projection is applied directly to WGS84 longitude/latitude: the CGCS2000 and WGS84 datums differ by
 * centimetres, below what this system measures. proj4j's projection objects keep no per-call state, so one
 * instance serves all threads.
 */
public final class MetricProjection {
  public static final int EPSG = 4549;
  private static final String PROJ =
      "+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs";
  private static final Projection TMERC = new CRSFactory().createFromParameters("EPSG:4549", PROJ).getProjection();
  private static final GeometryFactory METRIC = new GeometryFactory(new PrecisionModel(), EPSG);

  private MetricProjection() {}

  /** Projects WGS84 lon/lat (degrees) to EPSG:4549 easting/northing (metres). */
  public static double[] project(double lon, double lat) {
    ProjCoordinate out = new ProjCoordinate();
    TMERC.project(new ProjCoordinate(lon, lat), out);
    return new double[] {out.x, out.y};
  }

  /** Inverse of {@link #project}. */
  public static double[] unproject(double easting, double northing) {
    ProjCoordinate out = new ProjCoordinate();
    TMERC.inverseProject(new ProjCoordinate(easting, northing), out);
    return new double[] {out.x, out.y};
  }

  /** A copy of a WGS84 geometry in EPSG:4549 metres. */
  public static Geometry toMetres(Geometry wgs84) { return transform(METRIC.createGeometry(wgs84), true); }

  /** A copy of an EPSG:4549 geometry in WGS84 longitude/latitude. */
  public static Geometry toWgs84(Geometry metres) { return transform(Geometries.FACTORY.createGeometry(metres), false); }

  /** Projects (or unprojects) every coordinate of {@code copy} in place of a transformed copy. */
  private static Geometry transform(Geometry copy, boolean forward) {
    return new GeometryTransformer() {
      @Override
      protected CoordinateSequence transformCoordinates(CoordinateSequence coords, Geometry parent) {
        CoordinateSequence out = coords.copy();
        ProjCoordinate src = new ProjCoordinate(), dst = new ProjCoordinate();
        for (int i = 0; i < out.size(); i++) {
          src.x = out.getX(i);
          src.y = out.getY(i);
          if (forward) TMERC.project(src, dst);
          else TMERC.inverseProject(src, dst);
          out.setOrdinate(i, 0, dst.x);
          out.setOrdinate(i, 1, dst.y);
        }
        return out;
      }
    }.transform(copy);
  }

  /** Area in square metres of a WGS84 polygonal geometry. */
  public static double areaM2(Geometry wgs84) {
    return toMetres(wgs84).getArea();
  }

  /** Length (or perimeter) in metres of a WGS84 geometry. */
  public static double lengthM(Geometry wgs84) {
    return toMetres(wgs84).getLength();
  }
}
