package org.gridwatch.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The way into a new deployment: when no account holds ADMIN, one is created so that the district office can sign in
 * and import its data. Its name is {@code gridwatch.admin.username} ({@code admin}); its password is
 * {@code gridwatch.admin.password} when set, else 24 random hex digits written once to
 * {@code <gridwatch.data-dir>/initial-admin-password} (owner-readable only) — the log names the file, never the
 * password. Nothing happens while any ADMIN exists (the demo's, or one made before), so restarting changes nothing.
 */
@Component
public class FirstAdministrator {
  private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
  static final String PASSWORD_FILE = "initial-admin-password";

  private final AppUserRepository users;
  private final PasswordEncoder encoder;
  private final String username;
  private final String password;
  private final Path dataDir;

  FirstAdministrator(AppUserRepository users, PasswordEncoder encoder,
      @Value("${gridwatch.admin.username:admin}") String username, @Value("${gridwatch.admin.password:}") String password,
      @Value("${gridwatch.data-dir:./gridwatch-data}") String dataDir) {
    this.users = users;
    this.encoder = encoder;
    this.username = username == null || username.isBlank() ? "admin" : username.strip();
    this.password = password;
    this.dataDir = Path.of(dataDir);
  }

  /** Creates the first administrator when there is none; answers what it did, for the start-up log. */
  @Transactional
  public String ensure() {
    boolean anyAdmin = users.findAll().stream().anyMatch(u -> u.getRoles().contains(Role.ADMIN));
    if (anyAdmin) return "an administrator exists";
    if (users.findByUsername(username).isPresent()) {
      log.warn("No account holds ADMIN and '{}' is taken by another role: set gridwatch.admin.username to a free name", username);
      return "none: '" + username + "' is taken";
    }
    boolean given = password != null && !password.isBlank();
    String chosen = given ? password : HexFormat.of().formatHex(randomBytes(12));
    users.save(new AppUser(username, encoder.encode(chosen), "Administrator", Set.of(Role.ADMIN)));
    if (given) {
      log.info("First administrator '{}' created with gridwatch.admin.password", username);
    } else {
      Path file = writeOnce(chosen);
      log.warn("First administrator '{}' created; its generated password is in {} (readable by this user only). "
          + "Sign in, then delete the file.", username, file.toAbsolutePath());
    }
    return "'" + username + "' created";
  }

  private Path writeOnce(String secret) {
    try {
      Files.createDirectories(dataDir);
      Path file = dataDir.resolve(PASSWORD_FILE);
      Files.deleteIfExists(file);
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
      Files.writeString(file, secret + System.lineSeparator(), StandardCharsets.US_ASCII);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the first administrator's password to " + dataDir, e);
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }
}
