package org.gridwatch.incident;

import java.util.Optional;
import java.util.Set;
import org.gridwatch.security.Role;
import org.gridwatch.staff.Duty;
import org.gridwatch.staff.Roster;

/**
 * Who may do what to which case. The command centre (OPERATOR, ADMIN) acts anywhere. Handlers act only on
 * cases of their own area at their level or below: a grid member on the grids they are assigned to (a police
 * officer likewise, for security cases and disputes), community and subdistrict staff on their area,
 * department staff on cases escalated to their department; property staff on the cases at their company's tier
 * (and they read the cases that were ever sent to it). Subdistrict staff also approve extensions and
 * parking in their subdistrict. A case dispatched to a person is handled by that person alone. Residents only
 * report and read.
 */
final class Permissions {
  static final Set<String> POLICE_CATEGORIES = Set.of("PUBLIC_SECURITY", "NEIGHBOUR_DISPUTE");

  private Permissions() {}

  /** Empty when allowed; otherwise why not, in words for the 403 problem. */
  static Optional<String> denial(Action action, Actor actor, Incident incident) {
    if (actor == Actor.SYSTEM || actor.commandCentre()) return Optional.empty();
    return switch (action.who()) {
      case COMMAND -> Optional.of("only the command centre (OPERATOR, ADMIN) may " + action.path() + " a case");
      case CONVENER -> isSubdistrictOver(actor, incident) || isCommunityOf(actor, incident) ? Optional.empty()
          : Optional.of("only the command centre, the community or the subdistrict over the case may " + action.path() + " it");
      case APPROVER -> isSubdistrictOver(actor, incident) ? Optional.empty()
          : Optional.of("only the command centre or the subdistrict over the case may approve " + action.path());
      case HANDLER -> handles(actor, incident) ? Optional.empty()
          : Optional.of("case " + incident.getPublicId() + " is at " + incident.getLevel() + " " + incident.getUnitCode()
              + ", outside what " + actor.username() + " handles");
    };
  }

  /**
   * Whether the actor is (part of) the unit responsible for the case now; a case assigned to a person is theirs
   * alone, the others of the unit may still read it.
   */
  static boolean handles(Actor actor, Incident i) {
    // property staff act like grid workers, on the cases at their company's tier only (its compounds)
    var company = actor.propertyCompany();
    if (company.isPresent()) return i.getLevel() == Level.PROPERTY && String.valueOf(company.get()).equals(i.getUnitCode());
    Roster.Scope scope = actor.scope().orElse(null);
    if (scope == null || i.getLevel() == null) return false;
    if (i.getAssigneeCode() != null && !i.getAssigneeCode().equals(scope.personCode())) return false;
    Level level = i.getLevel();
    return switch (scope.duty()) {
      case GRID_MEMBER -> actor.has(Role.GRID_WORKER) && level == Level.GRID && scope.grids().contains(i.getGridCode());
      case POLICE_OFFICER -> actor.has(Role.POLICE) && level == Level.GRID && scope.grids().contains(i.getGridCode())
          && POLICE_CATEGORIES.contains(i.getCategoryCode());
      case COMMUNITY_STAFF -> actor.has(Role.COMMUNITY_STAFF) && level.ordinal() <= Level.COMMUNITY.ordinal()
          && scope.unitCode().equals(i.getCommunityCode());
      case SUBDISTRICT_STAFF -> isSubdistrictOver(actor, i) && level.ordinal() <= Level.SUBDISTRICT.ordinal();
      case DEPARTMENT_STAFF -> actor.has(Role.DEPARTMENT_STAFF) && level == Level.DEPARTMENT
          && scope.unitCode().equals(i.getUnitCode());
    };
  }

  private static boolean isCommunityOf(Actor actor, Incident i) {
    return actor.has(Role.COMMUNITY_STAFF) && actor.scope().filter(s -> s.duty() == Duty.COMMUNITY_STAFF)
        .map(s -> s.unitCode().equals(i.getCommunityCode())).orElse(false);
  }

  private static boolean isSubdistrictOver(Actor actor, Incident i) {
    return actor.has(Role.SUBDISTRICT_STAFF) && actor.scope().filter(s -> s.duty() == Duty.SUBDISTRICT_STAFF)
        .map(s -> s.unitCode().equals(i.getSubdistrictCode())).orElse(false);
  }

  /** Whether the actor may read the case at all (residents: their own; staff: their area; command: all). */
  static boolean mayRead(Actor actor, Incident i) {
    if (actor.has(Role.RESIDENT) && !actor.commandCentre() && !actor.has(Role.PLANNER)) {
      return actor.username().equals(i.getReporterAccount());
    }
    return staffMayRead(actor, CasePlace.of(i));
  }

  /** Whether a staff member may see a case at this place: the command centre and planners everywhere, others their area. */
  static boolean staffMayRead(Actor actor, CasePlace place) {
    if (actor.commandCentre() || actor.has(Role.PLANNER)) return true;
    var company = actor.propertyCompany();
    if (company.isPresent()) {
      return company.get().equals(place.propertyOrganisation())
          || place.level() == Level.PROPERTY && String.valueOf(company.get()).equals(place.unitCode());
    }
    Roster.Scope scope = actor.scope().orElse(null);
    if (scope == null) return false;
    return switch (scope.duty()) {
      case GRID_MEMBER, POLICE_OFFICER -> scope.grids().contains(place.gridCode());
      case COMMUNITY_STAFF -> scope.unitCode().equals(place.communityCode());
      case SUBDISTRICT_STAFF -> scope.unitCode().equals(place.subdistrictCode());
      case DEPARTMENT_STAFF -> scope.unitCode().equals(place.unitCode());
    };
  }
}
