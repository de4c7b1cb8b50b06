package org.gridwatch.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sealing, opening and hashing personal data, and where the key comes from. */
class PersonalDataTest {
  static byte[] key(int seed) {
    byte[] k = new byte[32];
    for (int i = 0; i < 32; i++) k[i] = (byte) (seed + i);
    return k;
  }

  @Test
  void sealsEachTimeDifferentlyAndOpensOnlyWithItsKey() {
    PersonalData mine = new PersonalData(key(1));
    String a = mine.seal("11010519491231002X");
    String b = mine.seal("11010519491231002X");
    assertThat(a).isNotEqualTo(b).doesNotContain("11010519491231002X").startsWith("v1:");
    assertThat(mine.open(a)).isEqualTo("11010519491231002X");
    assertThat(mine.open(b)).isEqualTo("11010519491231002X");
    assertThatThrownBy(() -> new PersonalData(key(2)).open(a)).isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining("11010519491231002X");
    char[] c = a.toCharArray();
    c[10] = c[10] == 'A' ? 'B' : 'A';
    assertThatThrownBy(() -> mine.open(new String(c))).as("altered").isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theLookupHashIsStableAndKeyed() {
    PersonalData mine = new PersonalData(key(1));
    assertThat(mine.lookupHash("x")).isEqualTo(mine.lookupHash("x")).hasSize(64).isNotEqualTo(mine.lookupHash("y"));
    assertThat(new PersonalData(key(2)).lookupHash("x")).isNotEqualTo(mine.lookupHash("x"));
  }

  @Test
  void withoutASettingAKeyFileIsMadeOnceReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    byte[] first = PrivacyKey.masterKey("", data);
    Path file = data.resolve(PrivacyKey.FILE);
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(PrivacyKey.masterKey(null, data)).as("the same key on the next start").isEqualTo(first);
    byte[] configured = key(7);
    assertThat(PrivacyKey.masterKey(Base64.getEncoder().encodeToString(configured), data)).isEqualTo(configured);
    assertThatThrownBy(() -> PrivacyKey.masterKey(Base64.getEncoder().encodeToString(new byte[16]), data))
        .hasMessageContaining("32 bytes");
  }
}
