package org.gridwatch.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** An activity as stored, with what decides who organises it and when its sign-in is open. */
record ActivityRow(long id, String title, ActivityKind kind, Instant starts, Instant ends, double lon, double lat, double radiusM,
    String grid, String community, String subdistrict, Long servicePoint, String signInCode, List<Long> organisations,
    List<Long> volunteers, List<String> skills) {
  /** How long before the start and after the end volunteers may sign in and out. */
  static final Duration SIGN_IN_MARGIN = Duration.ofHours(1);

  ActivityAccess.Organising organising() { return new ActivityAccess.Organising(grid, community, subdistrict, organisations, volunteers); }

  Instant opens() { return starts.minus(SIGN_IN_MARGIN); }

  Instant closes() { return ends.plus(SIGN_IN_MARGIN); }

  boolean open(Instant at) { return !at.isBefore(opens()) && !at.isAfter(closes()); }
}
