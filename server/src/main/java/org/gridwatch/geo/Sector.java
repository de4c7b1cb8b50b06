package org.gridwatch.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * What a camera sees, as a polygon: the circular sector of radius {@code range} metres around its position,
 * from {@code heading - fov/2} to {@code heading + fov/2} (degrees clockwise from north), built in the district's metric
 * CRS (MetricProjection) so that the shape is true on the ground. A field of view of 360° gives a disc. The arc is drawn in
 * steps of at most {@value #STEP_DEG}°, so the area is within 0.13 % of π r² · fov/360 (the chords cut off
 * 1 − sin θ/θ of each step θ); finer steps would make every union of sectors slower for nothing a map shows.
 */
public final class Sector {
  static final double STEP_DEG = 5.0;
  /** Metric geometries (in the district's Gauss–Krüger zone, see {@link MetricProjection}) for computations in metres. */
  public static final GeometryFactory METRIC = new GeometryFactory(new PrecisionModel());

  private Sector() {}

  /** The sector in the district's metres of a camera at WGS84 lon/lat. */
  public static Polygon metres(double lon, double lat, double headingDeg, double fovDeg, double rangeM) {
    double[] c = MetricProjection.project(lon, lat);
    return around(c[0], c[1], headingDeg, fovDeg, rangeM);
  }

  /** The sector around a point already in the district's metres. */
  public static Polygon around(double x, double y, double headingDeg, double fovDeg, double rangeM) {
    if (!(rangeM > 0)) throw new IllegalArgumentException("range must be positive");
    if (!(fovDeg > 0) || fovDeg > 360) throw new IllegalArgumentException("field of view must be in (0, 360]");
    List<Coordinate> ring = new ArrayList<>();
    boolean full = fovDeg >= 360;
    if (!full) ring.add(new Coordinate(x, y));
    int steps = Math.max(2, (int) Math.ceil(fovDeg / STEP_DEG));
    double from = headingDeg - fovDeg / 2;
    for (int i = 0; i <= steps; i++) {
      if (full && i == steps) break;
      double a = Math.toRadians(from + fovDeg * i / steps);
      ring.add(new Coordinate(x + rangeM * Math.sin(a), y + rangeM * Math.cos(a)));
    }
    ring.add(new Coordinate(ring.get(0)));
    return METRIC.createPolygon(ring.toArray(Coordinate[]::new));
  }

  /** The same sector in WGS84, for storage and maps. */
  public static Geometry wgs84(double lon, double lat, double headingDeg, double fovDeg, double rangeM) {
    GaussKruger zone = MetricProjection.zone(lon);
    double[] c = zone.project(lon, lat);
    return zone.toWgs84(around(c[0], c[1], headingDeg, fovDeg, rangeM));
  }
}
