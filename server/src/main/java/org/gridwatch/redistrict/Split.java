package org.gridwatch.redistrict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.Boundaries;
import org.gridwatch.area.TilingCheck;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.incident.Rehoming;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.staff.Reassignment;
import org.gridwatch.problem.ProblemException.FieldError;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Splitting a grid in two along a drawn line: both halves get new codes (never reused ones), the old grid is
 * retired with its history kept, and its open cases go to the half they lie in, each with an audit entry. The
 * line must cut the grid into exactly two pieces, neither a sliver. Grids only for now.
 */
@Service
public class Split {
  public record Done(List<String> codes, String retired, List<Rehoming.Moved> casesMoved, List<Reassignment.Carried> staff) {}

  private final EditSupport edits;

  Split(EditSupport edits) { this.edits = edits; }

  @Transactional
  public Done split(String code, Geometry line, String actor, String actorRole) {
    AreaView area = edits.area(code);
    if (area.level() != AreaLevel.GRID) throw ProblemException.badInput("code", code + " is not a grid; only grids split for now");
    if (!(line instanceof LineString || line instanceof MultiLineString)) throw ProblemException.badInput("line", "must be a LineString");
    Boundaries.Current current = edits.boundaries.lockChildren(area.parentCode()).get(code);
    List<Geometry> pieces = pieces(current.boundary(), line);
    if (pieces.size() != 2) throw refused("the line cuts the grid into " + pieces.size() + " pieces, not 2", line);
    for (Geometry p : pieces) {
      double m2 = MetricProjection.areaM2(p);
      if (m2 < edits.minPieceM2) throw refused(String.format(Locale.ROOT, "leaves a sliver of %.1f m² (minimum %.0f m²)", m2, edits.minPieceM2), p);
    }
    List<Geometry> check = new ArrayList<>(pieces);
    if (!TilingCheck.check(Map.of("g", current.boundary()), Map.of("g", check)).isEmpty()) throw refused("the halves do not tile the grid", line);
    Instant now = edits.now();
    Map<String, MultiPolygon> created = new LinkedHashMap<>();
    for (int i = 0; i < pieces.size(); i++) {
      MultiPolygon half = Geometries.asMultiPolygon(pieces.get(i));
      Shape shape = edits.shapeOf(half);
      Boundaries.Current c = edits.boundaries.create(area.parentCode(), code, area.name() + (i == 0 ? "（一）" : "（二）"), half,
          shape.households(), shape.residents(), now);
      created.put(c.code(), half);
    }
    edits.boundaries.retire(code, now);
    List<Rehoming.Moved> moved = edits.rehoming.apply(List.of(code), Reshape.placer(created), 1, actor, actorRole, now);
    Map<String, List<String>> successors = new LinkedHashMap<>();
    created.keySet().forEach(c -> successors.put(c, List.of(code)));
    List<Reassignment.Carried> staff = edits.staff.carryOver(successors, now);
    Set<String> changed = new LinkedHashSet<>(created.keySet());
    changed.add(code);
    edits.boundaries.announce(changed, now);
    return new Done(List.copyOf(created.keySet()), code, moved, staff);
  }

  /** The grid cut by the line, each piece snapped to the common precision grid. */
  static List<Geometry> pieces(Geometry grid, Geometry line) {
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

  private static ProblemException refused(String reason, Geometry where) {
    var at = where.getInteriorPoint().getCoordinate();
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "edit-refused", "Edit refused", reason,
        List.of(new FieldError("line", String.format(Locale.ROOT, "%s at (%.7f, %.7f)", reason, at.x, at.y))));
  }
}
