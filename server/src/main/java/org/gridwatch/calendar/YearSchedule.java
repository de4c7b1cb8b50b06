package org.gridwatch.calendar;

import java.time.LocalDate;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One year's published schedule: the public holidays (放假日, weekends inside a holiday block included) and the
 * weekend days worked instead (调休上班日). Immutable.
 */
public record YearSchedule(int year, SortedSet<LocalDate> holidays, SortedSet<LocalDate> workdays, String source) {
  public YearSchedule {
    holidays = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(holidays));
    workdays = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(workdays));
  }

  public static YearSchedule of(int year, Set<LocalDate> holidays, Set<LocalDate> workdays, String source) {
    return new YearSchedule(year, new TreeSet<>(holidays), new TreeSet<>(workdays), source);
  }
}
