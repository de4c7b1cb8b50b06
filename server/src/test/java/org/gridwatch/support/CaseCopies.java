package org.gridwatch.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;

/**
 * Copies of stored cases made with plain SQL, as a history import or another writer would: every column copied, a
 * new id and public id, another report time. The tallies' triggers must count them like any case.
 */
public final class CaseCopies {
  private CaseCopies() {}

  /** Inserts a copy of case {@code publicId} reported at {@code reportedAt}, public id {@code prefix + id}: its id. */
  public static long copy(JdbcTemplate jdbc, String publicId, Instant reportedAt, String prefix) {
    List<String> columns = new ArrayList<>();
    jdbc.query("select * from incident where 1 = 0", (ResultSetExtractor<Void>) rs -> {
      var meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
      return null;
    });
    // An id of the case sequence's own (a block Hibernate's pooled optimizer never hands out), never one ahead of it:
    // a later case drawn from the sequence must not collide with a copy.
    String product = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
    long id = jdbc.queryForObject(product.startsWith("PostgreSQL") ? "select nextval('incident_seq')" : "select next value for incident_seq",
        Long.class);
    String select = String.join(", ", columns.stream().map(c -> switch (c) {
      case "id", "public_id", "reported_at" -> "?";
      default -> c;
    }).toList());
    jdbc.update("insert into incident (" + String.join(", ", columns) + ") select " + select + " from incident where public_id = ?",
        id, prefix + id, Timestamp.from(reportedAt), publicId);
    return id;
  }
}
