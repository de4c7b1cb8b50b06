package org.gridwatch.mediation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The next id of a mediation sequence, in the dialect of the database (asked once). */
@Component
class MediationIds {
  private final JdbcTemplate jdbc;
  private volatile Boolean postgres;

  MediationIds(JdbcTemplate jdbc) { this.jdbc = jdbc; }

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
