package org.gridwatch.service;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The next id of a sequence, in the dialect of the database (asked once); shared by the capabilities that write with plain SQL. */
@Component
public class Sequences {
  private final JdbcTemplate jdbc;
  private volatile Boolean postgres;

  Sequences(JdbcTemplate jdbc) { this.jdbc = jdbc; }

  public long next(String sequence) {
    String sql = postgres() ? "select nextval('" + sequence + "')" : "select next value for " + sequence;
    return jdbc.queryForObject(sql, Long.class);
  }

  /** {@code n} next ids at once (for seeding many rows). */
  public java.util.Iterator<Long> next(String sequence, int n) {
    if (n == 0) return java.util.Collections.emptyIterator();
    String sql = postgres() ? "select nextval('" + sequence + "') from generate_series(1, ?)"
        : "select next value for " + sequence + " from system_range(1, ?)";
    return jdbc.queryForList(sql, Long.class, n).iterator();
  }

  private boolean postgres() {
    if (postgres == null) {
      postgres = "PostgreSQL".equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()));
    }
    return postgres;
  }
}
