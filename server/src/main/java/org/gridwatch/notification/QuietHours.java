package org.gridwatch.notification;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A daily window ({@code from} inclusive, {@code to} exclusive; may wrap midnight) when non-urgent messages to people wait. */
public record QuietHours(LocalTime from, LocalTime to) {
  private static final Pattern TEXT = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)-([01]\\d|2[0-3]):([0-5]\\d)");

  /** {@code "22:00-07:00"}; null or blank: none. Throws IllegalArgumentException on anything else. */
  public static QuietHours parse(String text) {
    if (text == null || text.isBlank()) return null;
    Matcher m = TEXT.matcher(text.trim());
    if (!m.matches()) throw new IllegalArgumentException("quiet hours are HH:mm-HH:mm");
    QuietHours q = new QuietHours(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
        LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
    if (q.from.equals(q.to)) throw new IllegalArgumentException("quiet hours must not be empty");
    return q;
  }

  boolean contains(LocalTime t) {
    return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
  }

  /** When the window holding {@code now} ends; {@code now} itself when it is outside the window. */
  Instant endAfter(Instant now, ZoneId zone) {
    ZonedDateTime local = now.atZone(zone);
    if (!contains(local.toLocalTime())) return now;
    ZonedDateTime end = local.toLocalDate().atTime(to).atZone(zone);
    return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
  }

  @Override public String toString() { return from + "-" + to; }
}
