package org.gridwatch.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and roles from the database for form login and HTTP Basic. */
@Service
class AccountDetailsService implements UserDetailsService {
  private final AppUserRepository users;

  AccountDetailsService(AppUserRepository users) { this.users = users; }

  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String username) {
    AppUser u = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    return User.withUsername(u.getUsername())
        .password(u.getPasswordHash())
        .disabled(!u.isEnabled())
        .authorities(u.getRoles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList())
        .build();
  }
}
