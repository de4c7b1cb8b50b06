package org.gridwatch.organisation;

import java.util.Optional;
import org.gridwatch.security.Role;
import org.gridwatch.staff.Duty;
import org.gridwatch.staff.Roster;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Turns a signed-in account into a {@link Caller}: its roles, its roster unit, the organisation it acts for. */
@Component
class Callers {
  private final Roster roster;
  private final OrganisationStaff staff;

  Callers(Roster roster, OrganisationStaff staff) {
    this.roster = roster;
    this.staff = staff;
  }

  Caller of(Authentication auth) {
    String username = auth == null ? "" : auth.getName();
    if (has(auth, Role.ADMIN) || has(auth, Role.PLANNER)) return new Caller(username, Caller.Reach.ALL, null, null);
    Optional<Roster.Scope> scope = has(auth, Role.COMMUNITY_STAFF) || has(auth, Role.SUBDISTRICT_STAFF)
        ? roster.scopeOf(username) : Optional.empty();
    if (scope.isPresent()) {
      Roster.Scope s = scope.get();
      if ((s.duty() == Duty.COMMUNITY_STAFF && has(auth, Role.COMMUNITY_STAFF))
          || (s.duty() == Duty.SUBDISTRICT_STAFF && has(auth, Role.SUBDISTRICT_STAFF))) {
        return new Caller(username, Caller.Reach.AREA, s.unitCode(), null);
      }
    }
    if (has(auth, Role.ORGANISATION_STAFF) || has(auth, Role.PROPERTY_STAFF)) {
      Optional<Long> own = staff.organisationOf(username);
      if (own.isPresent()) return new Caller(username, Caller.Reach.OWN, null, own.get());
    }
    return new Caller(username, Caller.Reach.NONE, null, null);
  }

  private static boolean has(Authentication auth, Role role) {
    return auth != null && auth.getAuthorities().stream().anyMatch(a -> role.authority().equals(a.getAuthority()));
  }
}
