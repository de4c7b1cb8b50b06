package org.gridwatch.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Household-balanced recursive bisection of an area into {@code n} cells (a k-d tree on a tilted street grid).
 *
 * <p>Cuts follow one of two perpendicular "street" directions of the parent, the way city blocks do. Each
 * step cuts the current cell across the direction in which its weighted points spread most, at the
 * position that gives each side a share of the weight proportional to the number of cells it will hold.
 * The cut passes midway between two points, never through one. Cells are convex regions clipped by the
 * parent outline; a cell of a non-convex parent can fall apart, which the face partition repairs later.
 * All coordinates are local metres ({@link LocalPlane}).
 */
final class Bisection {
  /** A weighted point to balance: a building's households, or an area sample. */
  record Weighted(double x, double y, double weight) {}

  private static final double OVERSHOOT_M = 0.2;

  private final GeometryFactory metric;
  private final Geometry outline;
  private final List<LineString> cuts = new ArrayList<>();
  private final double[] streets; // unit vectors of the two street directions: ax, ay, bx, by
  private final Node root;
  private int leaves;

  private Bisection(GeometryFactory metric, Geometry outline, List<Weighted> points, int n, double streetAngle) {
    this.metric = metric;
    this.outline = outline;
    this.streets = new double[] {Math.cos(streetAngle), Math.sin(streetAngle), -Math.sin(streetAngle), Math.cos(streetAngle)};
    Envelope env = outline.getEnvelopeInternal();
    env.expandBy(100);
    this.root = split(points, n, (Polygon) metric.toGeometry(env));
  }

  /** @param streetAngle direction of the street grid in radians from east; the other runs perpendicular */
  static Bisection of(GeometryFactory metric, Geometry outline, List<Weighted> points, int n, double streetAngle) {
    if (n < 1) throw new IllegalArgumentException("need at least one cell");
    return new Bisection(metric, outline, points, n, streetAngle);
  }

  /** The street direction of an outline: the long side of its minimum-area enclosing rectangle. */
  static double streetAngle(Geometry outline) {
    var rect = org.locationtech.jts.algorithm.MinimumAreaRectangle.getMinimumRectangle(outline).getCoordinates();
    if (rect.length < 3) return 0;
    double ax = rect[1].x - rect[0].x, ay = rect[1].y - rect[0].y, bx = rect[2].x - rect[1].x, by = rect[2].y - rect[1].y;
    return Math.hypot(ax, ay) >= Math.hypot(bx, by) ? Math.atan2(ay, ax) : Math.atan2(by, bx);
  }

  /** Cut lines clipped to the outline, overshooting it slightly so that noding closes every cell. */
  List<LineString> cuts() { return cuts; }

  int cells() { return leaves; }

  double streetAngle() { return Math.atan2(streets[1], streets[0]); }

  /** The cell (0-based, in creation order) that holds a point. */
  int cellOf(double x, double y) {
    Node node = root;
    while (node.leaf < 0) node = (x - node.px) * node.nx + (y - node.py) * node.ny < 0 ? node.left : node.right;
    return node.leaf;
  }

  private Node split(List<Weighted> points, int n, Polygon region) {
    if (n == 1 || points.size() < 2) {
      Node leaf = new Node();
      leaf.leaf = leaves++;
      return leaf;
    }
    double[] axis = widerSpread(points);
    List<Weighted> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble(p -> p.x * axis[0] + p.y * axis[1]));
    int nLeft = n / 2;
    double total = sorted.stream().mapToDouble(Weighted::weight).sum();
    double target = total * nLeft / n, cum = 0;
    int at = 0; // number of points on the left
    double bestGap = Double.MAX_VALUE;
    for (int i = 0; i < sorted.size() - 1; i++) {
      cum += sorted.get(i).weight;
      double gap = Math.abs(cum - target);
      if (gap < bestGap) { bestGap = gap; at = i + 1; }
    }
    Weighted a = sorted.get(at - 1), b = sorted.get(at);
    Node node = new Node();
    node.px = (a.x + b.x) / 2;
    node.py = (a.y + b.y) / 2;
    node.nx = axis[0];
    node.ny = axis[1];
    addCut(node, region);
    node.left = split(sorted.subList(0, at), nLeft, halfPlane(node, region, -1));
    node.right = split(sorted.subList(at, sorted.size()), n - nLeft, halfPlane(node, region, 1));
    return node;
  }

  private void addCut(Node node, Polygon region) {
    double far = 1e5, dx = -node.ny, dy = node.nx; // direction along the cut
    LineString line = metric.createLineString(new Coordinate[] {
        new Coordinate(node.px - far * dx, node.py - far * dy), new Coordinate(node.px + far * dx, node.py + far * dy)});
    Geometry inCell = line.intersection(region).intersection(outline);
    for (int i = 0; i < inCell.getNumGeometries(); i++) {
      if (inCell.getGeometryN(i) instanceof LineString piece && piece.getLength() > 0) cuts.add(overshoot(piece));
    }
  }

  private LineString overshoot(LineString piece) {
    Coordinate s = piece.getCoordinateN(0), e = piece.getCoordinateN(piece.getNumPoints() - 1);
    double len = s.distance(e), ux = (e.x - s.x) / len, uy = (e.y - s.y) / len;
    return metric.createLineString(new Coordinate[] {
        new Coordinate(s.x - ux * OVERSHOOT_M, s.y - uy * OVERSHOOT_M),
        new Coordinate(e.x + ux * OVERSHOOT_M, e.y + uy * OVERSHOOT_M)});
  }

  private Polygon halfPlane(Node node, Polygon region, int side) {
    double far = 1e5, dx = -node.ny, dy = node.nx, ox = node.nx * far * side, oy = node.ny * far * side;
    Polygon half = metric.createPolygon(new Coordinate[] {
        new Coordinate(node.px - far * dx, node.py - far * dy),
        new Coordinate(node.px + far * dx, node.py + far * dy),
        new Coordinate(node.px + far * dx + ox, node.py + far * dy + oy),
        new Coordinate(node.px - far * dx + ox, node.py - far * dy + oy),
        new Coordinate(node.px - far * dx, node.py - far * dy)});
    Geometry cell = region.intersection(half);
    return cell instanceof Polygon p ? p : (Polygon) metric.toGeometry(cell.getEnvelopeInternal());
  }

  /** The street direction along which the points spread most (range, not variance: blocks stay square). */
  private double[] widerSpread(List<Weighted> points) {
    double spreadA = spread(points, streets[0], streets[1]), spreadB = spread(points, streets[2], streets[3]);
    return spreadA >= spreadB ? new double[] {streets[0], streets[1]} : new double[] {streets[2], streets[3]};
  }

  private static double spread(List<Weighted> points, double ux, double uy) {
    double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
    for (Weighted p : points) {
      double t = p.x * ux + p.y * uy;
      lo = Math.min(lo, t);
      hi = Math.max(hi, t);
    }
    return hi - lo;
  }

  private static final class Node {
    int leaf = -1;
    double px, py, nx, ny;
    Node left, right;
  }
}
