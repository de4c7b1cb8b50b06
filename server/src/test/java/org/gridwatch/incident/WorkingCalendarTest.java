package org.gridwatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridwatch.calendar.ShippedSchedules;
import org.gridwatch.calendar.WorkingHours;
import org.gridwatch.calendar.YearSchedule;
import org.junit.jupiter.api.Test;

/**
 * Deadlines in working time, on the default Beijing hours (08:30–12:00, 13:30–17:30) and the State Council
 * schedules shipped with the server (2025, 2026).
 */
class WorkingCalendarTest {
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final Map<Integer, YearSchedule> SHIPPED =
      ShippedSchedules.read().stream().collect(Collectors.toMap(YearSchedule::year, Function.identity()));
  final WorkingCalendar calendar = new WorkingCalendar(beijingHours(), y -> Optional.ofNullable(SHIPPED.get(y)));

  /** The working day in Beijing: the default zone is the deployment's (gridwatch.calendar.zone), not the JVM's. */
  static WorkingHours beijingHours() {
    WorkingHours hours = new WorkingHours();
    hours.setZone(BEIJING);
    return hours;
  }

  static Instant at(String local) { return LocalDateTime.parse(local).atZone(BEIJING).toInstant(); }
  static String local(Instant i) { return i.atZone(BEIJING).toLocalDateTime().toString(); }

  static TimeLimit of(int n, TimeLimit.Unit unit) { return new TimeLimit(n, unit); }

  @Test
  void workingHoursSkipLunchEveningsAndWeekends() {
    // Wednesday 11:30 + 1 working hour: 30 minutes before lunch, 30 after.
    assertThat(local(calendar.add(at("2026-11-25T11:30"), of(1, TimeLimit.Unit.WORKING_HOURS)))).isEqualTo("2026-11-25T14:00");
    // Friday 17:00 + 1 working hour: 30 minutes on Friday, 30 on Monday morning.
    assertThat(local(calendar.add(at("2026-11-27T17:00"), of(1, TimeLimit.Unit.WORKING_HOURS)))).isEqualTo("2026-11-30T09:00");
    // Reported on Saturday night: the clock starts on Monday at 08:30.
    assertThat(local(calendar.add(at("2026-11-28T22:00"), of(5, TimeLimit.Unit.WORKING_HOURS)))).isEqualTo("2026-11-30T15:00");
  }

  /** A consultation's pause is measured in working time: what it moves a deadline by. */
  @Test
  void workingMinutesBetweenCountOnlyWorkingPeriods() {
    // Wednesday 11:30 to 14:00: 30 minutes before lunch, 30 after.
    assertThat(calendar.workingMinutesBetween(at("2026-11-25T11:30"), at("2026-11-25T14:00"))).isEqualTo(60);
    // Friday 17:00 to Monday 09:00: the weekend counts nothing.
    assertThat(calendar.workingMinutesBetween(at("2026-11-27T17:00"), at("2026-11-30T09:00"))).isEqualTo(60);
    // National Day week is off: 30 September 17:00 to 8 October 08:30 is 30 minutes.
    assertThat(calendar.workingMinutesBetween(at("2026-09-30T17:00"), at("2026-10-08T08:30"))).isEqualTo(30);
    assertThat(calendar.workingMinutesBetween(at("2026-11-25T14:00"), at("2026-11-25T11:30"))).isZero();
    // and adding it back lands where the pause ended, when the pause ended inside working time
    Instant from = at("2026-11-27T16:00"), to = at("2026-11-30T10:15");
    assertThat(calendar.add(from, of((int) calendar.workingMinutesBetween(from, to), TimeLimit.Unit.CALENDAR_MINUTES)))
        .isNotEqualTo(to); // calendar minutes would not
    assertThat(local(calendar.addWorkingMinutes(from, calendar.workingMinutesBetween(from, to)))).isEqualTo("2026-11-30T10:15");
  }

  @Test
  void workingDaysKeepTheTimeOfDayAndSkipHolidays() {
    assertThat(local(calendar.add(at("2026-11-23T10:00"), of(3, TimeLimit.Unit.WORKING_DAYS)))).isEqualTo("2026-11-26T10:00");
    // National Day week (1–7 October) is off; Saturday 10 October is a make-up working day.
    assertThat(local(calendar.add(at("2026-09-30T10:00"), of(1, TimeLimit.Unit.WORKING_DAYS)))).isEqualTo("2026-10-08T10:00");
    assertThat(local(calendar.add(at("2026-10-09T10:00"), of(1, TimeLimit.Unit.WORKING_DAYS)))).isEqualTo("2026-10-10T10:00");
  }

  @Test
  void calendarLimitsIgnoreWorkingTimeAndFractionsGiveTheWarning() {
    assertThat(local(calendar.add(at("2026-11-28T23:50"), of(10, TimeLimit.Unit.CALENDAR_MINUTES)))).isEqualTo("2026-11-29T00:00");
    assertThat(local(calendar.add(at("2026-11-28T23:00"), of(2, TimeLimit.Unit.CALENDAR_HOURS), 0.8))).isEqualTo("2026-11-29T00:36");
    // 80 % of 5 working hours from Monday 08:30 is 4 working hours: 08:30–12:00 plus 30 minutes after lunch.
    assertThat(local(calendar.add(at("2026-11-30T08:30"), of(5, TimeLimit.Unit.WORKING_HOURS), 0.8))).isEqualTo("2026-11-30T14:00");
  }

  @Test
  void theShippedYearsAreTheOfficialOnes() {
    assertThat(SHIPPED.keySet()).containsExactly(2025, 2026);
    assertThat(SHIPPED.get(2025).holidays()).hasSize(1 + 8 + 3 + 5 + 3 + 8);
    assertThat(SHIPPED.get(2026).holidays()).hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
    assertThat(SHIPPED.get(2026).workdays()).extracting(LocalDate::toString)
        .containsExactly("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
  }

  @Test
  void springFestival2025StartsOnNewYearsEveAndSundayTheTwentySixthIsWorked() {
    // Friday 24 January + 1 working day: Sunday 26 January is a make-up working day.
    assertThat(local(calendar.add(at("2025-01-24T10:00"), of(1, TimeLimit.Unit.WORKING_DAYS)))).isEqualTo("2025-01-26T10:00");
    // Monday 27 January + 1 working day: 28 January (除夕) to 4 February are off.
    assertThat(local(calendar.add(at("2025-01-27T10:00"), of(1, TimeLimit.Unit.WORKING_DAYS)))).isEqualTo("2025-02-05T10:00");
    // National Day and Mid-Autumn 2025 are eight days, 1–8 October; Saturday 11 October is worked.
    assertThat(local(calendar.add(at("2025-09-30T10:00"), of(1, TimeLimit.Unit.WORKING_DAYS)))).isEqualTo("2025-10-09T10:00");
    assertThat(local(calendar.add(at("2025-10-10T10:00"), of(1, TimeLimit.Unit.WORKING_DAYS)))).isEqualTo("2025-10-11T10:00");
  }

  @Test
  void aDeadlineCrossingNewYearUsesTheNextYearsSchedule() {
    // 31 December 2025 + 1 working day: 1–3 January 2026 are off and Sunday 4 January is worked.
    assertThat(local(calendar.add(at("2025-12-31T10:00"), of(1, TimeLimit.Unit.WORKING_DAYS)))).isEqualTo("2026-01-04T10:00");
  }

  @Test
  void withoutAPublishedYearMondayToFridayAreWorkingDays() {
    // Reported Wednesday 30 December 2026 with 3 working days; 2027 not published: 31 Dec, Fri 1 Jan, Mon 4 Jan.
    assertThat(calendar.published(2027)).isFalse();
    assertThat(local(calendar.add(at("2026-12-30T10:00"), of(3, TimeLimit.Unit.WORKING_DAYS)))).isEqualTo("2027-01-04T10:00");
    // Once an admin enters 2027 (here an illustrative schedule, not the official one) New Year's Day is off.
    YearSchedule y2027 = YearSchedule.of(2027, Set.of(LocalDate.parse("2027-01-01")), Set.of(), "test");
    WorkingCalendar with2027 = new WorkingCalendar(beijingHours(),
        y -> y == 2027 ? Optional.of(y2027) : Optional.ofNullable(SHIPPED.get(y)));
    assertThat(with2027.published(2027)).isTrue();
    assertThat(local(with2027.add(at("2026-12-30T10:00"), of(3, TimeLimit.Unit.WORKING_DAYS)))).isEqualTo("2027-01-05T10:00");
  }

  /** Issue 10: 2^31-1 hours times 3600 overflowed int, and the deadline came before the start. */
  @Test
  void aHugeLimitNeverGivesADeadlineBeforeTheStart() {
    Instant start = at("2026-11-25T11:30");
    for (TimeLimit.Unit unit : java.util.List.of(TimeLimit.Unit.CALENDAR_MINUTES, TimeLimit.Unit.CALENDAR_HOURS)) {
      assertThat(calendar.add(start, of(Integer.MAX_VALUE, unit))).as(unit.name()).isAfter(start.plusSeconds(3600L * 24 * 365));
    }
    assertThat(calendar.add(start, of(TimeLimit.Unit.WORKING_HOURS.max(), TimeLimit.Unit.WORKING_HOURS))).isAfter(start.plusSeconds(3600L * 24 * 365));
    assertThat(calendar.add(start, of(TimeLimit.Unit.WORKING_DAYS.max(), TimeLimit.Unit.WORKING_DAYS))).isAfter(start.plusSeconds(3600L * 24 * 365));
  }
}
