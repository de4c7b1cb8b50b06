package org.gridwatch.need;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridwatch.area.AreaLevel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many requests of a category an area made over a span of time: the cases reported in it (duplicates and merged
 * cases left out), placed by the area codes stored with each case, plus the bookings taken in it of a service that
 * answers the category ({@code category_service}). A null category counts every category (a booking once, whatever
 * categories its service answers). Start inclusive, end exclusive. Thread-safe; reads only.
 */
@Component
public class NeedRates {
  /** The two sources of a figure, by area code; an area with neither is absent. */
  public record Counts(Map<String, Long> cases, Map<String, Long> bookings) {
    public long cases(String code) { return cases.getOrDefault(code, 0L); }
    public long bookings(String code) { return bookings.getOrDefault(code, 0L); }
  }

  private final JdbcTemplate jdbc;

  NeedRates(JdbcTemplate jdbc) { this.jdbc = jdbc; }

  /** Cases plus bookings of the category (null: all) per grid code, over [start, end). */
  @Transactional(readOnly = true)
  public Map<String, Long> countsByGrid(String category, Instant start, Instant end) {
    return countsByGrid(category == null ? List.of() : List.of(category), start, end);
  }

  /**
   * Cases plus bookings of any of the categories (empty: all) per grid code, over [start, end): a case or a booking
   * counts once, however many of the categories it answers.
   */
  @Transactional(readOnly = true)
  public Map<String, Long> countsByGrid(Collection<String> categories, Instant start, Instant end) {
    Counts c = countsBy(AreaLevel.GRID, categories, start, end);
    Map<String, Long> total = new HashMap<>(c.cases());
    c.bookings().forEach((code, n) -> total.merge(code, n, Long::sum));
    return total;
  }

  /** Cases and bookings apart, per code of the level (grid, community or subdistrict). */
  @Transactional(readOnly = true)
  public Counts countsBy(AreaLevel level, String category, Instant start, Instant end) {
    return countsBy(level, category == null ? List.of() : List.of(category), start, end);
  }

  private Counts countsBy(AreaLevel level, Collection<String> categories, Instant start, Instant end) {
    String column = column(level);
    String in = categories.isEmpty() ? "" : String.join(", ", Collections.nCopies(categories.size(), "?"));
    Map<String, Long> cases = new HashMap<>();
    Map<String, Long> bookings = new HashMap<>();
    String caseSql = "SELECT " + column + ", count(*) FROM incident WHERE reported_at >= ? AND reported_at < ?"
        + " AND duplicate_of IS NULL AND merged_into IS NULL" + (categories.isEmpty() ? "" : " AND category_code IN (" + in + ")")
        + " GROUP BY " + column;
    String bookingSql = "SELECT b." + column + ", count(*) FROM booking b JOIN service_offer o ON o.id = b.offer_id"
        + " WHERE b.created_at >= ? AND b.created_at < ? AND o.service IN (SELECT service FROM category_service"
        + (categories.isEmpty() ? "" : " WHERE category_code IN (" + in + ")") + ") GROUP BY b." + column;
    List<Object> args = new ArrayList<>(List.of(Timestamp.from(start), Timestamp.from(end)));
    args.addAll(categories);
    jdbc.query(caseSql, rs -> { cases.put(rs.getString(1), rs.getLong(2)); }, args.toArray());
    jdbc.query(bookingSql, rs -> { bookings.put(rs.getString(1), rs.getLong(2)); }, args.toArray());
    return new Counts(Map.copyOf(cases), Map.copyOf(bookings));
  }

  /** The stored placement column of a level: cases and bookings both keep grid, community and subdistrict codes. */
  static String column(AreaLevel level) {
    return switch (level) {
      case GRID, COMMUNITY, SUBDISTRICT -> level.name().toLowerCase(Locale.ROOT) + "_code";
      default -> throw new IllegalArgumentException("no per-area figures at level " + level);
    };
  }
}
