package org.gridwatch.redistrict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Keeps new outlines flush with the outline they tile. Where a new border meets the parent's outline in the
 * middle of one of its edges, snapping to the 1e-7° grid puts the meeting point up to half a grid step off that
 * edge, and the thin triangle between (up to the edge's length, millimetres wide) is a gap or an overhang. This
 * moves each such point along the edge to the grid point lying nearest the edge itself (usually a hundred times
 * nearer), the same way in every outline that has it, so neighbours stay matched. An edge nearly parallel to a
 * grid axis crosses grid rows slowly, so the search reaches further along it (at most {@link #FAR} steps, about
 * 3 m); if that would make an outline invalid, it retries within {@link #NEAR} steps, else gives all back as they were.
 */
final class OutlineJunctions {
  static final int FAR = 300, NEAR = 60;
  private static final double SCALE = 1e7, ON_EDGE = 2e-7;

  private OutlineJunctions() {}

  static List<Geometry> flush(Geometry outline, List<Geometry> parts) {
    for (int reach : new int[] {FAR, NEAR}) {
      List<Geometry> out = flush(outline, parts, reach);
      if (out != null) return out;
    }
    return parts;
  }

  /** The parts with their junctions moved, or null if one would be invalid. */
  private static List<Geometry> flush(Geometry outline, List<Geometry> parts, int reach) {
    Set<Coordinate> corners = new HashSet<>(List.of(outline.getCoordinates()));
    STRtree edges = new STRtree();
    for (int g = 0; g < outline.getNumGeometries(); g++) {
      Geometry polygon = outline.getGeometryN(g);
      for (Geometry ring : rings(polygon)) {
        Coordinate[] c = ring.getCoordinates();
        for (int i = 0; i + 1 < c.length; i++) {
          LineSegment s = new LineSegment(c[i], c[i + 1]);
          var env = new org.locationtech.jts.geom.Envelope(c[i], c[i + 1]);
          env.expandBy(ON_EDGE);
          edges.insert(env, s);
        }
      }
    }
    Map<Coordinate, Integer> sharedBy = new HashMap<>();
    for (Geometry part : parts) {
      for (Coordinate v : new HashSet<>(List.of(part.getCoordinates()))) sharedBy.merge(v, 1, Integer::sum);
    }
    // a point on an edge in one outline only is where that outline runs along the edge: dropped (null), not moved
    Map<Coordinate, Coordinate> moved = new HashMap<>();
    for (var e : sharedBy.entrySet()) {
      Coordinate v = e.getKey();
      if (corners.contains(v)) continue;
      LineSegment edge = edgeUnder(edges, v);
      if (edge != null) moved.put(v, e.getValue() > 1 ? nearestGridPointOn(edge, v, reach) : null);
    }
    if (moved.isEmpty()) return parts;
    List<Geometry> out = new ArrayList<>();
    for (Geometry part : parts) {
      Geometry g = replace(part, moved);
      if (g == null || g.isEmpty() || !g.isValid()) return null;
      out.add(g);
    }
    return out;
  }

  private static List<Geometry> rings(Geometry polygon) {
    List<Geometry> out = new ArrayList<>();
    var p = (org.locationtech.jts.geom.Polygon) polygon;
    out.add(p.getExteriorRing());
    for (int h = 0; h < p.getNumInteriorRing(); h++) out.add(p.getInteriorRingN(h));
    return out;
  }

  private static LineSegment edgeUnder(STRtree edges, Coordinate v) {
    @SuppressWarnings("unchecked")
    List<LineSegment> near = edges.query(new org.locationtech.jts.geom.Envelope(v));
    for (LineSegment s : near) if (s.distance(v) < ON_EDGE) return s;
    return null;
  }

  /**
   * Walks the grid columns (or rows, whichever the edge crosses faster) near {@code v}, strictly inside the edge,
   * far enough to cross about two rows (within {@code NEAR..reach} steps), and takes the grid point nearest the
   * edge's line, a little in favour of points nearer {@code v}.
   */
  static Coordinate nearestGridPointOn(LineSegment edge, Coordinate v, int reach) {
    double ax = edge.p0.x * SCALE, ay = edge.p0.y * SCALE, bx = edge.p1.x * SCALE, by = edge.p1.y * SCALE;
    boolean alongX = Math.abs(bx - ax) >= Math.abs(by - ay);
    double a0 = alongX ? ax : ay, a1 = alongX ? bx : by, c0 = alongX ? ay : ax, c1 = alongX ? by : bx;
    double slope = (c1 - c0) / (a1 - a0), perpendicular = Math.abs(a1 - a0) / Math.hypot(a1 - a0, c1 - c0);
    long at = Math.round((alongX ? v.x : v.y) * SCALE);
    long steps = (long) Math.min(reach, Math.max(NEAR, Math.ceil(2 / Math.max(Math.abs(slope), 1e-9))));
    long lo = (long) Math.floor(Math.min(a0, a1)) + 1, hi = (long) Math.ceil(Math.max(a0, a1)) - 1;
    Coordinate best = v;
    double bestOff = Double.MAX_VALUE;
    for (long a = Math.max(lo, at - steps); a <= Math.min(hi, at + steps); a++) {
      double c = c0 + (a - a0) * slope;
      long cr = Math.round(c);
      double off = Math.abs(cr - c) * perpendicular + Math.abs(a - at) * 1e-6; // nearer v wins near-ties
      if (off < bestOff) {
        bestOff = off;
        best = alongX ? new Coordinate(a / SCALE, cr / SCALE) : new Coordinate(cr / SCALE, a / SCALE);
      }
    }
    return best;
  }

  /** A copy with points moved or dropped (and repeats removed); null if a ring collapses. */
  private static Geometry replace(Geometry g, Map<Coordinate, Coordinate> moved) {
    boolean[] collapsed = {false};
    Geometry out = new GeometryTransformer() {
      @Override
      protected CoordinateSequence transformCoordinates(CoordinateSequence coords, Geometry parent) {
        List<Coordinate> kept = new ArrayList<>();
        for (int i = 0; i + 1 < coords.size(); i++) { // rings: the closing point is added back below
          Coordinate c = coords.getCoordinate(i);
          Coordinate to = moved.containsKey(c) ? moved.get(c) : c;
          if (to != null && (kept.isEmpty() || !kept.get(kept.size() - 1).equals2D(to))) kept.add(to.copy());
        }
        while (kept.size() > 1 && kept.get(kept.size() - 1).equals2D(kept.get(0))) kept.remove(kept.size() - 1);
        if (!kept.isEmpty()) kept.add(kept.get(0).copy());
        if (kept.size() < 4) collapsed[0] = true;
        return factory.getCoordinateSequenceFactory().create(kept.toArray(Coordinate[]::new));
      }
    }.transform(g);
    if (collapsed[0]) return null;
    out.setSRID(g.getSRID());
    return out;
  }
}
