package org.gridwatch.open311;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The API keys Open311 clients must send with {@code POST requests}: {@code gridwatch.open311.api-keys}
 * (comma-separated), and any key another part of the server accepts at start (the demo's client key).
 * Production gets no key it was not given.
 */
@Component
public class Open311Keys {
  private final Set<String> keys = ConcurrentHashMap.newKeySet();

  Open311Keys(@Value("${gridwatch.open311.api-keys:}") String configured) {
    for (String k : configured.split(",")) if (!k.isBlank()) keys.add(k.strip());
  }

  /** Accepts one more key from now on. */
  public void accept(String key) {
    if (key == null || key.isBlank()) throw new IllegalArgumentException("an Open311 API key must not be blank");
    keys.add(key.strip());
  }

  boolean valid(String key) { return key != null && keys.contains(key); }
}
