package org.gridwatch.geo.io;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridwatch.geo.GaussKruger;
import org.gridwatch.geo.Geometries;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The coordinate system a delivered file declares, one of those survey offices deliver in China: geographic
 * longitude/latitude in CRS84 / EPSG:4326 (WGS 84) or EPSG:4490 (CGCS2000, taken as WGS 84: they differ by
 * centimetres, as {@link org.gridwatch.geo.Crs} does), or a CGCS2000 3-degree Gauss–Krüger zone, EPSG:4534–4554
 * (no zone number in the easting) or EPSG:4513–4533 (zone-prefixed easting). Anything else is refused by the
 * parsers with {@link #ACCEPTED} in the reason.
 *
 * <p>Projected coordinates are read easting first (x = easting, as GIS software writes them whatever the EPSG axis
 * order says); a file whose envelope has the northing first is read swapped (see {@link #axesSwapped}).
 */
public final class SourceCrs {
  /** What a refusal says is accepted. */
  public static final String ACCEPTED = "CRS84 / EPSG:4326 (WGS 84), EPSG:4490 (CGCS2000), or a CGCS2000 3-degree "
      + "Gauss-Kruger zone: EPSG:4534-4554 (CM 75E-135E) or EPSG:4513-4533 (zones 25-45, zone-prefixed easting)";
  public static final SourceCrs CRS84 = new SourceCrs("CRS84", null);
  public static final SourceCrs CGCS2000 = new SourceCrs("EPSG:4490", null);

  private static final Pattern EPSG = Pattern.compile(
      "^(?:EPSG:+|URN:OGC:DEF:CRS:EPSG:[0-9.]*:|HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/EPSG/[0-9.]+/)?(\\d{4,5})$");
  private static final Pattern OGC_CRS84 = Pattern.compile(
      "^(?:URN:OGC:DEF:CRS:OGC:[0-9.]*:|HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/OGC/[0-9.]+/|OGC:)?CRS84$");

  private final String name;
  private final GaussKruger zone;

  private SourceCrs(String name, GaussKruger zone) {
    this.name = name;
    this.zone = zone;
  }

  /** The CRS an EPSG code names, if accepted. */
  public static Optional<SourceCrs> ofEpsg(int code) {
    if (code == 4326) return Optional.of(new SourceCrs("EPSG:4326", null));
    if (code == 4490) return Optional.of(CGCS2000);
    return GaussKruger.ofEpsg(code).map(z -> new SourceCrs("EPSG:" + code, z));
  }

  /**
   * Parses a CRS as GeoJSON's old {@code crs} member or a query parameter gives it: {@code EPSG:4549},
   * {@code urn:ogc:def:crs:EPSG::4549}, {@code http://www.opengis.net/def/crs/EPSG/0/4549}, {@code 4549},
   * {@code CRS84} or its URN/URI, {@code WGS84}, {@code CGCS2000}; empty when not one of the accepted ones.
   */
  public static Optional<SourceCrs> parse(String text) {
    if (text == null) return Optional.empty();
    String t = text.strip().toUpperCase(Locale.ROOT);
    if (OGC_CRS84.matcher(t).matches() || t.equals("WGS84") || t.equals("WGS 84")) return Optional.of(CRS84);
    if (t.equals("CGCS2000")) return Optional.of(CGCS2000);
    Matcher m = EPSG.matcher(t);
    return m.matches() ? ofEpsg(Integer.parseInt(m.group(1))) : Optional.empty();
  }

  /** The CRS an ESRI .prj (WKT 1) or an OGC WKT names, identified by its name and parameters ({@link WktCrs}). */
  public static SourceCrs ofWkt(String wkt) { return WktCrs.identify(wkt); }

  static SourceCrs projected(GaussKruger zone) { return new SourceCrs("EPSG:" + zone.epsg(), zone); }

  /** "EPSG:4549", "CRS84", ... */
  public String name() { return name; }

  public boolean isProjected() { return zone != null; }

  /** The Gauss–Krüger zone of a projected CRS; empty for a geographic one. */
  public Optional<GaussKruger> zone() { return Optional.ofNullable(zone); }

  /**
   * Whether coordinates in {@code envelope} have the northing first: for a projected CRS, x lies in the northing
   * range of China (1,500–6,500 km) and y in the zone's easting range, and not the other way round. Always false
   * for a geographic CRS.
   */
  public boolean axesSwapped(Envelope envelope) {
    return zone != null && !envelope.isNull() && !fits(envelope.getMinX(), envelope.getMaxX(), envelope.getMinY(), envelope.getMaxY())
        && fits(envelope.getMinY(), envelope.getMaxY(), envelope.getMinX(), envelope.getMaxX());
  }

  /** Whether a projected envelope lies where this zone's eastings and China's northings can be. */
  boolean plausible(Envelope envelope) {
    return zone == null || envelope.isNull() || fits(envelope.getMinX(), envelope.getMaxX(), envelope.getMinY(), envelope.getMaxY());
  }

  private boolean fits(double minE, double maxE, double minN, double maxN) {
    double falseEasting = zone.project(zone.centralMeridian(), 0)[0];
    return minE > falseEasting - 800_000 && maxE < falseEasting + 800_000 && minN > 0 && maxN < 7_000_000;
  }

  /** A WGS 84 copy of a geometry in this CRS (x = easting or longitude). */
  public Geometry toWgs84(Geometry g) {
    if (zone != null) return zone.toWgs84(g);
    Geometry copy = Geometries.FACTORY.createGeometry(g);
    copy.setSRID(Geometries.WGS84_SRID);
    return copy;
  }

  @Override
  public boolean equals(Object o) { return o instanceof SourceCrs c && c.name.equals(name); }

  @Override
  public int hashCode() { return name.hashCode(); }

  @Override
  public String toString() { return zone != null ? zone.toString() : name; }
}
