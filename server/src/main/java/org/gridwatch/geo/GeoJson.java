package org.gridwatch.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;

/**
 * RFC 7946 GeoJSON geometries: written with the right-hand rule (exterior rings counter-clockwise, holes
 * clockwise) and at most 7 decimals (about 1 cm), read with errors that name the offending member.
 *
 * <p>Reading checks structure and numbers only (finite, longitude in [-180, 180], latitude in [-90, 90],
 * closed rings of four or more positions); whether a polygon is valid or where it lies is for the caller.
 */
public final class GeoJson {
  private GeoJson() {}

  /** Thrown for malformed GeoJSON; {@link #field()} is a JSON path such as {@code location.coordinates[1]}. */
  public static final class InvalidGeoJson extends IllegalArgumentException {
    private final String field;

    public InvalidGeoJson(String field, String reason) {
      super(field + ": " + reason);
      this.field = field;
    }

    public String field() { return field; }
    public String reason() { return getMessage().substring(field.length() + 2); }
  }

  // ---------------------------------------------------------------- writing

  public static String toJson(Geometry g) {
    StringBuilder sb = new StringBuilder(64 + g.getNumPoints() * 24);
    write(sb, g);
    return sb.toString();
  }

  public static void write(StringBuilder sb, Geometry g) {
    if (g instanceof Point p) {
      sb.append("{\"type\":\"Point\",\"coordinates\":");
      if (p.isEmpty()) sb.append("[]"); else position(sb, p.getX(), p.getY());
    } else if (g instanceof LineString l) {
      sb.append("{\"type\":\"LineString\",\"coordinates\":");
      positions(sb, l.getCoordinateSequence(), false, false);
    } else if (g instanceof Polygon p) {
      sb.append("{\"type\":\"Polygon\",\"coordinates\":");
      polygon(sb, p);
    } else if (g instanceof MultiPoint mp) {
      sb.append("{\"type\":\"MultiPoint\",\"coordinates\":[");
      for (int i = 0; i < mp.getNumGeometries(); i++) {
        if (i > 0) sb.append(',');
        Point p = (Point) mp.getGeometryN(i);
        position(sb, p.getX(), p.getY());
      }
      sb.append(']');
    } else if (g instanceof MultiLineString ml) {
      sb.append("{\"type\":\"MultiLineString\",\"coordinates\":[");
      for (int i = 0; i < ml.getNumGeometries(); i++) {
        if (i > 0) sb.append(',');
        positions(sb, ((LineString) ml.getGeometryN(i)).getCoordinateSequence(), false, false);
      }
      sb.append(']');
    } else if (g instanceof MultiPolygon mp) {
      sb.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
      for (int i = 0; i < mp.getNumGeometries(); i++) {
        if (i > 0) sb.append(',');
        polygon(sb, (Polygon) mp.getGeometryN(i));
      }
      sb.append(']');
    } else if (g instanceof GeometryCollection gc) {
      sb.append("{\"type\":\"GeometryCollection\",\"geometries\":[");
      for (int i = 0; i < gc.getNumGeometries(); i++) {
        if (i > 0) sb.append(',');
        write(sb, gc.getGeometryN(i));
      }
      sb.append(']');
    } else {
      throw new IllegalArgumentException("unsupported geometry " + g.getGeometryType());
    }
    sb.append('}');
  }

  private static void polygon(StringBuilder sb, Polygon p) {
    sb.append('[');
    positions(sb, p.getExteriorRing().getCoordinateSequence(), true, true);
    for (int h = 0; h < p.getNumInteriorRing(); h++) {
      sb.append(',');
      positions(sb, p.getInteriorRingN(h).getCoordinateSequence(), true, false);
    }
    sb.append(']');
  }

  private static void positions(StringBuilder sb, CoordinateSequence seq, boolean ring, boolean ccw) {
    int n = seq.size();
    boolean reverse = ring && n >= 4 && Orientation.isCCW(seq) != ccw;
    sb.append('[');
    for (int k = 0; k < n; k++) {
      int i = reverse ? n - 1 - k : k;
      if (k > 0) sb.append(',');
      position(sb, seq.getX(i), seq.getY(i));
    }
    sb.append(']');
  }

  private static void position(StringBuilder sb, double x, double y) {
    sb.append('[');
    number(sb, x);
    sb.append(',');
    number(sb, y);
    sb.append(']');
  }

  /** Appends a number rounded (half away from zero) to 7 decimals, without trailing zeros; no BigDecimal. */
  public static void number(StringBuilder sb, double v) {
    long units = Math.round(Math.abs(v) * 1e7);
    if (v < 0 && units != 0) sb.append('-');
    sb.append(units / 10_000_000L);
    long frac = units % 10_000_000L;
    if (frac == 0) return;
    sb.append('.');
    int digits = 7;
    while (frac % 10 == 0) {
      frac /= 10;
      digits--;
    }
    String f = Long.toString(frac);
    for (int i = f.length(); i < digits; i++) sb.append('0');
    sb.append(f);
  }

  // ---------------------------------------------------------------- reading

  /** Reads a GeoJSON geometry object; {@code path} names it in errors (e.g. {@code "location"}). */
  public static Geometry read(JsonNode node, String path) { return read(node, path, true); }

  /**
   * Reads a GeoJSON geometry whose positions may be in any CRS (projected metres, say): the same structural checks
   * as {@link #read}, finite numbers, no longitude/latitude range. The geometry carries WGS84's SRID all the same:
   * the caller converts it.
   */
  public static Geometry readAnyCrs(JsonNode node, String path) { return read(node, path, false); }

  private static Geometry read(JsonNode node, String path, boolean lonLat) {
    if (node == null || node.isNull() || node.isMissingNode()) throw new InvalidGeoJson(path, "is required");
    if (!node.isObject()) throw new InvalidGeoJson(path, "must be a GeoJSON geometry object");
    JsonNode type = node.get("type");
    if (type == null || !type.isString()) throw new InvalidGeoJson(path + ".type", "is required");
    String t = type.asString();
    if (t.equals("GeometryCollection")) {
      JsonNode geoms = node.get("geometries");
      if (geoms == null || !geoms.isArray()) throw new InvalidGeoJson(path + ".geometries", "must be an array");
      List<Geometry> parts = new ArrayList<>();
      for (int i = 0; i < geoms.size(); i++) parts.add(read(geoms.get(i), path + ".geometries[" + i + "]", lonLat));
      return Geometries.FACTORY.createGeometryCollection(parts.toArray(Geometry[]::new));
    }
    JsonNode coords = node.get("coordinates");
    String cp = path + ".coordinates";
    if (coords == null || !coords.isArray()) throw new InvalidGeoJson(cp, "must be an array");
    var f = Geometries.FACTORY;
    return switch (t) {
      case "Point" -> f.createPoint(position(coords, cp, lonLat));
      case "MultiPoint" -> f.createMultiPointFromCoords(positions(coords, cp, 0, lonLat));
      case "LineString" -> f.createLineString(positions(coords, cp, 2, lonLat));
      case "MultiLineString" -> {
        LineString[] lines = new LineString[coords.size()];
        for (int i = 0; i < lines.length; i++) lines[i] = f.createLineString(positions(array(coords.get(i), cp + "[" + i + "]"), cp + "[" + i + "]", 2, lonLat));
        yield f.createMultiLineString(lines);
      }
      case "Polygon" -> polygonOf(coords, cp, lonLat);
      case "MultiPolygon" -> {
        Polygon[] polys = new Polygon[coords.size()];
        for (int i = 0; i < polys.length; i++) polys[i] = polygonOf(array(coords.get(i), cp + "[" + i + "]"), cp + "[" + i + "]", lonLat);
        yield f.createMultiPolygon(polys);
      }
      default -> throw new InvalidGeoJson(path + ".type", "unknown geometry type '" + t + "'");
    };
  }

  private static Polygon polygonOf(JsonNode rings, String path, boolean lonLat) {
    if (rings.isEmpty()) throw new InvalidGeoJson(path, "a polygon needs at least an exterior ring");
    LinearRing shell = ring(rings.get(0), path + "[0]", lonLat);
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) holes[i - 1] = ring(rings.get(i), path + "[" + i + "]", lonLat);
    return Geometries.FACTORY.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode node, String path, boolean lonLat) {
    Coordinate[] c = positions(array(node, path), path, 4, lonLat);
    if (!c[0].equals2D(c[c.length - 1])) throw new InvalidGeoJson(path, "a linear ring must end where it starts");
    return Geometries.FACTORY.createLinearRing(c);
  }

  private static JsonNode array(JsonNode node, String path) {
    if (node == null || !node.isArray()) throw new InvalidGeoJson(path, "must be an array");
    return node;
  }

  private static Coordinate[] positions(JsonNode arr, String path, int min, boolean lonLat) {
    if (arr.size() < min) throw new InvalidGeoJson(path, "needs at least " + min + " positions");
    Coordinate[] out = new Coordinate[arr.size()];
    for (int i = 0; i < out.length; i++) out[i] = position(arr.get(i), path + "[" + i + "]", lonLat);
    return out;
  }

  private static Coordinate position(JsonNode p, String path, boolean lonLat) {
    if (p == null || !p.isArray() || p.size() < 2) throw new InvalidGeoJson(path, lonLat ? "a position is [longitude, latitude]" : "a position is [x, y]");
    double lon = coordinate(p.get(0), path + "[0]", lonLat ? 180 : Double.MAX_VALUE, lonLat ? "longitude" : "x");
    double lat = coordinate(p.get(1), path + "[1]", lonLat ? 90 : Double.MAX_VALUE, lonLat ? "latitude" : "y");
    return new Coordinate(lon, lat);
  }

  private static double coordinate(JsonNode n, String path, double limit, String what) {
    if (n == null || !n.isNumber()) throw new InvalidGeoJson(path, what + " must be a number");
    double v = n.asDouble();
    if (!Double.isFinite(v)) throw new InvalidGeoJson(path, what + " must be finite");
    if (Math.abs(v) > limit) throw new InvalidGeoJson(path, what + " " + v + " is outside [-" + (int) limit + ", " + (int) limit + "]");
    return v;
  }
}
