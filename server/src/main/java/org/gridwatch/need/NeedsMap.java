package org.gridwatch.need;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.DayPeriod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The needs map: per area of a level, the requests of a category (or all) over a period and their rate per 1,000
 * residents. Every current area of the level is listed, with zeros where nothing was asked. Needs recorded by hand
 * are shown beside the count ({@code recorded}: those recorded in the period for the area or an area inside it), not
 * added to it: they are not requests of residents one by one.
 */
@Component
class NeedsMap {
  /** One area's figures; count = cases + bookings; rate = count per 1,000 residents, 2 decimals, 0 without residents. */
  record AreaNeed(String code, String name, String nameEn, long count, long cases, long bookings, long recorded,
      int residents, BigDecimal rate) {}

  /** The answer: what was asked (category null: all categories) and every area of the level. */
  record Answer(String level, String category, LocalDate from, LocalDate to, List<AreaNeed> areas) {}

  private final NeedRates rates;
  private final AreaCatalog catalog;
  private final JdbcTemplate jdbc;

  NeedsMap(NeedRates rates, AreaCatalog catalog, JdbcTemplate jdbc) {
    this.rates = rates;
    this.catalog = catalog;
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  Answer of(AreaLevel level, String category, DayPeriod period) {
    AreaCatalog.Snapshot s = catalog.now();
    NeedRates.Counts counts = rates.countsBy(level, category, period.start(), period.end());
    Map<String, Long> recorded = recorded(s, level, category, period);
    List<AreaNeed> areas = s.level(level).stream().map(a -> {
      long cases = counts.cases(a.code()), bookings = counts.bookings(a.code());
      return new AreaNeed(a.code(), a.name(), a.nameEn(), cases + bookings, cases, bookings,
          recorded.getOrDefault(a.code(), 0L), a.residents(), rate(cases + bookings, a.residents()));
    }).toList();
    return new Answer(level.name().toLowerCase(Locale.ROOT), category, period.from(), period.to(), areas);
  }

  /** Requests per 1,000 residents, 2 decimals (half up); 0 where no one lives. */
  static BigDecimal rate(long count, int residents) {
    if (residents <= 0) return BigDecimal.ZERO.setScale(2);
    return BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(residents), 2, RoundingMode.HALF_UP);
  }

  /** Needs recorded by hand in the period, each counted for the area of the level that holds its area. */
  private Map<String, Long> recorded(AreaCatalog.Snapshot s, AreaLevel level, String category, DayPeriod period) {
    Map<String, Long> out = new HashMap<>();
    String sql = "SELECT area_code, count(*) FROM need_record WHERE recorded_at >= ? AND recorded_at < ?"
        + (category == null ? "" : " AND category_code = ?") + " GROUP BY area_code";
    Object[] args = category == null ? new Object[] {Timestamp.from(period.start()), Timestamp.from(period.end())}
        : new Object[] {Timestamp.from(period.start()), Timestamp.from(period.end()), category};
    jdbc.query(sql, rs -> {
      String code = rs.getString(1);
      long n = rs.getLong(2);
      s.find(code).flatMap(a -> s.chain(a).stream().filter(x -> x.level() == level).findFirst())
          .ifPresent(holder -> out.merge(holder.code(), n, Long::sum));
    }, args);
    return out;
  }
}
