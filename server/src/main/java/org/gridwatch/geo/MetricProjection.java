package org.gridwatch.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Metres for the district this process serves: lengths and areas are measured in one CGCS2000 3-degree
 * Gauss–Krüger zone ({@link GaussKruger}), never in degrees or Web Mercator. A deployment serves one district, so
 * the zone is one per process, like the JVM's default time zone: the district profile chooses it (the zone whose
 * central meridian is nearest the district's centroid, or the configured one) as soon as the district is known.
 * Until then (an empty database) every geometry is measured in the zone nearest its own centre, which keeps any
 * single measurement within 0.1 % of the geodesic one but does not make two geometries comparable; nothing
 * compares geometries before a district exists.
 */
public final class MetricProjection {
  private static volatile GaussKruger zone;

  private MetricProjection() {}

  /** Makes {@code chosen} the zone of every measurement from now on. */
  public static void use(GaussKruger chosen) {
    zone = chosen;
  }

  /** The zone in use; before a district is known, the one nearest {@code lon}. */
  public static GaussKruger zone(double lon) {
    GaussKruger z = zone;
    return z != null ? z : GaussKruger.nearest(lon);
  }

  /** The zone in use, or the one nearest the centre of {@code wgs84} while no district is known. */
  public static GaussKruger zoneFor(Geometry wgs84) {
    GaussKruger z = zone;
    if (z != null || wgs84.isEmpty()) return z != null ? z : GaussKruger.nearest(0);
    return GaussKruger.nearest(wgs84.getEnvelopeInternal().centre().x);
  }

  /** The zone in use, null while no district is known. */
  public static GaussKruger zoneIfChosen() { return zone; }

  /** EPSG code of the zone in use (0 while no district is known). */
  public static int epsg() {
    GaussKruger z = zone;
    return z == null ? 0 : z.epsg();
  }

  /** Projects WGS84 lon/lat (degrees) to easting/northing (metres). */
  public static double[] project(double lon, double lat) { return zone(lon).project(lon, lat); }

  /** Inverse of {@link #project}; needs the zone in use (metres mean nothing without it). */
  public static double[] unproject(double easting, double northing) { return required().unproject(easting, northing); }

  /** A copy of a WGS84 geometry in metres. */
  public static Geometry toMetres(Geometry wgs84) { return zoneFor(wgs84).toMetres(wgs84); }

  /** A copy of a metric geometry in WGS84 longitude/latitude. */
  public static Geometry toWgs84(Geometry metres) { return required().toWgs84(metres); }

  /** Area in square metres of a WGS84 polygonal geometry. */
  public static double areaM2(Geometry wgs84) { return toMetres(wgs84).getArea(); }

  /** Length (or perimeter) in metres of a WGS84 geometry. */
  public static double lengthM(Geometry wgs84) { return toMetres(wgs84).getLength(); }

  /** Metres between two WGS84 points. */
  public static double distanceM(Point a, Point b) {
    GaussKruger z = zone(a.getX());
    double[] p = z.project(a.getX(), a.getY()), q = z.project(b.getX(), b.getY());
    return Math.hypot(p[0] - q[0], p[1] - q[1]);
  }

  private static GaussKruger required() {
    GaussKruger z = zone;
    if (z == null) throw new IllegalStateException("no district is loaded: metric coordinates have no zone yet");
    return z;
  }
}
