package org.gridwatch.need;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DayPeriod;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases behind a needs figure: those the figure counts (same area, category and period), newest first, a page at a
 * time. Only the public case number, the category, when it was reported and its status: no reporter, no description,
 * no place finer than the area. The bookings of the figure are given as a count only (they name residents).
 */
@Component
class NeedCases {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  record CaseRef(String id, String category, Instant reportedAt, String status) {}

  /** A page: {@code next} is the cursor of the following page, null on the last. */
  record Answer(String area, String category, LocalDate from, LocalDate to, long total, long bookings,
      List<CaseRef> cases, String next) {}

  private final JdbcTemplate jdbc;
  private final AreaCatalog catalog;
  private final NeedRates rates;

  NeedCases(JdbcTemplate jdbc, AreaCatalog catalog, NeedRates rates) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.rates = rates;
  }

  /** The area of a figure: a current grid, community or subdistrict code; else a 400 naming {@code area}. */
  AreaView area(String code) {
    if (code == null || code.isBlank()) throw ProblemException.badInput("area", Text.of("need.area-required"));
    return catalog.now().find(code.strip()).filter(a -> a.level() != AreaLevel.DISTRICT)
        .orElseThrow(() -> ProblemException.badInput("area", Text.of("need.unknown-area", code.strip())));
  }

  @Transactional(readOnly = true)
  Answer page(AreaView area, String category, DayPeriod period, int limit, String cursor) {
    String column = NeedRates.column(area.level());
    long after = cursor == null ? Long.MAX_VALUE : decode(cursor);
    Timestamp start = Timestamp.from(period.start()), end = Timestamp.from(period.end());
    String where = " FROM incident WHERE " + column + " = ? AND reported_at >= ? AND reported_at < ?"
        + " AND duplicate_of IS NULL AND merged_into IS NULL" + (category == null ? "" : " AND category_code = ?");
    List<Object> args = new ArrayList<>(List.of(area.code(), start, end));
    if (category != null) args.add(category);
    long total = jdbc.queryForObject("SELECT count(*)" + where, Long.class, args.toArray());
    args.add(after);
    args.add(limit + 1);
    List<Object[]> rows = jdbc.query("SELECT public_id, category_code, reported_at, status, id" + where
        + " AND id < ? ORDER BY id DESC LIMIT ?", (rs, i) -> new Object[] {
            new CaseRef(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)), rs.getLong(5)},
        args.toArray());
    boolean more = rows.size() > limit;
    List<CaseRef> cases = rows.stream().limit(limit).map(r -> (CaseRef) r[0]).toList();
    String next = more ? encode((Long) rows.get(limit - 1)[1]) : null;
    long bookings = rates.countsBy(area.level(), category, period.start(), period.end()).bookings(area.code());
    return new Answer(area.code(), category, period.from(), period.to(), total, bookings, cases, next);
  }

  static int limit(Integer limit) {
    if (limit == null) return DEFAULT_LIMIT;
    if (limit < 1 || limit > MAX_LIMIT) throw ProblemException.badInput("limit", Text.of("need.limit-range", "1", String.valueOf(MAX_LIMIT)));
    return limit;
  }

  private static String encode(long id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("case:" + id).getBytes(StandardCharsets.UTF_8));
  }

  private static long decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
      if (text.startsWith("case:")) return Long.parseLong(text.substring(5));
    } catch (IllegalArgumentException e) {
      // NumberFormatException is one: fall through to the problem
    }
    throw ProblemException.badInput("cursor", Text.of("need.bad-cursor"));
  }
}
