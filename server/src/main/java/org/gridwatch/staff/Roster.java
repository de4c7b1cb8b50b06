package org.gridwatch.staff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is responsible where: each grid's 一员一警两队 (one grid member, one police officer, a patrol team and a
 * volunteer team), the staff of communities, subdistricts and departments, and which grids or area a signed-in
 * account may act on. Current assignments are held in memory and reloaded when they change; dated history is
 * in the database. Phone numbers never leave this package.
 */
@Service
public class Roster {
  public record PersonRef(String code, String name, Duty duty, String unitCode) {}

  public record TeamRef(String code, String name, String kind) {}

  public record DepartmentRef(String code, String name, String nameEn) {}

  /** A grid's current roster; a null slot is a gap the command centre must see. */
  public record GridRoster(String gridCode, PersonRef gridMember, PersonRef policeOfficer, TeamRef patrolTeam,
      TeamRef volunteerTeam) {
    public List<Slot> gaps() {
      List<Slot> out = new ArrayList<>();
      if (gridMember == null) out.add(Slot.GRID_MEMBER);
      if (policeOfficer == null) out.add(Slot.POLICE_OFFICER);
      if (patrolTeam == null) out.add(Slot.PATROL_TEAM);
      if (volunteerTeam == null) out.add(Slot.VOLUNTEER_TEAM);
      return out;
    }

    public boolean complete() { return gaps().isEmpty(); }
  }

  /**
   * What an account may act on: its person's duty and unit (community, subdistrict or department code) and,
   * for grid members and police officers, the grids they are assigned to now.
   */
  public record Scope(String username, String personCode, String personName, Duty duty, String unitCode, Set<String> grids) {}

  private final GridAssignmentRepository assignments;
  private final PersonRepository persons;
  private final DepartmentRepository departments;
  private final AreaCatalog areas;
  private volatile Map<String, GridRoster> current = Map.of();
  private volatile Map<String, DepartmentRef> departmentsByCode = Map.of();

  Roster(GridAssignmentRepository assignments, PersonRepository persons, DepartmentRepository departments, AreaCatalog areas) {
    this.assignments = assignments;
    this.persons = persons;
    this.departments = departments;
    this.areas = areas;
  }

  /** The grid's roster now (all slots empty for a grid nobody has been assigned to). */
  public GridRoster of(String gridCode) {
    return current.getOrDefault(gridCode, new GridRoster(gridCode, null, null, null, null));
  }

  /** The grid's roster as it was at {@code at} (from the dated history). */
  @Transactional(readOnly = true)
  public GridRoster of(String gridCode, Instant at) {
    List<GridAssignment> valid = assignments.findByGridCode(gridCode).stream().filter(a -> a.validAt(at)).toList();
    return roster(gridCode, valid);
  }

  /**
   * The roster a new grid would start with (the rule of {@link Reassignment}): slot by slot, the person or team of
   * the first of {@code predecessors} that has one.
   */
  public GridRoster successorOf(String newCode, List<String> predecessors) {
    PersonRef member = null, police = null;
    TeamRef patrol = null, volunteers = null;
    for (String p : predecessors) {
      GridRoster r = of(p);
      if (member == null) member = r.gridMember();
      if (police == null) police = r.policeOfficer();
      if (patrol == null) patrol = r.patrolTeam();
      if (volunteers == null) volunteers = r.volunteerTeam();
    }
    return new GridRoster(newCode, member, police, patrol, volunteers);
  }

  /** Grids of the current hierarchy with at least one empty slot, by code. */
  public List<GridRoster> gaps() {
    List<GridRoster> out = new ArrayList<>();
    for (AreaView g : areas.now().level(AreaLevel.GRID)) {
      GridRoster r = of(g.code());
      if (!r.complete()) out.add(r);
    }
    return out;
  }

  public List<DepartmentRef> departments() {
    return departmentsByCode.values().stream().sorted(Comparator.comparing(DepartmentRef::code)).toList();
  }

  public Optional<DepartmentRef> department(String code) { return Optional.ofNullable(departmentsByCode.get(code)); }

  @Transactional(readOnly = true)
  public Optional<Scope> scopeOf(String username) {
    return persons.findByUsername(username).map(p -> {
      Set<String> grids = new LinkedHashSet<>();
      current.values().forEach(r -> {
        if ((r.gridMember() != null && r.gridMember().code().equals(p.getCode()))
            || (r.policeOfficer() != null && r.policeOfficer().code().equals(p.getCode()))) {
          grids.add(r.gridCode());
        }
      });
      return new Scope(username, p.getCode(), p.getName(), p.getDuty(), p.getUnitCode(), Set.copyOf(grids));
    });
  }

  /** Re-reads the current assignments and departments (after an import or a change). */
  @Transactional(readOnly = true)
  public void reload() {
    Map<String, List<GridAssignment>> byGrid = new HashMap<>();
    for (GridAssignment a : assignments.findCurrent()) byGrid.computeIfAbsent(a.getGridCode(), k -> new ArrayList<>()).add(a);
    Map<String, GridRoster> next = new HashMap<>();
    byGrid.forEach((grid, list) -> next.put(grid, roster(grid, list)));
    current = Map.copyOf(next);
    Map<String, DepartmentRef> deps = new HashMap<>();
    departments.findAll().forEach(d -> deps.put(d.getCode(), new DepartmentRef(d.getCode(), d.getName(), d.getNameEn())));
    departmentsByCode = Map.copyOf(deps);
  }

  private static GridRoster roster(String grid, List<GridAssignment> list) {
    Map<Slot, GridAssignment> bySlot = new EnumMap<>(Slot.class);
    list.forEach(a -> bySlot.put(a.getSlot(), a));
    return new GridRoster(grid, person(bySlot.get(Slot.GRID_MEMBER)), person(bySlot.get(Slot.POLICE_OFFICER)),
        team(bySlot.get(Slot.PATROL_TEAM)), team(bySlot.get(Slot.VOLUNTEER_TEAM)));
  }

  private static PersonRef person(GridAssignment a) {
    if (a == null || a.getPerson() == null) return null;
    Person p = a.getPerson();
    return new PersonRef(p.getCode(), p.getName(), p.getDuty(), p.getUnitCode());
  }

  private static TeamRef team(GridAssignment a) {
    if (a == null || a.getTeam() == null) return null;
    Team t = a.getTeam();
    return new TeamRef(t.getCode(), t.getName(), t.getKind().name());
  }
}
