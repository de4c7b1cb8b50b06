package org.gridwatch.staff;

import org.gridwatch.problem.Text;
import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.problem.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The roster for signed-in users: {@code /api/v1/grids/{code}/roster} (who is responsible for a grid),
 * {@code /api/v1/roster/gaps} (grids missing a member, an officer or a team), {@code /api/v1/departments}.
 */
@RestController
class RosterController {
  private final Roster roster;
  private final AreaCatalog areas;

  RosterController(Roster roster, AreaCatalog areas) {
    this.roster = roster;
    this.areas = areas;
  }

  record RosterView(String gridCode, Roster.PersonRef gridMember, Roster.PersonRef policeOfficer,
      Roster.TeamRef patrolTeam, Roster.TeamRef volunteerTeam, List<Slot> gaps, List<Roster.Holder> people) {
    static RosterView of(Roster.GridRoster r) {
      return new RosterView(r.gridCode(), r.gridMember(), r.policeOfficer(), r.patrolTeam(), r.volunteerTeam(), r.gaps(), r.people());
    }
  }

  @GetMapping("/api/v1/grids/{code}/roster")
  RosterView roster(@PathVariable String code) {
    areas.now().find(code).filter(a -> a.level() == org.gridwatch.area.AreaLevel.GRID).orElseThrow(() ->
        ProblemException.notFound("unknown-grid", "Unknown grid", Text.of("staff.there-no-grid-with-code", code)));
    return RosterView.of(roster.of(code));
  }

  /** How many grids there are, how many miss a place of 一员一警两队, and those grids' rosters. */
  record GapsView(int grids, int incomplete, List<RosterView> gaps) {}

  @GetMapping("/api/v1/roster/gaps")
  GapsView gaps() {
    List<RosterView> gaps = roster.gaps().stream().map(RosterView::of).toList();
    return new GapsView(areas.now().level(org.gridwatch.area.AreaLevel.GRID).size(), gaps.size(), gaps);
  }

  @GetMapping("/api/v1/departments")
  List<Roster.DepartmentRef> departments() { return roster.departments(); }
}
