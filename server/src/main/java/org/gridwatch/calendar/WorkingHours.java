package org.gridwatch.calendar;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The working day of the deployment ({@code gridwatch.calendar.*}): its time zone, the daily working periods and
 * the weekend days. Which dates are holidays or make-up working days is data per year ({@link YearSchedules}),
 * not configuration. Defaults: the district's time zone (gridwatch.district.time-zone), 08:30–12:00 and 13:30–17:30, Saturday and Sunday off.
 */
@ConfigurationProperties("gridwatch.calendar")
public class WorkingHours {
  private ZoneId zone = ZoneId.systemDefault(); // gridwatch.calendar.zone, by default the district's time zone
  private List<String> periods = List.of("08:30-12:00", "13:30-17:30");
  private Set<DayOfWeek> weekend = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

  public ZoneId getZone() { return zone; }
  public void setZone(ZoneId zone) { this.zone = zone; }
  public List<String> getPeriods() { return periods; }
  public void setPeriods(List<String> periods) { this.periods = List.copyOf(periods); }
  public Set<DayOfWeek> getWeekend() { return weekend; }
  public void setWeekend(Set<DayOfWeek> weekend) { this.weekend = Set.copyOf(weekend); }
}
