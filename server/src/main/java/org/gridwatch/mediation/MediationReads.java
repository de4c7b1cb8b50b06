package org.gridwatch.mediation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.privacy.Masks;
import org.gridwatch.privacy.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads mediations with their parties (phones masked) and sessions, and where each dispute lies. */
@Component
class MediationReads {
  /** A stored mediation with where its dispute lies, before access is checked. */
  record Row(MediationView view, long incidentId, MediationAccess.Place place) {}

  private static final String SELECT = "SELECT m.id, i.public_id, m.dispute_type, m.mediator_kind, m.mediator_name,"
      + " m.mediator_volunteer_id, m.mediator_organisation_id, m.level, m.status, m.outcome, m.outcome_note, m.agreement,"
      + " m.agreement_signed_on, m.follow_up_due, m.followed_up_on, m.follow_up_result, m.follow_up_note, m.grid_code,"
      + " m.community_code, m.opened_at, m.closed_at, m.incident_id, i.subdistrict_code"
      + " FROM mediation m JOIN incident i ON i.id = m.incident_id";

  private final JdbcTemplate jdbc;
  private final PersonalData personal;
  private final DistrictProfile district;
  private final Clock clock;

  MediationReads(JdbcTemplate jdbc, PersonalData personal, DistrictProfile district, Clock clock) {
    this.jdbc = jdbc;
    this.personal = personal;
    this.district = district;
    this.clock = clock;
  }

  LocalDate today() { return LocalDate.now(clock.withZone(district.timeZone())); }

  Optional<Row> byId(long id) { return first(jdbc.query(SELECT + " WHERE m.id = ?", this::row, id)); }

  Optional<Row> byIncident(long incidentId) { return first(jdbc.query(SELECT + " WHERE m.incident_id = ?", this::row, incidentId)); }

  /** Mediations of a community (any when null), in a status (any when null), only those due a visit when asked. */
  List<Row> list(String community, MediationStatus status, boolean followUpDue) {
    StringBuilder sql = new StringBuilder(SELECT + " WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (community != null) {
      sql.append(" AND m.community_code = ?");
      args.add(community);
    }
    if (status != null) {
      sql.append(" AND m.status = ?");
      args.add(status.name());
    }
    if (followUpDue) {
      sql.append(" AND m.status = 'SETTLED' AND m.followed_up_on IS NULL AND m.follow_up_due <= ?");
      args.add(Date.valueOf(today()));
    }
    sql.append(" ORDER BY m.opened_at DESC, m.id DESC");
    return jdbc.query(sql.toString(), this::row, args.toArray());
  }

  private Optional<Row> first(List<Row> rows) { return rows.stream().findFirst(); }

  private Row row(ResultSet rs, int n) throws SQLException {
    long id = rs.getLong(1);
    MediationStatus status = MediationStatus.valueOf(rs.getString(9));
    LocalDate due = date(rs.getDate(14)), visited = date(rs.getDate(15));
    boolean dueNow = status == MediationStatus.SETTLED && visited == null && due != null && !due.isAfter(today());
    String outcome = rs.getString(10), result = rs.getString(16);
    MediationView v = new MediationView(id, rs.getString(2), DisputeType.valueOf(rs.getString(3)),
        new MediationView.Mediator(MediatorKind.valueOf(rs.getString(4)), rs.getString(5), longOrNull(rs, 6), longOrNull(rs, 7)),
        MediationLevel.valueOf(rs.getString(8)), status, outcome == null ? null : MediationOutcome.valueOf(outcome),
        rs.getString(11), rs.getString(12), date(rs.getDate(13)), due, dueNow, visited,
        result == null ? null : FollowUpResult.valueOf(result), rs.getString(17), rs.getString(18), rs.getString(19),
        instant(rs.getTimestamp(20)), instant(rs.getTimestamp(21)), parties(id), sessions(id));
    return new Row(v, rs.getLong(22), new MediationAccess.Place(rs.getString(18), rs.getString(19), rs.getString(23)));
  }

  private List<MediationView.Party> parties(long mediation) {
    return jdbc.query("SELECT role, name, phone_sealed FROM mediation_party WHERE mediation_id = ? ORDER BY sort_order",
        (rs, n) -> new MediationView.Party(PartyRole.valueOf(rs.getString(1)), rs.getString(2),
            rs.getString(3) == null ? null : Masks.phone(personal.open(rs.getString(3)))), mediation);
  }

  private List<MediationView.Session> sessions(long mediation) {
    return jdbc.query("SELECT s.id, s.held_at, s.service_point_id, COALESCE(s.place_name, p.name), s.note FROM mediation_session s"
        + " LEFT JOIN service_point p ON p.id = s.service_point_id WHERE s.mediation_id = ? ORDER BY s.held_at, s.id",
        (rs, n) -> new MediationView.Session(rs.getLong(1), instant(rs.getTimestamp(2)), longOrNull(rs, 3), rs.getString(4),
            rs.getString(5)), mediation);
  }

  private static Long longOrNull(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static LocalDate date(Date d) { return d == null ? null : d.toLocalDate(); }

  private static java.time.Instant instant(Timestamp t) { return t == null ? null : t.toInstant(); }
}
