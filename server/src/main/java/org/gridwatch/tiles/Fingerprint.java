package org.gridwatch.tiles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short digest of the parts a tile is drawn from (SHA-256, the first 12 bytes in hex). Not thread-safe. */
final class Fingerprint {
  private final MessageDigest digest;

  Fingerprint() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  Fingerprint add(Object part) {
    digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    return this;
  }

  String hex() { return HexFormat.of().formatHex(digest.digest(), 0, 12); }
}
