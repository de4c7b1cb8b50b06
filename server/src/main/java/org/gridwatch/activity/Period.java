package org.gridwatch.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;

/**
 * A period of whole days in the district's time zone, {@code from} and {@code to} both included, as the
 * {@code from}/{@code to} query parameters give it (ISO dates); {@code start} and {@code end} bound it as instants,
 * the end exclusive (midnight after {@code to}).
 */
record Period(LocalDate from, LocalDate to, Instant start, Instant end) {
  static final long LONGEST_DAYS = 3700;

  static Period parse(String from, String to, ZoneId zone, LocalDate defaultFrom, LocalDate defaultTo) {
    LocalDate f = from == null || from.isBlank() ? defaultFrom : date(from, "from");
    LocalDate t = to == null || to.isBlank() ? defaultTo : date(to, "to");
    if (f.isAfter(t)) throw ProblemException.badInput("from", Text.of("activity.from-after-to", f, t));
    if (ChronoUnit.DAYS.between(f, t) > LONGEST_DAYS) throw ProblemException.badInput("to", Text.of("activity.period-too-long", LONGEST_DAYS));
    return new Period(f, t, f.atStartOfDay(zone).toInstant(), t.plusDays(1).atStartOfDay(zone).toInstant());
  }

  private static LocalDate date(String text, String field) {
    try {
      LocalDate d = LocalDate.parse(text.strip());
      if (d.getYear() < 2000 || d.getYear() > 2100) throw ProblemException.badInput(field, Text.of("activity.date-out-of-range", text));
      return d;
    } catch (DateTimeParseException e) {
      throw ProblemException.badInput(field, Text.of("activity.not-a-date", text));
    }
  }
}
