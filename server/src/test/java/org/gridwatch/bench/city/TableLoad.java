package org.gridwatch.bench.city;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A bulk load the way PostgreSQL's manual advises ("Populating a Database"): the table's secondary indexes and
 * foreign keys are dropped first and made again afterwards from their own definitions as the migrations left
 * them ({@code pg_get_indexdef}, {@code pg_get_constraintdef}), so the loaded city has exactly the migrated
 * schema. Primary keys and unique constraints stay in place during the load.
 */
final class TableLoad {
  private final Connection c;
  private final String table;
  private final List<String> restore = new ArrayList<>();

  TableLoad(Connection c, String table) {
    this.c = c;
    this.table = table;
  }

  /** Drops the secondary indexes and the table's own foreign keys, remembering how to make them again. */
  TableLoad strip() throws SQLException {
    List<String> drops = new ArrayList<>();
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
          + "WHERE conrelid = '" + table + "'::regclass AND contype = 'f'")) {
        while (rs.next()) {
          drops.add("ALTER TABLE " + table + " DROP CONSTRAINT " + rs.getString(1));
          restore.add("ALTER TABLE " + table + " ADD CONSTRAINT " + rs.getString(1) + " " + rs.getString(2));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
          + "WHERE i.indrelid = '" + table + "'::regclass AND NOT i.indisprimary "
          + "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)")) {
        while (rs.next()) {
          drops.add("DROP INDEX " + rs.getString(1));
          restore.add(0, rs.getString(2));
        }
      }
      for (String d : drops) s.execute(d);
    }
    return this;
  }

  /** Makes the dropped indexes and foreign keys again and analyses the table; answers the seconds it took. */
  double rebuild() throws SQLException {
    long t = System.nanoTime();
    try (Statement s = c.createStatement()) {
      s.execute("SET maintenance_work_mem = '512MB'");
      for (String r : restore) s.execute(r);
      s.execute("ANALYZE " + table);
    }
    return (System.nanoTime() - t) / 1e9;
  }
}
