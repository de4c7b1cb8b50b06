package org.gridwatch.need;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.gridwatch.area.DayPeriod;
import org.gridwatch.area.DistrictProfile;
import org.springframework.stereotype.Component;

/** The period of a needs query: {@code from}/{@code to} as ISO dates in the district's zone, by default the last 365 days. */
@Component
class NeedPeriod {
  static final int DEFAULT_DAYS = 365;

  private final DistrictProfile district;
  private final Clock clock;

  NeedPeriod(DistrictProfile district, Clock clock) {
    this.district = district;
    this.clock = clock;
  }

  DayPeriod parse(String from, String to) {
    LocalDate today = today();
    return DayPeriod.parse(from, to, zone(), today.minusDays(DEFAULT_DAYS - 1), today);
  }

  ZoneId zone() { return district.timeZone(); }

  LocalDate today() { return LocalDate.now(clock.withZone(zone())); }
}
