package org.gridwatch.open311;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The API keys Open311 clients must send with {@code POST requests}: {@code gridwatch.open311.api-keys}
 * (comma-separated) and {@code gridwatch.demo-api-key}. On the embedded default without a demo key, one is
 * generated at start and printed once in the log; production gets no key it was not given.
 */
@Component
class Open311Keys {
  private static final Logger log = LoggerFactory.getLogger(Open311Keys.class);
  private final Set<String> keys = new HashSet<>();

  Open311Keys(@Value("${gridwatch.open311.api-keys:}") String configured, @Value("${gridwatch.demo-api-key:}") String demo,
      @Value("${spring.datasource.url:}") String datasourceUrl) {
    for (String k : configured.split(",")) if (!k.isBlank()) keys.add(k.strip());
    if (!demo.isBlank()) {
      keys.add(demo.strip());
    } else if (datasourceUrl.startsWith("jdbc:h2:")) {
      byte[] b = new byte[12];
      new SecureRandom().nextBytes(b);
      String generated = HexFormat.of().formatHex(b);
      keys.add(generated);
      log.warn("Open311 demo API key (generated for this run; set gridwatch.demo-api-key to choose one): {}", generated);
    }
  }

  boolean valid(String key) { return key != null && keys.contains(key); }
}
