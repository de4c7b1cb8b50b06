package org.gridwatch.activity;

import org.gridwatch.area.DayPeriod;

import static org.gridwatch.activity.ActivityStore.ts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gridwatch.activity.ActivityAnswers.AreaFigures;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-area figures of a period ({@code GET /api/v1/activities/measures}): {@code volunteerHours} credited at
 * activities held in the area (signed in within the period), {@code activities} held there (starting within it), and
 * {@code activeVolunteers}: volunteers whose home grid lies in the area and who served anywhere in the period, also
 * per 1,000 of the area's residents. Every area of the level is listed, with zeros where nothing happened.
 */
@Service
public class ActivityMeasures {
  private final JdbcTemplate jdbc;
  private final AreaCatalog areas;
  private final DistrictProfile district;
  private final Clock clock;

  ActivityMeasures(JdbcTemplate jdbc, AreaCatalog areas, DistrictProfile district, Clock clock) {
    this.jdbc = jdbc;
    this.areas = areas;
    this.district = district;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public ActivityAnswers.Measures measure(String level, String from, String to) {
    AreaLevel l = DayPeriod.level(level);
    LocalDate today = LocalDate.now(clock.withZone(district.timeZone()));
    DayPeriod p = DayPeriod.parse(from, to, district.timeZone(), today.minusDays(29), today);
    AreaCatalog.Snapshot s = areas.now();
    Map<String, BigDecimal> hours = new HashMap<>();
    Map<String, Set<Long>> active = new HashMap<>();
    Map<String, Integer> held = new HashMap<>();
    jdbc.query("""
        SELECT t.grid_code, a.hours, a.volunteer_id, v.home_grid FROM attendance a
          JOIN activity t ON t.id = a.activity_id JOIN volunteer v ON v.id = a.volunteer_id
         WHERE a.signed_in >= ? AND a.signed_in < ? AND a.signed_out IS NOT NULL""", rs -> {
      String at = codeAt(s, rs.getString(1), l);
      if (at != null) hours.merge(at, rs.getBigDecimal(2), BigDecimal::add);
      String home = codeAt(s, rs.getString(4), l);
      if (home != null) active.computeIfAbsent(home, k -> new HashSet<>()).add(rs.getLong(3));
    }, ts(p.start()), ts(p.end()));
    jdbc.query("SELECT grid_code FROM activity WHERE starts >= ? AND starts < ?", rs -> {
      String at = codeAt(s, rs.getString(1), l);
      if (at != null) held.merge(at, 1, Integer::sum);
    }, ts(p.start()), ts(p.end()));
    List<AreaFigures> out = s.level(l).stream().map(a -> {
      int volunteers = active.getOrDefault(a.code(), Set.of()).size();
      double per1000 = a.residents() <= 0 ? 0 : Math.round(volunteers * 1000.0 / a.residents() * 100) / 100.0;
      return new AreaFigures(a.code(), a.name(), a.residents(), hours.getOrDefault(a.code(), BigDecimal.ZERO).setScale(1, RoundingMode.UNNECESSARY),
          volunteers, per1000, held.getOrDefault(a.code(), 0));
    }).toList();
    return new ActivityAnswers.Measures(l.name().toLowerCase(Locale.ROOT), p.from(), p.to(), out);
  }

  /** The code of the area of {@code level} that holds the grid (null for an unknown grid). */
  private static String codeAt(AreaCatalog.Snapshot s, String grid, AreaLevel level) {
    if (grid == null) return null;
    return s.find(grid).map(g -> s.chain(g).stream().filter(a -> a.level() == level).map(AreaView::code).findFirst().orElse(null))
        .orElse(null);
  }
}
