package org.gridwatch.incident;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The working calendar that SLA clocks run on ({@code gridwatch.calendar.*}): daily working periods, weekend
 * days, public holidays, and the weekend days that are worked instead (调休). A limit of N working days is N
 * days' worth of working minutes, so "3 working days" from Monday 10:00 ends Thursday 10:00.
 *
 * <p>Defaults: Asia/Shanghai, 08:30–12:00 and 13:30–17:30, Saturday and Sunday off, and the 2026 national
 * holidays as published (edit them for other years). Immutable after binding; thread-safe.
 */
@ConfigurationProperties("gridwatch.calendar")
public class WorkingCalendar {
  private ZoneId zone = ZoneId.of("Asia/Shanghai");
  private List<String> periods = List.of("08:30-12:00", "13:30-17:30");
  private Set<DayOfWeek> weekend = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
  private List<String> holidays = List.of("2026-01-01..2026-01-03", "2026-02-15..2026-02-23", "2026-04-04..2026-04-06",
      "2026-05-01..2026-05-05", "2026-06-19..2026-06-21", "2026-09-25..2026-09-27", "2026-10-01..2026-10-07");
  private List<String> workdays = List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");

  private volatile Set<LocalDate> holidaySet;
  private volatile Set<LocalDate> workdaySet;
  private volatile List<LocalTime[]> periodTimes;

  public Instant add(Instant start, TimeLimit limit) { return add(start, limit, 1.0); }

  /** The instant when {@code fraction} of the limit has passed since {@code start} (1.0: the deadline). */
  public Instant add(Instant start, TimeLimit limit, double fraction) {
    return switch (limit.unit()) {
      case CALENDAR_MINUTES -> start.plusSeconds(Math.round(limit.amount() * 60 * fraction));
      case CALENDAR_HOURS -> start.plusSeconds(Math.round(limit.amount() * 3600 * fraction));
      case WORKING_HOURS -> addWorkingMinutes(start, Math.round(limit.amount() * 60 * fraction));
      case WORKING_DAYS -> addWorkingMinutes(start, Math.round(limit.amount() * workingMinutesPerDay() * fraction));
    };
  }

  public boolean isWorkingDay(LocalDate date) {
    if (workdays().contains(date)) return true;
    return !weekend.contains(date.getDayOfWeek()) && !holidays().contains(date);
  }

  long workingMinutesPerDay() {
    long m = 0;
    for (LocalTime[] p : periods()) m += Duration.between(p[0], p[1]).toMinutes();
    return m;
  }

  /** Walks forward through working periods until {@code minutes} of working time have passed. */
  Instant addWorkingMinutes(Instant start, long minutes) {
    if (workingMinutesPerDay() == 0) throw new IllegalStateException("the working calendar has no working periods");
    ZonedDateTime t = start.atZone(zone);
    long left = minutes * 60;
    for (int day = 0; day < 3660; day++) {
      LocalDate date = t.toLocalDate();
      if (isWorkingDay(date)) {
        for (LocalTime[] p : periods()) {
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

  private Set<LocalDate> holidays() {
    if (holidaySet == null) holidaySet = dates(holidays);
    return holidaySet;
  }

  private Set<LocalDate> workdays() {
    if (workdaySet == null) workdaySet = dates(workdays);
    return workdaySet;
  }

  private List<LocalTime[]> periods() {
    if (periodTimes == null) {
      List<LocalTime[]> out = new ArrayList<>();
      for (String p : periods) {
        String[] ab = p.split("-");
        out.add(new LocalTime[] {LocalTime.parse(ab[0].trim()), LocalTime.parse(ab[1].trim())});
      }
      periodTimes = List.copyOf(out);
    }
    return periodTimes;
  }

  private static Set<LocalDate> dates(List<String> specs) {
    Set<LocalDate> out = new HashSet<>();
    for (String spec : specs) {
      String[] range = spec.split("\\.\\.");
      LocalDate from = LocalDate.parse(range[0].trim()), to = range.length > 1 ? LocalDate.parse(range[1].trim()) : from;
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) out.add(d);
    }
    return Set.copyOf(out);
  }

  public ZoneId getZone() { return zone; }
  public void setZone(ZoneId zone) { this.zone = zone; }
  public List<String> getPeriods() { return periods; }
  public void setPeriods(List<String> periods) { this.periods = periods; this.periodTimes = null; }
  public Set<DayOfWeek> getWeekend() { return weekend; }
  public void setWeekend(Set<DayOfWeek> weekend) { this.weekend = weekend; }
  public List<String> getHolidays() { return holidays; }
  public void setHolidays(List<String> holidays) { this.holidays = holidays; this.holidaySet = null; }
  public List<String> getWorkdays() { return workdays; }
  public void setWorkdays(List<String> workdays) { this.workdays = workdays; this.workdaySet = null; }
}
