package org.gridwatch.service;

import java.util.List;
import java.util.Optional;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.incident.Actor;
import org.gridwatch.organisation.OrganisationStaff;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.gridwatch.security.Role;
import org.gridwatch.staff.Duty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Where a user may act on places and services: ADMIN everywhere; community and subdistrict staff in their own area
 * (from the roster); organisation staff for their own organisation (its points, offers and their bookings); the
 * command centre reads everything. Everyone else: nothing (deny by default).
 */
@Component
class ServiceScope {
  private final AreaCatalog catalog;
  private final OrganisationStaff organisationStaff;

  ServiceScope(AreaCatalog catalog, OrganisationStaff organisationStaff) {
    this.catalog = catalog;
    this.organisationStaff = organisationStaff;
  }

  /** Whether the actor may write for an area (a grid, community or subdistrict code) run by an organisation (may be null). */
  boolean mayWrite(Actor actor, String areaCode, Long organisationId) {
    if (actor.has(Role.ADMIN)) return true;
    if (organisationId != null && actor.has(Role.ORGANISATION_STAFF)
        && organisationStaff.organisationOf(actor.username()).filter(organisationId::equals).isPresent()) {
      return true;
    }
    return inArea(actor, areaCode);
  }

  /** Whether the actor is community or subdistrict staff over the area (or the area is theirs). */
  boolean inArea(Actor actor, String areaCode) {
    var scope = actor.scope().orElse(null);
    if (scope == null || areaCode == null) return false;
    boolean staff = (scope.duty() == Duty.COMMUNITY_STAFF && actor.has(Role.COMMUNITY_STAFF))
        || (scope.duty() == Duty.SUBDISTRICT_STAFF && actor.has(Role.SUBDISTRICT_STAFF));
    if (!staff) return false;
    Optional<AreaView> area = catalog.now().find(areaCode);
    return area.map(a -> catalog.now().chain(a).stream().anyMatch(x -> x.code().equals(scope.unitCode()))).orElse(false);
  }

  /** Whether the actor reads every booking (the command centre and admins). */
  boolean readsAll(Actor actor) { return actor.commandCentre(); }

  /** The organisation the actor works for, when they are organisation staff. */
  Optional<Long> organisationOf(Actor actor) {
    return actor.has(Role.ORGANISATION_STAFF) ? organisationStaff.organisationOf(actor.username()) : Optional.empty();
  }

  /** The community or subdistrict the actor is staff of, if any. */
  Optional<String> areaOf(Actor actor) {
    return actor.scope().filter(s -> (s.duty() == Duty.COMMUNITY_STAFF && actor.has(Role.COMMUNITY_STAFF))
        || (s.duty() == Duty.SUBDISTRICT_STAFF && actor.has(Role.SUBDISTRICT_STAFF))).map(s -> s.unitCode());
  }

  /** 403 saying what the actor may not do here. */
  static ProblemException refused(Actor actor, String what) {
    return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", Text.of("service.not-yours-to-x", actor.username(), what),
        List.of());
  }
}
