package org.gridwatch.incident;

import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Public case numbers, {@code GW-<year>-<number>}: the year of the report in Beijing time and a number from
 * the {@code incident_number_seq} sequence, unique across all server instances and never reused. Known before
 * the case is stored, so the insert is complete in one statement.
 */
@Component
class CaseNumbers {
  static final String SEQUENCE = "incident_number_seq";
  private final DataFieldMaxValueIncrementer numbers;
  private final JdbcTemplate jdbc;
  private final String manySql;
  private final ZoneId zone;

  /** Numbers count within the district's local year ({@code GW-2026-000123}). */
  CaseNumbers(DataSource dataSource, org.gridwatch.area.DistrictProfile district) throws Exception {
    this.zone = district.timeZone();
    String product;
    try (Connection c = dataSource.getConnection()) {
      product = c.getMetaData().getDatabaseProductName().toLowerCase();
    }
    boolean postgres = product.contains("postgres");
    numbers = postgres
        ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
        : new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
    jdbc = new JdbcTemplate(dataSource);
    manySql = postgres ? "select nextval('" + SEQUENCE + "') from generate_series(1, ?)"
        : "select next value for " + SEQUENCE + " from system_range(1, ?)";
  }

  /** {@code count} numbers for cases reported at {@code reportedAt}, ascending, drawn in one round trip. */
  List<String> next(Instant reportedAt, int count) {
    if (count == 1) return List.of(next(reportedAt));
    int year = reportedAt.atZone(zone).getYear();
    return jdbc.queryForList(manySql, Long.class, count).stream().sorted()
        .map(n -> String.format("GW-%d-%06d", year, n)).toList();
  }

  String next(Instant reportedAt) {
    return String.format("GW-%d-%06d", reportedAt.atZone(zone).getYear(), numbers.nextLongValue());
  }
}
