package org.gridwatch.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The published schedule of each year, cached in memory (every deadline reads it) and reloaded after an edit.
 * On first use, the shipped State Council schedules ({@link ShippedSchedules}) are stored for every year the
 * database does not hold yet; a year an admin has edited is never overwritten by a shipped file.
 *
 * <p>A year is "due" when SLA clocks need it and it is not published: the current year always, and the next
 * year from 1 December on (the notice usually appears in November).
 */
@Service
public class YearSchedules {
  static final String SHIPPED = "shipped";

  private final CalendarYearRepository years;
  private final CalendarChangeRepository changes;
  private final TransactionTemplate tx;
  private final WorkingHours hours;
  private final Clock clock;
  private volatile Map<Integer, YearSchedule> byYear;

  YearSchedules(CalendarYearRepository years, CalendarChangeRepository changes, TransactionTemplate tx,
      WorkingHours hours, Clock clock) {
    this.years = years;
    this.changes = changes;
    this.tx = tx;
    this.hours = hours;
    this.clock = clock;
  }

  public Optional<YearSchedule> find(int year) { return Optional.ofNullable(cache().get(year)); }

  /** Years with a published schedule, ascending. */
  public List<Integer> published() { return cache().keySet().stream().sorted().toList(); }

  /** The years SLA clocks need now and that are not published, ascending (empty when all is well). */
  public List<Integer> due() {
    return due(LocalDate.now(clock.withZone(hours.getZone())), cache().keySet());
  }

  static List<Integer> due(LocalDate today, java.util.Set<Integer> published) {
    List<Integer> out = new ArrayList<>();
    if (!published.contains(today.getYear())) out.add(today.getYear());
    if (today.getMonthValue() == 12 && !published.contains(today.getYear() + 1)) out.add(today.getYear() + 1);
    return out;
  }

  /** Replaces a year's schedule (publishing it if it was not) and records who changed what. */
  YearSchedule replace(YearSchedule next, String by, String role) {
    YearSchedule saved = tx.execute(status -> {
      Instant now = clock.instant();
      CalendarYear row = years.findById(next.year()).orElse(null);
      YearSchedule before = row == null ? null : row.schedule();
      if (row == null) years.save(new CalendarYear(next, now, by));
      else row.update(next, now, by);
      changes.save(new CalendarChange(next.year(), now, by, role, summary(before, next)));
      return next;
    });
    reload();
    return saved;
  }

  List<CalendarChange> changes(int year) { return changes.findByYearOrderByChangedAtDescIdDesc(year); }

  Optional<CalendarYear> stored(int year) { return years.findById(year); }

  /** Reads every year again, e.g. after the table was changed behind this service (tests, a second instance). */
  public void reload() {
    byYear = tx.execute(status -> years.findAll().stream()
        .collect(Collectors.toUnmodifiableMap(CalendarYear::getYear, CalendarYear::schedule)));
  }

  private Map<Integer, YearSchedule> cache() {
    Map<Integer, YearSchedule> m = byYear;
    if (m == null) {
      synchronized (this) {
        if (byYear == null) {
          storeShipped();
          reload();
        }
        m = byYear;
      }
    }
    return m;
  }

  private void storeShipped() {
    for (YearSchedule s : ShippedSchedules.read()) {
      try {
        tx.executeWithoutResult(status -> {
          if (years.existsById(s.year())) return;
          Instant now = clock.instant();
          years.save(new CalendarYear(s, now, SHIPPED));
          changes.save(new CalendarChange(s.year(), now, SHIPPED, "SYSTEM", "published from " + s.source()));
        });
      } catch (DataIntegrityViolationException raced) {
        // another instance stored it first: same file, same dates
      }
    }
  }

  /** What changed, e.g. "holidays +2027-01-01 −2026-12-31; workdays +2027-02-06" (or "published"). */
  static String summary(YearSchedule before, YearSchedule after) {
    if (before == null) return "published: " + after.holidays().size() + " holidays, " + after.workdays().size()
        + " make-up working days; source " + after.source();
    List<String> parts = new ArrayList<>();
    diff("holidays", before.holidays(), after.holidays(), parts);
    diff("workdays", before.workdays(), after.workdays(), parts);
    if (!before.source().equals(after.source())) parts.add("source \"" + before.source() + "\" → \"" + after.source() + "\"");
    return parts.isEmpty() ? "no change" : String.join("; ", parts);
  }

  private static void diff(String what, SortedSet<LocalDate> before, SortedSet<LocalDate> after, List<String> parts) {
    Function<SortedSet<LocalDate>, TreeSet<LocalDate>> copy = TreeSet::new;
    TreeSet<LocalDate> added = copy.apply(after), removed = copy.apply(before);
    added.removeAll(before);
    removed.removeAll(after);
    if (added.isEmpty() && removed.isEmpty()) return;
    StringBuilder b = new StringBuilder(what);
    added.forEach(d -> b.append(" +").append(d));
    removed.forEach(d -> b.append(" -").append(d));
    parts.add(b.toString());
  }
}
