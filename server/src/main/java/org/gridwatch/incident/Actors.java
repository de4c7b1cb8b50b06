package org.gridwatch.incident;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.gridwatch.organisation.OrganisationStaff;
import org.gridwatch.security.Role;
import org.gridwatch.staff.Roster;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The {@link Actor} behind the current request: the signed-in account and its roster scope, or an anonymous resident. */
@Component
public class Actors {
  private final Roster roster;
  private final OrganisationStaff organisationStaff;

  Actors(Roster roster, OrganisationStaff organisationStaff) {
    this.roster = roster;
    this.organisationStaff = organisationStaff;
  }

  public Actor current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      return Actor.ANONYMOUS_RESIDENT;
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (GrantedAuthority a : auth.getAuthorities()) {
      String name = a.getAuthority();
      if (name != null && name.startsWith("ROLE_")) {
        try {
          roles.add(Role.valueOf(name.substring(5)));
        } catch (IllegalArgumentException ignored) {
          // an authority that is not one of ours
        }
      }
    }
    Optional<Roster.Scope> scope = roster.scopeOf(auth.getName());
    Optional<Long> organisation = roles.contains(Role.PROPERTY_STAFF) ? organisationStaff.organisationOf(auth.getName()) : Optional.empty();
    return new Actor(auth.getName(), Set.copyOf(roles), scope, organisation);
  }
}
