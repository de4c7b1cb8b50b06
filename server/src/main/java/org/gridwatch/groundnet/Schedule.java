package org.gridwatch.groundnet;

import org.gridwatch.problem.Text;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.gridwatch.problem.ProblemException.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * When a patrol runs: windows of days of the week, a start and an end time (the district's local time; an end before the
 * start runs past midnight) and how many passes it makes in the window. Stored as JSON, e.g.
 * {@code [{"days":"MON-FRI","start":"08:00","end":"12:00","passes":2}]}.
 */
public record Schedule(List<Window> windows) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public record Window(Set<DayOfWeek> days, LocalTime start, LocalTime end, int passes) {
    /** Whether the window is running at this local day and time (overnight windows count from their start day). */
    boolean covers(DayOfWeek day, LocalTime t) {
      if (!start.isAfter(end)) return days.contains(day) && !t.isBefore(start) && t.isBefore(end);
      return (days.contains(day) && !t.isBefore(start)) || (days.contains(day.minus(1)) && t.isBefore(end));
    }
  }

  /** Whether a window runs at {@code when}, read in the district's time {@code zone}. */
  public boolean activeAt(Instant when, ZoneId zone) {
    ZonedDateTime z = when.atZone(zone);
    return windows.stream().anyMatch(w -> w.covers(z.getDayOfWeek(), z.toLocalTime()));
  }

  /** The start of the next window running at or after {@code when}, within a week. */
  public Optional<Instant> nextPass(Instant when, ZoneId zone) {
    ZonedDateTime z = when.atZone(zone);
    if (activeAt(when, zone)) return Optional.of(when);
    Instant best = null;
    for (int d = 0; d <= 7; d++) {
      ZonedDateTime day = z.toLocalDate().plusDays(d).atStartOfDay(zone);
      for (Window w : windows) {
        if (!w.days().contains(day.getDayOfWeek())) continue;
        Instant start = day.with(w.start()).toInstant();
        if (!start.isBefore(when) && (best == null || start.isBefore(best))) best = start;
      }
      if (best != null) return Optional.of(best);
    }
    return Optional.empty();
  }

  public String toJson() {
    List<Object> out = new ArrayList<>();
    for (Window w : windows) {
      out.add(java.util.Map.of("days", days(w.days()), "start", w.start().toString(), "end", w.end().toString(), "passes", w.passes()));
    }
    return JSON.writeValueAsString(out);
  }

  static String days(Set<DayOfWeek> days) {
    List<String> names = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values()) if (days.contains(d)) names.add(d.name().substring(0, 3));
    return String.join(",", names);
  }

  /** Parses the stored or submitted JSON, naming problems under {@code field}. */
  public static Schedule parse(JsonNode node, String field, List<FieldError> errors) {
    List<Window> windows = new ArrayList<>();
    if (node == null || !node.isArray() || node.isEmpty()) {
      errors.add(new FieldError(field, Text.of("groundnet.needs-at-least-one-window")));
      return new Schedule(windows);
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode w = node.get(i);
      String f = field + "[" + i + "]";
      try {
        Set<DayOfWeek> days = parseDays(w.path("days").asString("MON-SUN"));
        LocalTime start = LocalTime.parse(w.path("start").asString(""));
        LocalTime end = LocalTime.parse(w.path("end").asString(""));
        int passes = w.path("passes").asInt(1);
        if (passes < 1 || passes > 50) errors.add(new FieldError(f + ".passes", Text.of("groundnet.between-1-and-50")));
        if (start.equals(end)) errors.add(new FieldError(f, Text.of("groundnet.start-and-end-same")));
        windows.add(new Window(days, start, end, passes));
      } catch (RuntimeException e) {
        errors.add(new FieldError(f, Text.of("groundnet.needs-days-e-g-mon")));
      }
    }
    return new Schedule(List.copyOf(windows));
  }

  /** Checks submitted windows, naming problems under {@code field} (e.g. {@code schedule[1].passes}). */
  public static Schedule of(List<RouteRequest.Window> submitted, String field, List<FieldError> errors) {
    List<Window> windows = new ArrayList<>();
    if (submitted == null || submitted.isEmpty()) {
      errors.add(new FieldError(field, Text.of("groundnet.needs-at-least-one-window")));
      return new Schedule(windows);
    }
    for (int i = 0; i < submitted.size(); i++) {
      RouteRequest.Window w = submitted.get(i);
      String f = field + "[" + i + "]";
      Set<DayOfWeek> days;
      try {
        days = parseDays(w.days() == null ? "MON-SUN" : w.days());
      } catch (RuntimeException e) {
        errors.add(new FieldError(f + ".days", Text.of("groundnet.days-like-mon-fri-or")));
        continue;
      }
      if (w.start() == null) errors.add(new FieldError(f + ".start", Text.of("groundnet.required-hh-mm")));
      if (w.end() == null) errors.add(new FieldError(f + ".end", Text.of("groundnet.required-hh-mm")));
      int passes = w.passes() == null ? 1 : w.passes();
      if (passes < 1 || passes > 50) errors.add(new FieldError(f + ".passes", Text.of("groundnet.between-1-and-50")));
      if (w.start() == null || w.end() == null) continue;
      LocalTime start, end;
      try {
        start = LocalTime.parse(w.start());
        end = LocalTime.parse(w.end());
      } catch (java.time.format.DateTimeParseException e) {
        errors.add(new FieldError(f, Text.of("groundnet.start-and-end-times-hh")));
        continue;
      }
      if (start.equals(end)) errors.add(new FieldError(f, Text.of("groundnet.start-and-end-same")));
      windows.add(new Window(days, start, end, passes));
    }
    return new Schedule(List.copyOf(windows));
  }

  public static Schedule parse(String json) {
    List<FieldError> errors = new ArrayList<>();
    Schedule s = parse(JSON.readTree(json), "schedule", errors);
    if (!errors.isEmpty()) throw new IllegalStateException("stored schedule is broken: " + errors);
    return s;
  }

  static Set<DayOfWeek> parseDays(String text) {
    Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
    for (String part : text.toUpperCase(Locale.ROOT).split(",")) {
      String[] range = part.strip().split("-");
      DayOfWeek from = day(range[0]), to = range.length > 1 ? day(range[1]) : from;
      for (DayOfWeek d = from; ; d = d.plus(1)) {
        out.add(d);
        if (d == to) break;
      }
    }
    return out;
  }

  private static DayOfWeek day(String abbr) {
    for (DayOfWeek d : DayOfWeek.values()) if (d.name().startsWith(abbr.strip())) return d;
    throw new IllegalArgumentException(abbr);
  }
}
