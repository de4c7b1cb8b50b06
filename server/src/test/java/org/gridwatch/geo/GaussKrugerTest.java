package org.gridwatch.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The metric CRS follows the district: the CGCS2000 3-degree Gauss–Krüger zone nearest its centroid measures areas,
 * buffers and sectors within 0.1 % of the area on the GRS80 ellipsoid anywhere in China. The reference is the
 * ellipsoid's own equal-area (authalic) cylindrical projection of the same densified outline, exact by construction.
 */
class GaussKrugerTest {
  private static final double A = 6_378_137.0, F = 1 / 298.257222101, E2 = F * (2 - F), E = Math.sqrt(E2);
  private final GaussKruger before = MetricProjection.zoneIfChosen();

  @AfterEach
  void restoreTheZone() { if (before != null) MetricProjection.use(before); }

  @ParameterizedTest(name = "{0} ({1} E, {2} N) is measured in EPSG:{3}")
  @CsvSource({
      "Kashgar (far west), 75.99, 39.47, 4534",
      "Ngari (far west), 80.10, 32.50, 4536",
      "Urumqi, 87.62, 43.82, 4538",
      "Qingdao Shibei, 120.37, 36.09, 4549",
      "Harbin (north-east), 126.64, 45.76, 4551",
      "Mohe (far north), 122.53, 52.97, 4550",
      "Fuyuan (far east), 134.29, 48.36, 4554",
      "Sanya (far south; 1.5 degrees from either meridian), 109.50, 18.25, 4546",
  })
  void aDistrictAnywhereInChinaIsMeasuredWithinAPermilleOfTheEllipsoid(String place, double lon, double lat, int epsg) {
    GaussKruger zone = GaussKruger.nearest(lon);
    assertThat(zone.epsg()).isEqualTo(epsg);
    assertThat(Math.abs(lon - zone.centralMeridian())).isLessThanOrEqualTo(1.5);
    Polygon district = box(lon, lat, 0.3); // about 30 km across: a large urban district
    double ellipsoid = ellipsoidalArea(district);
    assertThat(relative(zone.toMetres(district).getArea(), ellipsoid)).as(place).isLessThan(0.001);
  }

  @Test
  void oneFixedZoneIsNotGoodEnoughForAllOfChina() {
    Polygon kashgar = box(75.99, 39.47, 0.3);
    double wrong = GaussKruger.ofEpsg(4549).orElseThrow().toMetres(kashgar).getArea();
    assertThat(relative(wrong, ellipsoidalArea(kashgar))).isGreaterThan(0.05);
  }

  @Test
  void buffersAndSectorsFollowTheChosenZone() {
    for (double[] at : new double[][] {{75.99, 39.47}, {126.64, 45.76}}) {
      MetricProjection.use(GaussKruger.nearest(at[0]));
      double lon = at[0] + 0.7, lat = at[1]; // 0.7 degrees off the meridian, inside the zone
      Geometry line = Geometries.FACTORY.createLineString(new Coordinate[] {new Coordinate(lon, lat), new Coordinate(lon + 0.02, lat + 0.01)});
      Geometry buffer = MetricProjection.zone(lon).toWgs84(RouteBuffer.metres(line, 50));
      double expected = 2 * 50 * geodesicLength(line) + Math.PI * 50 * 50;
      assertThat(relative(ellipsoidalArea(densify(buffer)), expected)).isLessThan(0.001);
      Geometry sector = Sector.wgs84(lon, lat, 45, 90, 120);
      assertThat(relative(ellipsoidalArea(densify(sector)), Math.PI * 120 * 120 / 4)).isLessThan(0.002); // chords: 0.13 %
    }
  }

  @Test
  void bothEpsgFamiliesOfAZoneProjectTheSamePlaceApartFromTheZoneNumber() {
    GaussKruger plain = GaussKruger.ofEpsg(4541).orElseThrow(), prefixed = GaussKruger.ofEpsg(4520).orElseThrow();
    assertThat(plain.centralMeridian()).isEqualTo(96).isEqualTo(prefixed.centralMeridian());
    double[] p = plain.project(96.5, 36.0), q = prefixed.project(96.5, 36.0);
    assertThat(q[0] - p[0]).isEqualTo(32_000_000.0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(q[1]).isEqualTo(p[1], org.assertj.core.data.Offset.offset(1e-6));
    assertThat(GaussKruger.ofEpsg(4512)).isEmpty();
    assertThat(GaussKruger.ofEpsg(4555)).isEmpty();
  }

  private static Polygon box(double lon, double lat, double size) {
    double h = size / 2;
    return (Polygon) densify(Geometries.FACTORY.createPolygon(new Coordinate[] {new Coordinate(lon - h, lat - h),
        new Coordinate(lon + h, lat - h), new Coordinate(lon + h, lat + h), new Coordinate(lon - h, lat + h),
        new Coordinate(lon - h, lat - h)}));
  }

  private static Geometry densify(Geometry g) {
    return org.locationtech.jts.densify.Densifier.densify(g, g.getEnvelopeInternal().getWidth() / 400);
  }

  private static double relative(double measured, double reference) { return Math.abs(measured / reference - 1); }

  /** Area on GRS80 of a lon/lat polygon: the shoelace formula in the authalic cylindrical equal-area projection. */
  static double ellipsoidalArea(Geometry g) {
    double total = 0;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Polygon p = (Polygon) g.getGeometryN(i);
      total += ringArea(p.getExteriorRing().getCoordinates());
      for (int h = 0; h < p.getNumInteriorRing(); h++) total -= ringArea(p.getInteriorRingN(h).getCoordinates());
    }
    return total;
  }

  private static double ringArea(Coordinate[] ring) {
    List<double[]> xy = new ArrayList<>();
    for (Coordinate c : ring) xy.add(new double[] {A * Math.toRadians(c.x), A * q(Math.toRadians(c.y)) / 2});
    double s = 0;
    for (int i = 0; i + 1 < xy.size(); i++) s += xy.get(i)[0] * xy.get(i + 1)[1] - xy.get(i + 1)[0] * xy.get(i)[1];
    return Math.abs(s) / 2;
  }

  private static double q(double phi) {
    double sin = Math.sin(phi);
    return (1 - E2) * (sin / (1 - E2 * sin * sin) - Math.log((1 - E * sin) / (1 + E * sin)) / (2 * E));
  }

  /** Length on GRS80 of a short line, by the meridian and parallel radii of curvature at its middle. */
  private static double geodesicLength(Geometry line) {
    Coordinate[] c = line.getCoordinates();
    double len = 0;
    for (int i = 0; i + 1 < c.length; i++) {
      double phi = Math.toRadians((c[i].y + c[i + 1].y) / 2), sin = Math.sin(phi);
      double w = Math.sqrt(1 - E2 * sin * sin), m = A * (1 - E2) / (w * w * w), n = A / w;
      double dy = m * Math.toRadians(c[i + 1].y - c[i].y), dx = n * Math.cos(phi) * Math.toRadians(c[i + 1].x - c[i].x);
      len += Math.hypot(dx, dy);
    }
    return len;
  }
}
