package org.gridwatch.calendar;

import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code calendar} in {@code /actuator/health}: WARNING naming the years SLA clocks need but nobody has loaded
 * (the next year from 1 December). WARNING is not among the aggregated statuses, so the server stays UP: a
 * missing calendar makes deadlines less exact, it does not stop the service.
 */
@Component("calendar")
class CalendarHealth implements HealthIndicator {
  static final String WARNING = "WARNING";

  private final YearSchedules schedules;

  CalendarHealth(YearSchedules schedules) { this.schedules = schedules; }

  @Override
  public Health health() {
    List<Integer> due = schedules.due();
    if (due.isEmpty()) return Health.up().withDetail("published", schedules.published()).build();
    String years = due.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow();
    return Health.status(new Status(WARNING, "working calendar " + years + " not loaded: Monday to Friday count as working days"))
        .withDetail("missing", due).withDetail("published", schedules.published()).build();
  }
}
