package org.gridwatch.incident;

import org.gridwatch.problem.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.gridwatch.problem.ProblemException;

/**
 * The query of {@code GET /api/v1/measures}, parsed and bounded before anything is counted: {@code level} one of
 * grid, community, subdistrict, district; {@code from} before {@code to}, both ISO dates (the district's local time) or
 * instants between {@link #EARLIEST} and {@link #LATEST}; {@code boundaries} {@code recorded}, {@code current} or
 * such a date or instant (then {@link #boundariesAt} holds it).
 */
record MeasuresQuery(String level, String code, Instant from, Instant to, String boundaries, Instant boundariesAt) {
  /** 2000-01-01 and 2101-01-01 in the earliest and latest time zones on Earth (±14 h): any district's dates fit. */
  static final Instant EARLIEST = Instant.parse("1999-12-31T10:00:00Z");
  static final Instant LATEST = Instant.parse("2101-01-01T14:00:00Z");
  static final String LEVELS = "grid, community, subdistrict, district";
  static final String BOUNDARIES = "recorded, current, or a date (2026-01-31) or date-time (2026-01-31T08:00:00+08:00)";

  static MeasuresQuery parse(String level, String code, String from, String to, String boundaries, Instant now, ZoneId zone) {
    String l = level.strip().toLowerCase(Locale.ROOT);
    if (!java.util.List.of("grid", "community", "subdistrict", "district").contains(l)) {
      throw ProblemException.badInput("level", Text.of("incident.x-not-one-x", level, LEVELS));
    }
    if (code != null && code.length() > 30) throw ProblemException.badInput("code", Text.of("incident.at-most-30-characters"));
    Instant end = to == null ? now : instant(to, "to", zone);
    Instant start = from == null ? end.minusSeconds(365L * 86400) : instant(from, "from", zone);
    if (!start.isBefore(end)) throw ProblemException.badInput("from", Text.of("incident.must-before"));
    Instant at = null;
    if (boundaries != null && !boundaries.equals("recorded") && !boundaries.equals("current")) {
      at = parseInstant(boundaries, zone);
      if (at == null) throw ProblemException.badInput("boundaries", Text.of("incident.x-not-one-x", boundaries, BOUNDARIES));
      if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) throw ProblemException.badInput("boundaries", outOfRange());
    }
    return new MeasuresQuery(l, code, start, end, boundaries, at);
  }

  /** The column cases record this level's code in; null for the whole district. */
  String column() {
    return switch (level) {
      case "grid" -> "gridCode";
      case "community" -> "communityCode";
      case "subdistrict" -> "subdistrictCode";
      default -> null;
    };
  }

  private static Instant instant(String text, String field, ZoneId zone) {
    Instant i = parseInstant(text, zone);
    if (i == null) throw ProblemException.badInput(field, Text.of("incident.x-not-date-2026-01", text));
    if (i.isBefore(EARLIEST) || i.isAfter(LATEST)) throw ProblemException.badInput(field, outOfRange());
    return i;
  }

  private static String outOfRange() { return "must lie between 2000-01-01 and 2100-12-31"; }

  private static Instant parseInstant(String text, ZoneId zone) {
    try {
      return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(zone).toInstant() : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
