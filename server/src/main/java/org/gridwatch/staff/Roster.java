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
 * Who is responsible where: each grid's people and teams with their {@link RoleType roles}, and from them its
 * 一员一警两队 (one grid member, one police officer, a patrol team and a volunteer team), the staff of communities, subdistricts and departments, and which grids or area a signed-in
 * account may act on. Current assignments are held in memory and reloaded when they change; dated history is
 * in the database. Phone numbers never leave this package.
 */
@Service
public class Roster {
  public record PersonRef(String code, String name, Duty duty, String unitCode) {}

  public record TeamRef(String code, String name, String kind) {}

  public record DepartmentRef(String code, String name, String nameEn) {}

  /**
   * One role held in a grid: by a person, a team, or a person as a member of a team; since {@code validFrom}.
   * {@code roleZh} and {@code roleEn} name the role for readers of the answer.
   */
  public record Holder(RoleType role, String roleZh, String roleEn, PersonRef person, TeamRef team, Instant validFrom) {}

  /**
   * A grid's roster: everyone holding a role in it ({@code people}) and, derived from the roles, the four places of
   * 一员一警两队 (the first full-time grid member, community police officer, patrol team and volunteer team); a null
   * place is a gap the command centre must see.
   */
  public record GridRoster(String gridCode, PersonRef gridMember, PersonRef policeOfficer, TeamRef patrolTeam,
      TeamRef volunteerTeam, List<Holder> people) {
    public GridRoster {
      people = people == null ? List.of() : List.copyOf(people);
    }

    /** The roster of these holders, its four places derived from their roles. */
    public static GridRoster of(String gridCode, List<Holder> people) {
      return new GridRoster(gridCode, firstPerson(people, RoleType.FULL_TIME_MEMBER), firstPerson(people, RoleType.COMMUNITY_OFFICER),
          firstTeam(people, RoleType.PATROL_TEAM), firstTeam(people, RoleType.VOLUNTEER_TEAM), people);
    }

    public List<Slot> gaps() {
      List<Slot> out = new ArrayList<>();
      if (gridMember == null) out.add(Slot.GRID_MEMBER);
      if (policeOfficer == null) out.add(Slot.POLICE_OFFICER);
      if (patrolTeam == null) out.add(Slot.PATROL_TEAM);
      if (volunteerTeam == null) out.add(Slot.VOLUNTEER_TEAM);
      return out;
    }

    public boolean complete() { return gaps().isEmpty(); }

    private static PersonRef firstPerson(List<Holder> people, RoleType role) {
      return people.stream().filter(h -> h.role() == role && h.person() != null).map(Holder::person).findFirst().orElse(null);
    }

    private static TeamRef firstTeam(List<Holder> people, RoleType role) {
      return people.stream().filter(h -> h.role() == role && h.team() != null).map(Holder::team).findFirst().orElse(null);
    }
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
    return current.getOrDefault(gridCode, GridRoster.of(gridCode, List.of()));
  }

  /** The grid's roster as it was at {@code at} (from the dated history). */
  @Transactional(readOnly = true)
  public GridRoster of(String gridCode, Instant at) {
    List<GridAssignment> valid = assignments.findByGridCode(gridCode).stream().filter(a -> a.validAt(at)).toList();
    return roster(gridCode, valid);
  }

  /**
   * The roster a new grid would start with (the rule of {@link Reassignment}): role by role, the holders of that role in
   * the first of {@code predecessors} that has any.
   */
  public GridRoster successorOf(String newCode, List<String> predecessors) {
    Map<RoleType, String> sourceOf = new EnumMap<>(RoleType.class);
    for (String p : predecessors) of(p).people().forEach(h -> sourceOf.putIfAbsent(h.role(), p));
    List<Holder> people = new ArrayList<>();
    for (String p : predecessors.stream().distinct().toList()) {
      of(p).people().stream().filter(h -> p.equals(sourceOf.get(h.role()))).forEach(people::add);
    }
    return GridRoster.of(newCode, sorted(people));
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
    return persons.findByUsername(username).map(this::scope);
  }

  /** What the roster person with this code may act on (their account, if any, is {@link Scope#username()}). */
  @Transactional(readOnly = true)
  public Optional<Scope> scopeOfPerson(String personCode) {
    return persons.findByCode(personCode).map(this::scope);
  }

  private Scope scope(Person p) {
    Set<String> grids = new LinkedHashSet<>();
    // Every grid where the person holds a role of their own (not only as a team member): they act on its cases.
    current.values().forEach(r -> r.people().forEach(h -> {
      if (h.role().actsOnGrid() && h.person() != null && h.person().code().equals(p.getCode())) grids.add(r.gridCode());
    }));
    return new Scope(p.getUsername(), p.getCode(), p.getName(), p.getDuty(), p.getUnitCode(), Set.copyOf(grids));
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
    return GridRoster.of(grid, sorted(list.stream().map(Roster::holder).toList()));
  }

  /** Holders by role, then longest-serving first, then code: the first of a role fills its place of 一员一警两队. */
  private static List<Holder> sorted(List<Holder> holders) {
    return holders.stream().sorted(Comparator.comparing(Holder::role).thenComparing(Holder::validFrom)
        .thenComparing(h -> h.person() == null ? "" : h.person().code())
        .thenComparing(h -> h.team() == null ? "" : h.team().code())).toList();
  }

  private static Holder holder(GridAssignment a) {
    return new Holder(a.getRole(), a.getRole().zh(), a.getRole().en(), person(a), team(a), a.getValidFrom());
  }

  private static PersonRef person(GridAssignment a) {
    if (a.getPerson() == null) return null;
    Person p = a.getPerson();
    return new PersonRef(p.getCode(), p.getName(), p.getDuty(), p.getUnitCode());
  }

  private static TeamRef team(GridAssignment a) {
    if (a.getTeam() == null) return null;
    Team t = a.getTeam();
    return new TeamRef(t.getCode(), t.getName(), t.getKind().name());
  }
}
