package org.gridwatch.area;

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
 * the end exclusive (midnight after {@code to}). Every per-area figures endpoint reads its query with this and
 * {@link #level}, so they refuse the same way.
 */
public record DayPeriod(LocalDate from, LocalDate to, Instant start, Instant end) {
  public static final long LONGEST_DAYS = 3700;

  public static DayPeriod parse(String from, String to, ZoneId zone, LocalDate defaultFrom, LocalDate defaultTo) {
    LocalDate f = from == null || from.isBlank() ? defaultFrom : date(from, "from");
    LocalDate t = to == null || to.isBlank() ? defaultTo : date(to, "to");
    if (f.isAfter(t)) throw ProblemException.badInput("from", Text.of("period.from-after-to", f, t));
    if (ChronoUnit.DAYS.between(f, t) > LONGEST_DAYS) throw ProblemException.badInput("to", Text.of("period.too-long", LONGEST_DAYS));
    return new DayPeriod(f, t, f.atStartOfDay(zone).toInstant(), t.plusDays(1).atStartOfDay(zone).toInstant());
  }

  /** The level a figures query names: grid, community or subdistrict (any case); else a 400 naming {@code level}. */
  public static AreaLevel level(String name) {
    return switch (name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "grid" -> AreaLevel.GRID;
      case "community" -> AreaLevel.COMMUNITY;
      case "subdistrict" -> AreaLevel.SUBDISTRICT;
      default -> throw ProblemException.badInput("level", Text.of("period.level-one-of", String.valueOf(name)));
    };
  }

  private static LocalDate date(String text, String field) {
    try {
      LocalDate d = LocalDate.parse(text.strip());
      if (d.getYear() < 2000 || d.getYear() > 2100) throw ProblemException.badInput(field, Text.of("period.date-out-of-range", text));
      return d;
    } catch (DateTimeParseException e) {
      throw ProblemException.badInput(field, Text.of("period.not-a-date", text));
    }
  }
}
