package org.gridwatch.funding;

import java.util.EnumSet;
import java.util.Set;
import org.gridwatch.organisation.OrganisationStaff;
import org.gridwatch.security.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Turns the signed-in account (or none) into a {@link FundingCaller}. */
@Component
class FundingCallers {
  private final OrganisationStaff organisationStaff;

  FundingCallers(OrganisationStaff organisationStaff) { this.organisationStaff = organisationStaff; }

  FundingCaller of(Authentication auth) {
    if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) return FundingCaller.anonymous();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Role r : Role.values()) {
      if (auth.getAuthorities().stream().anyMatch(a -> r.authority().equals(a.getAuthority()))) roles.add(r);
    }
    Long organisation = roles.contains(Role.ORGANISATION_STAFF) ? organisationStaff.organisationOf(auth.getName()).orElse(null) : null;
    return new FundingCaller(auth.getName(), Role.of(auth), Set.copyOf(roles), organisation);
  }
}
