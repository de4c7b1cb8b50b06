package org.gridwatch.redistrict;

import org.gridwatch.problem.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.TilingCheck;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.springframework.http.HttpStatus;

/**
 * Splitting an area in two, along a drawn line or into two given polygons: both halves get new codes (never
 * reused ones), the old area is retired with its history kept. A grid's open cases go to the half they lie in and
 * both halves keep its staff until reassigned; a community or subdistrict is split along its children's borders
 * and what was inside is re-created in the halves ({@link Cascade#recode}). The halves must tile the area,
 * neither a sliver. The halves are snapped to the 1e-7° grid like every outline, and where the cut meets the grid's edge it is moved
 * along that edge to the grid point lying nearest it ({@link OutlineJunctions}), so no sliver opens along the edge.
 */
final class Split {
  private Split() {}

  /** How the planner asked for the split: a line, or two polygons. */
  record Cut(Geometry line, List<Geometry> pieces) {}

  /**
   * @param children the area's children (empty for a grid): above grid level the cut only says on which side each
   *                 child lies (the side holding most of it), and the halves are the unions of their children, so
   *                 no grid is ever cut by a community split
   */
  static Edit plan(AreaView area, Map<String, ? extends Geometry> siblings, Map<String, Geometry> children, Cut cut, double minPieceM2) {
    Geometry current = siblings.get(area.code());
    String field = cut.line() != null ? "line" : "pieces";
    List<Geometry> halves = OutlineJunctions.flush(current,
        cut.line() != null ? byLine(current, cut.line()) : byPieces(current, cut.pieces(), minPieceM2));
    if (area.level() != AreaLevel.GRID && halves.size() == 2) halves = alongChildren(halves, children, field);
    if (halves.size() != 2) throw refused(field, "the split gives " + halves.size() + " pieces, not 2", cut.line());
    for (Geometry p : halves) {
      double m2 = MetricProjection.areaM2(p);
      if (m2 < minPieceM2) throw refused(field, String.format(Locale.ROOT, "leaves a sliver of %.1f m² (minimum %.0f m²)", m2, minPieceM2), p);
    }
    var gaps = TilingCheck.check(Map.of("g", current), Map.of("g", halves));
    if (!gaps.isEmpty()) throw refused(field, "the halves do not tile the area: " + gaps.get(0).problem() + String.format(Locale.ROOT, " (%.1f m²)", gaps.get(0).areaM2()), halves.get(0));
    Map<String, MultiPolygon> after = new LinkedHashMap<>();
    Map<String, List<String>> successors = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < 2; i++) {
      String key = Edit.NEW + (i + 1);
      after.put(key, Geometries.asMultiPolygon(halves.get(i)));
      successors.put(key, List.of(area.code()));
      names.put(key, area.name() + (i == 0 ? "（一）" : "（二）"));
    }
    return new Edit("split", area.code(), area.parentCode(), area.level(), siblings, Map.of(area.code(), current), after, successors,
        names);
  }

  /** The two sides as unions of whole children, each child on the side holding most of it; refused if one is empty or in pieces. */
  private static List<Geometry> alongChildren(List<Geometry> sides, Map<String, Geometry> children, String field) {
    Map<String, Geometry> byKey = Map.of("0", sides.get(0), "1", sides.get(1));
    Geometry[] unions = new Geometry[2];
    for (Geometry child : children.values()) {
      int i = Integer.parseInt(Cascade.holderOf(child, byKey));
      unions[i] = unions[i] == null ? child : Reshape.overlay(unions[i], child, OverlayNG.UNION);
    }
    for (int i = 0; i < 2; i++) {
      if (unions[i] == null) throw refused(field, "no whole area inside lies on one side of the line", sides.get(i));
      if (unions[i].getNumGeometries() > 1) throw refused(field, "the areas on one side of the line do not form one piece", unions[i]);
    }
    return List.of(unions[0], unions[1]);
  }

  /** The grid cut by the line, each piece snapped to the common precision grid. */
  static List<Geometry> byLine(Geometry grid, Geometry line) {
    if (!(line instanceof LineString || line instanceof MultiLineString)) throw ProblemException.badInput("line", Text.of("redistrict.must-linestring"));
    Polygonizer polygonizer = new Polygonizer();
    polygonizer.add(grid.getBoundary().union(line));
    List<Geometry> out = new ArrayList<>();
    var inside = PreparedGeometryFactory.prepare(grid);
    for (Object o : polygonizer.getPolygons()) {
      Geometry face = (Geometry) o;
      if (!inside.contains(face.getInteriorPoint())) continue;
      Geometry piece = Reshape.overlay(grid, face, OverlayNG.INTERSECTION);
      if (!piece.isEmpty()) out.add(piece);
    }
    return out;
  }

  /**
   * Two polygons drawn to tile the grid: the first is clipped to the grid and the second becomes the rest, so the
   * halves tile exactly; refused when the second differs from that rest by more than a sliver (gap or overlap).
   */
  static List<Geometry> byPieces(Geometry grid, List<Geometry> pieces, double minPieceM2) {
    if (pieces == null || pieces.size() != 2) throw ProblemException.badInput("pieces", Text.of("redistrict.give-exactly-two-polygons"));
    for (int i = 0; i < 2; i++) {
      Geometry p = pieces.get(i);
      String field = "pieces[" + i + "]";
      if (!(p instanceof Polygon || p instanceof MultiPolygon) || p.isEmpty()) throw ProblemException.badInput(field, Text.of("redistrict.must-polygon"));
      IsValidOp valid = new IsValidOp(p);
      if (!valid.isValid()) throw refused(field, "is not a valid polygon: " + valid.getValidationError().getMessage(), p);
    }
    Geometry first = Reshape.overlay(pieces.get(0), grid, OverlayNG.INTERSECTION);
    Geometry rest = Reshape.overlay(grid, first, OverlayNG.DIFFERENCE);
    double off = MetricProjection.areaM2(Reshape.overlay(rest, pieces.get(1), OverlayNG.SYMDIFFERENCE));
    if (off >= minPieceM2) {
      Geometry where = Reshape.overlay(rest, pieces.get(1), OverlayNG.SYMDIFFERENCE);
      throw refused("pieces[1]", String.format(Locale.ROOT, "the two polygons leave %.1f m² of the grid uncovered or covered twice", off), where);
    }
    return List.of(first, rest).stream().filter(g -> !g.isEmpty()).flatMap(g -> g.getNumGeometries() > 1
        ? java.util.stream.IntStream.range(0, g.getNumGeometries()).mapToObj(g::getGeometryN) : java.util.stream.Stream.of(g)).toList();
  }

  private static ProblemException refused(String field, String reason, Geometry where) {
    String at = "";
    if (where != null && !where.isEmpty()) {
      var c = where.getInteriorPoint().getCoordinate();
      at = String.format(Locale.ROOT, " at (%.7f, %.7f)", c.x, c.y);
    }
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "edit-refused", "Edit refused", reason,
        List.of(new FieldError(field, reason + at)));
  }
}
