package org.gridwatch.impact;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Requests of some categories per grid in a period, as the needs map counts them: cases reported in the period (not a
 * duplicate, not merged into another) by their stored grid, plus bookings made in the period whose offer's service
 * answers one of the categories (category_service). After the merge this may be need/NeedRates.countsByGrid.
 */
@Component
class RequestRates {
  private final JdbcTemplate jdbc;

  RequestRates(JdbcTemplate jdbc) { this.jdbc = jdbc; }

  /** Counts by grid code, {@code start} included, {@code end} excluded. */
  Map<String, Long> countsByGrid(Collection<String> categories, Instant start, Instant end) {
    Map<String, Long> out = new HashMap<>();
    if (categories.isEmpty()) return out;
    String in = String.join(", ", java.util.Collections.nCopies(categories.size(), "?"));
    List<Object> args = new java.util.ArrayList<>(categories);
    args.add(Timestamp.from(start));
    args.add(Timestamp.from(end));
    jdbc.query("SELECT grid_code, count(*) FROM incident WHERE category_code IN (" + in + ")"
        + " AND reported_at >= ? AND reported_at < ? AND duplicate_of IS NULL AND merged_into IS NULL GROUP BY grid_code",
        rs -> { out.merge(rs.getString(1), rs.getLong(2), Long::sum); }, args.toArray());
    jdbc.query("SELECT b.grid_code, count(*) FROM booking b JOIN service_offer o ON o.id = b.offer_id"
        + " WHERE EXISTS (SELECT 1 FROM category_service cs WHERE cs.service = o.service AND cs.category_code IN (" + in + "))"
        + " AND b.created_at >= ? AND b.created_at < ? GROUP BY b.grid_code",
        rs -> { out.merge(rs.getString(1), rs.getLong(2), Long::sum); }, args.toArray());
    return out;
  }
}
