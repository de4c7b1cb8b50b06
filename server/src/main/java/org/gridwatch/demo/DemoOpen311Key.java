package org.gridwatch.demo;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.gridwatch.open311.Open311Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo Open311 client's API key: {@code gridwatch.demo-api-key} when set; otherwise, on the embedded default only,
 * one generated for this run and printed once in the log. Like the demo accounts, independent of the demo data.
 */
@Component
class DemoOpen311Key {
  private static final Logger log = LoggerFactory.getLogger(DemoOpen311Key.class);
  private final Open311Keys keys;
  private final String key;
  private final boolean embedded;

  DemoOpen311Key(Open311Keys keys, @Value("${gridwatch.demo-api-key:}") String key,
      @Value("${spring.datasource.url:}") String datasourceUrl) {
    this.keys = keys;
    this.key = key;
    this.embedded = datasourceUrl.startsWith("jdbc:h2:");
  }

  String seed() {
    if (!key.isBlank()) {
      keys.accept(key);
      return "the configured key";
    }
    if (!embedded) return "none (no gridwatch.demo-api-key)";
    byte[] b = new byte[12];
    new SecureRandom().nextBytes(b);
    String generated = HexFormat.of().formatHex(b);
    keys.accept(generated);
    log.warn("Open311 demo API key (generated for this run; set gridwatch.demo-api-key to choose one): {}", generated);
    return "a generated key";
  }
}
