package org.gridwatch.staff;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me}: who is signed in, with which roles, and the roster person behind the account (null for an
 * account that is nobody on the roster): their duty, unit, and the grids they act on now. 401 when nobody is signed in.
 * It lives with the roster, not with security, since security knows nothing of staff.
 */
@RestController
class MeController {
  record Me(String username, List<String> roles, PersonOfAccount person) {}

  record PersonOfAccount(String code, String name, Duty duty, String unitCode, List<String> grids) {}

  private final Roster roster;

  MeController(Roster roster) { this.roster = roster; }

  @GetMapping("/api/v1/me")
  Me me(Authentication auth) {
    List<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList();
    PersonOfAccount person = roster.scopeOf(auth.getName()).map(s -> new PersonOfAccount(s.personCode(), s.personName(),
        s.duty(), s.unitCode(), s.grids().stream().sorted().toList())).orElse(null);
    return new Me(auth.getName(), roles, person);
  }
}
