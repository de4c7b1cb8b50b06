package org.gridwatch.redistrict;

import org.gridwatch.problem.Text;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.Boundaries;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.incident.Rehoming;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.staff.Reassignment;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replacing the children of a parent (a community's grids, a subdistrict's communities, the district's
 * subdistricts) by a given tiling, atomically. A piece carrying a current child's code keeps that area (a new
 * version if its outline changed), a piece without a code becomes a new area with a new, never reused code, and
 * a current child left out is retired. The rules are those of a reshape (see {@link Retiling}); any refusal is a
 * 422 naming every offending feature, and nothing is written. Above grid level only reshapes are allowed: a new
 * community or subdistrict would have no grids, and retiring one would orphan its grids.
 *
 * <p>On success open cases in touched grids are placed again (each with an audit entry), each new grid takes the
 * staff of the old grid it overlaps most, retired grids' assignments end, and the catalog reloads after commit.
 * Several parents can be re-tiled in one transaction ({@link #applyAll}); their locks are taken in code order.
 */
@Service
public class Retile {
  /** One new child: {@code feature} is its index in the request, for refusals; code and name may be null. */
  public record Piece(int feature, String code, String name, Geometry outline) {}

  /** The new children of one parent. */
  public record Group(String parent, List<Piece> pieces) {}

  /** What a piece did: {@code fate} is kept, reshaped, created or retired; {@code before}/{@code after} may be null. */
  public record Change(String code, String fate, Integer feature, Shape before, Shape after, MultiPolygon outline) {}

  /** What re-tiling one parent would do: the areas it touches, and the open cases that would change grid. */
  public record Planned(String parent, int kept, List<Change> touched, List<Rehoming.Moved> casesMoving) {}

  /** A new area and the feature it came from. */
  public record Created(String code, int feature) {}

  /** The outcome for one parent. */
  public record Done(String parent, List<String> kept, List<String> reshaped, List<Created> created, List<String> retired,
      List<Rehoming.Moved> casesMoved, List<Reassignment.Carried> staff, List<EditCommit.Saved> saved, EditCommit.Committed committed) {}

  private final EditSupport edits;
  private final EditCommit commit;
  private final EntityManager em;

  Retile(EditSupport edits, EditCommit commit, EntityManager em) {
    this.edits = edits;
    this.commit = commit;
    this.em = em;
  }

  /** Re-tiles one parent. */
  @Transactional
  public Done apply(String parent, List<Piece> pieces, EditCommit.Actor actor) {
    return applyAll(List.of(new Group(parent, pieces)), actor).get(0);
  }

  /** Re-tiles every group's parent in one transaction; if any piece is refused, nothing is written. */
  @Transactional
  public List<Done> applyAll(List<Group> groups, EditCommit.Actor actor) {
    Map<String, Group> byParent = byParent(groups);
    Map<String, Retiling.Result> checked = new LinkedHashMap<>();
    Map<String, Map<String, Boundaries.Current>> stored = new LinkedHashMap<>();
    List<FieldError> errors = new ArrayList<>();
    // Nothing is pending while checking: without this every lock query would first dirty-check every outline
    // loaded so far (quadratic: about 4 s instead of under 1 s for an unchanged import of all 1,103 grids).
    em.setFlushMode(FlushModeType.COMMIT);
    try {
      for (Group g : byParent.values()) {
        AreaView parent = parentOf(g.parent());
        Map<String, Boundaries.Current> children = edits.boundaries.lockChildren(g.parent());
        Map<String, Geometry> current = new LinkedHashMap<>();
        children.forEach((c, v) -> current.put(c, v.boundary()));
        Retiling.Result r = check(parent, edits.boundaries.currentOf(g.parent()).boundary(), current, g.pieces());
        errors.addAll(r.errors());
        checked.put(g.parent(), r);
        stored.put(g.parent(), children);
      }
    } finally {
      em.setFlushMode(FlushModeType.AUTO);
    }
    if (!errors.isEmpty()) throw refused(errors);
    List<Done> out = new ArrayList<>();
    for (var e : checked.entrySet()) out.add(write(parentOf(e.getKey()), stored.get(e.getKey()), e.getValue(), actor));
    return out;
  }

  /** What re-tiling each group would do, on the outlines as they are now; nothing is written. */
  @Transactional(readOnly = true)
  public List<Planned> preview(List<Group> groups) {
    AreaCatalog.Snapshot s = edits.catalog.now();
    List<FieldError> errors = new ArrayList<>();
    List<Planned> out = new ArrayList<>();
    for (Group g : byParent(groups).values()) {
      AreaView parent = parentOf(g.parent());
      Map<String, Geometry> current = new LinkedHashMap<>();
      s.children(parent.code()).forEach(c -> current.put(c.code(), c.boundary()));
      Retiling.Result r = check(parent, parent.boundary(), current, g.pieces());
      errors.addAll(r.errors());
      if (r.ok()) out.add(planned(parent, r, current));
    }
    if (!errors.isEmpty()) throw refused(errors);
    return out;
  }

  /** 422 naming every refused feature. */
  static ProblemException refused(List<FieldError> errors) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "edit-refused", "Edit refused", Text.of("redistrict.new-tiling-has-x-x", errors.size(), errors.size() == 1 ? Text.of("redistrict.problem") : Text.of("redistrict.problems")), errors);
  }

  private Retiling.Result check(AreaView parent, Geometry outline, Map<String, Geometry> current, List<Piece> pieces) {
    Retiling.Result r = Retiling.check(parent.code(), outline, current, pieces, edits.catalog.now()::find, edits.minPieceM2);
    if (parent.level().child() == AreaLevel.GRID) return r;
    List<FieldError> errors = new ArrayList<>(r.errors());
    String what = parent.level().child().plural();
    for (Piece p : pieces) {
      if (p.code() == null) {
        errors.add(new FieldError(Retiling.field(p) + ".properties.code", Text.of("redistrict.new-x-not-made-by", Text.of("level." + what))));
      }
    }
    for (String code : r.retired()) {
      int below = edits.catalog.now().children(code).size();
      if (below > 0) errors.add(new FieldError("features", Text.of("redistrict.leaves-out-x-which-still", code, below, Text.of("level." + parent.level().child().child().plural()),
          Text.of("level." + what))));
    }
    return errors.isEmpty() ? r : new Retiling.Result(List.of(), r.retired(), errors);
  }

  /** A checked tiling as an {@link Edit}, with the children kept as they were and the feature each new area came from. */
  private record Plan(Edit edit, List<String> kept, List<Integer> features) {}

  private Plan plan(AreaView parent, Map<String, Geometry> current, Retiling.Result r) {
    List<String> kept = new ArrayList<>();
    Map<String, Geometry> before = new LinkedHashMap<>();
    Map<String, MultiPolygon> after = new LinkedHashMap<>();
    Map<String, List<String>> successors = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    List<Integer> features = new ArrayList<>();
    for (Retiling.Outline o : r.outlines()) {
      String code = o.piece().code();
      switch (o.fate()) {
        case KEPT -> kept.add(code);
        case RESHAPED -> {
          before.put(code, current.get(code));
          after.put(code, o.outline());
        }
        case CREATED -> {
          String key = Edit.NEW + (features.size() + 1), from = overlapsMost(o.outline(), current);
          after.put(key, o.outline());
          successors.put(key, List.of(from));
          names.put(key, o.piece().name() != null ? o.piece().name() : edits.area(from).name() + "（新）");
          features.add(o.piece().feature());
        }
      }
    }
    for (String code : r.retired()) before.put(code, current.get(code));
    Edit edit = new Edit("children", parent.code(), parent.code(), parent.level().child(), edits.withNeighbours(parent.code(), current),
        before, after, successors, names);
    return new Plan(edit, kept, features);
  }

  /** The re-tiling of one parent as an edit on the outlines as they are now (for a preview or a draft); 422 when refused. */
  @Transactional(readOnly = true)
  Edit edit(String parentCode, List<Piece> pieces) {
    AreaView parent = parentOf(parentCode);
    Map<String, Geometry> current = new LinkedHashMap<>();
    edits.catalog.now().children(parentCode).forEach(c -> current.put(c.code(), c.boundary()));
    Retiling.Result r = check(parent, parent.boundary(), current, pieces);
    if (!r.errors().isEmpty()) throw refused(r.errors());
    return plan(parent, current, r).edit();
  }

  /** Stores one parent's new tiling through the same commit as every other edit. */
  private Done write(AreaView parent, Map<String, Boundaries.Current> stored, Retiling.Result r, EditCommit.Actor actor) {
    Map<String, Geometry> current = new LinkedHashMap<>();
    stored.forEach((c, v) -> current.put(c, v.boundary()));
    Plan plan = plan(parent, current, r);
    Edit edit = plan.edit();
    if (edit.before().isEmpty() && edit.after().isEmpty()) {
      return new Done(parent.code(), plan.kept(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
          new EditCommit.Committed(null, "children", List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
    }
    EditCommit.Committed c = commit.store(edit, actor);
    List<Created> created = new ArrayList<>();
    for (int i = 0; i < c.created().size(); i++) created.add(new Created(c.created().get(i).code(), plan.features().get(i)));
    List<String> reshaped = edit.after().keySet().stream().filter(k -> !k.startsWith(Edit.NEW)).toList();
    return new Done(parent.code(), plan.kept(), reshaped, created, c.retired().stream().map(AreaRef::code).toList(), c.casesMoved(),
        c.staff(), c.saved(), c);
  }

  private Planned planned(AreaView parent, Retiling.Result r, Map<String, Geometry> current) {
    List<Change> touched = new ArrayList<>();
    Map<String, Geometry> after = new TreeMap<>();
    int kept = 0;
    for (Retiling.Outline o : r.outlines()) {
      String code = o.piece().code() != null ? o.piece().code() : Retiling.field(o.piece());
      after.put(code, o.outline());
      if (o.fate() == Retiling.Fate.KEPT) {
        kept++;
        continue;
      }
      Geometry before = o.fate() == Retiling.Fate.CREATED ? null : current.get(code);
      touched.add(new Change(o.piece().code(), o.fate().name().toLowerCase(java.util.Locale.ROOT), o.piece().feature(),
          before == null ? null : edits.shapeOf(before), edits.shapeOf(o.outline()), o.outline()));
    }
    for (String code : r.retired()) touched.add(new Change(code, "retired", null, edits.shapeOf(current.get(code)), null, null));
    List<Rehoming.Moved> moving = List.of();
    if (parent.level().child() == AreaLevel.GRID && !touched.isEmpty()) {
      List<String> grids = touched.stream().map(Change::code).filter(c -> c != null && current.containsKey(c)).toList();
      var placeAfter = Reshape.placer(after);
      List<Rehoming.Moved> out = new ArrayList<>();
      for (Rehoming.Open c : edits.rehoming.open(grids)) {
        String to = placeAfter.apply(c.location());
        if (to != null && !to.equals(c.grid())) out.add(new Rehoming.Moved(c.publicId(), c.grid(), to));
      }
      moving = out;
    }
    return new Planned(parent.code(), kept, touched, moving);
  }

  /** The current child a new piece overlaps most: it lends the new area its kind, and (for grids) its staff. */
  private static String overlapsMost(Geometry outline, Map<String, Geometry> current) {
    String best = null;
    double most = -1;
    for (var e : current.entrySet()) {
      if (!e.getValue().getEnvelopeInternal().intersects(outline.getEnvelopeInternal()) && best != null) continue;
      double m2 = MetricProjection.areaM2(Reshape.overlay(outline, e.getValue(), OverlayNG.INTERSECTION));
      if (m2 > most) {
        most = m2;
        best = e.getKey();
      }
    }
    return best;
  }

  private AreaView parentOf(String code) {
    AreaView parent = edits.area(code);
    if (parent.level() == AreaLevel.GRID) throw ProblemException.badInput("code", Text.of("redistrict.x-grid-grids-have-no", code));
    return parent;
  }

  /** Groups by parent in code order (so that locks are always taken in the same order); a parent twice is refused. */
  private static Map<String, Group> byParent(List<Group> groups) {
    Map<String, Group> out = new TreeMap<>();
    for (Group g : groups) {
      if (out.put(g.parent(), g) != null) throw ProblemException.badInput("parent", Text.of("redistrict.x-given-twice", g.parent()));
    }
    return out;
  }
}
