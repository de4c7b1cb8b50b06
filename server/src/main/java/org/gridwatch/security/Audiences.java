package org.gridwatch.security;

import static org.gridwatch.security.Role.ADMIN;
import static org.gridwatch.security.Role.COMMUNITY_STAFF;
import static org.gridwatch.security.Role.DEPARTMENT_STAFF;
import static org.gridwatch.security.Role.GRID_WORKER;
import static org.gridwatch.security.Role.OPERATOR;
import static org.gridwatch.security.Role.PLANNER;
import static org.gridwatch.security.Role.POLICE;
import static org.gridwatch.security.Role.SUBDISTRICT_STAFF;

import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Who may read a kind of information, as role sets, shared by the access table and the capabilities that list what a user may see. */
public final class Audiences {
  /** Everyone who works in the system: all roles but RESIDENT. */
  public static final Set<Role> STAFF = Set.of(ADMIN, OPERATOR, PLANNER, POLICE, GRID_WORKER, COMMUNITY_STAFF,
      SUBDISTRICT_STAFF, DEPARTMENT_STAFF);
  /** Cameras, sectors, patrol routes and schedules, coverage geometry and gaps, obstacles, suggestions. */
  public static final Set<Role> POLICE_INFO = Set.of(POLICE, OPERATOR, ADMIN);
  /** Per-grid coverage figures (no positions): also what a planner's redraw preview shows. */
  public static final Set<Role> COVERAGE_FIGURES = Set.of(POLICE, OPERATOR, ADMIN, PLANNER);
  /** Every case with its exact place, for analysis. */
  public static final Set<Role> CASE_ANALYSIS = Set.of(OPERATOR, ADMIN, PLANNER);
  /** The command centre: dispatches and re-routes cases. */
  public static final Set<Role> COMMAND_CENTRE = Set.of(OPERATOR, ADMIN);
  public static final Set<Role> PLANNERS = Set.of(PLANNER, ADMIN);
  public static final Set<Role> ADMINS = Set.of(ADMIN);
  /** The needs map, its cases (public numbers only) and needs recorded by hand (issue 15): staff, funders, reviewers. */
  public static final Set<Role> NEED_READERS = Set.of(ADMIN, OPERATOR, PLANNER, POLICE, GRID_WORKER, COMMUNITY_STAFF,
      SUBDISTRICT_STAFF, DEPARTMENT_STAFF, Role.FUNDER, Role.REVIEWER);
  /** Who records a need by hand (a survey, a council's topic, a visit). */
  public static final Set<Role> NEED_RECORDERS = Set.of(PLANNER, COMMUNITY_STAFF, SUBDISTRICT_STAFF, Role.FUNDER, ADMIN);

  private Audiences() {}

  /** Whether the signed-in user holds one of the roles (empty set: anyone, signed in or not). */
  public static boolean admits(Authentication auth, Set<Role> roles) {
    if (roles.isEmpty()) return true;
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) return false;
    return auth.getAuthorities().stream().anyMatch(a -> roles.stream().anyMatch(r -> r.authority().equals(a.getAuthority())));
  }
}
