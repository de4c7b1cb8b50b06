package org.gridwatch.area;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridwatch.geo.GaussKruger;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Checks that children tile their parent: no overlap (the area of their union equals the sum of their
 * areas) and no gap or overhang (their union equals the parent), each within a relative tolerance of the
 * parent's area, measured in the district's Gauss–Krüger zone square metres.
 */
public final class TilingCheck {
  /** 0.01 %: the tolerance the hierarchy is held to. */
  public static final double TOLERANCE = 1e-4;

  /** A parent whose children do not tile it, with what is wrong and by how much. */
  public record Violation(String parentCode, String problem, double areaM2) {
    @Override
    public String toString() {
      return String.format("%s: %s (%.1f m²)", parentCode, problem, areaM2);
    }
  }

  /**
   * One place where children fail to tile their parent: two children that overlap ({@code codes} both), a part
   * of the parent no child covers (no codes), or a part of children outside the parent (the children reaching out).
   *
   * @param wgs84 the place's bounding box in WGS84 longitude/latitude
   */
  public record Place(Problem problem, List<String> codes, double areaM2, Envelope wgs84) {
    /** {@code [minLon, minLat, maxLon, maxLat]} rounded to 6 decimals (about 0.1 m). */
    public String bbox() {
      return String.format(Locale.ROOT, "[%.6f, %.6f, %.6f, %.6f]", wgs84.getMinX(), wgs84.getMinY(), wgs84.getMaxX(), wgs84.getMaxY());
    }
  }

  /** What is wrong at a {@link Place}. */
  public enum Problem { OVERLAP, GAP, OUTSIDE }

  /** At most this many places per parent and kind: a broken file would otherwise name thousands of slivers. */
  static final int MAX_PLACES = 20;
  /** Slivers thinner than twice this (metres) do not count in where a place is. */
  private static final double SLIVER_M = 0.05;

  private TilingCheck() {}

  /**
   * Where {@code children} (by code) fail to tile {@code parent}: every overlapping pair, uncovered part and outside
   * part larger than the tolerance, largest first, measured in one Gauss–Krüger zone (the district's, or the one
   * nearest the parent). Empty when they tile it.
   */
  public static List<Place> locate(Geometry parent, Map<String, Geometry> children) {
    GaussKruger zone = MetricProjection.zoneFor(parent);
    Geometry parentM = zone.toMetres(parent);
    double allowed = parentM.getArea() * TOLERANCE;
    List<String> codes = new ArrayList<>(children.keySet());
    List<Geometry> metric = codes.stream().map(c -> zone.toMetres(children.get(c))).toList();
    List<Place> out = new ArrayList<>(overlaps(zone, codes, metric, allowed));
    Geometry union = metric.isEmpty() ? parentM.getFactory().createPolygon() : UnaryUnionOp.union(metric);
    out.addAll(pieces(zone, Problem.GAP, OverlayNGRobust.overlay(parentM, union, OverlayNG.DIFFERENCE), allowed, codes, List.of()));
    out.addAll(pieces(zone, Problem.OUTSIDE, OverlayNGRobust.overlay(union, parentM, OverlayNG.DIFFERENCE), allowed, codes, metric));
    return out;
  }

  private static List<Place> overlaps(GaussKruger zone, List<String> codes, List<Geometry> metric, double allowed) {
    STRtree index = new STRtree();
    for (int i = 0; i < metric.size(); i++) index.insert(metric.get(i).getEnvelopeInternal(), i);
    List<Place> out = new ArrayList<>();
    for (int i = 0; i < metric.size(); i++) {
      for (Object o : index.query(metric.get(i).getEnvelopeInternal())) {
        int j = (Integer) o;
        if (j <= i) continue;
        Geometry both = Geometries.polygonal(OverlayNGRobust.overlay(metric.get(i), metric.get(j), OverlayNG.INTERSECTION));
        if (both.getArea() > allowed) {
          out.add(new Place(Problem.OVERLAP, List.of(codes.get(i), codes.get(j)), both.getArea(), where(zone, both)));
        }
      }
    }
    return largest(out);
  }

  /** Each polygon of {@code g} above the tolerance as a place; for OUTSIDE, naming the children that reach into it. */
  private static List<Place> pieces(GaussKruger zone, Problem problem, Geometry g, double allowed, List<String> codes, List<Geometry> metric) {
    Geometry polygons = Geometries.polygonal(g);
    List<Place> out = new ArrayList<>();
    for (int k = 0; k < polygons.getNumGeometries(); k++) {
      Geometry piece = polygons.getGeometryN(k);
      if (piece.getArea() <= allowed) continue;
      List<String> who = new ArrayList<>();
      for (int i = 0; i < metric.size(); i++) {
        if (metric.get(i).getEnvelopeInternal().intersects(piece.getEnvelopeInternal()) && metric.get(i).intersects(piece.getInteriorPoint())) {
          who.add(codes.get(i));
        }
      }
      out.add(new Place(problem, who, piece.getArea(), where(zone, piece)));
    }
    return largest(out);
  }

  /**
   * The WGS84 box of a metric piece without the hair-thin slivers that overlays leave along shared edges (an opening
   * by {@link #SLIVER_M}): they would stretch the box along a whole edge away from where the problem is.
   */
  private static Envelope where(GaussKruger zone, Geometry piece) {
    Geometry core = piece.buffer(-SLIVER_M).buffer(SLIVER_M);
    return zone.toWgs84(core.isEmpty() ? piece : core).getEnvelopeInternal();
  }

  private static List<Place> largest(List<Place> places) {
    return places.stream().sorted(Comparator.comparingDouble(Place::areaM2).reversed()).limit(MAX_PLACES).toList();
  }

  public static List<Violation> check(Map<String, Geometry> parents, Map<String, List<Geometry>> childrenByParent) {
    List<Violation> out = new ArrayList<>();
    for (var e : parents.entrySet()) {
      String code = e.getKey();
      List<Geometry> children = childrenByParent.getOrDefault(code, List.of());
      Geometry parent = MetricProjection.toMetres(e.getValue());
      double parentArea = parent.getArea(), allowed = parentArea * TOLERANCE;
      if (children.isEmpty()) {
        out.add(new Violation(code, "has no children", parentArea));
        continue;
      }
      List<Geometry> metric = children.stream().map(MetricProjection::toMetres).toList();
      double sum = metric.stream().mapToDouble(Geometry::getArea).sum();
      Geometry union = UnaryUnionOp.union(metric);
      double overlap = sum - union.getArea();
      if (overlap > allowed) out.add(new Violation(code, "children overlap each other", overlap));
      double uncovered = OverlayNGRobust.overlay(parent, union, org.locationtech.jts.operation.overlayng.OverlayNG.DIFFERENCE).getArea();
      if (uncovered > allowed) out.add(new Violation(code, "children leave part of it uncovered", uncovered));
      double outside = OverlayNGRobust.overlay(union, parent, org.locationtech.jts.operation.overlayng.OverlayNG.DIFFERENCE).getArea();
      if (outside > allowed) out.add(new Violation(code, "children reach outside it", outside));
    }
    return out;
  }
}
