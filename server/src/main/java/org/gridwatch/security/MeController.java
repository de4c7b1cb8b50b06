package org.gridwatch.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: who is signed in and with which roles (401 when nobody is). */
@RestController
class MeController {
  record Me(String username, List<String> roles) {}

  @GetMapping("/api/v1/me")
  Me me(Authentication auth) {
    return new Me(auth.getName(), auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList());
  }
}
