package org.gridwatch.governance;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.gridwatch.security.Audiences;
import org.gridwatch.security.Role;
import org.gridwatch.staff.Duty;
import org.gridwatch.staff.Roster;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may change which bodies: ADMIN and OPERATOR anywhere; community staff in their community, subdistrict staff in
 * their subdistrict's communities (their roster unit). Staff read members' masked phones; anyone else names and roles.
 */
@Component
class GovernanceAccess {
  /** The caller: account, roles and the unit (community or subdistrict code) it writes in, if any. */
  record Caller(String username, Set<Role> roles, String unit) {
    boolean everywhere() { return roles.contains(Role.ADMIN) || roles.contains(Role.OPERATOR); }
    boolean staff() { return roles.stream().anyMatch(Audiences.STAFF::contains); }
  }

  private final Roster roster;
  private final AreaCatalog areas;

  GovernanceAccess(Roster roster, AreaCatalog areas) {
    this.roster = roster;
    this.areas = areas;
  }

  Caller callerOf(Authentication auth) {
    if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
      return new Caller(null, Set.of(), null);
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    auth.getAuthorities().forEach(a -> {
      String s = a.getAuthority();
      if (s != null && s.startsWith("ROLE_")) {
        try { roles.add(Role.valueOf(s.substring(5))); } catch (IllegalArgumentException notOurs) { /* ignored */ }
      }
    });
    String unit = null;
    if (roles.contains(Role.COMMUNITY_STAFF) || roles.contains(Role.SUBDISTRICT_STAFF)) {
      unit = roster.scopeOf(auth.getName()).filter(s -> s.duty() == Duty.COMMUNITY_STAFF && roles.contains(Role.COMMUNITY_STAFF)
          || s.duty() == Duty.SUBDISTRICT_STAFF && roles.contains(Role.SUBDISTRICT_STAFF)).map(Roster.Scope::unitCode).orElse(null);
    }
    return new Caller(auth.getName(), Set.copyOf(roles), unit);
  }

  /** 403 unless the caller may change the bodies and party members of this community. */
  void requireWrite(Caller caller, String communityCode) {
    if (mayWrite(caller, communityCode)) return;
    throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
        Text.of("governance.outside-your-area", communityCode), List.of());
  }

  boolean mayWrite(Caller caller, String communityCode) {
    if (caller.everywhere()) return true;
    if (caller.unit() == null || communityCode == null) return false;
    Optional<AreaView> community = areas.now().find(communityCode);
    return community.isPresent() && areas.now().chain(community.get()).stream().anyMatch(a -> a.code().equals(caller.unit()));
  }
}
