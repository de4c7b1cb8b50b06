package org.gridwatch.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** The stored schedule of one year (dates as sorted, comma-separated ISO dates). */
@Entity
@Table(name = "calendar_year")
class CalendarYear {
  @Id
  @Column(name = "year_number")
  private Integer year;
  private String holidays;
  private String workdays;
  private String source;
  private Instant updatedAt;
  private String updatedBy;

  protected CalendarYear() {}

  CalendarYear(YearSchedule s, Instant at, String by) {
    this.year = s.year();
    update(s, at, by);
  }

  void update(YearSchedule s, Instant at, String by) {
    this.holidays = join(s.holidays());
    this.workdays = join(s.workdays());
    this.source = s.source();
    this.updatedAt = at;
    this.updatedBy = by;
  }

  YearSchedule schedule() { return YearSchedule.of(year, split(holidays), split(workdays), source); }

  int getYear() { return year; }
  Instant getUpdatedAt() { return updatedAt; }
  String getUpdatedBy() { return updatedBy; }

  private static String join(Collection<LocalDate> dates) {
    return dates.stream().sorted().map(LocalDate::toString).collect(Collectors.joining(","));
  }

  private static Set<LocalDate> split(String s) {
    if (s == null || s.isBlank()) return Set.of();
    return Arrays.stream(s.split(",")).map(LocalDate::parse).collect(Collectors.toSet());
  }
}
