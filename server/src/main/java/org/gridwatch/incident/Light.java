package org.gridwatch.incident;

import java.time.Instant;

/** The warning light of a case being handled: green in time, yellow from 80 % of its time limit, red once breached. */
public enum Light {
  GREEN, YELLOW, RED;

  /** The light now, or null when no handling clock runs. */
  static Light of(Incident i, Instant now) {
    if (!i.getStatus().handling() || i.getDeadline() == null) return null;
    if (i.isBreached() || !now.isBefore(i.getDeadline())) return RED;
    if (i.getWarnAt() != null && !now.isBefore(i.getWarnAt())) return YELLOW;
    return GREEN;
  }
}
