package org.gridwatch.activity;

import static org.gridwatch.activity.ActivityStore.instant;
import static org.gridwatch.activity.ActivityStore.ts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.activity.ActivityAnswers.Suggestion;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.problem.Text;
import org.locationtech.jts.geom.Geometry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteers for a request or booking at a place: those whose home grid is the place's grid or one touching it and who
 * hold every asked skill, ordered by (1) distance in whole metres from the place to the edge of their home grid (0
 * inside it; measured in the district's metric CRS), (2) available at {@code at} first (a weekly window, in the
 * district's time zone, holds it: from inclusive, to exclusive), (3) fewest hours credited in the 30 days before now,
 * (4) id. Also records who took a booking or case.
 */
@Service
public class Matching {
  static final Duration RECENT = Duration.ofDays(30);
  static final Comparator<Suggestion> ORDER = Comparator.comparingLong(Suggestion::distance)
      .thenComparing(s -> !s.available()).thenComparing(Suggestion::recentHours).thenComparingLong(Suggestion::volunteer);
  private final JdbcTemplate jdbc;
  private final AreaCatalog areas;
  private final GridNeighbours neighbours;
  private final DistrictProfile district;
  private final Clock clock;

  Matching(JdbcTemplate jdbc, AreaCatalog areas, GridNeighbours neighbours, DistrictProfile district, Clock clock) {
    this.jdbc = jdbc;
    this.areas = areas;
    this.neighbours = neighbours;
    this.district = district;
    this.clock = clock;
  }

  private record Candidate(long id, String name, String grid) {}

  @Transactional(readOnly = true)
  public List<Suggestion> suggest(double lon, double lat, Instant at, String skills, int limit) {
    AreaCatalog.Snapshot s = areas.now();
    AreaView grid = s.gridAt(lon, lat).orElseThrow(() -> ProblemException.badInput("lon", Text.of("activity.outside-district")));
    List<String> grids = new ArrayList<>(List.of(grid.code()));
    grids.addAll(neighbours.of(grid.code()));
    Set<String> wanted = skills == null ? Set.of() : new HashSet<>(Arrays.stream(skills.split(",")).map(String::strip)
        .filter(x -> !x.isEmpty()).toList());
    Instant when = at == null ? clock.instant() : at;
    ZonedDateTime local = when.atZone(district.timeZone());
    Geometry place = MetricProjection.toMetres(Geometries.point(lon, lat));
    Map<String, Double> gridDistance = new HashMap<>();
    for (String g : grids) {
      s.find(g).ifPresent(a -> gridDistance.put(g, MetricProjection.toMetres(a.boundary()).distance(place)));
    }
    String in = String.join(",", grids.stream().map(g -> "?").toList());
    List<Candidate> candidates = jdbc.query("SELECT id, name, home_grid FROM volunteer WHERE home_grid IN (" + in + ")",
        (rs, i) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3)), grids.toArray());
    Map<Long, Set<String>> held = new HashMap<>();
    jdbc.query("SELECT s.volunteer_id, s.skill FROM volunteer_skill s JOIN volunteer v ON v.id = s.volunteer_id WHERE v.home_grid IN ("
        + in + ")", rs -> { held.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2)); }, grids.toArray());
    Set<Long> available = new HashSet<>(jdbc.queryForList("""
        SELECT DISTINCT w.volunteer_id FROM volunteer_availability w JOIN volunteer v ON v.id = w.volunteer_id
         WHERE w.weekday = ? AND w.starts <= ? AND w.ends > ? AND v.home_grid IN (""" + in + ")", Long.class,
        params(local.getDayOfWeek().getValue(), local.toLocalTime().truncatedTo(ChronoUnit.SECONDS), grids)));
    Instant now = clock.instant();
    Map<Long, BigDecimal> recent = new HashMap<>();
    jdbc.query("""
        SELECT a.volunteer_id, SUM(a.hours) FROM attendance a JOIN volunteer v ON v.id = a.volunteer_id
         WHERE a.signed_in >= ? AND a.signed_in < ? AND a.hours IS NOT NULL AND v.home_grid IN (""" + in + ") GROUP BY a.volunteer_id",
        rs -> { recent.put(rs.getLong(1), rs.getBigDecimal(2)); }, paramsWith(ts(now.minus(RECENT)), ts(now), grids));
    return candidates.stream().filter(c -> held.getOrDefault(c.id(), Set.of()).containsAll(wanted))
        .map(c -> new Suggestion(c.id(), c.name(), c.grid(), Math.round(gridDistance.getOrDefault(c.grid(), 0.0)), available.contains(c.id()),
            recent.getOrDefault(c.id(), BigDecimal.ZERO).setScale(1)))
        .sorted(ORDER).limit(limit).toList();
  }

  @Transactional
  public ActivityAnswers.Match record(ActivityRequests.Match m, Authentication auth) {
    List<String> name = jdbc.queryForList("SELECT name FROM volunteer WHERE id = ?", String.class, m.volunteer());
    if (name.isEmpty()) throw ProblemException.badInput("volunteer", Text.of("activity.no-volunteer", m.volunteer()));
    long id = jdbc.queryForObject("SELECT nextval('volunteer_match_seq')", Long.class);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    try {
      jdbc.update("INSERT INTO volunteer_match (id, subject, subject_id, volunteer_id, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
          id, m.subject().name(), m.subjectId(), m.volunteer(), auth.getName(), ts(now));
    } catch (DuplicateKeyException e) {
      throw new ProblemException(HttpStatus.CONFLICT, "match-recorded", "Already recorded", Text.of("activity.match-twice"),
          List.of(new FieldError("volunteer", Text.of("activity.match-twice"))));
    }
    return new ActivityAnswers.Match(id, m.subject(), m.subjectId(), m.volunteer(), name.get(0), auth.getName(), now);
  }

  @Transactional(readOnly = true)
  public List<ActivityAnswers.Match> matches(MatchSubject subject, long subjectId) {
    return jdbc.query("""
        SELECT m.id, m.subject, m.subject_id, m.volunteer_id, v.name, m.recorded_by, m.recorded_at FROM volunteer_match m
          JOIN volunteer v ON v.id = m.volunteer_id WHERE m.subject = ? AND m.subject_id = ? ORDER BY m.id""",
        (rs, i) -> new ActivityAnswers.Match(rs.getLong(1), MatchSubject.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4),
            rs.getString(5), rs.getString(6), instant(rs, 7)), subject.name(), subjectId);
  }

  private static Object[] params(int weekday, LocalTime time, List<String> grids) {
    List<Object> out = new ArrayList<>(List.of(weekday, time, time));
    out.addAll(grids);
    return out.toArray();
  }

  private static Object[] paramsWith(Object a, Object b, List<String> grids) {
    List<Object> out = new ArrayList<>(List.of(a, b));
    out.addAll(grids);
    return out.toArray();
  }
}
