package org.gridwatch.impact;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The next id of a sequence, in the dialect of the database (asked once). */
@Component
class ImpactIds {
  private final JdbcTemplate jdbc;
  private volatile Boolean postgres;

  ImpactIds(JdbcTemplate jdbc) { this.jdbc = jdbc; }

  long next(String sequence) {
    String sql = postgres() ? "select nextval('" + sequence + "')" : "select next value for " + sequence;
    return jdbc.queryForObject(sql, Long.class);
  }

  private boolean postgres() {
    if (postgres == null) {
      postgres = "PostgreSQL".equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()));
    }
    return postgres;
  }
}
