package org.gridwatch.organisation;

import java.util.Set;
import org.gridwatch.problem.Text;
import org.gridwatch.security.Accounts;
import org.gridwatch.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links an account to the organisation it acts for (admins only, by the access rules). The account must exist and hold
 * ORGANISATION_STAFF or PROPERTY_STAFF; a property staff account only acts for a property company. Linking again
 * moves the account to the new organisation (one organisation per account).
 */
@Service
class StaffLinks {
  /** The answer: the account and the organisation it now acts for. */
  record Linked(String username, long organisation, String name) {}

  private final Organisations organisations;
  private final StaffLinkRepository links;
  private final Accounts accounts;

  StaffLinks(Organisations organisations, StaffLinkRepository links, Accounts accounts) {
    this.organisations = organisations;
    this.links = links;
    this.accounts = accounts;
  }

  @Transactional
  Linked link(long organisationId, String username, Caller caller) {
    Organisation o = organisations.writable(organisationId, caller);
    Set<Role> roles = accounts.rolesOf(username).orElseThrow(() -> OrganisationProblems.unprocessable("not-staff-account",
        "Not a staff account", "username", Text.of("organisation.no-account", username)));
    boolean property = roles.contains(Role.PROPERTY_STAFF);
    if (!property && !roles.contains(Role.ORGANISATION_STAFF)) {
      throw OrganisationProblems.unprocessable("not-staff-account", "Not a staff account", "username",
          Text.of("organisation.account-role", username));
    }
    if (property && o.getKind() != OrganisationKind.PROPERTY_COMPANY) {
      throw OrganisationProblems.unprocessable("not-staff-account", "Not a staff account", "username",
          Text.of("organisation.property-staff-of-company", username));
    }
    links.findById(username).ifPresentOrElse(l -> l.moveTo(o.getId()), () -> links.save(new StaffLink(username, o.getId())));
    links.flush();
    return new Linked(username, o.getId(), o.getName());
  }
}
