package org.gridwatch.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which years the health check and the console call due, and what an audit entry says changed. */
class YearSchedulesTest {
  @Test
  void theNextYearIsDueFromTheFirstOfDecember() {
    assertThat(YearSchedules.due(LocalDate.parse("2026-11-30"), Set.of(2025, 2026))).isEmpty();
    assertThat(YearSchedules.due(LocalDate.parse("2026-12-01"), Set.of(2025, 2026))).containsExactly(2027);
    assertThat(YearSchedules.due(LocalDate.parse("2026-12-02"), Set.of(2026, 2027))).isEmpty();
    assertThat(YearSchedules.due(LocalDate.parse("2027-03-01"), Set.of(2026))).containsExactly(2027);
    assertThat(YearSchedules.due(LocalDate.parse("2027-12-31"), Set.of(2026))).containsExactly(2027, 2028);
  }

  @Test
  void theAuditSummaryListsDatesAddedAndRemoved() {
    YearSchedule before = YearSchedule.of(2027, Set.of(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-02-05")),
        Set.of(LocalDate.parse("2027-02-13")), "A");
    YearSchedule after = YearSchedule.of(2027, Set.of(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-02-06")),
        Set.of(LocalDate.parse("2027-02-13")), "A");
    assertThat(YearSchedules.summary(before, after)).isEqualTo("holidays +2027-02-06 -2027-02-05");
    assertThat(YearSchedules.summary(null, after)).startsWith("published: 2 holidays, 1 make-up working days");
    assertThat(YearSchedules.summary(after, after)).isEqualTo("no change");
  }
}
