package org.gridwatch.hotline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks that a ticket came from the hotline system: {@code X-Hotline-Timestamp} (epoch seconds, within 5 minutes of
 * now) and {@code X-Hotline-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>}, the secret being
 * {@code gridwatch.hotline.inbound-secret}. With no secret configured no signature is accepted. Compared in constant
 * time; a refusal says nothing about which part was wrong.
 */
@Component
class HotlineSignature {
  static final String TIMESTAMP = "X-Hotline-Timestamp";
  static final String SIGNATURE = "X-Hotline-Signature";
  private static final Duration WINDOW = Duration.ofMinutes(5);

  private final byte[] secret;
  private final Clock clock;

  HotlineSignature(@Value("${gridwatch.hotline.inbound-secret:}") String secret, Clock clock) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  /** Whether the request carries signature headers at all (a signed-in operator's hand entry does not). */
  static boolean present(String timestamp, String signature) { return timestamp != null || signature != null; }

  /** Passes a correctly signed, fresh body; a 401 /problems/bad-signature otherwise. */
  void check(String timestamp, String signature, byte[] body) {
    if (secret.length == 0 || timestamp == null || signature == null || !signature.startsWith("sha256=")) throw refused();
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      throw refused();
    }
    if (Math.abs(clock.instant().getEpochSecond() - seconds) > WINDOW.toSeconds()) throw refused();
    byte[] given;
    try {
      given = HexFormat.of().parseHex(signature.substring("sha256=".length()).strip().toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw refused();
    }
    if (!MessageDigest.isEqual(sign(secret, timestamp.strip(), body), given)) throw refused();
  }

  /** HMAC-SHA256 of {@code timestamp + "." + body} under {@code key}. */
  static byte[] sign(byte[] key, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ProblemException refused() {
    return new ProblemException(HttpStatus.UNAUTHORIZED, "bad-signature", "Bad signature", Text.of("hotline.bad-signature"),
        List.of(new ProblemException.FieldError(SIGNATURE, Text.of("hotline.signature-reason"))));
  }
}
