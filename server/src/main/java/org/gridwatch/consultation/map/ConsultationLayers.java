package org.gridwatch.consultation.map;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.gridwatch.area.DayPeriod;
import org.gridwatch.area.DistrictProfile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the consultation map shows: meetings and decisions as points at their meeting's place, and per grid the topics
 * still open (proposed, accepted or decided but not carried out) with the overdue tasks among them. Days are the
 * district's.
 */
@Service
public class ConsultationLayers {
  /** A meeting: its body, date, status, how many topics it took up and how many decisions it adopted. */
  public record MeetingPoint(long id, double lon, double lat, String title, long body, String bodyName, String bodyKind,
      Instant startsAt, LocalDate date, String status, Boolean quorumMet, int topics, int decisionsAdopted, String place,
      String communityCode, String gridCode) {}

  /** A decision at its meeting's place: the topic, the body, the day, the result; no person. */
  public record DecisionPoint(long id, double lon, double lat, long topic, String topicTitle, String bodyName,
      String bodyKind, LocalDate date, String method, boolean adopted, int votesFor, int votesAgainst, int abstentions,
      boolean published, String communityCode, String gridCode) {}

  /** A grid's open topics by status, and its overdue tasks (due before today, neither done nor verified). */
  public record OpenTopics(String gridCode, String communityCode, int proposed, int accepted, int decided, int overdueTasks) {
    public int open() { return proposed + accepted + decided; }
  }

  private final JdbcTemplate jdbc;
  private final DistrictProfile district;
  private final Clock clock;

  ConsultationLayers(JdbcTemplate jdbc, DistrictProfile district, Clock clock) {
    this.jdbc = jdbc;
    this.district = district;
    this.clock = clock;
  }

  private LocalDate today() { return LocalDate.now(clock.withZone(district.timeZone())); }

  /** Meetings starting in the period (days; default: the last 365 days and the next 90, for planned ones). */
  @Transactional(readOnly = true)
  public List<MeetingPoint> meetings(String from, String to) {
    ZoneId zone = district.timeZone();
    DayPeriod p = DayPeriod.parse(from, to, zone, today().minusDays(364), today().plusDays(90));
    return jdbc.query("SELECT m.id, m.lon, m.lat, m.title, m.body_id, b.name, b.kind, m.starts_at, m.status, m.quorum_met,"
        + " (SELECT count(*) FROM meeting_topic t WHERE t.meeting_id = m.id),"
        + " (SELECT count(*) FROM decision d WHERE d.meeting_id = m.id AND d.adopted = TRUE), m.place_name, m.community_code,"
        + " m.grid_code FROM meeting m JOIN body b ON b.id = m.body_id WHERE m.starts_at >= ? AND m.starts_at < ? ORDER BY m.id",
        (rs, n) -> {
          Instant at = rs.getTimestamp(8).toInstant();
          Boolean quorum = rs.getObject(10) == null ? null : rs.getBoolean(10);
          return new MeetingPoint(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getString(4), rs.getLong(5), rs.getString(6),
              rs.getString(7), at, at.atZone(zone).toLocalDate(), rs.getString(9), quorum, rs.getInt(11), rs.getInt(12),
              rs.getString(13), rs.getString(14), rs.getString(15));
        }, Timestamp.from(p.start()), Timestamp.from(p.end()));
  }

  /** Decisions, only the published ones when {@code publishedOnly}. */
  @Transactional(readOnly = true)
  public List<DecisionPoint> decisions(boolean publishedOnly) {
    ZoneId zone = district.timeZone();
    return jdbc.query("SELECT d.id, m.lon, m.lat, t.id, t.title, d.decided_by, b.kind, m.starts_at, d.method, d.adopted,"
        + " d.votes_for, d.votes_against, d.abstentions, d.published_at, m.community_code, m.grid_code FROM decision d"
        + " JOIN meeting m ON m.id = d.meeting_id JOIN topic t ON t.id = d.topic_id JOIN body b ON b.id = m.body_id"
        + (publishedOnly ? " WHERE d.published_at IS NOT NULL" : "") + " ORDER BY d.id",
        (rs, n) -> new DecisionPoint(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getLong(4), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getTimestamp(8).toInstant().atZone(zone).toLocalDate(), rs.getString(9), rs.getBoolean(10),
            rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getTimestamp(14) != null, rs.getString(15), rs.getString(16)));
  }

  /** Grids with at least one open topic or overdue task; a topic without a grid is left out. */
  @Transactional(readOnly = true)
  public List<OpenTopics> openTopics() {
    TreeMap<String, int[]> byGrid = new TreeMap<>();
    TreeMap<String, String> community = new TreeMap<>();
    jdbc.query("SELECT grid_code, community_code, status, count(*) FROM topic WHERE grid_code IS NOT NULL"
        + " AND status IN ('PROPOSED', 'ACCEPTED', 'DECIDED') GROUP BY grid_code, community_code, status", rs -> {
          int[] c = byGrid.computeIfAbsent(rs.getString(1), k -> new int[4]);
          community.put(rs.getString(1), rs.getString(2));
          switch (rs.getString(3)) {
            case "PROPOSED" -> c[0] += rs.getInt(4);
            case "ACCEPTED" -> c[1] += rs.getInt(4);
            default -> c[2] += rs.getInt(4);
          }
        });
    jdbc.query("SELECT t.grid_code, t.community_code, count(*) FROM task k JOIN decision d ON d.id = k.decision_id"
        + " JOIN topic t ON t.id = d.topic_id WHERE t.grid_code IS NOT NULL AND k.status NOT IN ('DONE', 'VERIFIED') AND k.due_on < ?"
        + " GROUP BY t.grid_code, t.community_code", rs -> {
          byGrid.computeIfAbsent(rs.getString(1), k -> new int[4])[3] += rs.getInt(3);
          community.put(rs.getString(1), rs.getString(2));
        }, Date.valueOf(today()));
    List<OpenTopics> out = new ArrayList<>();
    byGrid.forEach((grid, c) -> out.add(new OpenTopics(grid, community.get(grid), c[0], c[1], c[2], c[3])));
    return out;
  }
}
