package org.gridwatch.tiles;

import java.util.List;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.problem.Text;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.HttpStatus;

/**
 * One tile of the XYZ scheme (y grows southwards, as OpenStreetMap and Leaflet number them) over spherical Web
 * Mercator (EPSG:3857), and the arithmetic between WGS84, Web Mercator metres and the tile's own MVT grid of
 * {@value #EXTENT} units (y down) with a {@value #BUFFER}-unit buffer on every side.
 */
public record TileAddress(int z, int x, int y) {
  public static final int EXTENT = 4096, BUFFER = 64;
  static final double EARTH_RADIUS = 6378137.0, HALF_WORLD = Math.PI * EARTH_RADIUS;
  /** Web Mercator stops at ±85.0511° (where the square world ends). */
  static final double MAX_LAT = 85.0511287798066;

  /** The tile of {@code layer} at z/x/y, or a 404 problem naming the field that is out of range. */
  static TileAddress of(TileLayer layer, int z, int x, int y) {
    if (z < layer.minZoom() || z > layer.maxZoom())
      throw outside("z", Text.of("tiles.zoom-range", String.valueOf(layer.minZoom()), String.valueOf(layer.maxZoom())));
    long last = (1L << z) - 1;
    if (x < 0 || x > last) throw outside("x", Text.of("tiles.index-range", String.valueOf(last)));
    if (y < 0 || y > last) throw outside("y", Text.of("tiles.index-range", String.valueOf(last)));
    return new TileAddress(z, x, y);
  }

  private static ProblemException outside(String field, Text reason) {
    return new ProblemException(HttpStatus.NOT_FOUND, "no-such-tile", "No such tile", Text.of("tiles.no-such-tile"),
        List.of(new FieldError(field, reason)));
  }

  /** The tile's side in Web Mercator metres. */
  public double size() { return 2 * HALF_WORLD / (1L << z); }

  /** The tile's bounds in Web Mercator metres, grown by {@code units} MVT units on every side. */
  public Envelope mercator(double units) {
    double s = size(), grow = units * s / EXTENT;
    double minX = -HALF_WORLD + x * s, maxY = HALF_WORLD - y * s;
    return new Envelope(minX - grow, minX + s + grow, maxY - s - grow, maxY + grow);
  }

  /** The tile's bounds with its buffer, in WGS84 lon/lat: what a feature must touch to be drawn in it. */
  public Envelope lonLatWithBuffer() {
    Envelope m = mercator(BUFFER);
    return new Envelope(lon(m.getMinX()), lon(m.getMaxX()), lat(m.getMinY()), lat(m.getMaxY()));
  }

  /** The tile holding a WGS84 point at zoom {@code z}. */
  public static TileAddress containing(double lon, double lat, int z) {
    double s = 2 * HALF_WORLD / (1L << z);
    int x = (int) Math.floor((mercatorX(lon) + HALF_WORLD) / s), y = (int) Math.floor((HALF_WORLD - mercatorY(lat)) / s);
    long last = (1L << z) - 1;
    return new TileAddress(z, (int) Math.max(0, Math.min(last, x)), (int) Math.max(0, Math.min(last, y)));
  }

  /** A WGS84 longitude in this tile's MVT units (0 at the west edge, {@value #EXTENT} at the east). */
  public double unitsX(double lon) { return (mercatorX(lon) + HALF_WORLD - x * size()) / size() * EXTENT; }

  /** A WGS84 latitude in this tile's MVT units (0 at the north edge, {@value #EXTENT} at the south). */
  public double unitsY(double lat) { return (HALF_WORLD - y * size() - mercatorY(lat)) / size() * EXTENT; }

  static double mercatorX(double lon) { return Math.toRadians(lon) * EARTH_RADIUS; }

  static double mercatorY(double lat) {
    double clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
    return EARTH_RADIUS * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2));
  }

  static double lon(double mercatorX) { return Math.toDegrees(mercatorX / EARTH_RADIUS); }

  static double lat(double mercatorY) { return Math.toDegrees(2 * Math.atan(Math.exp(mercatorY / EARTH_RADIUS)) - Math.PI / 2); }

  @Override
  public String toString() { return z + "/" + x + "/" + y; }
}
