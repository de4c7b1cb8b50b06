package org.gridwatch.redistrict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridwatch.area.TilingCheck;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * A new outline for one area inside its parent, keeping the parent exactly tiled: area the new outline takes
 * from siblings leaves them; area it gives up goes, piece by piece, to the sibling sharing the longest border
 * with the piece. All overlays snap to one precision grid (1e-7°, about 1 cm) so that shared edges stay shared.
 * Pure: WGS84 geometries in, WGS84 geometries out; refusals say what is wrong and where.
 */
public final class Reshape {
  /** The precision every result is snapped to: 1e-7 degrees. */
  static final PrecisionModel GRID = new PrecisionModel(1e7);

  /** Why an edit cannot be made, with a place to show on the map (WGS84), if there is one. */
  public record Refusal(String field, String reason, Coordinate where) {
    public String message() {
      return where == null ? reason : String.format(Locale.ROOT, "%s at (%.7f, %.7f)", reason, where.x, where.y);
    }
  }

  /** The outcome: every sibling's outline after the edit (the edited area included), or the refusals. */
  public record Result(Map<String, MultiPolygon> after, List<Refusal> refusals) {
    public boolean ok() { return refusals.isEmpty(); }
  }

  private Reshape() {}

  /**
   * @param parent   the parent's outline
   * @param siblings every child of the parent as it is now, the edited one included
   * @param code     the area being reshaped
   * @param outline  its new outline (a Polygon or MultiPolygon)
   * @param minPieceM2 pieces smaller than this are slivers and refused
   */
  public static Result apply(Geometry parent, Map<String, ? extends Geometry> siblings, String code, Geometry outline,
      double minPieceM2) {
    List<Refusal> refusals = new ArrayList<>();
    if (!(outline instanceof Polygon || outline instanceof MultiPolygon) || outline.isEmpty()) {
      return refused("geometry", "must be a non-empty Polygon or MultiPolygon", null);
    }
    IsValidOp valid = new IsValidOp(outline);
    if (!valid.isValid()) {
      return refused("geometry", "is not a valid polygon: " + valid.getValidationError().getMessage(),
          valid.getValidationError().getCoordinate());
    }
    Geometry outside = overlay(outline, parent, OverlayNG.DIFFERENCE);
    if (MetricProjection.areaM2(outside) > minPieceM2) {
      return refused("geometry", String.format(Locale.ROOT, "reaches %.0f m² outside its parent", MetricProjection.areaM2(outside)),
          outside.getInteriorPoint().getCoordinate());
    }
    Geometry target = overlay(outline, parent, OverlayNG.INTERSECTION);
    Map<String, Geometry> after = new LinkedHashMap<>();
    for (var e : siblings.entrySet()) {
      if (!e.getKey().equals(code)) after.put(e.getKey(), overlay(e.getValue(), target, OverlayNG.DIFFERENCE));
    }
    Geometry givenUp = overlay(siblings.get(code), target, OverlayNG.DIFFERENCE);
    for (int i = 0; i < givenUp.getNumGeometries(); i++) {
      Geometry piece = givenUp.getGeometryN(i);
      if (MetricProjection.areaM2(piece) < 0.01) continue; // snapping dust, not territory
      String to = longestBorder(piece, after);
      if (to == null) {
        refusals.add(new Refusal("geometry", "gives up a piece no sibling borders (it would leave a hole in the parent)", piece.getInteriorPoint().getCoordinate()));
        continue;
      }
      after.put(to, overlay(after.get(to), piece, OverlayNG.UNION));
    }
    after.put(code, target);
    Map<String, MultiPolygon> out = new LinkedHashMap<>();
    boolean parentInPieces = parent.getNumGeometries() > 1;
    for (var e : after.entrySet()) {
      Geometry g = Geometries.polygonal(e.getValue());
      if (g.isEmpty()) {
        refusals.add(new Refusal("geometry", "leaves nothing of " + e.getKey(), siblings.get(e.getKey()).getInteriorPoint().getCoordinate()));
        continue;
      }
      for (int i = 0; i < g.getNumGeometries(); i++) {
        double m2 = MetricProjection.areaM2(g.getGeometryN(i));
        if (m2 < minPieceM2) {
          refusals.add(new Refusal("geometry", String.format(Locale.ROOT, "leaves a sliver of %.1f m² in %s (minimum %.0f m²)",
              m2, e.getKey(), minPieceM2), g.getGeometryN(i).getInteriorPoint().getCoordinate()));
        }
      }
      if (g.getNumGeometries() > 1 && !parentInPieces) {
        refusals.add(new Refusal("geometry", e.getKey() + " would be in " + g.getNumGeometries() + " pieces",
            g.getGeometryN(1).getInteriorPoint().getCoordinate()));
      }
      if (g instanceof Polygon || g instanceof MultiPolygon) out.put(e.getKey(), Geometries.asMultiPolygon(g));
    }
    if (refusals.isEmpty()) {
      for (TilingCheck.Violation v : TilingCheck.check(Map.of("parent", parent), Map.of("parent", List.copyOf(out.values())))) {
        refusals.add(new Refusal("geometry", "the parent would not stay tiled: " + v.problem() + String.format(Locale.ROOT,
            " (%.1f m²)", v.areaM2()), null));
      }
    }
    return new Result(refusals.isEmpty() ? out : Map.of(), refusals);
  }

  /** Whether an outline really changed (more than 1 cm² either way). */
  public static boolean changed(Geometry before, Geometry after) {
    return MetricProjection.areaM2(overlay(before, after, OverlayNG.SYMDIFFERENCE)) >= 0.01;
  }

  /**
   * Places points among the given areas exactly as the locator will once they are stored (the same index and
   * the same shared-edge rule: the lowest code), so that re-homed cases agree with what locate answers.
   */
  public static java.util.function.Function<org.locationtech.jts.geom.Point, String> placer(Map<String, ? extends Geometry> areas) {
    return placer(areas, java.util.Comparator.naturalOrder());
  }

  /** The same, for keys that are not yet codes: {@code order} ranks them as the codes they will get. */
  static java.util.function.Function<org.locationtech.jts.geom.Point, String> placer(Map<String, ? extends Geometry> areas,
      java.util.Comparator<String> order) {
    List<String> codes = new ArrayList<>(areas.keySet());
    var index = new org.gridwatch.geo.index.PolygonCoverageIndex<String>(codes, areas::get, order);
    return p -> index.locate(p.getX(), p.getY());
  }

  /** The sibling sharing the longest border with a piece (borders measured within 1 cm), or null if none touches it. */
  static String longestBorder(Geometry piece, Map<String, Geometry> siblings) {
    Geometry near = piece.buffer(1e-7);
    String best = null;
    double longest = 0;
    for (var e : siblings.entrySet()) {
      if (!e.getValue().getEnvelopeInternal().intersects(near.getEnvelopeInternal())) continue;
      double shared = near.intersection(e.getValue().getBoundary()).getLength();
      if (shared > longest) {
        longest = shared;
        best = e.getKey();
      }
    }
    return best;
  }

  /** A snap-rounded overlay keeping only its areal part (touching inputs can add points and lines). */
  static Geometry overlay(Geometry a, Geometry b, int op) {
    Geometry g = Geometries.polygonal(OverlayNG.overlay(a, b, op, GRID));
    g.setSRID(Geometries.WGS84_SRID);
    return g;
  }

  private static Result refused(String field, String reason, Coordinate where) {
    return new Result(Map.of(), List.of(new Refusal(field, reason, where)));
  }
}
