package org.gridwatch.activity;

import static org.gridwatch.activity.ActivityStore.ts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a set of activities with their attendance in one go (the demo, an import): each placed in the grid holding its
 * point, hours credited by the {@link HoursRule} in force. Not for requests: it checks no access.
 */
@Component
public class ActivitySeeding {
  /** An activity to load; attendance signed out (or not yet, with {@code signedOut} null). */
  public record NewActivity(String title, ActivityKind kind, Instant starts, Instant ends, double lon, double lat, List<Long> organisations,
      List<NewAttendance> attendance) {}

  public record NewAttendance(long volunteer, Instant signedIn, Instant signedOut) {}

  private final JdbcTemplate jdbc;
  private final ActivityStore store;
  private final AreaCatalog areas;
  private final HoursRule rule;
  private final Clock clock;

  ActivitySeeding(JdbcTemplate jdbc, ActivityStore store, AreaCatalog areas, HoursRule rule, Clock clock) {
    this.jdbc = jdbc;
    this.store = store;
    this.areas = areas;
    this.rule = rule;
    this.clock = clock;
  }

  public boolean isEmpty() { return jdbc.queryForObject("SELECT COUNT(*) FROM activity", Integer.class) == 0; }

  /** Volunteer ids by home grid (those with one). */
  public Map<String, List<Long>> volunteersByGrid() {
    Map<String, List<Long>> out = new HashMap<>();
    jdbc.query("SELECT id, home_grid FROM volunteer WHERE home_grid IS NOT NULL ORDER BY id",
        rs -> { out.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getLong(1)); });
    return out;
  }

  /** Loads the activities (those outside every grid are left out); answers how many attendances were loaded. */
  @Transactional
  public int seed(List<NewActivity> activities, String by) {
    int rows = 0;
    List<Object[]> attendance = new ArrayList<>();
    for (NewActivity n : activities) {
      AreaView grid = areas.now().gridAt(n.lon(), n.lat()).orElse(null);
      if (grid == null) continue;
      List<AreaView> chain = areas.now().chain(grid);
      ActivityRow row = new ActivityRow(store.nextId(), n.title(), n.kind(), n.starts(), n.ends(), n.lon(), n.lat(), 200, grid.code(),
          code(chain, org.gridwatch.area.AreaLevel.COMMUNITY), code(chain, org.gridwatch.area.AreaLevel.SUBDISTRICT), null,
          Activities.newCode(), n.organisations(), List.of(), List.of());
      store.insert(row, by, clock.instant());
      for (NewAttendance a : n.attendance()) {
        Integer minutes = a.signedOut() == null ? null : Attendances.minutes(a.signedIn(), a.signedOut());
        BigDecimal hours = minutes == null ? null : rule.hours(minutes);
        attendance.add(new Object[] {row.id(), a.volunteer(), ts(a.signedIn()), ts(a.signedOut()), n.lon(), n.lat(), by,
            a.signedOut() == null ? null : by, minutes, hours});
        rows++;
      }
    }
    jdbc.batchUpdate("""
        INSERT INTO attendance (activity_id, volunteer_id, signed_in, signed_out, in_lon, in_lat, signed_in_by, signed_out_by, minutes, hours)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", attendance);
    return rows;
  }

  private static String code(List<AreaView> chain, org.gridwatch.area.AreaLevel level) {
    return chain.stream().filter(a -> a.level() == level).map(AreaView::code).findFirst().orElse(null);
  }
}
