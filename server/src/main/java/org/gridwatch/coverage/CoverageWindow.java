package org.gridwatch.coverage;

import org.gridwatch.problem.Text;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.gridwatch.problem.ProblemException;

/**
 * The moment patrol coverage is judged at: {@code now} (default), {@code day} (10:00 today, the district's local time),
 * {@code night} (23:00 today), a time of day {@code HH:MM} (today), or an ISO date-time.
 */
final class CoverageWindow {
  private CoverageWindow() {}

  static Instant parse(String text, Clock clock, ZoneId zone) {
    Instant now = clock.instant();
    if (text == null || text.isBlank() || text.equalsIgnoreCase("now")) return now;
    LocalDate today = now.atZone(zone).toLocalDate();
    try {
      return switch (text.strip().toLowerCase()) {
        case "day" -> today.atTime(10, 0).atZone(zone).toInstant();
        case "night" -> today.atTime(23, 0).atZone(zone).toInstant();
        default -> text.length() <= 5 ? today.atTime(LocalTime.parse(text.strip())).atZone(zone).toInstant()
            : OffsetDateTime.parse(text.strip()).toInstant();
      };
    } catch (DateTimeParseException e) {
      throw ProblemException.badInput("window", Text.of("coverage.x-not-now-day-night", text));
    }
  }
}
