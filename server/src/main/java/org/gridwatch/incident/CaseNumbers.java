package org.gridwatch.incident;

import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneId;
import javax.sql.DataSource;
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
  private final ZoneId zone;

  /** Numbers count within the district's local year ({@code GW-2026-000123}). */
  CaseNumbers(DataSource dataSource, org.gridwatch.area.DistrictProfile district) throws Exception {
    this.zone = district.timeZone();
    String product;
    try (Connection c = dataSource.getConnection()) {
      product = c.getMetaData().getDatabaseProductName().toLowerCase();
    }
    numbers = product.contains("postgres")
        ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
        : new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
  }

  String next(Instant reportedAt) {
    return String.format("GW-%d-%06d", reportedAt.atZone(zone).getYear(), numbers.nextLongValue());
  }
}
