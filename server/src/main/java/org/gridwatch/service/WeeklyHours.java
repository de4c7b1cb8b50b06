package org.gridwatch.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;

/** A weekly window in the district's local time: weekday 1 = Monday … 7 = Sunday, from before to. */
public record WeeklyHours(@NotNull(message = "is required") @Min(value = 1, message = "must be 1 (Monday) to 7 (Sunday)")
    @Max(value = 7, message = "must be 1 (Monday) to 7 (Sunday)") Integer weekday,
    @NotNull(message = "is required") LocalTime from, @NotNull(message = "is required") LocalTime to) {

  /** Whether a local moment falls inside the window. */
  boolean contains(LocalDateTime local) {
    if (local.getDayOfWeek() != DayOfWeek.of(weekday)) return false;
    LocalTime t = local.toLocalTime();
    return !t.isBefore(from) && t.isBefore(to);
  }

  /** Whether a local moment falls in one of the windows. */
  static boolean anyContains(List<WeeklyHours> hours, LocalDateTime local) {
    return hours.stream().anyMatch(h -> h.contains(local));
  }

  /** 400 naming {@code field[i].to} for a window that does not end after it starts. */
  static List<WeeklyHours> checked(List<WeeklyHours> hours, String field) {
    if (hours == null) return List.of();
    for (int i = 0; i < hours.size(); i++) {
      WeeklyHours h = hours.get(i);
      if (h == null) throw ProblemException.badInput(field + "[" + i + "]", Text.of("service.required"));
      if (!h.to().isAfter(h.from())) {
        throw ProblemException.badInput(field + "[" + i + "].to", Text.of("service.hours-end-after-start", h.from(), h.to()));
      }
    }
    return List.copyOf(hours);
  }
}
