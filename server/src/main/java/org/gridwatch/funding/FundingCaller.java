package org.gridwatch.funding;

import java.util.EnumSet;
import java.util.Set;
import org.gridwatch.security.Role;

/**
 * Who is asking, as far as funding goes: their account, the role they act in (for the audit trail), their roles, and
 * the organisation they act for when they are an organisation's staff. Anonymous readers have no roles.
 */
record FundingCaller(String username, String role, Set<Role> roles, Long organisationId) {
  /** The roles that see every project, the audit trail's actors and unpublished evaluations. */
  private static final Set<Role> STAFF = EnumSet.of(Role.FUNDER, Role.REVIEWER, Role.ADMIN, Role.PLANNER);

  static FundingCaller anonymous() { return new FundingCaller("", "", Set.of(), null); }

  boolean is(Role r) { return roles.contains(r); }

  boolean staff() { return roles.stream().anyMatch(STAFF::contains); }

  /** The funder (and administrators) see every review with the reviewer's name. */
  boolean seesAllReviews() { return is(Role.FUNDER) || is(Role.ADMIN); }

  /** Whether they are staff of the organisation (the project's provider). */
  boolean actsFor(long organisationId) { return is(Role.ORGANISATION_STAFF) && this.organisationId != null && this.organisationId == organisationId; }
}
