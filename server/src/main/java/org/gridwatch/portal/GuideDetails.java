package org.gridwatch.portal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The details of current service guides (the foundation's service_guide rows, public by their contract: an office's
 * contact line, never a person's). Read-only; the publication capability writes them.
 */
@Service
class GuideDetails {
  record Row(long publication, String item, String eligibility, String materials, Long servicePoint, String hours, String fees,
      String timeLimit, String contactPhone) {}

  private final JdbcTemplate jdbc;

  GuideDetails(JdbcTemplate jdbc) { this.jdbc = jdbc; }

  Map<Long, Row> of(List<Long> publicationIds) {
    Map<Long, Row> out = new HashMap<>();
    if (publicationIds.isEmpty()) return out;
    String marks = String.join(",", java.util.Collections.nCopies(publicationIds.size(), "?"));
    jdbc.query("SELECT publication_id, item, eligibility, materials, service_point_id, hours, fees, time_limit, contact_phone"
        + " FROM service_guide WHERE publication_id IN (" + marks + ")", rs -> {
          long id = rs.getLong(1);
          out.put(id, new Row(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, Long.class), rs.getString(6),
              rs.getString(7), rs.getString(8), rs.getString(9)));
        }, publicationIds.toArray());
    return out;
  }
}
