package org.gridwatch.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The way into a new deployment: one administrator when there is none, never a second, never a logged password. */
class FirstAdministratorTest {
  @TempDir Path dataDir;
  final AppUserRepository users = mock(AppUserRepository.class);
  @SuppressWarnings("deprecation") final PasswordEncoder plain = NoOpPasswordEncoder.getInstance();
  final List<AppUser> stored = new ArrayList<>();

  @BeforeEach
  void repository() {
    when(users.findAll()).thenAnswer(i -> List.copyOf(stored));
    when(users.findByUsername(any())).thenAnswer(i -> stored.stream().filter(u -> u.getUsername().equals(i.getArgument(0))).findFirst());
    when(users.save(any())).thenAnswer(i -> { stored.add(i.getArgument(0)); return i.getArgument(0); });
  }

  FirstAdministrator with(String username, String password) {
    return new FirstAdministrator(users, plain, username, password, dataDir.toString());
  }

  @Test
  void withoutAPasswordOneIsGeneratedAndWrittenOnlyToTheDataDirectory() throws Exception {
    assertThat(with("admin", "").ensure()).isEqualTo("'admin' created");
    assertThat(stored).singleElement().satisfies(u -> {
      assertThat(u.getUsername()).isEqualTo("admin");
      assertThat(u.getRoles()).containsExactly(Role.ADMIN);
    });
    String password = Files.readString(dataDir.resolve(FirstAdministrator.PASSWORD_FILE)).strip();
    assertThat(password).matches("[0-9a-f]{24}");
    assertThat(stored.get(0).getPasswordHash()).isEqualTo(password); // the no-op encoder: the hash is the password
    // A restart finds the administrator and changes nothing, not even the file.
    assertThat(with("admin", "").ensure()).isEqualTo("an administrator exists");
    assertThat(stored).hasSize(1);
    assertThat(Files.readString(dataDir.resolve(FirstAdministrator.PASSWORD_FILE)).strip()).isEqualTo(password);
  }

  @Test
  void aConfiguredPasswordIsUsedAndNoFileIsWritten() {
    assertThat(with("chief", "s3cret-enough").ensure()).isEqualTo("'chief' created");
    assertThat(stored.get(0).getUsername()).isEqualTo("chief");
    assertThat(stored.get(0).getPasswordHash()).isEqualTo("s3cret-enough");
    assertThat(dataDir.resolve(FirstAdministrator.PASSWORD_FILE)).doesNotExist();
  }

  @Test
  void anExistingAdministratorMeansNothingIsCreated() {
    stored.add(new AppUser("someone", "x", "Someone", Set.of(Role.ADMIN)));
    assertThat(with("admin", "").ensure()).isEqualTo("an administrator exists");
    verify(users, never()).save(any());
    assertThat(dataDir.resolve(FirstAdministrator.PASSWORD_FILE)).doesNotExist();
  }

  @Test
  void aNameTakenByAnotherRoleIsNotTurnedIntoAnAdministrator() {
    stored.add(new AppUser("admin", "x", "Operator", Set.of(Role.OPERATOR)));
    assertThat(with("admin", "").ensure()).isEqualTo("none: 'admin' is taken");
    assertThat(stored).singleElement().satisfies(u -> assertThat(u.getRoles()).containsExactly(Role.OPERATOR));
  }
}
