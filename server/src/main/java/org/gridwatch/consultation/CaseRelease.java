package org.gridwatch.consultation;

import java.sql.Timestamp;
import java.time.Clock;
import org.gridwatch.incident.IncidentChanged;
import org.gridwatch.incident.IncidentEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A case resumed out of consultation (the generic RESUME action) leaves its topic: its topic_case row is released,
 * in the transaction that resumed it, so the case may be convened into another topic later.
 */
@Component
class CaseRelease {
  private final JdbcTemplate jdbc;
  private final Clock clock;

  CaseRelease(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @EventListener
  void on(IncidentChanged changed) {
    if (changed.type() != IncidentEvent.Type.RESUMED) return;
    jdbc.update("UPDATE topic_case SET released_at = ? WHERE incident_id = ? AND released_at IS NULL", Timestamp.from(clock.instant()), changed.id());
  }
}
