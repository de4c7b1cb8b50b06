package org.gridwatch.open311;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.gridwatch.incident.Category;
import org.springframework.stereotype.Component;

/**
 * The discovery document's {@code changeset}: the moment the service list (the active categories as Open311
 * publishes them) was last seen to change. Categories carry no edit time, so the list's fingerprint is kept
 * and the changeset moves on whenever the fingerprint differs; after a restart it is the start time. A
 * changeset later than the real change only makes clients fetch the list once more; one that never moves
 * (as before) made them keep a stale list forever.
 */
@Component
class ServiceChangeset {
  private final Clock clock;
  private int fingerprint;
  private Instant changed;

  ServiceChangeset() { this(Clock.systemUTC()); }

  ServiceChangeset(Clock clock) { this.clock = clock; }

  synchronized Instant of(List<Category> categories) {
    int now = Objects.hash(categories.stream().filter(Category::isActive)
        .map(c -> List.of(c.getCode(), c.getName(), c.getNameEn(), String.valueOf(c.getDescription()), c.getKind().name()))
        .toList());
    if (changed == null || now != fingerprint) {
      fingerprint = now;
      changed = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
    return changed;
  }
}
