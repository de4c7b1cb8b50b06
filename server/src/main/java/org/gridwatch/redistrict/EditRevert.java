package org.gridwatch.redistrict;

import org.gridwatch.problem.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.area.AreaHistory;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.Boundaries;
import org.gridwatch.incident.Rehoming;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.staff.Reassignment;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reverting a committed edit by a new edit: every area it touched, at every level, gets back the outline it had
 * before (a new version from now); areas it retired come back under their own codes, areas it created are retired.
 * Open cases in the touched grids are placed again (each with an audit entry), revived grids get back the staff
 * the edit took from them, and the catalog reloads. Both edits stay in the record, each naming the other.
 *
 * <p>Refused (409 {@code edit-superseded}) when any touched area changed after the edit (a later commit touched
 * it): the outlines before it would no longer tile with what is there now. Refused (409 {@code edit-reverted})
 * when it was reverted already. Restoring is exact, so the tiling of every parent is the one that held before.
 */
@Service
class EditRevert {
  private final EditSupport edits;
  private final EditLog log;
  private final AreaHistory history;

  EditRevert(EditSupport edits, EditLog log, AreaHistory history) {
    this.edits = edits;
    this.log = log;
    this.history = history;
  }

  /** One area to restore: the outline and name it had before the edit, and its version now (null: retired). */
  private record Restore(String code, Integer versionNow, AreaHistory.Version before) {
    boolean wasCreated() { return before == null; }
  }

  @Transactional
  EditCommit.Committed revert(String id, EditCommit.Actor actor) {
    EditRecord edit = log.lock(id);
    if (edit.revertedBy() != null) {
      throw new ProblemException(HttpStatus.CONFLICT, "edit-reverted", "Edit already reverted",
          Text.of("edit.reverted-by", id, edit.revertedBy()), List.of(new FieldError("id", Text.of("edit.already-reverted"))));
    }
    List<EditRecord.Touched> touched = edit.areas().stream()
        .sorted(Comparator.comparingInt((EditRecord.Touched t) -> t.code().length()).thenComparing(EditRecord.Touched::code)).toList();
    edits.boundaries.lockedTags(touched.stream().map(EditRecord.Touched::code).toList()); // parents locked, top down
    List<Restore> restores = unchangedSince(edit, touched);
    Instant now = edits.now();
    List<AreaRef> revived = new ArrayList<>(), reshaped = new ArrayList<>(), retired = new ArrayList<>();
    List<EditCommit.Saved> saved = new ArrayList<>();
    List<EditRecord.Touched> rows = new ArrayList<>();
    Map<String, Geometry> gridsAfter = new LinkedHashMap<>();
    Map<String, Integer> versions = new LinkedHashMap<>();
    Set<String> gridsNow = new LinkedHashSet<>(), gridsRevived = new LinkedHashSet<>(), gridsEnding = new LinkedHashSet<>();
    for (Restore r : restores) {
      boolean grid = AreaLevel.ofCode(r.code()).orElse(null) == AreaLevel.GRID;
      if (r.wasCreated()) {
        retired.add(AreaRef.retired(r.code(), edits.area(r.code()).name()));
        rows.add(new EditRecord.Touched(r.code(), edits.boundaries.retire(r.code(), now), null));
        if (grid) gridsEnding.add(r.code());
      } else {
        MultiPolygon outline = r.before().boundary();
        Shape shape = edits.shapeOf(outline);
        Boundaries.Current next = r.versionNow() == null
            ? edits.boundaries.revive(r.code(), outline, shape.households(), shape.residents(), now)
            : edits.boundaries.supersede(r.code(), outline, shape.households(), shape.residents(), now);
        (r.versionNow() == null ? revived : reshaped).add(AreaRef.current(r.code(), r.before().name()));
        rows.add(new EditRecord.Touched(r.code(), r.versionNow(), next.version()));
        saved.add(new EditCommit.Saved(next.code(), next.version(), next.etag()));
        if (grid) {
          gridsAfter.put(r.code(), outline);
          versions.put(r.code(), next.version());
          if (r.versionNow() == null) gridsRevived.add(r.code());
        }
      }
      if (grid && r.versionNow() != null) gridsNow.add(r.code());
    }
    List<Reassignment.Carried> staff = gridsRevived.isEmpty() && gridsEnding.isEmpty() ? List.of()
        : edits.staff.restore(gridsRevived, edit.committedAt(), gridsEnding, now);
    List<Rehoming.Moved> moved = gridsNow.isEmpty() ? List.of()
        : edits.rehoming.apply(gridsNow, Reshape.placer(withNeighbours(gridsAfter, gridsNow)), c -> versions.getOrDefault(c, 1),
            actor.name(), actor.role(), now);
    Set<String> changed = new LinkedHashSet<>();
    restores.forEach(r -> changed.add(r.code()));
    edits.boundaries.announce(changed, now);
    EditRecord undo = log.record("revert", edit.parentCode(), actor.name(), now, edit.id(), rows);
    edit.revertedBy(undo.id());
    return new EditCommit.Committed(undo.id(), "revert", revived, reshaped, retired, saved, moved, staff);
  }

  /** What to restore, or 409 naming every area a later edit changed. */
  private List<Restore> unchangedSince(EditRecord edit, List<EditRecord.Touched> touched) {
    List<Restore> out = new ArrayList<>();
    List<FieldError> changed = new ArrayList<>();
    for (EditRecord.Touched t : touched) {
      List<AreaHistory.Version> versions = history.of(t.code());
      Integer current = versions.stream().filter(v -> v.validTo() == null).map(AreaHistory.Version::version).findFirst().orElse(null);
      int last = versions.stream().mapToInt(AreaHistory.Version::version).max().orElse(0);
      boolean same = t.versionAfter() == null ? current == null && last == t.versionBefore() : t.versionAfter().equals(current);
      if (!same) {
        changed.add(new FieldError("areas", Text.of("edit.area-changed-later", t.code())));
        continue;
      }
      AreaHistory.Version before = t.versionBefore() == null ? null
          : versions.stream().filter(v -> v.version() == t.versionBefore()).findFirst().orElseThrow();
      out.add(new Restore(t.code(), current, before));
    }
    if (!changed.isEmpty()) {
      throw new ProblemException(HttpStatus.CONFLICT, "edit-superseded", "Edit changed since",
          Text.of("edit.superseded", changed.size(), edit.id()),
          changed);
    }
    return out;
  }

  /** The restored grids with the current grids around them that the revert leaves alone (a case on a shared edge is placed by the locator's rule). */
  private Map<String, Geometry> withNeighbours(Map<String, Geometry> restored, Set<String> touchedNow) {
    Envelope near = new Envelope();
    restored.values().forEach(g -> near.expandToInclude(g.getEnvelopeInternal()));
    Map<String, Geometry> out = new LinkedHashMap<>(restored);
    for (AreaView g : edits.catalog.now().level(AreaLevel.GRID)) {
      if (!touchedNow.contains(g.code()) && !out.containsKey(g.code()) && g.boundary().getEnvelopeInternal().intersects(near)) {
        out.put(g.code(), g.boundary());
      }
    }
    return out;
  }
}
