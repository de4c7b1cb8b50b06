package org.gridwatch.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChineseWebCrsTest {
  /** Metres between two WGS84 points (equirectangular; exact enough over a few hundred metres). */
  static double metres(double lon1, double lat1, double lon2, double lat2) {
    double dx = (lon2 - lon1) * 111_320 * Math.cos(Math.toRadians((lat1 + lat2) / 2)), dy = (lat2 - lat1) * 110_574;
    return Math.hypot(dx, dy);
  }

  /** Reference pairs published with the eviltransform library (wgs lat, wgs lon, gcj lat, gcj lon). */
  @ParameterizedTest
  @CsvSource({
      "31.1774276, 121.5272106, 31.17530398364597, 121.531541859215",
      "22.543847, 113.912316, 22.540796131694766, 113.9171764808363",
      "39.911954, 116.377817, 39.91334545536069, 116.38404722455657"})
  void forwardMatchesPublishedReferencePairs(double wLat, double wLon, double gLat, double gLon) {
    double[] g = ChineseWebCrs.wgs84ToGcj02(wLon, wLat);
    assertThat(g[0]).isCloseTo(gLon, within(1e-9));
    assertThat(g[1]).isCloseTo(gLat, within(1e-9));
  }

  @Test
  void gcj02OffsetInShibeiIsAbout460Metres() {
    double[] g = ChineseWebCrs.wgs84ToGcj02(120.36, 36.10);
    assertThat(metres(120.36, 36.10, g[0], g[1])).isBetween(400.0, 520.0);
  }

  @Test
  void inverseGcj02IsWithinHalfAMetreEverywhereInAndAroundShibei() {
    SplittableRandom random = new SplittableRandom(1);
    double worst = 0;
    for (int i = 0; i < 20_000; i++) {
      double lon = random.nextDouble(120.25, 120.50), lat = random.nextDouble(36.0, 36.2);
      double[] g = ChineseWebCrs.wgs84ToGcj02(lon, lat);
      double[] back = ChineseWebCrs.gcj02ToWgs84(g[0], g[1]);
      worst = Math.max(worst, metres(lon, lat, back[0], back[1]));
    }
    assertThat(worst).isLessThan(0.5).isLessThan(0.01);
  }

  @Test
  void bd09RoundTripsThroughGcj02() {
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < 5_000; i++) {
      double lon = random.nextDouble(120.25, 120.50), lat = random.nextDouble(36.0, 36.2);
      double[] b = Crs.BD09.fromWgs84(lon, lat);
      assertThat(metres(lon, lat, b[0], b[1])).as("BD-09 differs visibly from WGS84").isGreaterThan(500);
      double[] back = Crs.BD09.toWgs84(b[0], b[1]);
      assertThat(metres(lon, lat, back[0], back[1])).isLessThan(0.01);
    }
  }

  @Test
  void outsideChinaNothingIsShifted() {
    assertThat(ChineseWebCrs.wgs84ToGcj02(2.35, 48.85)).containsExactly(2.35, 48.85);
    assertThat(ChineseWebCrs.gcj02ToWgs84(2.35, 48.85)).containsExactly(2.35, 48.85);
  }

  @Test
  void crsNamesAndAliasesParse() {
    assertThat(Crs.parse("gcj02")).contains(Crs.GCJ02);
    assertThat(Crs.parse("EPSG:4490")).contains(Crs.CGCS2000);
    assertThat(Crs.parse(null)).contains(Crs.WGS84);
    assertThat(Crs.parse("EPSG:3857")).isEmpty();
  }
}
