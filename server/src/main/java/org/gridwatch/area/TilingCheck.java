package org.gridwatch.area;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridwatch.geo.MetricProjection;
import org.locationtech.jts.geom.Geometry;
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

  private TilingCheck() {}

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
