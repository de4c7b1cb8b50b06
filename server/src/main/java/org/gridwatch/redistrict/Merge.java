package org.gridwatch.redistrict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.Boundaries;
import org.gridwatch.geo.Geometries;
import org.gridwatch.incident.Rehoming;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.staff.Reassignment;
import org.gridwatch.problem.ProblemException.FieldError;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging adjacent sibling grids into one new grid: a new code (never a reused one), the union as its first
 * version, the old grids retired (their history kept), and their open cases moved to the new grid with an audit
 * entry. Grids only for now: merging communities or subdistricts would also re-parent their children.
 */
@Service
public class Merge {
  public record Merged(String code, String etag, List<String> retired, List<Rehoming.Moved> casesMoved,
      List<Reassignment.Carried> staff) {}

  private final EditSupport edits;

  Merge(EditSupport edits) { this.edits = edits; }

  @Transactional
  public Merged merge(List<String> requested, String actor, String actorRole) {
    Set<String> codes = new LinkedHashSet<>(requested);
    if (codes.size() < 2) throw ProblemException.badInput("codes", "name at least two different grids");
    List<AreaView> areas = new ArrayList<>();
    for (String c : codes) {
      areas.add(edits.area(c));
    }
    String parent = areas.get(0).parentCode();
    for (AreaView a : areas) {
      if (a.level() != AreaLevel.GRID) throw ProblemException.badInput("codes", a.code() + " is not a grid; only grids merge for now");
      if (!a.parentCode().equals(parent)) throw ProblemException.badInput("codes", a.code() + " is not in " + parent + " like " + areas.get(0).code());
    }
    Map<String, Boundaries.Current> current = edits.boundaries.lockChildren(parent);
    Geometry union = null;
    for (String c : codes) {
      if (!current.containsKey(c)) throw ProblemException.notFound("unknown-area", "Unknown area", c + " is no longer current");
      union = union == null ? current.get(c).boundary() : Reshape.overlay(union, current.get(c).boundary(), OverlayNG.UNION);
    }
    if (union.getNumGeometries() > 1) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "edit-refused", "Edit refused", "the grids do not form one piece",
          List.of(new FieldError("codes", "not adjacent: the union has " + union.getNumGeometries() + " pieces")));
    }
    Shape shape = edits.shapeOf(union);
    Instant now = edits.now();
    String name = areas.get(0).name() + "（合并）";
    Boundaries.Current created = edits.boundaries.create(parent, areas.get(0).code(), name, Geometries.asMultiPolygon(union),
        shape.households(), shape.residents(), now);
    for (String c : codes) edits.boundaries.retire(c, now);
    List<Rehoming.Moved> moved = edits.rehoming.apply(codes, p -> created.code(), created.version(), actor, actorRole, now);
    List<Reassignment.Carried> staff = edits.staff.carryOver(Map.of(created.code(), List.copyOf(codes)), now);
    Set<String> changed = new LinkedHashSet<>(codes);
    changed.add(created.code());
    edits.boundaries.announce(changed, now);
    return new Merged(created.code(), created.etag(), List.copyOf(codes), moved, staff);
  }
}
