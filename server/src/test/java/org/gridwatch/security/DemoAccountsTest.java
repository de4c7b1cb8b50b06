package org.gridwatch.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** No default password ever ships for production; the embedded default always gets usable demo accounts. */
class DemoAccountsTest {
  final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);

  @Test
  void onPostgisWithoutAnExplicitPasswordNoAccountIsCreated() {
    AppUserRepository users = mock(AppUserRepository.class);
    new DemoAccounts(users, encoder, "", "jdbc:postgresql://db/gridwatch").run(null);
    verify(users, never()).save(any());
  }

  /** Runs the start-up step against an empty user table and returns what it saved. */
  List<AppUser> createdWith(String password, String datasourceUrl) {
    AppUserRepository users = mock(AppUserRepository.class);
    when(users.findByUsername(any())).thenReturn(Optional.empty());
    List<AppUser> saved = new ArrayList<>();
    when(users.save(any())).thenAnswer(i -> { saved.add(i.getArgument(0)); return i.getArgument(0); });
    new DemoAccounts(users, encoder, password, datasourceUrl).run(null);
    return saved;
  }

  @Test
  void onTheEmbeddedDefaultAGeneratedPasswordIsUsedForAllFive() {
    List<AppUser> saved = createdWith("", "jdbc:h2:file:./x");
    assertThat(saved).extracting(AppUser::getUsername).containsExactly("admin", "operator", "planner", "police",
        "gridworker", "community", "subdistrict", "department", "resident");
    assertThat(saved.get(0).getPasswordHash()).isEqualTo(saved.get(8).getPasswordHash()).startsWith("$2");
    assertThat(encoder.matches("", saved.get(0).getPasswordHash())).isFalse();
  }

  @Test
  void anExplicitPasswordIsAppliedOnAnyDatabase() {
    List<AppUser> saved = createdWith("s3cret-demo", "jdbc:postgresql://db/gridwatch");
    assertThat(saved).hasSize(9).allSatisfy(u -> assertThat(encoder.matches("s3cret-demo", u.getPasswordHash())).isTrue());
  }
}
