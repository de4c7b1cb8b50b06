package org.gridwatch.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the master key of {@link PersonalData} comes from: the setting {@code gridwatch.privacy.key} (base64 of 32
 * bytes), else the file {@code <gridwatch.data-dir>/privacy.key}, made once with a random key and readable by the
 * server's user only. The log names the file, never the key. Losing the key loses every sealed value: back the file
 * up with the database, apart from it.
 */
@Configuration
class PrivacyKey {
  static final String FILE = "privacy.key";
  private static final Logger log = LoggerFactory.getLogger(PrivacyKey.class);

  @Bean
  PersonalData personalData(@Value("${gridwatch.privacy.key:}") String configured,
      @Value("${gridwatch.data-dir:./gridwatch-data}") String dataDir) {
    return new PersonalData(masterKey(configured, Path.of(dataDir)));
  }

  /** The configured key, or the one in the data directory's key file (made when missing). */
  static byte[] masterKey(String configured, Path dataDir) {
    if (configured != null && !configured.isBlank()) return decode(configured.strip(), "gridwatch.privacy.key");
    Path file = dataDir.resolve(FILE);
    try {
      if (!Files.exists(file)) create(file);
      return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toAbsolutePath().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the privacy key file " + file.toAbsolutePath(), e);
    }
  }

  /**
   * Writes a random key to a private temporary file, forces it to disk, then moves it into place without replacing:
   * a reader never sees a half-written key, and when two starts race the second keeps the first one's key.
   */
  private static void create(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path tmp;
    try {
      tmp = Files.createTempFile(file.getParent(), FILE, ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      tmp = Files.createTempFile(file.getParent(), FILE, ".tmp");
    }
    try {
      Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + System.lineSeparator(), StandardCharsets.US_ASCII);
      try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
        channel.force(true); // the key must outlive a crash as long as the rows sealed with it
      }
      Files.move(tmp, file);
    } catch (FileAlreadyExistsException anotherStartWasFirst) {
      return;
    } finally {
      Files.deleteIfExists(tmp);
    }
    log.warn("Created a privacy key for personal data (ID numbers, phones) in {} (readable by this user only). "
        + "Back it up apart from the database: without it the sealed values cannot be read. "
        + "Or set gridwatch.privacy.key.", file.toAbsolutePath());
  }

  private static byte[] decode(String base64, String where) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the privacy key in " + where + " is not base64");
    }
    if (key.length != 32) throw new IllegalStateException("the privacy key in " + where + " must be 32 bytes, base64 (e.g. openssl rand -base64 32)");
    return key;
  }
}
