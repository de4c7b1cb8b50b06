package org.gridwatch.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The activity tables: read and write activities and their organisers and skills. Runs in the caller's transaction. */
@Component
class ActivityStore {
  private static final String COLUMNS = "id, title, kind, starts, ends, lon, lat, radius_m, grid_code, community_code, "
      + "subdistrict_code, service_point_id, sign_in_code";
  private final JdbcTemplate jdbc;

  ActivityStore(JdbcTemplate jdbc) { this.jdbc = jdbc; }

  long nextId() { return jdbc.queryForObject("SELECT nextval('activity_seq')", Long.class); }

  void insert(ActivityRow a, String by, Instant at) {
    jdbc.update("INSERT INTO activity (" + COLUMNS + ", created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        a.id(), a.title(), a.kind().name(), ts(a.starts()), ts(a.ends()), a.lon(), a.lat(), a.radiusM(), a.grid(), a.community(),
        a.subdistrict(), a.servicePoint(), a.signInCode(), by, ts(at));
    for (long o : a.organisations()) jdbc.update("INSERT INTO activity_organisation (activity_id, organisation_id) VALUES (?, ?)", a.id(), o);
    for (long v : a.volunteers()) jdbc.update("INSERT INTO activity_organiser (activity_id, volunteer_id) VALUES (?, ?)", a.id(), v);
    for (String s : a.skills()) jdbc.update("INSERT INTO activity_skill (activity_id, skill) VALUES (?, ?)", a.id(), s);
  }

  Optional<ActivityRow> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM activity WHERE id = ?", (rs, i) -> row(rs), id).stream().findFirst();
  }

  /** Activities starting in [from, to), optionally only those in the given grids, by start. */
  List<ActivityRow> between(Instant from, Instant to, java.util.Set<String> grids) {
    return jdbc.query("SELECT " + COLUMNS + " FROM activity WHERE starts >= ? AND starts < ? ORDER BY starts, id",
        (rs, i) -> row(rs), ts(from), ts(to)).stream().filter(a -> grids == null || grids.contains(a.grid())).toList();
  }

  /** Ids among {@code ids} with no row in {@code table} (organisation or volunteer). */
  List<Long> missing(String table, List<Long> ids) {
    return ids.stream().filter(id -> jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE id = ?", Integer.class, id) == 0).toList();
  }

  private ActivityRow row(ResultSet rs) throws SQLException {
    long id = rs.getLong(1);
    Long point = rs.getObject(12) == null ? null : rs.getLong(12);
    return new ActivityRow(id, rs.getString(2), ActivityKind.valueOf(rs.getString(3)), instant(rs, 4), instant(rs, 5), rs.getDouble(6),
        rs.getDouble(7), rs.getDouble(8), rs.getString(9), rs.getString(10), rs.getString(11), point, rs.getString(13),
        jdbc.queryForList("SELECT organisation_id FROM activity_organisation WHERE activity_id = ? ORDER BY organisation_id", Long.class, id),
        jdbc.queryForList("SELECT volunteer_id FROM activity_organiser WHERE activity_id = ? ORDER BY volunteer_id", Long.class, id),
        jdbc.queryForList("SELECT skill FROM activity_skill WHERE activity_id = ? ORDER BY skill", String.class, id));
  }

  /** An instant as both drivers bind a TIMESTAMP WITH TIME ZONE exactly (no JVM zone involved). */
  static OffsetDateTime ts(Instant i) { return i == null ? null : i.atOffset(java.time.ZoneOffset.UTC); }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
