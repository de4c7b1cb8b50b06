package org.gridwatch.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** Independent answers for the coverage shapes: geometry formulas, not the code under test. */
class SectorAndBufferTest {
  @org.junit.jupiter.api.BeforeAll
  static void inTheDemoDistrictsZone() { org.gridwatch.support.DemoZone.use(); }


  @ParameterizedTest
  @CsvSource({"0, 60, 80", "45, 90, 120", "200, 30, 50", "0, 360, 60", "270, 120, 150"})
  void aSectorHasTheAreaOfItsCircularSector(double heading, double fov, double range) {
    Geometry s = Sector.metres(120.37, 36.10, heading, fov, range);
    double expected = Math.PI * range * range * fov / 360;
    assertThat(s.getArea()).isCloseTo(expected, within(expected * 0.005));
    assertThat(s.isValid()).isTrue();
    // The same sector in WGS84 measures the same on the ground.
    assertThat(MetricProjection.areaM2(Sector.wgs84(120.37, 36.10, heading, fov, range))).isCloseTo(expected, within(expected * 0.005));
  }

  @Test
  void theHeadingIsClockwiseFromNorth() {
    double[] c = MetricProjection.project(120.37, 36.10);
    Point east = Sector.metres(120.37, 36.10, 90, 60, 100).getCentroid();
    assertThat(east.getX() - c[0]).isGreaterThan(50);
    assertThat(Math.abs(east.getY() - c[1])).isLessThan(1);
    Point south = Sector.metres(120.37, 36.10, 180, 60, 100).getCentroid();
    assertThat(c[1] - south.getY()).isGreaterThan(50);
  }

  @Test
  void aStraightRoutesBufferIsTwiceWidthTimesLengthPlusCaps() {
    double[] a = MetricProjection.unproject(530_000, 3_996_000), b = MetricProjection.unproject(531_200, 3_996_500);
    Geometry line = Geometries.FACTORY.createLineString(new Coordinate[] {new Coordinate(a[0], a[1]), new Coordinate(b[0], b[1])});
    double width = 40, length = Math.hypot(1200, 500);
    double expected = 2 * width * length + Math.PI * width * width;
    assertThat(RouteBuffer.metres(line, width).getArea()).isCloseTo(expected, within(expected * 0.01));
  }
}
