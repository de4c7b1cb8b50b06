package org.gridwatch.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** Line of sight against the area a wall hides, worked out by hand. */
class LineOfSightTest {
  static final double X = 500_000, Y = 4_000_000;

  static Geometry box(double minX, double maxX, double minY, double maxY) {
    return Sector.METRIC.toGeometry(new Envelope(X + minX, X + maxX, Y + minY, Y + maxY));
  }

  @Test
  void withNothingInTheWayTheSectorIsWhole() {
    LineOfSight los = new LineOfSight(List.of(box(300, 310, 300, 310)));
    assertThat(los.visible(X, Y, 0, 90, 100).getArea()).isEqualTo(Sector.around(X, Y, 0, 90, 100).getArea());
  }

  @Test
  void aWallHidesTheWedgeBehindIt() {
    // A wall 20 m north of the camera, 20 m wide (x from -10 to 10). Rays at angle θ from north reach its face
    // at d / cos θ, so it hides ∫ (R² − d²/cos²θ) / 2 dθ over |θ| ≤ α = atan(10 / 20), which is R² α − d² tan α.
    double r = 100, d = 20, alpha = Math.atan(10 / d);
    double hidden = r * r * alpha - d * d * Math.tan(alpha);
    double expected = Math.PI * r * r / 4 - hidden;
    LineOfSight los = new LineOfSight(List.of(box(-10, 10, d, d + 1)));
    assertThat(los.visible(X, Y, 0, 90, r).getArea()).isCloseTo(expected, within(expected * 0.002));
    assertThat(los.visible(X, Y, 0, 90, r).contains(Sector.METRIC.createPoint(new Coordinate(X, Y + 50)))).isFalse();
    assertThat(los.visible(X, Y, 0, 90, r).contains(Sector.METRIC.createPoint(new Coordinate(X + 30, Y + 50)))).isTrue();
  }

  @Test
  void aCameraOnABuildingSeesOutOfIt() {
    LineOfSight los = new LineOfSight(List.of(box(-5, 5, -5, 5)));
    assertThat(los.visible(X, Y, 0, 360, 50).getArea()).isCloseTo(Math.PI * 50 * 50, within(Math.PI * 50 * 50 * 0.002));
  }

  @Test
  void aDomeSurroundedOnThreeSidesSeesOnlyTheFourth() {
    LineOfSight los = new LineOfSight(List.of(box(-30, 30, 10, 12), box(-30, 30, -12, -10), box(-12, -10, -10, 10)));
    Geometry seen = los.visible(X, Y, 0, 360, 100);
    assertThat(seen.isValid()).isTrue();
    assertThat(seen.contains(Sector.METRIC.createPoint(new Coordinate(X + 80, Y)))).isTrue();
    assertThat(seen.contains(Sector.METRIC.createPoint(new Coordinate(X - 50, Y)))).isFalse();
    assertThat(seen.contains(Sector.METRIC.createPoint(new Coordinate(X, Y + 50)))).isFalse();
  }
}
