package org.gridwatch.security;

import org.gridwatch.problem.Text;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.gridwatch.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;

/**
 * What a user may do. Each maps to the Spring Security authority {@code ROLE_<name>}. Which areas a staff
 * role may act in comes from the staff roster (the person linked to the account), not from the role.
 */
public enum Role {
  ADMIN, OPERATOR, PLANNER, POLICE, GRID_WORKER, COMMUNITY_STAFF, SUBDISTRICT_STAFF, DEPARTMENT_STAFF,
  /** Staff of a property company (物业): act on the cases of the compounds their company serves, and nothing else. */
  PROPERTY_STAFF,
  /** Staff of a social organisation or service provider: their organisation's services, bookings and activities. */
  ORGANISATION_STAFF,
  /** A professional social worker (社工): organises activities and volunteers in their service areas. */
  SOCIAL_WORKER,
  /** A registered volunteer (志愿者): signs in and out of activities, sees their own hours. */
  VOLUNTEER,
  /** Staff of the funding body (the civil-affairs bureau, 民政局): open rounds, approve (立项), contract, publish results. */
  FUNDER,
  /** An expert reviewer (评审专家): scores applications on the round's criteria and checks evaluations. */
  REVIEWER,
  RESIDENT;

  public String authority() { return "ROLE_" + name(); }

  /** The role a user acts in, for audit entries: the first of their roles by name. */
  public static String of(Authentication auth) {
    // Only roles: Spring Security 7 also grants factor authorities (FACTOR_PASSWORD), which are not a role.
    return auth.getAuthorities().stream().map(a -> a.getAuthority()).filter(a -> a != null && a.startsWith("ROLE_"))
        .map(a -> a.substring(5)).sorted().findFirst().orElse("");
  }

  /** 403 as a problem unless the user has one of the roles; {@code what} says what they tried, e.g. "edit the sky net". */
  public static void require(Authentication auth, String what, Role... roles) {
    List<String> allowed = Arrays.stream(roles).map(Role::authority).toList();
    if (auth != null && auth.getAuthorities().stream().anyMatch(a -> allowed.contains(a.getAuthority()))) return;
    String names = Arrays.stream(roles).map(Role::name).collect(Collectors.joining(", "));
    throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", Text.of("security.only-x-may-x", names, what), List.of());
  }
}
