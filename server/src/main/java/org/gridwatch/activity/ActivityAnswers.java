package org.gridwatch.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the activity, hours and matching endpoints answer. */
final class ActivityAnswers {
  private ActivityAnswers() {}

  record Organisers(List<Long> organisations, List<Long> volunteers) {}

  /** One volunteer's attendance: {@code minutes} and {@code hours} (credited by the rounding rule) once signed out. */
  record Attendance(long volunteer, String name, Instant signedIn, Instant signedOut, Integer minutes, BigDecimal hours) {}

  /**
   * An activity. {@code signInUrl} and {@code qr} (the QR code of that link) are for its organisers only, as the
   * link carries the sign-in code; others get null. {@code attendance}: every row for organisers and staff, a
   * volunteer's own row for them.
   */
  record Activity(long id, String title, ActivityKind kind, Instant starts, Instant ends, double lon, double lat, double radius,
      String grid, String community, String subdistrict, Organisers organisers, Long servicePoint, List<String> skills,
      String signInUrl, String qr, List<Attendance> attendance) {}

  /** One correction of an attendance, as audited: the times and hours before and after, who, when, why. */
  record Correction(long id, long activity, long volunteer, Instant beforeSignedIn, Instant beforeSignedOut, BigDecimal beforeHours,
      Instant signedIn, Instant signedOut, BigDecimal hours, String reason, String correctedBy, Instant correctedAt) {}

  /** One volunteer's credited hours in a period, activity by activity. */
  record VolunteerHours(long volunteer, String name, LocalDate from, LocalDate to, BigDecimal hours, int activities,
      List<HoursEntry> entries) {}

  record HoursEntry(long activity, String title, Instant signedIn, Instant signedOut, Integer minutes, BigDecimal hours) {}

  /**
   * A suggested volunteer: {@code distance} in whole metres from the place to the edge of their home grid (0 inside
   * it), whether a weekly window of theirs holds {@code at}, their credited hours in the 30 days before {@code at}.
   */
  record Suggestion(long volunteer, String name, String homeGrid, long distance, boolean available, BigDecimal recentHours) {}

  record Match(long id, MatchSubject subject, long subjectId, long volunteer, String name, String recordedBy, Instant recordedAt) {}

  /** Per-area figures: {@code activeVolunteers} counts the area's residents (by home grid) who served in the period. */
  record AreaFigures(String code, String name, int residents, BigDecimal volunteerHours, int activeVolunteers,
      double activeVolunteersPer1000, int activities) {}

  record Measures(String level, LocalDate from, LocalDate to, List<AreaFigures> areas) {}
}
