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
import org.gridwatch.incident.tally.NeedTally;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many requests of a category an area made over a span of time: the cases reported in it (duplicates and merged
 * cases left out), placed by the area codes stored with each case, plus the bookings taken in it of a service that
 * answers the category ({@code category_service}). A null category counts every category (a booking once, whatever
 * categories its service answers). Start inclusive, end exclusive. Thread-safe; reads only.
 *
 * <p>The cases of all categories are read from the need tally (issue 18 §3, migration V25_2) for the period's whole
 * months of the district's zone, and counted directly for the parts of a month at either end; those of some
 * categories (a narrow range of {@code incident_need_idx}) counted directly. Equal to the direct count
 * ({@link #casesCounted}), which the tests compare.
 */
@Component
public class NeedRates {
  /** The two sources of a figure, by area code; an area with neither is absent. */
  public record Counts(Map<String, Long> cases, Map<String, Long> bookings) {
    public long cases(String code) { return cases.getOrDefault(code, 0L); }
    public long bookings(String code) { return bookings.getOrDefault(code, 0L); }
  }

  private final JdbcTemplate jdbc;
  private final NeedTally needTally;

  NeedRates(JdbcTemplate jdbc, NeedTally needTally) {
    this.jdbc = jdbc;
    this.needTally = needTally;
  }

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
    for (Instant[] span : tallied(level, categories, start, end, cases)) {
      String caseSql = "SELECT " + column + ", count(*) FROM incident WHERE reported_at >= ? AND reported_at < ?"
          + " AND duplicate_of IS NULL AND merged_into IS NULL" + (categories.isEmpty() ? "" : " AND category_code IN (" + in + ")")
          + " GROUP BY " + column;
      jdbc.query(caseSql, rs -> { cases.merge(rs.getString(1), rs.getLong(2), Long::sum); }, args(span[0], span[1], categories));
    }
    String bookingSql = "SELECT b." + column + ", count(*) FROM booking b JOIN service_offer o ON o.id = b.offer_id"
        + " WHERE b.created_at >= ? AND b.created_at < ? AND o.service IN (SELECT service FROM category_service"
        + (categories.isEmpty() ? "" : " WHERE category_code IN (" + in + ")") + ") GROUP BY b." + column;
    jdbc.query(bookingSql, rs -> { bookings.put(rs.getString(1), rs.getLong(2)); }, args(start, end, categories));
    return new Counts(Map.copyOf(cases), Map.copyOf(bookings));
  }

  /**
   * Puts into {@code cases} what the need tally holds of [start, end) (all categories, whole months) and answers the
   * spans left to count directly: the parts of a month at either end; the whole period when categories are asked or
   * the tally cannot be used. (The case tally's subdistrict scope also holds the count, per day and category, but
   * reading a year of it means reading every subdistrict's days since the tally began: about ten times the need tally's read
   * on the 1 M city; see docs/benchmarks.md.)
   */
  private List<Instant[]> tallied(AreaLevel level, Collection<String> categories, Instant start, Instant end, Map<String, Long> cases) {
    List<Instant[]> whole = List.<Instant[]>of(new Instant[] {start, end});
    if (!categories.isEmpty()) return whole;
    var months = needTally.months(start, end);
    if (months.isEmpty()) return whole;
    if (months.get().hasDays()) cases.putAll(needTally.countedBy(column(level), months.get().firstDay(), months.get().endDay()));
    return months.get().edges();
  }

  private static Object[] args(Instant start, Instant end, Collection<String> categories) {
    List<Object> args = new ArrayList<>(List.of(Timestamp.from(start), Timestamp.from(end)));
    args.addAll(categories);
    return args.toArray();
  }

  /** Cases counted directly, as before the tallies: the reference the tallies are kept equal to (tests compare). */
  Map<String, Long> casesCounted(AreaLevel level, Collection<String> categories, Instant start, Instant end) {
    String column = column(level);
    String in = categories.isEmpty() ? "" : " AND category_code IN (" + String.join(", ", Collections.nCopies(categories.size(), "?")) + ")";
    Map<String, Long> out = new HashMap<>();
    jdbc.query("SELECT " + column + ", count(*) FROM incident WHERE reported_at >= ? AND reported_at < ?"
        + " AND duplicate_of IS NULL AND merged_into IS NULL" + in + " GROUP BY " + column,
        rs -> { out.put(rs.getString(1), rs.getLong(2)); }, args(start, end, categories));
    return out;
  }

  /** The stored placement column of a level: cases and bookings both keep grid, community and subdistrict codes. */
  static String column(AreaLevel level) {
    return switch (level) {
      case GRID, COMMUNITY, SUBDISTRICT -> level.name().toLowerCase(Locale.ROOT) + "_code";
      default -> throw new IllegalArgumentException("no per-area figures at level " + level);
    };
  }
}
