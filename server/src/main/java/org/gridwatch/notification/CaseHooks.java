package org.gridwatch.notification;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.gridwatch.incident.IncidentChanged;
import org.gridwatch.incident.IncidentEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells people of case changes, in the transaction that made them (so a message exists if and only if the change
 * commits): a dispatch to the unit or person it went to (CASE_DISPATCHED), 督办 to the unit (CASE_SUPERVISED), and
 * progress (in progress, resolved, closed) to the reporter, when they left a way to reach them, and to the case's
 * subscribers (CASE_PROGRESS). One message per case event: the dedup key names the event's id.
 */
@Component
class CaseHooks {
  private final Outbox outbox;
  private final JdbcTemplate jdbc;
  private final EntityManager em;

  CaseHooks(Outbox outbox, JdbcTemplate jdbc, EntityManager em) {
    this.outbox = outbox;
    this.jdbc = jdbc;
    this.em = em;
  }

  private record Happened(long eventId, String targetCode, String unitCode, boolean reporterReachable) {}

  @EventListener
  void on(IncidentChanged changed) {
    IncidentEvent.Type type = changed.type();
    boolean dispatch = type == IncidentEvent.Type.DISPATCHED || type == IncidentEvent.Type.REDISPATCHED;
    boolean supervise = type == IncidentEvent.Type.SUPERVISED;
    boolean progress = type == IncidentEvent.Type.STARTED || type == IncidentEvent.Type.RESOLVED || type == IncidentEvent.Type.CLOSED;
    if (!dispatch && !supervise && !progress) return;
    Happened h = happened(changed.id());
    if (h == null) return;
    Map<String, String> params = Map.of("case", changed.publicId(), "status", changed.status().name(), "event", type.name());
    String key = ":" + changed.publicId() + ":" + h.eventId();
    if (dispatch || supervise) {
      String unit = dispatch && h.targetCode() != null ? h.targetCode() : h.unitCode();
      String template = dispatch ? "CASE_DISPATCHED" : "CASE_SUPERVISED";
      if (unit != null) outbox.enqueue(new OutboxMessage(template, RecipientKind.UNIT, unit, null, params, template + key));
      return;
    }
    if (h.reporterReachable()) {
      outbox.enqueue(new OutboxMessage("CASE_PROGRESS", RecipientKind.REPORTER, changed.publicId(), null, params,
          "CASE_PROGRESS:R" + key));
    }
    outbox.enqueue(new OutboxMessage("CASE_PROGRESS", RecipientKind.CASE_SUBSCRIBERS, changed.publicId(), null, params,
        "CASE_PROGRESS:S" + key));
  }

  /** The case's latest event (just recorded: flushed first so plain SQL sees it), whom it went to, and the reporter. */
  private Happened happened(long incidentId) {
    em.flush();
    List<Happened> found = jdbc.query("SELECT e.id, e.target_code, i.unit_code, i.reporter_account, i.reporter_phone,"
        + " i.reporter_email FROM incident_event e JOIN incident i ON i.id = e.incident_id WHERE e.incident_id = ?"
        + " ORDER BY e.id DESC LIMIT 1", (rs, n) -> new Happened(rs.getLong(1), rs.getString(2), rs.getString(3),
        rs.getString(4) != null || rs.getString(5) != null || rs.getString(6) != null), incidentId);
    return found.isEmpty() ? null : found.get(0);
  }
}
