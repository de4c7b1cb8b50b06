package org.gridwatch.consultation.measures;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DayPeriod;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the meeting loop, the cases it closed and the mediations per community over a period, then adds communities
 * up into their subdistrict. Every figure is counted by the community code recorded on its row; each event falls in
 * the period by its own time (a meeting by its start, a topic by its creation, a decision by its recording, a case by
 * its resolution, a mediation by its opening or its closing).
 */
@Service
public class ConsultationMeasures {
  private final JdbcTemplate jdbc;
  private final AreaCatalog catalog;
  private final DistrictProfile district;
  private final Clock clock;

  ConsultationMeasures(JdbcTemplate jdbc, AreaCatalog catalog, DistrictProfile district, Clock clock) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.district = district;
    this.clock = clock;
  }

  /** Counts of one community, mutable while counting. */
  private static final class Tally {
    int meetings, attendees, topics, fromResidents, fromAbove, adopted, onTime, byConsultation, closed, mediations, settled,
        notSettled, inGrid;

    void add(Tally t) {
      meetings += t.meetings; attendees += t.attendees; topics += t.topics; fromResidents += t.fromResidents;
      fromAbove += t.fromAbove; adopted += t.adopted; onTime += t.onTime; byConsultation += t.byConsultation;
      closed += t.closed; mediations += t.mediations; settled += t.settled; notSettled += t.notSettled; inGrid += t.inGrid;
    }
  }

  @Transactional(readOnly = true)
  public ConsultationFigures of(String levelText, String code, String fromText, String toText) {
    AreaLevel level = DayPeriod.level(levelText == null ? "community" : levelText);
    if (level == AreaLevel.GRID) throw ProblemException.badInput("level", Text.of("consultation-measures.level"));
    ZoneId zone = district.timeZone();
    LocalDate today = LocalDate.now(clock.withZone(zone));
    DayPeriod period = DayPeriod.parse(fromText, toText, zone, today.minusDays(364), today);
    AreaCatalog.Snapshot areas = catalog.now();
    List<AreaView> wanted;
    if (code == null || code.isBlank()) {
      wanted = areas.level(level);
    } else {
      AreaView a = areas.find(code.strip()).filter(v -> v.level() == level).orElseThrow(() ->
          ProblemException.badInput("code", Text.of("consultation-measures.unknown-area", code.strip())));
      wanted = List.of(a);
    }
    Map<String, Tally> byCommunity = count(period, zone);
    List<ConsultationFigures.Area> out = wanted.stream().map(a -> {
      Tally t = new Tally();
      if (level == AreaLevel.COMMUNITY) {
        t.add(byCommunity.getOrDefault(a.code(), new Tally()));
      } else {
        areas.children(a.code()).forEach(c -> t.add(byCommunity.getOrDefault(c.code(), new Tally())));
      }
      return figures(a, t);
    }).toList();
    return new ConsultationFigures(level.name().toLowerCase(Locale.ROOT), period.from(), period.to(), out);
  }

  private static ConsultationFigures.Area figures(AreaView a, Tally t) {
    return new ConsultationFigures.Area(a.code(), a.name(), t.meetings, t.attendees, a.households(),
        a.households() == 0 ? null : t.attendees * 100.0 / a.households(), t.topics, t.fromResidents, t.fromAbove, t.adopted,
        t.onTime, rate(t.onTime, t.adopted), t.byConsultation, t.closed, rate(t.byConsultation, t.closed), t.mediations, t.settled,
        t.notSettled, rate(t.settled, t.settled + t.notSettled), t.inGrid);
  }

  private static Double rate(int part, int whole) { return whole == 0 ? null : (double) part / whole; }

  private Map<String, Tally> count(DayPeriod period, ZoneId zone) {
    Timestamp start = Timestamp.from(period.start()), end = Timestamp.from(period.end());
    Map<String, Tally> t = new HashMap<>();
    jdbc.query("SELECT community_code, count(*), COALESCE(sum(attendees), 0) FROM meeting WHERE status = 'HELD'"
        + " AND starts_at >= ? AND starts_at < ? GROUP BY community_code", rs -> {
          Tally x = t.computeIfAbsent(rs.getString(1), k -> new Tally());
          x.meetings = rs.getInt(2);
          x.attendees = rs.getInt(3);
        }, start, end);
    jdbc.query("SELECT community_code, source, count(*) FROM topic WHERE created_at >= ? AND created_at < ?"
        + " GROUP BY community_code, source", rs -> {
          Tally x = t.computeIfAbsent(rs.getString(1), k -> new Tally());
          int n = rs.getInt(3);
          x.topics += n;
          switch (rs.getString(2)) {
            case "RESIDENT_PROPOSAL", "CASES" -> x.fromResidents += n;
            case "NEED", "BODY" -> x.fromAbove += n;
            default -> { }
          }
        }, start, end);
    carriedOut(t, start, end, zone);
    cases(t, start, end);
    jdbc.query("SELECT community_code, count(*) FROM mediation WHERE opened_at >= ? AND opened_at < ? GROUP BY community_code",
        rs -> { t.computeIfAbsent(rs.getString(1), k -> new Tally()).mediations = rs.getInt(2); }, start, end);
    jdbc.query("SELECT community_code, status, count(*) FROM mediation WHERE closed_at >= ? AND closed_at < ?"
        + " GROUP BY community_code, status", rs -> {
          Tally x = t.computeIfAbsent(rs.getString(1), k -> new Tally());
          if ("SETTLED".equals(rs.getString(2))) x.settled = rs.getInt(3);
          else if ("NOT_SETTLED".equals(rs.getString(2))) x.notSettled = rs.getInt(3);
        }, start, end);
    return t;
  }

  /** Adopted decisions of the period, and those whose every task was verified by its due day (the district's days). */
  private void carriedOut(Map<String, Tally> t, Timestamp start, Timestamp end, ZoneId zone) {
    Map<Long, String> community = new HashMap<>();
    jdbc.query("SELECT d.id, m.community_code FROM decision d JOIN meeting m ON m.id = d.meeting_id WHERE d.adopted = TRUE"
        + " AND d.recorded_at >= ? AND d.recorded_at < ?", rs -> { community.put(rs.getLong(1), rs.getString(2)); }, start, end);
    community.values().forEach(c -> t.computeIfAbsent(c, k -> new Tally()).adopted++);
    Set<Long> withTasks = new HashSet<>(), late = new HashSet<>();
    jdbc.query("SELECT k.decision_id, k.status, k.due_on, k.verified_at FROM task k JOIN decision d ON d.id = k.decision_id"
        + " WHERE d.adopted = TRUE AND d.recorded_at >= ? AND d.recorded_at < ?", rs -> {
          long decision = rs.getLong(1);
          withTasks.add(decision);
          Timestamp verified = rs.getTimestamp(4);
          boolean onTime = "VERIFIED".equals(rs.getString(2)) && verified != null
              && !verified.toInstant().atZone(zone).toLocalDate().isAfter(rs.getDate(3).toLocalDate());
          if (!onTime) late.add(decision);
        }, start, end);
    withTasks.removeAll(late);
    withTasks.forEach(d -> t.computeIfAbsent(community.get(d), k -> new Tally()).onTime++);
  }

  /** Cases resolved in the period, those resolved out of consultation, and the disputes among them settled in the grid. */
  private void cases(Map<String, Tally> t, Timestamp start, Timestamp end) {
    jdbc.query("SELECT i.community_code, count(DISTINCT i.id), count(DISTINCT CASE WHEN e.from_status = 'IN_CONSULTATION' THEN i.id END)"
        + " FROM incident_event e JOIN incident i ON i.id = e.incident_id WHERE e.type = 'RESOLVED' AND e.to_status = 'RESOLVED'"
        + " AND e.at >= ? AND e.at < ? GROUP BY i.community_code", rs -> {
          Tally x = t.computeIfAbsent(rs.getString(1), k -> new Tally());
          x.closed = rs.getInt(2);
          x.byConsultation = rs.getInt(3);
        }, start, end);
    jdbc.query("SELECT community_code, count(*) FROM incident WHERE category_code = 'NEIGHBOUR_DISPUTE' AND settled_in_grid = TRUE"
        + " AND resolved_at >= ? AND resolved_at < ? GROUP BY community_code",
        rs -> { t.computeIfAbsent(rs.getString(1), k -> new Tally()).inGrid = rs.getInt(2); }, start, end);
  }
}
