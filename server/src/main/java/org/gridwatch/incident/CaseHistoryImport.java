package org.gridwatch.incident;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a made-up case history (the demo's year of cases) into an empty case table in one transaction, with plain
 * JDBC batches: ids are the caller's, and the sequences are moved past them so new reports never collide. Rows are
 * positional, in the order of {@link #CASE_COLUMNS} and {@link #EVENT_COLUMNS} ({@code location} takes lon and lat;
 * {@code input_crs} and {@code version} are set here).
 */
@Component
public class CaseHistoryImport {
  public static final String CASE_COLUMNS = "id, public_id, kind, category_code, channel, status, priority, location, "
      + "input_lon, input_lat, address, description, grid_code, community_code, subdistrict_code, "
      + "district_code, boundary_version, level, unit_code, stage_started_at, deadline, warn_at, warned, reported_at, "
      + "registered_at, dispatched_at, resolved_at, closed_at, escalations, reopenings, left_grid, breached, "
      + "overdue_notified, closed_on_time, updated_at";
  public static final String EVENT_COLUMNS = "id, incident_id, at, type, from_status, to_status, actor, actor_role, level, unit_code, note";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  CaseHistoryImport(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  public boolean isEmpty() {
    Integer existing = jdbc.queryForObject("select count(*) from incident", Integer.class);
    return existing == null || existing == 0;
  }

  /** Stores all of it or nothing; {@code lastEventId} is the highest event id used. */
  public void write(List<Object[]> cases, List<Object[]> events, long lastEventId) {
    tx.executeWithoutResult(s -> {
      jdbc.batchUpdate("insert into incident (id, public_id, kind, category_code, channel, status, priority, location, "
          + "input_lon, input_lat, input_crs, address, description, grid_code, community_code, subdistrict_code, "
          + "district_code, boundary_version, level, unit_code, stage_started_at, deadline, warn_at, warned, reported_at, "
          + "registered_at, dispatched_at, resolved_at, closed_at, escalations, reopenings, left_grid, breached, "
          + "overdue_notified, closed_on_time, version, updated_at) values (?, ?, ?, ?, ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), "
          + "?, ?, 'WGS84', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)", cases);
      jdbc.batchUpdate("insert into incident_event (" + EVENT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events);
      jdbc.execute("alter sequence incident_seq restart with " + (cases.size() + 1000));
      jdbc.execute("alter sequence " + CaseNumbers.SEQUENCE + " restart with " + (cases.size() + 1));
      jdbc.execute("alter sequence incident_event_seq restart with " + (lastEventId + 1000));
    });
  }
}
