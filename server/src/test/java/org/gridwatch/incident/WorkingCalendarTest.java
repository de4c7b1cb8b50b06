package org.gridwatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Deadlines in working time, on the default Beijing calendar (08:30–12:00, 13:30–17:30, 2026 holidays). */
class WorkingCalendarTest {
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  final WorkingCalendar calendar = new WorkingCalendar();

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
}
