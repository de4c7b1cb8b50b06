package org.gridwatch.incident;

import java.util.Optional;
import java.util.Set;
import org.gridwatch.security.Role;
import org.gridwatch.staff.Roster;

/**
 * Who is acting: an account with its roles and, for staff, the roster scope (grids or area) it may act on; for
 * property staff the organisation (property company) it acts for. The system itself (the escalation job) acts as
 * {@link #SYSTEM}.
 */
public record Actor(String username, Set<Role> roles, Optional<Roster.Scope> scope, Optional<Long> organisation) {
  public Actor(String username, Set<Role> roles, Optional<Roster.Scope> scope) { this(username, roles, scope, Optional.empty()); }

  public static final Actor SYSTEM = new Actor("system", Set.of(), Optional.empty());
  public static final Actor ANONYMOUS_RESIDENT = new Actor("anonymous", Set.of(Role.RESIDENT), Optional.empty());

  public boolean has(Role role) { return roles.contains(role); }

  /** The property company this account acts for, when it is property staff of one. */
  public Optional<Long> propertyCompany() { return has(Role.PROPERTY_STAFF) ? organisation : Optional.empty(); }

  public boolean commandCentre() { return has(Role.OPERATOR) || has(Role.ADMIN); }

  /** The role written into the history: the most senior one held. */
  public String roleName() {
    if (this == SYSTEM) return "SYSTEM";
    for (Role r : Role.values()) if (roles.contains(r)) return r.name();
    return "NONE";
  }
}
