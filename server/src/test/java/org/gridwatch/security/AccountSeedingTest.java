package org.gridwatch.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridwatch.security.AccountSeeding.WantedAccount;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue 18: every start with an explicit demo password checks the seeded accounts' passwords. They share one stored
 * hash, so it is checked once, not once per account (a BCrypt check each was tens of seconds of a loaded start); an
 * account whose password differs still gets the new one.
 */
class AccountSeedingTest {

  @Test
  void accountsSharingAHashAreCheckedOnceAndAnAccountWithAnotherPasswordIsReset() {
    PasswordEncoder encoder = spy(new BCryptPasswordEncoder(4));
    String shared = encoder.encode("the-password"), other = encoder.encode("an-older-password");
    AppUser a = new AppUser("a", shared, "A", Set.of(Role.OPERATOR)), b = new AppUser("b", shared, "B", Set.of(Role.PLANNER)),
        c = new AppUser("c", shared, "C", Set.of(Role.POLICE)), d = new AppUser("d", other, "D", Set.of(Role.ADMIN));
    AppUserRepository users = mock(AppUserRepository.class);
    for (AppUser u : List.of(a, b, c, d)) when(users.findByUsername(u.getUsername())).thenReturn(Optional.of(u));

    new AccountSeeding(users, encoder).ensure(List.of(new WantedAccount("a", "A", Role.OPERATOR),
        new WantedAccount("b", "B", Role.PLANNER), new WantedAccount("c", "C", Role.POLICE),
        new WantedAccount("d", "D", Role.ADMIN)), "the-password", true);

    verify(encoder, times(2)).matches(any(), anyString()); // one per distinct stored hash
    assertThat(List.of(a, b, c)).allSatisfy(u -> assertThat(u.getPasswordHash()).isEqualTo(shared));
    assertThat(encoder.matches("the-password", d.getPasswordHash())).as("the account with another password is reset").isTrue();
  }
}
