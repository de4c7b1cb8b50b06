package org.gridwatch.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

class MetricProjectionTest {
  @org.junit.jupiter.api.BeforeAll
  static void inTheDemoDistrictsZone() { org.gridwatch.support.DemoZone.use(); }

  @Test
  void matchesPostgisAndGdalForEpsg4549ToTheMillimetre() {
    // The reference value that PostGIS (ST_Transform) and GDAL give for this point.
    double[] xy = MetricProjection.project(120.2, 30.2);
    assertThat(xy[0]).isCloseTo(519258.463, within(0.001));
    assertThat(xy[1]).isCloseTo(3342301.132, within(0.001));
    double[] back = MetricProjection.unproject(xy[0], xy[1]);
    assertThat(back[0]).isCloseTo(120.2, within(1e-9));
    assertThat(back[1]).isCloseTo(30.2, within(1e-9));
  }

  @Test
  void areaOfAOneKilometreSquareIsOneSquareKilometre() {
    double[] sw = MetricProjection.unproject(530_000, 3_995_000), ne = MetricProjection.unproject(531_000, 3_996_000);
    double[] se = MetricProjection.unproject(531_000, 3_995_000), nw = MetricProjection.unproject(530_000, 3_996_000);
    Polygon square = Geometries.FACTORY.createPolygon(new Coordinate[] {new Coordinate(sw[0], sw[1]),
        new Coordinate(se[0], se[1]), new Coordinate(ne[0], ne[1]), new Coordinate(nw[0], nw[1]), new Coordinate(sw[0], sw[1])});
    assertThat(MetricProjection.areaM2(square)).isCloseTo(1e6, within(0.01));
    assertThat(MetricProjection.lengthM(square.getExteriorRing())).isCloseTo(4000, within(1e-6));
  }
}
