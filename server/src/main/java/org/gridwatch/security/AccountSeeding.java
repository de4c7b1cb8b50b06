package org.gridwatch.security;

import java.util.List;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure a set of accounts exists with one password (the demo accounts): missing ones are created; with
 * {@code resetPassword}, existing ones whose password differs get it. The password is hashed once for all.
 */
@Component
public class AccountSeeding {
  /** An account to have: its username, display name and single role. */
  public record WantedAccount(String username, String displayName, Role role) {}

  private final AppUserRepository users;
  private final PasswordEncoder encoder;

  AccountSeeding(AppUserRepository users, PasswordEncoder encoder) {
    this.users = users;
    this.encoder = encoder;
  }

  public boolean anyMissing(List<WantedAccount> wanted) {
    return wanted.stream().anyMatch(a -> users.findByUsername(a.username()).isEmpty());
  }

  @Transactional
  public void ensure(List<WantedAccount> wanted, String password, boolean resetPassword) {
    String hash = encoder.encode(password);
    // Seeded accounts share one stored hash: check each distinct hash once (a BCrypt check is deliberately slow, and
    // checking every account was tens of seconds of a start on a loaded machine).
    java.util.Map<String, Boolean> matches = new java.util.HashMap<>();
    for (WantedAccount a : wanted) {
      users.findByUsername(a.username()).ifPresentOrElse(
          u -> {
            if (resetPassword && !matches.computeIfAbsent(u.getPasswordHash(), h -> encoder.matches(password, h))) {
              u.changePasswordHash(hash);
            }
          },
          () -> users.save(new AppUser(a.username(), hash, a.displayName(), Set.of(a.role()))));
    }
  }
}
