package org.gridwatch.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Personal data at rest (ID numbers, phones): sealed with AES-256-GCM under a random 96-bit IV per value, and a keyed
 * hash (HMAC-SHA256) to find the same value again (uniqueness, look-ups) without decrypting. Both keys are derived
 * from one 256-bit master key ({@link PrivacyKey}), so the hash of a value cannot be recomputed without the key.
 *
 * <p>A sealed value is {@code v1:} + base64(IV ‖ ciphertext ‖ tag); a value sealed under another key, or altered,
 * does not open ({@link IllegalStateException}). Thread-safe: a {@link Cipher} and {@link Mac} per call. Never log
 * what goes in or comes out.
 */
public final class PersonalData {
  private static final String VERSION = "v1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec sealKey;
  private final SecretKeySpec hashKey;

  /** From a 32-byte master key. */
  public PersonalData(byte[] masterKey) {
    if (masterKey == null || masterKey.length != 32) throw new IllegalArgumentException("the privacy key must be 32 bytes (AES-256)");
    this.sealKey = new SecretKeySpec(derive(masterKey, "gridwatch personal data: seal"), "AES");
    this.hashKey = new SecretKeySpec(derive(masterKey, "gridwatch personal data: lookup hash"), "HmacSHA256");
  }

  /** The value sealed (null stays null). */
  public String seal(String plain) {
    if (plain == null) return null;
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal personal data", e);
    }
  }

  /** The plain value of a sealed one (null stays null); refuses one sealed under another key or altered. */
  public String open(String sealed) {
    if (sealed == null) return null;
    if (!sealed.startsWith(VERSION)) throw new IllegalStateException("not a sealed value");
    try {
      byte[] all = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // Do not chain the cause's message into logs with the value: say only that it did not open.
      throw new IllegalStateException("a sealed value did not open (another key, or altered)");
    }
  }

  /** The keyed hash of a value, as 64 hex digits: equal values, equal hashes; unusable without the key. */
  public String lookupHash(String plain) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hashKey);
      return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot hash personal data", e);
    }
  }

  private static byte[] derive(byte[] master, String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(master, "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot derive a key", e);
    }
  }
}
