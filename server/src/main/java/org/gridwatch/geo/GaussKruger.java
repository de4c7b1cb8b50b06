package org.gridwatch.geo;

import java.util.Optional;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.proj.Projection;

/**
 * One CGCS2000 3-degree Gauss–Krüger zone: transverse Mercator on GRS80, scale 1 on the central meridian, false
 * easting 500 km. China spans the 21 zones with central meridians 75°E … 135°E, published by EPSG twice: without
 * the zone number in the easting (EPSG:4534–4554, "CM 75E" … "CM 135E") and with it (EPSG:4513–4533, zones 25–45,
 * false easting zone·10⁶ + 500 km). Both have northing-then-easting axis order.
 *
 * <p>Applied directly to WGS84 longitude/latitude: CGCS2000 and WGS84 differ by centimetres. proj4j's projection
 * objects keep no per-call state, so one instance serves all threads.
 */
public final class GaussKruger {
  public static final int FIRST_CM = 75, LAST_CM = 135;
  private static final int FIRST_PLAIN = 4534, FIRST_PREFIXED = 4513, FIRST_ZONE = 25;

  private final int epsg;
  private final int centralMeridian;
  private final double falseEasting;
  private final Projection projection;
  private final GeometryFactory factory;

  private GaussKruger(int epsg, int centralMeridian, double falseEasting) {
    this.epsg = epsg;
    this.centralMeridian = centralMeridian;
    this.falseEasting = falseEasting;
    this.projection = new CRSFactory().createFromParameters("EPSG:" + epsg, proj(centralMeridian, falseEasting)).getProjection();
    this.factory = new GeometryFactory(new PrecisionModel(), epsg);
  }

  /** The zone (without zone number, EPSG:4534–4554) whose central meridian is nearest {@code lon}. */
  public static GaussKruger nearest(double lon) {
    int cm = (int) Math.round(lon / 3) * 3;
    cm = Math.max(FIRST_CM, Math.min(LAST_CM, cm));
    return plain(cm);
  }

  private static GaussKruger plain(int cm) { return new GaussKruger(FIRST_PLAIN + (cm - FIRST_CM) / 3, cm, 500_000); }

  /** The zone an EPSG code names, if it is one of the 42 CGCS2000 3-degree Gauss–Krüger codes. */
  public static Optional<GaussKruger> ofEpsg(int code) {
    if (code >= FIRST_PLAIN && code <= FIRST_PLAIN + 20) return Optional.of(plain(FIRST_CM + 3 * (code - FIRST_PLAIN)));
    if (code >= FIRST_PREFIXED && code <= FIRST_PREFIXED + 20) {
      int zone = FIRST_ZONE + code - FIRST_PREFIXED;
      return Optional.of(new GaussKruger(code, 3 * zone, zone * 1_000_000.0 + 500_000));
    }
    return Optional.empty();
  }

  private static String proj(int cm, double falseEasting) {
    return "+proj=tmerc +lat_0=0 +lon_0=" + cm + " +k=1 +x_0=" + (long) falseEasting + " +y_0=0 +ellps=GRS80 +units=m +no_defs";
  }

  public int epsg() { return epsg; }

  public int centralMeridian() { return centralMeridian; }

  /** The PROJ string of this zone. */
  public String proj() { return proj(centralMeridian, falseEasting); }

  public Projection projection() { return projection; }

  /** Projects WGS84 lon/lat (degrees) to easting/northing (metres). */
  public double[] project(double lon, double lat) {
    ProjCoordinate out = new ProjCoordinate();
    projection.project(new ProjCoordinate(lon, lat), out);
    return new double[] {out.x, out.y};
  }

  /** Inverse of {@link #project}. */
  public double[] unproject(double easting, double northing) {
    ProjCoordinate out = new ProjCoordinate();
    projection.inverseProject(new ProjCoordinate(easting, northing), out);
    return new double[] {out.x, out.y};
  }

  /** A copy of a WGS84 geometry in this zone's metres. */
  public Geometry toMetres(Geometry wgs84) { return transform(factory.createGeometry(wgs84), true); }

  /** A copy of a geometry in this zone's metres in WGS84 longitude/latitude. */
  public Geometry toWgs84(Geometry metres) { return transform(Geometries.FACTORY.createGeometry(metres), false); }

  private Geometry transform(Geometry copy, boolean forward) {
    return new GeometryTransformer() {
      @Override
      protected CoordinateSequence transformCoordinates(CoordinateSequence coords, Geometry parent) {
        CoordinateSequence out = coords.copy();
        ProjCoordinate src = new ProjCoordinate(), dst = new ProjCoordinate();
        for (int i = 0; i < out.size(); i++) {
          src.x = out.getX(i);
          src.y = out.getY(i);
          if (forward) projection.project(src, dst);
          else projection.inverseProject(src, dst);
          out.setOrdinate(i, 0, dst.x);
          out.setOrdinate(i, 1, dst.y);
        }
        return out;
      }
    }.transform(copy);
  }

  @Override
  public boolean equals(Object o) { return o instanceof GaussKruger z && z.epsg == epsg; }

  @Override
  public int hashCode() { return epsg; }

  @Override
  public String toString() { return "EPSG:" + epsg + " (CGCS2000 3-degree Gauss-Kruger CM " + centralMeridian + "E)"; }
}
