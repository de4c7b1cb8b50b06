package org.gridwatch.staff;

import org.gridwatch.staff.file.RosterColumn;
import org.gridwatch.staff.file.RosterTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a roster file (rows checked by {@link RosterCheck}). The file states who holds which roles in the grids it
 * names: in each such grid, holdings listed in the file and already current stay as they are, new ones begin at the
 * row's date (or now), and current holdings the file no longer lists end now (they stay in the dated history). Grids
 * the file does not name keep their roster. People are created or updated by code (phone, duty, unit: a person with a
 * unit row works for that unit; unit staff stay with their unit; anyone else works for the community of their first
 * grid, as a police officer when they hold a police role); teams are created by code.
 *
 * <p>Nothing is stored when a row is refused, unless {@code partial}: then the good rows are stored and, in a grid
 * with a refused row, nobody's holding ends (the refused row may have been the only mention of someone still there).
 * A dry run checks and counts and stores nothing. The current roster reloads once the import has committed, on every
 * instance ({@link RosterSync}).
 */
@Service
public class RosterImport {
  /** The answer: rows stored (or, in a dry run, that would be), rows refused and why; holdings added, unchanged, ended. */
  public record Report(boolean dryRun, int stored, int refused, int added, int unchanged, int ended,
      List<ProblemException.FieldError> errors) {}

  private static final Logger log = LoggerFactory.getLogger(RosterImport.class);
  private static final Set<Duty> UNIT_DUTIES = Set.of(Duty.COMMUNITY_STAFF, Duty.SUBDISTRICT_STAFF, Duty.DEPARTMENT_STAFF);

  private final PersonRepository persons;
  private final TeamRepository teams;
  private final GridAssignmentRepository assignments;
  private final AreaCatalog areas;
  private final Roster roster;
  private final DistrictProfile district;
  private final ApplicationEventPublisher events;
  private final RosterSync sync;

  RosterImport(PersonRepository persons, TeamRepository teams, GridAssignmentRepository assignments, AreaCatalog areas,
      Roster roster, DistrictProfile district, ApplicationEventPublisher events, RosterSync sync) {
    this.persons = persons;
    this.teams = teams;
    this.assignments = assignments;
    this.areas = areas;
    this.roster = roster;
    this.district = district;
    this.events = events;
    this.sync = sync;
  }

  @Transactional
  public Report importTable(RosterTable table, boolean partial, boolean dryRun, boolean chinese) {
    Instant now = Instant.now();
    Map<String, Person> people = persons.findAll().stream().collect(Collectors.toMap(Person::getCode, Function.identity()));
    Map<String, Team> teamsByCode = teams.findAll().stream().collect(Collectors.toMap(Team::getCode, Function.identity()));
    Set<String> departments = roster.departments().stream().map(Roster.DepartmentRef::code).collect(Collectors.toSet());
    AreaCatalog.Snapshot snapshot = areas.now();
    RosterCheck.Checked checked = RosterCheck.check(table,
        new RosterCheck.Context(snapshot, people, teamsByCode, departments, district.timeZone(), now, chinese));
    if (checked.refused() > 0 && !partial && !dryRun) throw ProblemException.badInput(checked.errors());

    Set<String> gridsWithRefusals = new java.util.HashSet<>();
    Set<Integer> passed = checked.lines().stream().map(RosterLine::index).collect(Collectors.toSet());
    for (RosterTable.Row row : table.rows()) {
      if (!passed.contains(row.index())) row.get(RosterColumn.GRID).ifPresent(gridsWithRefusals::add);
    }
    Counts counts = new Counts();
    if (!dryRun) savePeopleAndTeams(checked.lines(), people, teamsByCode, snapshot);
    Map<String, List<RosterLine>> byGrid = new LinkedHashMap<>();
    checked.lines().stream().filter(RosterLine::inGrid).forEach(l -> byGrid.computeIfAbsent(l.grid(), g -> new ArrayList<>()).add(l));
    Map<String, List<GridAssignment>> current = new HashMap<>();
    assignments.findCurrentIn(byGrid.keySet()).forEach(a -> current.computeIfAbsent(a.getGridCode(), g -> new ArrayList<>()).add(a));
    byGrid.forEach((grid, lines) -> replace(grid, lines, current.getOrDefault(grid, List.of()), !gridsWithRefusals.contains(grid),
        people, teamsByCode, now, dryRun, counts));
    if (!dryRun) {
      assignments.flush();
      events.publishEvent(new Reassignment.StaffMoved());
      sync.announceAtCommit();
      log.info("Roster import: {} rows stored, {} refused; holdings {} added, {} unchanged, {} ended",
          checked.lines().size(), checked.refused(), counts.added, counts.unchanged, counts.ended);
    }
    return new Report(dryRun, checked.lines().size(), checked.refused(), counts.added, counts.unchanged, counts.ended, checked.errors());
  }

  private static final class Counts { int added, unchanged, ended; }

  private void replace(String grid, List<RosterLine> lines, List<GridAssignment> now, boolean endUnlisted,
      Map<String, Person> people, Map<String, Team> teamsByCode, Instant at, boolean dryRun, Counts counts) {
    Map<String, GridAssignment> byKey = new HashMap<>();
    now.forEach(a -> byKey.putIfAbsent(a.holdingKey(), a));
    Set<String> listed = new java.util.HashSet<>();
    for (RosterLine l : lines) {
      listed.add(l.holdingKey());
      if (byKey.containsKey(l.holdingKey())) { counts.unchanged++; continue; }
      counts.added++;
      if (!dryRun) {
        assignments.save(new GridAssignment(grid, l.role(), l.hasPerson() ? people.get(l.code()) : null,
            l.team() != null ? teamsByCode.get(l.team()) : null, l.validFrom() != null ? l.validFrom() : at));
      }
    }
    if (!endUnlisted) return;
    for (GridAssignment a : now) {
      if (listed.contains(a.holdingKey())) continue;
      counts.ended++;
      if (!dryRun) a.end(at);
    }
  }

  private void savePeopleAndTeams(List<RosterLine> lines, Map<String, Person> people, Map<String, Team> teamsByCode,
      AreaCatalog.Snapshot snapshot) {
    Map<String, List<RosterLine>> byPerson = new LinkedHashMap<>();
    lines.stream().filter(RosterLine::hasPerson).forEach(l -> byPerson.computeIfAbsent(l.code(), c -> new ArrayList<>()).add(l));
    byPerson.forEach((code, mine) -> {
      RosterLine first = mine.get(0);
      RosterLine unitLine = mine.stream().filter(l -> !l.inGrid()).findFirst().orElse(null);
      Duty duty = unitLine != null ? unitLine.unitDuty()
          : mine.stream().anyMatch(l -> l.role().duty() == Duty.POLICE_OFFICER) ? Duty.POLICE_OFFICER : Duty.GRID_MEMBER;
      String unit = unitLine != null ? unitLine.unit() : communityOf(first.grid(), snapshot);
      String phone = mine.stream().map(RosterLine::phone).filter(java.util.Objects::nonNull).findFirst().orElse(null);
      Person p = people.get(code);
      if (p == null) {
        p = persons.save(new Person(code, first.name(), duty, unit, phone, false));
        people.put(code, p);
      } else {
        // Unit staff (a community's 网格长, say) keep working for their unit unless a unit row says otherwise.
        if (unitLine != null || !UNIT_DUTIES.contains(p.getDuty())) p.assign(duty, unit);
        if (phone != null) p.changePhone(phone);
      }
    });
    for (RosterLine l : lines) {
      if (l.team() == null || teamsByCode.containsKey(l.team())) continue;
      String name = lines.stream().filter(o -> l.team().equals(o.team()) && o.teamName() != null).map(RosterLine::teamName).findFirst().orElse(l.team());
      Team.Kind kind = l.role() == RoleType.PATROL_TEAM ? Team.Kind.PATROL : Team.Kind.VOLUNTEER;
      teamsByCode.put(l.team(), teams.save(new Team(l.team(), name, kind, communityOf(l.grid(), snapshot), false)));
    }
  }

  private static String communityOf(String grid, AreaCatalog.Snapshot snapshot) {
    return snapshot.find(grid).map(AreaView::parentCode).orElse(grid);
  }
}
