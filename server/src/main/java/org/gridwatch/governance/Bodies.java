package org.gridwatch.governance;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads bodies and their members for the other capabilities (the meeting loop checks quorum, votes and terms here);
 * registering and changing them is the governance API's.
 */
@Service
public class Bodies {
  private static final String BODY = "SELECT id, kind, name, area_kind, area_code, community_code, grid_code, parent_id, quorum,"
      + " pass_by, pass_base, consensus_allowed, constituted_on, dissolved_on FROM body";
  private static final String MEMBER = "SELECT id, body_id, name, role, voting, term_from, term_to FROM body_member";

  private final JdbcTemplate jdbc;

  Bodies(JdbcTemplate jdbc) { this.jdbc = jdbc; }

  @Transactional(readOnly = true)
  public Optional<BodyView> find(long id) {
    return jdbc.query(BODY + " WHERE id = ?", Bodies::body, id).stream().findFirst();
  }

  /** The bodies of a kind serving a community (any area inside it), active on the day. */
  @Transactional(readOnly = true)
  public List<BodyView> ofKind(BodyKind kind, String communityCode, LocalDate day) {
    return jdbc.query(BODY + " WHERE kind = ? AND community_code = ? AND constituted_on <= ?"
        + " AND (dissolved_on IS NULL OR dissolved_on >= ?) ORDER BY id", Bodies::body, kind.name(), communityCode,
        Date.valueOf(day), Date.valueOf(day));
  }

  /**
   * The bodies in a community and/or grid, of a kind (each null: any), active on the day (null: also dissolved ones),
   * in id order.
   */
  @Transactional(readOnly = true)
  public List<BodyView> where(String communityCode, String gridCode, BodyKind kind, LocalDate activeOn) {
    StringBuilder sql = new StringBuilder(BODY + " WHERE 1 = 1");
    List<Object> args = new java.util.ArrayList<>();
    if (communityCode != null) { sql.append(" AND community_code = ?"); args.add(communityCode); }
    if (gridCode != null) { sql.append(" AND grid_code = ?"); args.add(gridCode); }
    if (kind != null) { sql.append(" AND kind = ?"); args.add(kind.name()); }
    if (activeOn != null) {
      sql.append(" AND constituted_on <= ? AND (dissolved_on IS NULL OR dissolved_on >= ?)");
      args.add(Date.valueOf(activeOn));
      args.add(Date.valueOf(activeOn));
    }
    return jdbc.query(sql.append(" ORDER BY id").toString(), Bodies::body, args.toArray());
  }

  /** How many members of each body are in term on the day (bodies without any are absent). */
  @Transactional(readOnly = true)
  public java.util.Map<Long, Integer> membersInTermCounts(LocalDate day) {
    java.util.Map<Long, Integer> out = new java.util.HashMap<>();
    jdbc.query("SELECT body_id, COUNT(*) FROM body_member WHERE term_from <= ? AND (term_to IS NULL OR term_to >= ?) GROUP BY body_id",
        rs -> { out.put(rs.getLong(1), rs.getInt(2)); }, Date.valueOf(day), Date.valueOf(day));
    return out;
  }

  @Transactional(readOnly = true)
  public Optional<MemberView> member(long id) {
    return jdbc.query(MEMBER + " WHERE id = ?", Bodies::member, id).stream().findFirst();
  }

  /** The members of a body in term on the day, in the order they were added. */
  @Transactional(readOnly = true)
  public List<MemberView> membersInTerm(long bodyId, LocalDate day) {
    return jdbc.query(MEMBER + " WHERE body_id = ? AND term_from <= ? AND (term_to IS NULL OR term_to >= ?) ORDER BY id",
        Bodies::member, bodyId, Date.valueOf(day), Date.valueOf(day));
  }

  private static BodyView body(ResultSet rs, int row) throws SQLException {
    Date dissolved = rs.getDate(14);
    Long parent = rs.getObject(8) == null ? null : rs.getLong(8);
    return new BodyView(rs.getLong(1), BodyKind.valueOf(rs.getString(2)), rs.getString(3), BodyArea.valueOf(rs.getString(4)),
        rs.getString(5), rs.getString(6), rs.getString(7), parent,
        new BodyRules(Majority.valueOf(rs.getString(9)), Majority.valueOf(rs.getString(10)), PassBase.valueOf(rs.getString(11)),
            rs.getBoolean(12)), rs.getDate(13).toLocalDate(), dissolved == null ? null : dissolved.toLocalDate());
  }

  private static MemberView member(ResultSet rs, int row) throws SQLException {
    Date to = rs.getDate(7);
    return new MemberView(rs.getLong(1), rs.getLong(2), rs.getString(3), MemberRole.valueOf(rs.getString(4)), rs.getBoolean(5),
        rs.getDate(6).toLocalDate(), to == null ? null : to.toLocalDate());
  }
}
