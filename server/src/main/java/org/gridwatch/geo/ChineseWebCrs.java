package org.gridwatch.geo;

/**
 * GCJ-02 and BD-09, the coordinate systems of Chinese web maps.
 *
 * <p>GCJ-02 is WGS84 plus a published non-linear offset (the widely reproduced "eviltransform" formula on
 * the Krasovsky ellipsoid); it has no closed-form inverse, so {@link #gcj02ToWgs84} iterates the forward
 * formula until the round trip is within {@link #INVERSE_TOLERANCE_DEG} (about 1 mm), far inside the
 * required 0.5 m. BD-09 is an exact, invertible rotation-and-scale of GCJ-02. Outside mainland China the
 * offset is not applied, as the official software does. Stateless and thread-safe.
 */
public final class ChineseWebCrs {
  static final double INVERSE_TOLERANCE_DEG = 1e-8;
  private static final double A = 6378245.0;
  private static final double EE = 0.00669342162296594323;
  private static final double X_PI = Math.PI * 3000.0 / 180.0;

  private ChineseWebCrs() {}

  public static double[] wgs84ToGcj02(double lon, double lat) {
    if (outsideChina(lon, lat)) return new double[] {lon, lat};
    double dLat = transformLat(lon - 105.0, lat - 35.0);
    double dLon = transformLon(lon - 105.0, lat - 35.0);
    double radLat = lat / 180.0 * Math.PI;
    double magic = Math.sin(radLat);
    magic = 1 - EE * magic * magic;
    double sqrtMagic = Math.sqrt(magic);
    dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
    dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
    return new double[] {lon + dLon, lat + dLat};
  }

  /** Inverse of {@link #wgs84ToGcj02} by fixed-point iteration (converges in a handful of steps). */
  public static double[] gcj02ToWgs84(double lon, double lat) {
    if (outsideChina(lon, lat)) return new double[] {lon, lat};
    double wLon = lon, wLat = lat;
    for (int i = 0; i < 30; i++) {
      double[] g = wgs84ToGcj02(wLon, wLat);
      double eLon = g[0] - lon, eLat = g[1] - lat;
      wLon -= eLon;
      wLat -= eLat;
      if (Math.abs(eLon) < INVERSE_TOLERANCE_DEG && Math.abs(eLat) < INVERSE_TOLERANCE_DEG) break;
    }
    return new double[] {wLon, wLat};
  }

  public static double[] gcj02ToBd09(double lon, double lat) {
    double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
    double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
    return new double[] {z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006};
  }

  /** Inverse of {@link #gcj02ToBd09}; the published closed form is good to about 1e-6°, so refine it. */
  public static double[] bd09ToGcj02(double lon, double lat) {
    double x = lon - 0.0065, y = lat - 0.006;
    double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
    double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
    double gLon = z * Math.cos(theta), gLat = z * Math.sin(theta);
    for (int i = 0; i < 10; i++) {
      double[] b = gcj02ToBd09(gLon, gLat);
      double eLon = b[0] - lon, eLat = b[1] - lat;
      gLon -= eLon;
      gLat -= eLat;
      if (Math.abs(eLon) < INVERSE_TOLERANCE_DEG && Math.abs(eLat) < INVERSE_TOLERANCE_DEG) break;
    }
    return new double[] {gLon, gLat};
  }

  static boolean outsideChina(double lon, double lat) {
    return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
  }

  private static double transformLat(double x, double y) {
    double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
    ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
    return ret;
  }

  private static double transformLon(double x, double y) {
    double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
    ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
    return ret;
  }
}
