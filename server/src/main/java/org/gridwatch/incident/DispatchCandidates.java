package org.gridwatch.incident;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.staff.Duty;
import org.gridwatch.staff.Roster;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whom the command centre may dispatch a case to, for the candidate picker: the category's default unit first (what a
 * dispatch without a target does), then the people of the case's grid by role (police officers only for security cases
 * and disputes, the only ones they handle), then the other units that fit (the grid, its community and subdistrict, the
 * category's department, the other departments). Each comes with its open workload: the cases being handled
 * (dispatched or in progress) that are assigned to the person, or held at the unit.
 */
@Service
class DispatchCandidates {
  enum Kind { PERSON, UNIT }

  /**
   * One candidate. For a person, {@code role} is their role in the grid ({@code roleZh}, {@code roleEn} name it) and
   * {@code account} whether they can sign in to act; a unit's role is its level.
   */
  record Candidate(Kind kind, String code, String name, Level level, String role, String roleZh, String roleEn,
      boolean isDefault, boolean account, long openCases) {}

  record Candidates(String incident, String gridCode, List<Candidate> candidates) {}

  private static final Set<Status> HANDLING = Set.of(Status.DISPATCHED, Status.IN_PROGRESS);

  private final Roster roster;
  private final DispatchTargets targets;
  private final IncidentRepository incidents;

  DispatchCandidates(Roster roster, DispatchTargets targets, IncidentRepository incidents) {
    this.roster = roster;
    this.targets = targets;
    this.incidents = incidents;
  }

  @Transactional(readOnly = true)
  Candidates of(Incident i, Category c) {
    DispatchTargets.Target byDefault = targets.ofUnit(c.getFirstLevel(), Workflow.unitFor(i, c, c.getFirstLevel()));
    Map<String, DispatchTargets.Target> units = new LinkedHashMap<>();
    if (byDefault.unitCode() != null) units.put(byDefault.unitCode(), byDefault);
    // a case the property company had first can go back to it (e.g. after a return)
    if (i.getPropertyOrganisation() != null) units.putIfAbsent(String.valueOf(i.getPropertyOrganisation()), targets.ofProperty(i));
    units.putIfAbsent(i.getGridCode(), targets.ofUnit(Level.GRID, i.getGridCode()));
    units.putIfAbsent(i.getCommunityCode(), targets.ofUnit(Level.COMMUNITY, i.getCommunityCode()));
    units.putIfAbsent(i.getSubdistrictCode(), targets.ofUnit(Level.SUBDISTRICT, i.getSubdistrictCode()));
    if (c.getDepartmentCode() != null) units.putIfAbsent(c.getDepartmentCode(), targets.ofUnit(Level.DEPARTMENT, c.getDepartmentCode()));
    roster.departments().forEach(d -> units.putIfAbsent(d.code(), targets.ofUnit(Level.DEPARTMENT, d.code())));

    Map<String, Roster.Holder> people = new LinkedHashMap<>();
    boolean police = Permissions.POLICE_CATEGORIES.contains(i.getCategoryCode());
    for (Roster.Holder h : roster.of(i.getGridCode()).people()) {
      if (h.person() == null || h.role().isTeam()) continue;
      if (h.person().duty() == Duty.POLICE_OFFICER && !police) continue;
      if (h.person().duty() != Duty.GRID_MEMBER && h.person().duty() != Duty.POLICE_OFFICER) continue;
      people.putIfAbsent(h.person().code(), h);
    }
    Map<String, Long> personLoad = load(incidents.workloadOfPeople(HANDLING, people.keySet()));
    Map<String, Long> unitLoad = load(incidents.workloadOfUnits(HANDLING, units.keySet()));

    List<Candidate> out = new ArrayList<>();
    List<Candidate> rest = new ArrayList<>();
    units.values().forEach(t -> (t == byDefault ? out : rest).add(new Candidate(Kind.UNIT, t.unitCode(), t.targetName(),
        t.level(), t.level().name(), null, null, t == byDefault, false, unitLoad.getOrDefault(t.unitCode(), 0L))));
    for (Roster.Holder h : people.values()) {
      boolean account = roster.scopeOfPerson(h.person().code()).map(s -> s.username() != null).orElse(false);
      out.add(new Candidate(Kind.PERSON, h.person().code(), h.person().name(), Level.GRID, h.role().name(), h.roleZh(),
          h.roleEn(), false, account, personLoad.getOrDefault(h.person().code(), 0L)));
    }
    out.addAll(rest);
    return new Candidates(i.getPublicId(), i.getGridCode(), out);
  }

  private static Map<String, Long> load(List<IncidentRepository.Workload> rows) {
    Map<String, Long> m = new HashMap<>();
    rows.forEach(w -> m.put(w.code(), w.cases()));
    return m;
  }
}
