package org.gridwatch.staff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Staff follow grids that are merged or split (一员一警两队): a new grid takes, role by role, the people and teams
 * holding that role in the first old grid that had any; the old grids' assignments end. After a split both halves keep the old
 * grid's people until a planner reassigns them. The roster is reloaded once the edit has committed.
 */
@Service
public class Reassignment {
  /** One role filled in a new grid (by a person or team, named by code), and from which old grid. */
  public record Carried(String grid, String role, String holder, String from) {}

  private final GridAssignmentRepository assignments;
  private final Roster roster;
  private final org.springframework.context.ApplicationEventPublisher events;

  Reassignment(GridAssignmentRepository assignments, Roster roster, org.springframework.context.ApplicationEventPublisher events) {
    this.assignments = assignments;
    this.roster = roster;
    this.events = events;
  }

  /**
   * {@code successors}: every new grid with the old grids it takes its staff from, in order of preference. Only the
   * assignments of the grids in {@code ending} end (the grids that are gone): a re-tiling can carry a kept grid's
   * staff into a new grid cut from it while the kept grid keeps them too.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Carried> carryOver(Map<String, List<String>> successors, java.util.Set<String> ending, Instant now) {
    List<Carried> out = new ArrayList<>();
    for (var e : successors.entrySet()) {
      List<GridAssignment> old = assignments.findCurrentIn(e.getValue());
      Map<RoleType, String> sourceOf = new EnumMap<>(RoleType.class);
      for (String grid : e.getValue()) {
        for (GridAssignment a : old) if (a.getGridCode().equals(grid)) sourceOf.putIfAbsent(a.getRole(), grid);
      }
      for (GridAssignment a : old) {
        if (!a.getGridCode().equals(sourceOf.get(a.getRole()))) continue;
        assignments.save(new GridAssignment(e.getKey(), a.getRole(), a.getPerson(), a.getTeam(), now));
        String holder = a.getPerson() != null ? a.getPerson().getCode() : a.getTeam().getCode();
        out.add(new Carried(e.getKey(), a.getRole().name(), holder, a.getGridCode()));
      }
    }
    if (!ending.isEmpty()) assignments.findCurrentIn(ending).forEach(a -> a.end(now));
    assignments.flush();
    events.publishEvent(new StaffMoved());
    return out;
  }

  /**
   * An edit being reverted: the assignments of {@code grids} that the edit ended at {@code endedAt} hold again from
   * {@code now} (same people and teams, same roles), and the assignments of {@code ending} (the grids the edit had
   * made) end.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Carried> restore(java.util.Collection<String> grids, Instant endedAt, java.util.Set<String> ending, Instant now) {
    if (!ending.isEmpty()) assignments.findCurrentIn(ending).forEach(a -> a.end(now));
    List<Carried> out = new ArrayList<>();
    for (String grid : grids) {
      for (GridAssignment a : assignments.findByGridCode(grid)) {
        if (!endedAt.equals(a.getValidTo())) continue;
        assignments.save(new GridAssignment(grid, a.getRole(), a.getPerson(), a.getTeam(), now));
        out.add(new Carried(grid, a.getRole().name(), a.getPerson() != null ? a.getPerson().getCode() : a.getTeam().getCode(), grid));
      }
    }
    assignments.flush();
    events.publishEvent(new StaffMoved());
    return out;
  }

  /** Published when an edit moved staff; the roster reloads once the edit has committed. */
  record StaffMoved() {}

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void staffMoved(StaffMoved e) { roster.reload(); }

  /** Another instance changed boundaries (and so, perhaps, staff): this instance's roster follows. */
  @org.springframework.context.event.EventListener
  void boundariesChangedElsewhere(org.gridwatch.area.CatalogSync.ReloadedForOtherInstance e) { roster.reload(); }
}
