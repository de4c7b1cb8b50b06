package org.gridwatch.governance;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The body, body_member and party_member tables in plain SQL, for the governance writes. Callers hold the transaction. */
@Component
class GovernanceStore {
  /** A member row with what the read side does not carry: the sealed phone and who the person is in the system. */
  record MemberRow(MemberView view, String phoneSealed, Long partyMember, Long volunteer, String username, Long organisation) {}

  /** A party member row (phone sealed). */
  record PartyMemberRow(long id, String name, long bodyId, String phoneSealed, String homeCommunity, String homeGrid,
      String employer, boolean dualReport, LocalDate reportedOn, String service) {}

  private static final String MEMBER = "SELECT id, body_id, name, role, voting, term_from, term_to, phone_sealed,"
      + " party_member_id, volunteer_id, username, organisation_id FROM body_member";
  private static final String PARTY = "SELECT id, name, body_id, phone_sealed, home_community_code, home_grid_code, employer,"
      + " dual_report, reported_on, service FROM party_member";

  private final JdbcTemplate jdbc;
  private volatile Boolean postgres;

  GovernanceStore(JdbcTemplate jdbc) { this.jdbc = jdbc; }

  /** Holds a body's row until the transaction ends (members added to it one at a time). */
  void lockBody(long id) { jdbc.queryForList("SELECT id FROM body WHERE id = ? FOR UPDATE", Long.class, id); }

  /** The active bodies (not dissolved before {@code day}) of a kind serving the area. */
  int activeBodies(BodyKind kind, BodyArea areaKind, String areaCode, LocalDate day) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM body WHERE kind = ? AND area_kind = ? AND area_code = ?"
        + " AND (dissolved_on IS NULL OR dissolved_on >= ?)", Integer.class, kind.name(), areaKind.name(), areaCode, Date.valueOf(day));
  }

  /**
   * Stores a new body with its active key (kind|area kind|area), unique among bodies not dissolved: of two racing
   * inserts for the same area the second fails with a duplicate key.
   */
  long insertBody(BodyView b, String by, Instant now) {
    long id = nextId("body_seq");
    jdbc.update("INSERT INTO body (id, kind, name, area_kind, area_code, community_code, grid_code, parent_id, quorum, pass_by,"
        + " pass_base, consensus_allowed, constituted_on, created_by, created_at, active_key)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, b.kind().name(), b.name(), b.areaKind().name(), b.areaCode(), b.communityCode(), b.gridCode(), b.parentId(),
        b.rules().quorum().name(), b.rules().passBy().name(), b.rules().passBase().name(), b.rules().consensusAllowed(),
        Date.valueOf(b.constitutedOn()), by, Timestamp.from(now), b.kind().name() + "|" + b.areaKind().name() + "|" + b.areaCode());
    return id;
  }

  /** Dissolves the body on the day and ends on it every term still running then. */
  void dissolve(long id, LocalDate on) {
    jdbc.update("UPDATE body SET dissolved_on = ?, active_key = NULL, version = version + 1 WHERE id = ?", Date.valueOf(on), id);
    jdbc.update("UPDATE body_member SET term_to = ? WHERE body_id = ? AND term_from <= ? AND (term_to IS NULL OR term_to > ?)",
        Date.valueOf(on), id, Date.valueOf(on), Date.valueOf(on));
  }

  List<Long> children(long id) { return jdbc.queryForList("SELECT id FROM body WHERE parent_id = ? ORDER BY id", Long.class, id); }

  List<MemberRow> members(long bodyId) { return jdbc.query(MEMBER + " WHERE body_id = ? ORDER BY id", GovernanceStore::member, bodyId); }

  java.util.Optional<MemberRow> member(long id) {
    return jdbc.query(MEMBER + " WHERE id = ?", GovernanceStore::member, id).stream().findFirst();
  }

  long insertMember(long bodyId, String name, MemberRole role, boolean voting, LocalDate from, LocalDate to, String phoneSealed,
      Long partyMember, Long volunteer, String username, Long organisation, Instant now) {
    long id = nextId("body_member_seq");
    jdbc.update("INSERT INTO body_member (id, body_id, name, role, voting, term_from, term_to, phone_sealed, party_member_id,"
        + " volunteer_id, username, organisation_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, bodyId, name, role.name(), voting, Date.valueOf(from), to == null ? null : Date.valueOf(to), phoneSealed, partyMember,
        volunteer, username, organisation, Timestamp.from(now));
    return id;
  }

  void endTerm(long memberId, LocalDate on) {
    jdbc.update("UPDATE body_member SET term_to = ? WHERE id = ?", Date.valueOf(on), memberId);
  }

  boolean exists(String table, long id) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE id = ?", Integer.class, id) > 0;
  }

  long insertPartyMember(PartyMemberRow r, String personHash, Instant now) {
    long id = nextId("party_member_seq");
    jdbc.update("INSERT INTO party_member (id, name, body_id, phone_sealed, person_hash, home_community_code, home_grid_code,"
        + " employer, dual_report, reported_on, service, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, r.name(), r.bodyId(), r.phoneSealed(), personHash, r.homeCommunity(), r.homeGrid(), r.employer(), r.dualReport(),
        r.reportedOn() == null ? null : Date.valueOf(r.reportedOn()), r.service(), Timestamp.from(now));
    return id;
  }

  boolean personTaken(String personHash) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM party_member WHERE person_hash = ?", Integer.class, personHash) > 0;
  }

  java.util.Optional<PartyMemberRow> partyMember(long id) {
    return jdbc.query(PARTY + " WHERE id = ?", GovernanceStore::party, id).stream().findFirst();
  }

  /** Party members by home community and 双报到 (each null: any), in id order. */
  List<PartyMemberRow> partyMembers(String community, Boolean dualReport) {
    StringBuilder sql = new StringBuilder(PARTY + " WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (community != null) { sql.append(" AND home_community_code = ?"); args.add(community); }
    if (dualReport != null) { sql.append(" AND dual_report = ?"); args.add(dualReport); }
    return jdbc.query(sql.append(" ORDER BY id").toString(), GovernanceStore::party, args.toArray());
  }

  private long nextId(String sequence) {
    if (postgres == null) {
      postgres = "PostgreSQL".equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()));
    }
    return jdbc.queryForObject(postgres ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence, Long.class);
  }

  private static MemberRow member(ResultSet rs, int row) throws SQLException {
    Date to = rs.getDate(7);
    MemberView v = new MemberView(rs.getLong(1), rs.getLong(2), rs.getString(3), MemberRole.valueOf(rs.getString(4)),
        rs.getBoolean(5), rs.getDate(6).toLocalDate(), to == null ? null : to.toLocalDate());
    return new MemberRow(v, rs.getString(8), longOrNull(rs, 9), longOrNull(rs, 10), rs.getString(11), longOrNull(rs, 12));
  }

  private static PartyMemberRow party(ResultSet rs, int row) throws SQLException {
    Date reported = rs.getDate(9);
    return new PartyMemberRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getString(7), rs.getBoolean(8), reported == null ? null : reported.toLocalDate(), rs.getString(10));
  }

  private static Long longOrNull(ResultSet rs, int i) throws SQLException {
    long v = rs.getLong(i);
    return rs.wasNull() ? null : v;
  }
}
