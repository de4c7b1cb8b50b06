package org.gridwatch.geo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The coordinate systems a client may send points in. Everything is stored in WGS84.
 *
 * <ul>
 *   <li>{@link #WGS84} (EPSG:4326, GPS) and {@link #CGCS2000} (EPSG:4490, China's national system) agree to
 *       within centimetres here and are taken as identical;</li>
 *   <li>{@link #GCJ02}: the obfuscated system of AMap and Tencent maps, offset 300-600 m in China (about 460 m in Qingdao);</li>
 *   <li>{@link #BD09}: Baidu's further transform of GCJ-02.</li>
 * </ul>
 */
public enum Crs {
  WGS84("EPSG:4326", "CRS84"),
  CGCS2000("EPSG:4490"),
  GCJ02("GCJ-02", "AMAP", "TENCENT"),
  BD09("BD-09", "BAIDU");

  private final String[] aliases;

  Crs(String... aliases) { this.aliases = aliases; }

  /** Parses a name or alias, case-insensitively; empty when unknown. */
  public static Optional<Crs> parse(String text) {
    if (text == null || text.isBlank()) return Optional.of(WGS84);
    String t = text.trim().toUpperCase(Locale.ROOT);
    for (Crs crs : values()) {
      if (crs.name().equals(t) || Arrays.asList(crs.aliases).contains(t)) return Optional.of(crs);
    }
    return Optional.empty();
  }

  public static String names() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }

  /** Converts lon/lat in this system to WGS84 lon/lat. */
  public double[] toWgs84(double lon, double lat) {
    return switch (this) {
      case WGS84, CGCS2000 -> new double[] {lon, lat};
      case GCJ02 -> ChineseWebCrs.gcj02ToWgs84(lon, lat);
      case BD09 -> {
        double[] gcj = ChineseWebCrs.bd09ToGcj02(lon, lat);
        yield ChineseWebCrs.gcj02ToWgs84(gcj[0], gcj[1]);
      }
    };
  }

  /** Converts WGS84 lon/lat to this system. */
  public double[] fromWgs84(double lon, double lat) {
    return switch (this) {
      case WGS84, CGCS2000 -> new double[] {lon, lat};
      case GCJ02 -> ChineseWebCrs.wgs84ToGcj02(lon, lat);
      case BD09 -> {
        double[] gcj = ChineseWebCrs.wgs84ToGcj02(lon, lat);
        yield ChineseWebCrs.gcj02ToBd09(gcj[0], gcj[1]);
      }
    };
  }
}
