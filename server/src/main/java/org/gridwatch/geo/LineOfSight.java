package org.gridwatch.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * What a camera sees when obstacles (building footprints, walls) stand in the way, in the district's metres: rays are
 * cast from the camera every {@value #RAY_STEP_DEG}° across its field of view and each stops at the first
 * obstacle edge it meets or at the camera's range; the polygon through their ends is the visible area (2-D: the
 * mount height is not used, an obstacle blocks whatever lies behind it). An obstacle the camera stands in or on
 * (it is mounted on that building) does not block it.
 */
public final class LineOfSight {
  static final double RAY_STEP_DEG = 1.0;
  private static final double MOUNTED_ON_M = 0.5;
  private static final double CORNER_EPS_DEG = 1e-4;

  private final STRtree obstacles = new STRtree();
  private final int size;

  /** @param obstaclesMetres polygons or multipolygons in the district's metric CRS (MetricProjection) */
  public LineOfSight(List<? extends Geometry> obstaclesMetres) {
    for (Geometry g : obstaclesMetres) obstacles.insert(g.getEnvelopeInternal(), g);
    obstacles.build();
    size = obstaclesMetres.size();
  }

  public boolean isEmpty() { return size == 0; }

  /** The visible part of the sector of a camera at (x, y) metres; the plain sector when nothing is in the way. */
  public Polygon visible(double x, double y, double headingDeg, double fovDeg, double rangeM) {
    List<double[]> edges = edgesNear(x, y, rangeM);
    if (edges.isEmpty()) return Sector.around(x, y, headingDeg, fovDeg, rangeM);
    boolean full = fovDeg >= 360;
    double from = headingDeg - fovDeg / 2;
    List<Coordinate> ring = new ArrayList<>();
    if (!full) ring.add(new Coordinate(x, y));
    for (double offset : rayOffsets(x, y, from, fovDeg, edges)) {
      double a = Math.toRadians(from + offset), dx = Math.sin(a), dy = Math.cos(a);
      double reach = rangeM;
      for (double[] e : edges) reach = Math.min(reach, hit(x, y, dx, dy, e));
      ring.add(new Coordinate(x + reach * dx, y + reach * dy));
    }
    ring.add(new Coordinate(ring.get(0)));
    Polygon p = Sector.METRIC.createPolygon(ring.toArray(Coordinate[]::new));
    return p.isValid() ? p : largest(p.buffer(0));
  }

  /**
   * Where to cast rays, in degrees from the left edge of the view: every {@value #RAY_STEP_DEG}°, and just
   * either side of every obstacle corner, so that shadows start and end exactly where the corners are.
   */
  private static double[] rayOffsets(double x, double y, double from, double fov, List<double[]> edges) {
    boolean full = fov >= 360;
    int steps = Math.max(2, (int) Math.ceil(fov / RAY_STEP_DEG));
    java.util.TreeSet<Double> out = new java.util.TreeSet<>();
    for (int i = 0; i <= steps; i++) if (!full || i < steps) out.add(fov * i / steps);
    for (double[] e : edges) {
      double bearing = Math.toDegrees(Math.atan2(e[0] - x, e[1] - y));
      double offset = ((bearing - from) % 360 + 360) % 360;
      for (double o : new double[] {offset - CORNER_EPS_DEG, offset + CORNER_EPS_DEG}) {
        double wrapped = full ? (o + 360) % 360 : o;
        if (wrapped >= 0 && wrapped <= fov && (!full || wrapped < 360)) out.add(wrapped);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Edges (x1, y1, x2, y2) of the obstacles within range, leaving out one the camera stands in or on. */
  private List<double[]> edgesNear(double x, double y, double rangeM) {
    List<double[]> out = new ArrayList<>();
    if (size == 0) return out;
    Geometry eye = Sector.METRIC.createPoint(new Coordinate(x, y));
    for (Object o : obstacles.query(new Envelope(x - rangeM, x + rangeM, y - rangeM, y + rangeM))) {
      Geometry g = (Geometry) o;
      if (g.distance(eye) < MOUNTED_ON_M) continue;
      for (int n = 0; n < g.getNumGeometries(); n++) {
        Polygon p = (Polygon) g.getGeometryN(n);
        addEdges(p.getExteriorRing(), out);
        for (int h = 0; h < p.getNumInteriorRing(); h++) addEdges(p.getInteriorRingN(h), out);
      }
    }
    return out;
  }

  private static void addEdges(LinearRing ring, List<double[]> out) {
    Coordinate[] c = ring.getCoordinates();
    for (int i = 0; i + 1 < c.length; i++) out.add(new double[] {c[i].x, c[i].y, c[i + 1].x, c[i + 1].y});
  }

  /** Distance along the ray (x, y) + t (dx, dy) to edge e, or infinity when it misses. */
  static double hit(double x, double y, double dx, double dy, double[] e) {
    double ex = e[2] - e[0], ey = e[3] - e[1];
    double denom = dx * ey - dy * ex;
    if (Math.abs(denom) < 1e-12) return Double.POSITIVE_INFINITY;
    double wx = e[0] - x, wy = e[1] - y;
    double t = (wx * ey - wy * ex) / denom, u = (wx * dy - wy * dx) / denom;
    return t >= 0 && u >= 0 && u <= 1 ? t : Double.POSITIVE_INFINITY;
  }

  private static Polygon largest(Geometry g) {
    Polygon best = null;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) instanceof Polygon p && (best == null || p.getArea() > best.getArea())) best = p;
    }
    return best == null ? Sector.METRIC.createPolygon() : best;
  }
}
