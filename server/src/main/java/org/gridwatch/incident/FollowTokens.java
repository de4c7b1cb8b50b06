package org.gridwatch.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Follow tokens: 128 random bits, URL-safe, kept only as SHA-256 so a copy of the database cannot follow cases. */
final class FollowTokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private FollowTokens() {}

  static String newToken() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The token of a keyed report: HMAC-SHA256 of a server-side salt under the client's Idempotency-Key. */
  static String fromKey(String idempotencyKey, String salt) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(idempotencyKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] out = java.util.Arrays.copyOf(mac.doFinal(salt.getBytes(StandardCharsets.US_ASCII)), 16);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SHA-256 in hex: how a follow token is kept, and what an Idempotency-Key is bound to (the canonical request). */
  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean matches(String token, String storedHash) {
    if (token == null || storedHash == null || token.length() > 100) return false;
    return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
