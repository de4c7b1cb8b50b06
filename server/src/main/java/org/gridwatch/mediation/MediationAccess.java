package org.gridwatch.mediation;

import java.util.List;
import org.gridwatch.incident.Actor;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.gridwatch.security.Role;
import org.gridwatch.staff.Duty;
import org.gridwatch.staff.Roster;
import org.springframework.http.HttpStatus;

/**
 * Who mediates a dispute: the command centre anywhere; the grid member of the case's grid, the community staff of its
 * community, the subdistrict staff over it. Planners read every mediation, and write none.
 */
final class MediationAccess {
  /** Where a dispute lies. */
  record Place(String grid, String community, String subdistrict) {}

  private MediationAccess() {}

  static boolean mayWrite(Actor actor, Place place) {
    if (actor.commandCentre()) return true;
    Roster.Scope scope = actor.scope().orElse(null);
    if (scope == null) return false;
    if (actor.has(Role.GRID_WORKER) && scope.duty() == Duty.GRID_MEMBER) return scope.grids().contains(place.grid());
    if (actor.has(Role.COMMUNITY_STAFF) && scope.duty() == Duty.COMMUNITY_STAFF) return place.community().equals(scope.unitCode());
    if (actor.has(Role.SUBDISTRICT_STAFF) && scope.duty() == Duty.SUBDISTRICT_STAFF) {
      return place.subdistrict() != null && place.subdistrict().equals(scope.unitCode());
    }
    return false;
  }

  static boolean mayRead(Actor actor, Place place) { return actor.has(Role.PLANNER) || mayWrite(actor, place); }

  static void mustWrite(Actor actor, Place place) {
    if (!mayWrite(actor, place)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
          Text.of("mediation.not-yours", actor.username(), place.grid()), List.of());
    }
  }
}
