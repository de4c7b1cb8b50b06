package org.gridwatch.service;

import org.gridwatch.area.DayPeriod;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.DistrictProfile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Bookings made and fulfilled per grid, community or subdistrict over a period of days (the district's time zone,
 * both ends included): made by when the booking was taken, fulfilled by when its delivery was recorded as done.
 * Counted by the area codes recorded with each booking; every current area of the level is listed.
 */
@Component
class BookingMeasures {
  /** One area's figures. */
  record AreaFigures(String code, String name, int residents, int bookings, int fulfilled) {}

  /** The answer: the level, the period and each area. */
  record Answer(String level, LocalDate from, LocalDate to, List<AreaFigures> areas) {}

  private final JdbcTemplate jdbc;
  private final AreaCatalog catalog;
  private final DistrictProfile district;
  private final Clock clock;

  BookingMeasures(JdbcTemplate jdbc, AreaCatalog catalog, DistrictProfile district, Clock clock) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.district = district;
    this.clock = clock;
  }

  Answer of(String levelText, String fromText, String toText) {
    AreaLevel areaLevel = DayPeriod.level(levelText == null ? "community" : levelText);
    String level = areaLevel.name().toLowerCase(Locale.ROOT);
    String column = level + "_code";
    ZoneId zone = district.timeZone();
    LocalDate today = LocalDate.now(clock.withZone(zone));
    DayPeriod period = DayPeriod.parse(fromText, toText, zone, today.minusDays(29), today);
    LocalDate from = period.from(), to = period.to();
    Timestamp start = Timestamp.from(period.start());
    Timestamp end = Timestamp.from(period.end());
    Map<String, Integer> made = new HashMap<>();
    Map<String, Integer> done = new HashMap<>();
    jdbc.query("SELECT " + column + ", count(*) FROM booking WHERE created_at >= ? AND created_at < ? GROUP BY " + column,
        rs -> { made.put(rs.getString(1), rs.getInt(2)); }, start, end);
    jdbc.query("SELECT " + column + ", count(*) FROM booking WHERE fulfilled = TRUE AND fulfilled_at >= ? AND fulfilled_at < ? GROUP BY "
        + column, rs -> { done.put(rs.getString(1), rs.getInt(2)); }, start, end);
    List<AreaFigures> areas = catalog.now().level(areaLevel).stream()
        .map(a -> new AreaFigures(a.code(), a.name(), a.residents(), made.getOrDefault(a.code(), 0), done.getOrDefault(a.code(), 0)))
        .toList();
    return new Answer(level, from, to, areas);
  }
}
