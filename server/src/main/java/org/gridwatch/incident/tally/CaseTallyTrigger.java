package org.gridwatch.incident.tally;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.h2.api.Trigger;

/**
 * The case tally's upkeep on the embedded store: H2 calls it after every insert, update and delete of a case
 * ({@code incident}) or a rating ({@code incident_feedback}), in the writing session and its transaction (migration
 * V25_1). A case's change takes away its old {@link CaseContribution} and adds its new one (nothing when both are the
 * same, as for a deadline or a warning); a rating's change moves only rated/satisfied of its case's rows, after
 * locking the case so that a concurrent change of the case sees the rating either before or after. Concurrent writers
 * of one tally row wait for each other's row lock (H2 re-reads the row after the wait), and of two first inserts of a
 * row the second fails on the key and adds instead; each writing thread adds to its own of eight rows per key
 * ({@code slot}), so such waits are rare. The same contribution moves the case's month row of the need tally
 * ({@code need_tally}, migration V25_2), so a change of its grid or community moves it between rows. PostgreSQL runs
 * the same in PL/pgSQL.
 */
public final class CaseTallyTrigger implements Trigger {
  private volatile Map<String, Integer> columns;
  private String table;
  private String schema;

  @Override
  public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
      throws SQLException {
    this.schema = schemaName;
    this.table = tableName;
    this.columns = columns(conn);
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    Object[] any = newRow != null ? newRow : oldRow;
    if (any.length != columns.size()) columns = columns(conn); // a column added since
    ZoneId zone = zone(conn);
    if (table.equalsIgnoreCase("INCIDENT_FEEDBACK")) {
      long id = ((Number) value(any, "incident_id")).longValue();
      CaseContribution.Case c = lockedCase(conn, id);
      if (c == null) return;
      if (oldRow != null) rating(conn, CaseContribution.of(c, (String) value(oldRow, "rating"), zone), -1);
      if (newRow != null) rating(conn, CaseContribution.of(c, (String) value(newRow, "rating"), zone), 1);
      return;
    }
    String rating = rating(conn, ((Number) value(any, "id")).longValue());
    CaseContribution before = oldRow == null ? null : CaseContribution.of(caseOf(oldRow), rating, zone);
    CaseContribution after = newRow == null ? null : CaseContribution.of(caseOf(newRow), rating, zone);
    if (before != null && after != null && before.same(after)) return;
    if (before != null) add(conn, before, -1);
    if (after != null) add(conn, after, 1);
  }

  private static void add(Connection conn, CaseContribution c, int sign) throws SQLException {
    for (String scope : c.scopes()) {
      List<String> names = new ArrayList<>();
      List<Object> deltas = new ArrayList<>();
      for (int i = 0; i < c.flags().length; i++) {
        if (c.flags()[i] != 0) {
          names.add(CaseContribution.REPORTED_COLUMNS.get(i));
          deltas.add(sign * c.flags()[i]);
        }
      }
      if (c.handlingSeconds().signum() != 0) {
        names.add("handling_seconds");
        deltas.add(c.handlingSeconds().multiply(BigDecimal.valueOf(sign)));
      }
      upsert(conn, CASES, List.of(scope, c.day(), c.category(), c.district()), names, deltas);
      if (c.closedDay() != null) {
        upsert(conn, CASES, List.of(scope, c.closedDay(), c.category(), c.district()), List.of("closed_then", "closed_then_on_time"),
            List.of((long) sign, sign * c.closedOnTime()));
      }
    }
    if (c.counted()) {
      upsert(conn, NEEDS, List.of(c.month(), c.grid(), c.community(), c.subdistrict(), c.district()), List.of("counted"),
          List.of((long) sign));
    }
  }

  private static void rating(Connection conn, CaseContribution c, int sign) throws SQLException {
    long rated = c.flags()[CaseContribution.RATED], satisfied = c.flags()[CaseContribution.SATISFIED];
    if (rated == 0) return;
    for (String scope : c.scopes()) {
      upsert(conn, CASES, List.of(scope, c.day(), c.category(), c.district()), List.of("rated", "satisfied"),
          List.of(sign * rated, sign * satisfied));
    }
  }

  /** A tally table and its key columns (the slot last, added here). */
  private record Table(String name, List<String> key) {}

  private static final Table CASES = new Table("case_tally", List.of("scope", "on_day", "category_code", "district_code"));
  private static final Table NEEDS = new Table("need_tally",
      List.of("in_month", "grid_code", "community_code", "subdistrict_code", "district_code"));

  /** Adds the deltas to the row of the key, making it when missing (another session making it first: add to theirs). */
  private static void upsert(Connection conn, Table table, List<Object> key, List<String> names, List<Object> deltas)
      throws SQLException {
    if (update(conn, table, key, names, deltas) > 0) return;
    List<String> columns = new ArrayList<>(table.key());
    columns.add("slot");
    columns.addAll(names);
    String sql = "INSERT INTO " + table.name() + " (" + String.join(", ", columns) + ") VALUES (?"
        + ", ?".repeat(columns.size() - 1) + ")";
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      int i = 1;
      for (Object k : key) ps.setObject(i++, k);
      ps.setInt(i++, slot());
      for (Object d : deltas) ps.setObject(i++, d);
      ps.executeUpdate();
    } catch (SQLException e) {
      if (!"23505".equals(e.getSQLState())) throw e;
      update(conn, table, key, names, deltas);
    }
  }

  private static int update(Connection conn, Table table, List<Object> key, List<String> names, List<Object> deltas)
      throws SQLException {
    StringBuilder sql = new StringBuilder("UPDATE ").append(table.name()).append(" SET ");
    for (int i = 0; i < names.size(); i++) sql.append(i == 0 ? "" : ", ").append(names.get(i)).append(" = ").append(names.get(i)).append(" + ?");
    sql.append(" WHERE ");
    for (String k : table.key()) sql.append(k).append(" = ? AND ");
    sql.append("slot = ?");
    try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
      int i = 1;
      for (Object d : deltas) ps.setObject(i++, d);
      for (Object k : key) ps.setObject(i++, k);
      ps.setInt(i, slot());
      return ps.executeUpdate();
    }
  }

  /** The writing thread's row of a key (of eight), so that concurrent writers rarely wait for each other. */
  private static int slot() { return (int) (Thread.currentThread().getId() % 8); }

  private CaseContribution.Case caseOf(Object[] row) {
    return new CaseContribution.Case(instant(value(row, "reported_at")), (String) value(row, "district_code"),
        (String) value(row, "subdistrict_code"), (String) value(row, "community_code"), (String) value(row, "grid_code"),
        (String) value(row, "category_code"), (String) value(row, "status"), instant(value(row, "closed_at")),
        (Boolean) value(row, "closed_on_time"), instant(value(row, "dispatched_at")), instant(value(row, "resolved_at")),
        ((Number) value(row, "reopenings")).intValue(), (Boolean) value(row, "settled_in_grid"),
        Boolean.TRUE.equals(value(row, "breached")), value(row, "duplicate_of") != null, value(row, "merged_into") != null,
        value(row, "property_organisation") != null, instant(value(row, "property_responded_at")),
        instant(value(row, "property_deadline")), (String) value(row, "level"));
  }

  /** The case of a rating, its row locked for the rest of the transaction; null when there is none. */
  private CaseContribution.Case lockedCase(Connection conn, long id) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM incident WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return null;
        return new CaseContribution.Case(instant(rs.getObject("reported_at")), rs.getString("district_code"),
            rs.getString("subdistrict_code"), rs.getString("community_code"), rs.getString("grid_code"),
            rs.getString("category_code"), rs.getString("status"), instant(rs.getObject("closed_at")),
            (Boolean) rs.getObject("closed_on_time"), instant(rs.getObject("dispatched_at")),
            instant(rs.getObject("resolved_at")), rs.getInt("reopenings"), (Boolean) rs.getObject("settled_in_grid"),
            rs.getBoolean("breached"), rs.getObject("duplicate_of") != null, rs.getObject("merged_into") != null,
            rs.getObject("property_organisation") != null, instant(rs.getObject("property_responded_at")),
            instant(rs.getObject("property_deadline")), rs.getString("level"));
      }
    }
  }

  private static String rating(Connection conn, long id) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT rating FROM incident_feedback WHERE incident_id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static ZoneId zone(Connection conn) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT zone FROM case_tally_zone");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) throw new SQLException("case_tally_zone has no row");
      return ZoneId.of(rs.getString(1));
    }
  }

  private Object value(Object[] row, String column) {
    Integer i = columns.get(column);
    if (i == null) throw new IllegalStateException("case tally: no column " + column + " in " + table);
    return row[i];
  }

  private Map<String, Integer> columns(Connection conn) throws SQLException {
    Map<String, Integer> out = new HashMap<>();
    try (ResultSet rs = conn.getMetaData().getColumns(null, schema, table, null)) {
      while (rs.next()) out.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("ORDINAL_POSITION") - 1);
    }
    return out;
  }

  private static Instant instant(Object v) {
    if (v == null) return null;
    if (v instanceof OffsetDateTime o) return o.toInstant();
    if (v instanceof ZonedDateTime z) return z.toInstant();
    if (v instanceof Timestamp t) return t.toInstant();
    if (v instanceof Instant i) return i;
    throw new IllegalStateException("case tally: not a time: " + v.getClass());
  }
}
