package org.gridwatch.security;

import org.gridwatch.problem.Text;
import java.util.List;
import java.util.Set;
import org.gridwatch.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates login accounts for other capabilities (the roster creates one for a person). Only the BCrypt hash of the
 * password is stored; the password itself is never stored or logged.
 */
@Service
public class Accounts {
  private final AppUserRepository users;
  private final PasswordEncoder encoder;

  Accounts(AppUserRepository users, PasswordEncoder encoder) {
    this.users = users;
    this.encoder = encoder;
  }

  /** The roles of the account with this username, or empty when there is none (organisations link staff accounts). */
  @Transactional(readOnly = true)
  public java.util.Optional<Set<Role>> rolesOf(String username) {
    return users.findByUsername(username).map(u -> Set.copyOf(u.getRoles()));
  }

  /** A new enabled account with one role; 409 naming {@code username} when the name is taken. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void create(String username, String displayName, Role role, String password) {
    if (users.findByUsername(username).isPresent()) {
      throw new ProblemException(HttpStatus.CONFLICT, "username-taken", "Username taken", Text.of("security.username-x-taken", username),
          List.of(new ProblemException.FieldError("username", Text.of("security.taken"))));
    }
    users.save(new AppUser(username, encoder.encode(password), displayName, Set.of(role)));
  }
}
