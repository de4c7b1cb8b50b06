package org.gridwatch.incident;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.IntFunction;
import org.gridwatch.calendar.WorkingHours;
import org.gridwatch.calendar.YearSchedule;
import org.gridwatch.calendar.YearSchedules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The working calendar that SLA clocks run on: the daily working periods and weekend of {@link WorkingHours}
 * ({@code gridwatch.calendar.*}), and each year's holidays and make-up working days (调休) as published
 * ({@link YearSchedules}, data per year). A limit of N working days is N days' worth of working minutes, so
 * "3 working days" from Monday 10:00 ends Thursday 10:00. A deadline crossing into another year uses that year's
 * schedule; a year without one counts every non-weekend day as a working day (see {@link #published}).
 * Thread-safe; the schedules may change between two calls (an admin edit), the working hours do not.
 */
@Component
public class WorkingCalendar {
  private final ZoneId zone;
  private final Set<DayOfWeek> weekend;
  private final List<LocalTime[]> periods;
  private final IntFunction<Optional<YearSchedule>> years;

  @Autowired
  WorkingCalendar(WorkingHours hours, YearSchedules schedules) { this(hours, schedules::find); }

  /** A calendar on the given hours and schedules (tests pass the shipped ones). */
  public WorkingCalendar(WorkingHours hours, IntFunction<Optional<YearSchedule>> years) {
    this.zone = hours.getZone();
    this.weekend = Set.copyOf(hours.getWeekend());
    this.periods = periods(hours.getPeriods());
    this.years = years;
  }

  /** Whether {@code year}'s holidays are known; when not, Monday to Friday count as working days. */
  public boolean published(int year) { return years.apply(year).isPresent(); }

  public Instant add(Instant start, TimeLimit limit) { return add(start, limit, 1.0); }

  /** The instant when {@code fraction} of the limit has passed since {@code start} (1.0: the deadline). */
  public Instant add(Instant start, TimeLimit limit, double fraction) {
    return switch (limit.unit()) {
      // In double: an int amount times 60 or 3600 overflows int (2^31-1 hours once gave a deadline in the past).
      case CALENDAR_MINUTES -> start.plusSeconds(Math.round((double) limit.amount() * 60 * fraction));
      case CALENDAR_HOURS -> start.plusSeconds(Math.round((double) limit.amount() * 3600 * fraction));
      case WORKING_HOURS -> addWorkingMinutes(start, Math.round((double) limit.amount() * 60 * fraction));
      case WORKING_DAYS -> addWorkingMinutes(start, Math.round((double) limit.amount() * workingMinutesPerDay() * fraction));
    };
  }

  public boolean isWorkingDay(LocalDate date) {
    Optional<YearSchedule> year = years.apply(date.getYear());
    if (year.isPresent() && year.get().workdays().contains(date)) return true;
    return !weekend.contains(date.getDayOfWeek()) && !(year.isPresent() && year.get().holidays().contains(date));
  }

  long workingMinutesPerDay() {
    long m = 0;
    for (LocalTime[] p : periods) m += Duration.between(p[0], p[1]).toMinutes();
    return m;
  }

  /** The working minutes between two instants (0 when {@code end} is not after {@code start}). */
  public long workingMinutesBetween(Instant start, Instant end) {
    if (!end.isAfter(start)) return 0;
    ZonedDateTime from = start.atZone(zone), to = end.atZone(zone);
    long seconds = 0;
    for (LocalDate date = from.toLocalDate(); !date.isAfter(to.toLocalDate()); date = date.plusDays(1)) {
      if (!isWorkingDay(date)) continue;
      for (LocalTime[] p : periods) {
        ZonedDateTime a = date.atTime(p[0]).atZone(zone), b = date.atTime(p[1]).atZone(zone);
        if (a.isBefore(from)) a = from;
        if (b.isAfter(to)) b = to;
        if (b.isAfter(a)) seconds += Duration.between(a, b).toSeconds();
      }
    }
    return seconds / 60;
  }

  /** Walks forward through working periods until {@code minutes} of working time have passed. */
  Instant addWorkingMinutes(Instant start, long minutes) {
    if (workingMinutesPerDay() == 0) throw new IllegalStateException("the working calendar has no working periods");
    ZonedDateTime t = start.atZone(zone);
    long left = minutes * 60;
    for (int day = 0; day < 3660; day++) {
      LocalDate date = t.toLocalDate();
      if (isWorkingDay(date)) {
        for (LocalTime[] p : periods) {
          ZonedDateTime from = date.atTime(p[0]).atZone(zone), to = date.atTime(p[1]).atZone(zone);
          if (!t.isBefore(to)) continue;
          if (t.isAfter(from)) from = t;
          long available = Duration.between(from, to).toSeconds();
          if (left <= available) return from.plusSeconds(left).toInstant();
          left -= available;
          t = to;
        }
      }
      t = date.plusDays(1).atStartOfDay(zone);
    }
    throw new IllegalStateException("no working time within ten years of " + start);
  }

  private static List<LocalTime[]> periods(List<String> specs) {
    List<LocalTime[]> out = new ArrayList<>();
    for (String p : specs) {
      String[] ab = p.split("-");
      out.add(new LocalTime[] {LocalTime.parse(ab[0].trim()), LocalTime.parse(ab[1].trim())});
    }
    return List.copyOf(out);
  }

  public ZoneId getZone() { return zone; }
}
