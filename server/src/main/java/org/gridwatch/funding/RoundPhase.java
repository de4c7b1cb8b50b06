package org.gridwatch.funding;

import java.time.LocalDate;

/**
 * Where a round stands on a day, from its dates: needs are collected until the call opens, the call is open until it
 * closes (both days included), applications are reviewed until the projects run from runs_from to runs_to (included).
 */
public enum RoundPhase {
  NEEDS, CALL_OPEN, REVIEW, RUNNING, CLOSED;

  static RoundPhase on(LocalDate day, LocalDate callOpens, LocalDate callCloses, LocalDate runsFrom, LocalDate runsTo) {
    if (day.isBefore(callOpens)) return NEEDS;
    if (!day.isAfter(callCloses)) return CALL_OPEN;
    if (day.isBefore(runsFrom)) return REVIEW;
    if (!day.isAfter(runsTo)) return RUNNING;
    return CLOSED;
  }
}
