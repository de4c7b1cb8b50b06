package org.gridwatch.redistrict;

import org.gridwatch.problem.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.Boundaries;
import org.gridwatch.incident.Rehoming;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.staff.Reassignment;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commits an edit atomically: the parent is locked, the edit is worked out again on the boundaries as stored (so
 * that two planners editing neighbours one after the other cannot break the tiling), every touched area gets a
 * new version valid from now (new areas their first, retired ones their last), open cases in edited grids are
 * placed again with an audit entry, staff follow new grids, and the catalog is reloaded before the answer goes
 * out. {@code If-Match} with the area's entity tag guards against editing an outline that changed meanwhile (412).
 */
@Service
public class EditCommit {
  public record Saved(String code, int version, String etag) {}

  /**
   * A committed edit: its id (for {@code /api/v1/edits/{id}/revert}), what it created, reshaped and retired at any
   * level, the new versions, the open cases that changed grid and the staff carried into new grids.
   */
  public record Committed(String editId, String kind, List<AreaRef> created, List<AreaRef> reshaped, List<AreaRef> retired,
      List<Saved> saved, List<Rehoming.Moved> casesMoved, List<Reassignment.Carried> staff) {
    List<String> createdCodes() { return created.stream().map(AreaRef::code).toList(); }
  }

  /** Who commits, and whether they confirmed the edit's warnings (without, an edit with warnings is refused: 409). */
  public record Actor(String name, String role, boolean confirmed) {}

  private final EditSupport edits;
  private final EditWarnings warnings;
  private final EditLog log;

  EditCommit(EditSupport edits, EditWarnings warnings, EditLog log) {
    this.edits = edits;
    this.warnings = warnings;
    this.log = log;
  }

  @Transactional
  public Committed reshape(String code, Geometry outline, String ifMatch, Actor actor) {
    AreaView area = edits.area(code);
    if (area.level() == AreaLevel.DISTRICT) throw ProblemException.badInput("code", Text.of("redistrict.district-itself-cannot-reshaped"));
    Map<String, Geometry> current = locked(area.parentCode(), List.of(code), ifMatch);
    Geometry parent = edits.boundaries.currentOf(area.parentCode()).boundary();
    Reshape.Result r = Reshape.apply(parent, current, code, outline, edits.minPieceM2);
    if (!r.ok()) throw EditPreview.refused(area.parentCode(), r);
    return store(Edit.reshape(code, area.parentCode(), area.level(), edits.withNeighbours(area.parentCode(), current), r.after()),
        actor);
  }

  @Transactional
  public Committed split(String code, Split.Cut cut, String ifMatch, Actor actor) {
    AreaView area = edits.area(code);
    Map<String, Geometry> current = locked(area.parentCode(), List.of(code), ifMatch);
    Map<String, Geometry> children = area.level() == AreaLevel.GRID ? Map.of() : lockedChildren(code);
    return restructure(Split.plan(area, edits.withNeighbours(area.parentCode(), current), children, cut, edits.minPieceM2), actor);
  }

  @Transactional
  public Committed merge(List<String> codes, Actor actor) {
    List<AreaView> areas = Merge.areas(codes, edits);
    String parent = areas.get(0).parentCode();
    return restructure(Merge.plan(areas, edits.withNeighbours(parent, locked(parent, areas.stream().map(AreaView::code).toList(), null))), actor);
  }

  /**
   * Locks the parent and answers its children's stored outlines. 412 when an edited area is no longer current (an
   * edit that held the lock first retired it: the loser of two splits or merges of one area) or when the first
   * one's tag is not {@code ifMatch}.
   */
  private Map<String, Geometry> locked(String parentCode, List<String> edited, String ifMatch) {
    Map<String, Boundaries.Current> current = edits.boundaries.lockChildren(parentCode);
    for (String c : edited) {
      if (!current.containsKey(c)) {
        throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "changed-meanwhile", "Area changed meanwhile",
            Text.of("redistrict.x-was-changed-by-another", c),
            List.of(new ProblemException.FieldError("code", Text.of("redistrict.x-no-longer-current", c))));
      }
    }
    String code = edited.isEmpty() ? null : edited.get(0);
    if (ifMatch != null && code != null && !ifMatch.equals(current.get(code).etag())) {
      throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "stale-outline", "Outline changed meanwhile",
          Text.of("redistrict.x-now-x-not-x", code, current.get(code).etag(), ifMatch), List.of());
    }
    Map<String, Geometry> out = new LinkedHashMap<>();
    current.forEach((c, v) -> out.put(c, v.boundary()));
    return out;
  }

  /**
   * Stores a worked-out edit: new versions, new areas, retired ones; re-homes open cases; new grids take their
   * predecessors' staff and retired grids' assignments end. Above grid level the levels below follow
   * ({@link Cascade}, under their own locks). The caller holds the parent's lock.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  Committed store(Edit edit, Actor actor) {
    if (edit.level() == AreaLevel.GRID) return storeAll(List.of(edit), actor);
    Cascade.Result below = Cascade.below(edit, this::lockedChildren, edits::withNeighbours, edits.minPieceM2);
    if (!below.refusals().isEmpty()) throw EditPreview.refused(edit.parentCode(), new Reshape.Result(Map.of(), below.refusals()));
    List<Edit> all = new ArrayList<>(List.of(edit));
    all.addAll(below.edits());
    return storeAll(all, actor);
  }

  /** A split or merge; above grid level what was inside is re-created under the new areas (new codes), under locks. */
  private Committed restructure(Edit edit, Actor actor) {
    List<Edit> all = new ArrayList<>(List.of(edit));
    all.addAll(Cascade.recode(edit, this::lockedChildren, (parent, n) -> edits.boundaries.nextCodes(parent, Cascade.digitsUnder(parent), n)));
    return storeAll(all, actor);
  }

  /** The children of an area as stored, its row locked (levels below a community or subdistrict reshape). */
  private Map<String, Geometry> lockedChildren(String code) {
    Map<String, Geometry> out = new LinkedHashMap<>();
    edits.boundaries.lockChildren(code).forEach((c, v) -> out.put(c, v.boundary()));
    return out;
  }

  /**
   * Stores edits of several levels (top down) as one change: one announcement, one reload, one record (so that it
   * can be reverted). Refused (409) while it has warnings the planner has not confirmed.
   */
  private Committed storeAll(List<Edit> all, Actor actor) {
    EditWarnings.requireConfirmed(warnings.of(all), actor.confirmed());
    Set<String> changed = new LinkedHashSet<>();
    Instant now = edits.now();
    List<Saved> saved = new ArrayList<>();
    List<Reassignment.Carried> staff = new ArrayList<>();
    Map<String, Integer> versions = new HashMap<>();
    Map<String, Geometry> gridsAfter = new LinkedHashMap<>();
    Set<String> gridsBefore = new LinkedHashSet<>();
    List<AreaRef> created = new ArrayList<>(), reshaped = new ArrayList<>(), retired = new ArrayList<>();
    List<EditRecord.Touched> touched = new ArrayList<>();
    for (Edit edit : all) {
      Map<String, String> codeOf = new HashMap<>();
      edit.after().keySet().stream().filter(k -> !k.startsWith(Edit.NEW)).forEach(c -> reshaped.add(AreaRef.current(c, edits.area(c).name())));
      edit.retired().forEach(c -> retired.add(AreaRef.retired(c, edits.area(c).name())));
      Written w = write(edit, now, codeOf, versions);
      saved.addAll(w.saved());
      staff.addAll(w.staff());
      touched.addAll(w.touched());
      w.created().forEach((code, name) -> created.add(AreaRef.current(code, name)));
      changed.addAll(edit.before().keySet());
      changed.addAll(codeOf.values());
      if (edit.level() == AreaLevel.GRID) {
        edit.siblings().forEach(gridsAfter::putIfAbsent);
        gridsBefore.addAll(edit.before().keySet());
        edit.after().forEach((key, g) -> gridsAfter.put(codeOf.get(key), g));
      }
    }
    // Open cases are placed once, among every grid as it is after all the edits (a community reshape moves grids
    // of two communities at once, and a case can cross from one to the other).
    gridsBefore.forEach(c -> { if (!versions.containsKey(c)) gridsAfter.remove(c); }); // retired
    List<Rehoming.Moved> moved = gridsBefore.isEmpty() ? List.of()
        : edits.rehoming.apply(gridsBefore, Reshape.placer(gridsAfter), c -> versions.getOrDefault(c, 1), actor.name(), actor.role(), now);
    if (!changed.isEmpty()) edits.boundaries.announce(changed, now);
    String id = touched.isEmpty() ? null : log.record(all.get(0).kind(), all.get(0).parentCode(), actor.name(), now, null, touched).id();
    // Staff move with grids, which above grid level are the re-created ones (not the first edit's).
    return new Committed(id, all.get(0).kind(), created, reshaped, retired, saved, moved, staff);
  }

  /** What storing one edit wrote: new versions, the areas created (code → name), staff carried, the record's rows. */
  private record Written(List<Saved> saved, Map<String, String> created, List<Reassignment.Carried> staff,
      List<EditRecord.Touched> touched) {}

  /** A new area's name: the one planned, or (for areas re-created under a new parent) the name of the one it replaces. */
  private String nameOf(Edit edit, String key) {
    String name = edit.names().get(key);
    return name != null ? name : edits.area(edit.successors().get(key).get(0)).name();
  }

  /** Stores one edit's outlines (new versions, new areas, retired ones) and carries staff; fills in codes and versions. */
  private Written write(Edit edit, Instant now, Map<String, String> codeOf, Map<String, Integer> versions) {
    List<Saved> saved = new ArrayList<>();
    List<EditRecord.Touched> touched = new ArrayList<>();
    Map<String, String> created = new LinkedHashMap<>(), names = new LinkedHashMap<>();
    for (var e : edit.after().entrySet()) {
      Shape shape = edits.shapeOf(e.getValue());
      boolean isNew = e.getKey().startsWith(Edit.NEW);
      String name = isNew ? nameOf(edit, e.getKey()) : null;
      Boundaries.Current next = isNew
          ? edits.boundaries.create(edit.parentCode(), edit.successors().get(e.getKey()).get(0), name, e.getValue(), shape.households(),
              shape.residents(), now)
          : edits.boundaries.supersede(e.getKey(), e.getValue(), shape.households(), shape.residents(), now);
      if (isNew) {
        created.put(e.getKey(), next.code());
        names.put(next.code(), name);
      }
      touched.add(new EditRecord.Touched(next.code(), isNew ? null : next.version() - 1, next.version()));
      saved.add(new Saved(next.code(), next.version(), next.etag()));
      versions.put(next.code(), next.version());
      codeOf.put(e.getKey(), next.code());
    }
    List<String> retired = edit.retired();
    retired.forEach(c -> touched.add(new EditRecord.Touched(c, edits.boundaries.retire(c, now), null)));
    List<Reassignment.Carried> staff = List.of();
    if (edit.level() == AreaLevel.GRID) {
      Map<String, List<String>> successors = new LinkedHashMap<>();
      created.forEach((key, code) -> successors.put(code, edit.successors().get(key)));
      if (!successors.isEmpty() || !retired.isEmpty()) staff = edits.staff.carryOver(successors, Set.copyOf(retired), now);
    }
    return new Written(saved, names, staff, touched);
  }
}
