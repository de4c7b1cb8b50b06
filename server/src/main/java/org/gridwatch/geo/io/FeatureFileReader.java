package org.gridwatch.geo.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gridwatch.geo.io.FeatureFile.Format;
import org.gridwatch.geo.io.FeatureFile.RowError;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads a feature file as survey offices deliver it into features in WGS 84: GeoJSON (a FeatureCollection), a
 * GeoPackage, or a zipped ESRI Shapefile, in any CRS of {@link SourceCrs#ACCEPTED}.
 *
 * <p><b>Format</b> by Content-Type ({@code application/geo+json}, {@code application/json},
 * {@code application/geopackage+sqlite3}, {@code application/zip}), and for {@code application/octet-stream} or
 * none by the file name's extension and then by the bytes (SQLite header, zip header, a JSON object).
 *
 * <p><b>CRS</b>: a GeoJSON file's old-style {@code crs} member, a GeoPackage's {@code gpkg_spatial_ref_sys}, a
 * Shapefile's {@code .prj} (required). {@link Delivery#crs()} (e.g. a {@code crs} query parameter) serves a GeoJSON
 * file that declares none; one that disagrees with the file's own is refused. A GeoJSON file with neither is CRS84
 * (RFC 7946), but one whose numbers are plainly projected metres is refused ("declare the CRS") rather than read as
 * degrees. Projected coordinates are easting first; a file with the northing first is read swapped
 * ({@link SourceCrs#axesSwapped}); coordinates outside the zone's range are refused per feature.
 *
 * <p><b>Errors</b>: a file refused as a whole throws {@link FeatureFileException}; features that cannot be read are
 * {@link FeatureFile#errors()}, named {@code features[i]...} (i in file or row order), the rest still read. Stateless
 * and thread-safe; temporary files are deleted before it returns.
 */
public final class FeatureFileReader {
  /** What a zip may expand to: far above any district's boundaries, far below what hurts the server. */
  public static final long MAX_UNPACKED_BYTES = 256L * 1024 * 1024;

  private static final byte[] SQLITE = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ZIP = {'P', 'K', 3, 4};

  private FeatureFileReader() {}

  /**
   * A delivered file.
   *
   * @param body the bytes as received
   * @param contentType the request's Content-Type, may be null
   * @param filename the file's name if known (a multipart part's, say), may be null
   * @param crs a CRS declared beside the file (e.g. {@code EPSG:4538}), may be null
   * @param layer which table of a GeoPackage or which .shp of a zip, when it holds several; may be null
   */
  public record Delivery(byte[] body, String contentType, String filename, String crs, String layer) {
    public Delivery(byte[] body, String contentType) { this(body, contentType, null, null, null); }
  }

  public static FeatureFile read(Delivery d) {
    Format format = format(d);
    Optional<SourceCrs> given = given(d.crs());
    return switch (format) {
      case GEOJSON -> {
        GeoJsonFeatures.Raw raw = GeoJsonFeatures.read(d.body());
        if (raw.declared().isPresent() && given.isPresent() && !raw.declared().equals(given)) {
          throw FeatureFileException.badInput("crs", "the file declares " + raw.declared().get().name() + " but the request says "
              + given.get().name());
        }
        Optional<SourceCrs> crs = raw.declared().or(() -> given);
        if (crs.isEmpty()) refuseUndeclaredMetres(raw.features());
        yield georeferenced(format, crs.orElse(SourceCrs.CRS84), raw.features(), raw.errors());
      }
      case GEOPACKAGE -> {
        GeoPackageFeatures.Raw raw = GeoPackageFeatures.read(d.body(), d.layer());
        yield georeferenced(format, agreeing(raw.crs(), given), raw.features(), raw.errors());
      }
      case SHAPEFILE -> {
        ShapefileFeatures.Raw raw = ShapefileFeatures.read(Zip.unpack(d.body(), MAX_UNPACKED_BYTES), d.layer());
        yield georeferenced(format, agreeing(raw.crs(), given), raw.features(), raw.errors());
      }
    };
  }

  private static Optional<SourceCrs> given(String crs) {
    if (crs == null || crs.isBlank()) return Optional.empty();
    return Optional.of(SourceCrs.parse(crs).orElseThrow(() -> FeatureFileException.badInput("crs",
        "'" + crs + "' is not accepted; use " + SourceCrs.ACCEPTED)));
  }

  private static SourceCrs agreeing(SourceCrs file, Optional<SourceCrs> given) {
    if (given.isPresent() && !given.get().equals(file) && !(bothWgs84(file, given.get()))) {
      throw FeatureFileException.badInput("crs", "the file is in " + file.name() + " but the request says " + given.get().name());
    }
    return file;
  }

  private static boolean bothWgs84(SourceCrs a, SourceCrs b) { return !a.isProjected() && !b.isProjected(); }

  /** The format by Content-Type, else by name, else by the first bytes; 415 for anything else. */
  static Format format(Delivery d) {
    String type = d.contentType() == null ? "" : d.contentType().toLowerCase(Locale.ROOT).split(";")[0].strip();
    switch (type) {
      case "application/geo+json", "application/json", "application/vnd.geo+json" -> { return Format.GEOJSON; }
      case "application/geopackage+sqlite3", "application/x-sqlite3" -> { return Format.GEOPACKAGE; }
      case "application/zip", "application/x-zip-compressed", "application/x-zip" -> { return Format.SHAPEFILE; }
      case "", "application/octet-stream" -> { }
      default -> throw FeatureFileException.unsupported("Content-Type " + d.contentType() + " is not read here; send "
          + "application/geo+json, application/geopackage+sqlite3 or application/zip (a zipped Shapefile)");
    }
    String name = d.filename() == null ? "" : d.filename().toLowerCase(Locale.ROOT);
    if (name.endsWith(".geojson") || name.endsWith(".json")) return Format.GEOJSON;
    if (name.endsWith(".gpkg")) return Format.GEOPACKAGE;
    if (name.endsWith(".zip")) return Format.SHAPEFILE;
    byte[] b = d.body();
    if (startsWith(b, SQLITE)) return Format.GEOPACKAGE;
    if (startsWith(b, ZIP)) return Format.SHAPEFILE;
    for (byte c : b) {
      if (c == '{') return Format.GEOJSON;
      if (!Character.isWhitespace(c)) break;
    }
    throw FeatureFileException.badInput("body", "neither GeoJSON, a GeoPackage nor a zipped Shapefile");
  }

  private static boolean startsWith(byte[] b, byte[] magic) {
    return b.length >= magic.length && Arrays.equals(b, 0, magic.length, magic, 0, magic.length);
  }

  /** RFC 7946 says degrees; numbers beyond ±180/±90 are metres of a CRS the file forgot to declare. */
  private static void refuseUndeclaredMetres(List<SourceFeature> features) {
    for (SourceFeature f : features) {
      Envelope e = f.geometry().getEnvelopeInternal();
      if (!e.isNull() && (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90)) {
        throw FeatureFileException.badInput("crs", "the coordinates (e.g. " + f.geometry().getCoordinate().x + ", "
            + f.geometry().getCoordinate().y + " in features[" + f.index() + "]) are not longitude/latitude: declare the CRS "
            + "(a crs member or the crs parameter), one of " + SourceCrs.ACCEPTED);
      }
    }
  }

  private static FeatureFile georeferenced(Format format, SourceCrs crs, List<SourceFeature> features, List<RowError> readErrors) {
    List<RowError> errors = new ArrayList<>(readErrors);
    Envelope all = new Envelope();
    features.forEach(f -> all.expandToInclude(f.geometry().getEnvelopeInternal()));
    boolean swapped = crs.axesSwapped(all);
    List<DeliveredFeature> out = new ArrayList<>(features.size());
    for (SourceFeature f : features) {
      Geometry g = swapped ? swap(f.geometry()) : f.geometry();
      String field = "features[" + f.index() + "].geometry";
      if (!crs.plausible(g.getEnvelopeInternal())) {
        errors.add(new RowError(field, "lies outside " + crs + " in China (easting " + g.getCoordinate().x + ", northing "
            + g.getCoordinate().y + "): is the CRS right?"));
        continue;
      }
      Geometry wgs84 = crs.toWgs84(g);
      Envelope e = wgs84.getEnvelopeInternal();
      if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
        errors.add(new RowError(field, "longitude/latitude out of range in " + crs.name()));
        continue;
      }
      out.add(new DeliveredFeature(f.index(), wgs84, java.util.Collections.unmodifiableMap(f.properties())));
    }
    errors.sort(java.util.Comparator.comparing(RowError::field, FeatureFileReader::byIndex));
    return new FeatureFile(format, crs, out, errors);
  }

  /** The same geometry with x and y exchanged: a delivery written northing (or latitude) first. */
  static Geometry swap(Geometry g) {
    Geometry copy = g.copy();
    copy.apply((org.locationtech.jts.geom.CoordinateFilter) (Coordinate c) -> {
      double x = c.x;
      c.x = c.y;
      c.y = x;
    });
    copy.geometryChanged();
    return copy;
  }

  /** Orders {@code features[2]...} before {@code features[10]...}. */
  private static int byIndex(String a, String b) {
    return Integer.compare(index(a), index(b)) != 0 ? Integer.compare(index(a), index(b)) : a.compareTo(b);
  }

  private static int index(String field) {
    int open = field.indexOf('['), close = field.indexOf(']');
    try {
      return open < 0 || close < open ? -1 : Integer.parseInt(field.substring(open + 1, close));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
