package org.gridwatch.hotline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridwatch.incident.RequestType;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.gridwatch.service.Sequences;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Reads and writes hotline tickets and their history with plain SQL (the same on H2GIS and PostGIS). */
@Repository
class TicketRows {
  /** One step of a ticket's history. */
  record Event(String type, Instant at, String actor, String note, Instant until) {}

  private static final String COLUMNS = "ticket_number, request_hash, received_at, sign_by, due_by, request_type, category_code,"
      + " content, address, caller_name, caller_phone, status, incident_id, case_public_id, signed_at, signed_late, pending,"
      + " pending_reason, pending_until, returned_at, return_reason, extensions, replied_at, reply_result, reply_text, replies,"
      + " visited_at, visit_result, redos, version";

  private final JdbcTemplate jdbc;
  private final Sequences sequences;

  TicketRows(JdbcTemplate jdbc, Sequences sequences) {
    this.jdbc = jdbc;
    this.sequences = sequences;
  }

  Optional<Ticket> find(String number) {
    return jdbc.query("SELECT " + COLUMNS + " FROM hotline_ticket WHERE ticket_number = ?", ROW, number).stream().findFirst();
  }

  /** The ticket or a 404 naming it. */
  Ticket get(String number) {
    return find(number).orElseThrow(() -> ProblemException.notFound("unknown-ticket", "Unknown ticket",
        Text.of("hotline.no-ticket-x", number)));
  }

  Optional<Ticket> byCase(String casePublicId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM hotline_ticket WHERE case_public_id = ?", ROW, casePublicId).stream().findFirst();
  }

  /** Tickets received in [from, to), newest first; {@code status} TO_LOCATE means not located and not returned. */
  List<Ticket> list(TicketStatus status, Instant from, Instant to, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM hotline_ticket WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (status == TicketStatus.TO_LOCATE) {
      sql.append(" AND incident_id IS NULL AND status <> 'RETURNED'");
    } else if (status != null) {
      sql.append(" AND status = ? AND (incident_id IS NOT NULL OR status = 'RETURNED')");
      args.add(status.name());
    }
    if (from != null) {
      sql.append(" AND received_at >= ?");
      args.add(Timestamp.from(from));
    }
    if (to != null) {
      sql.append(" AND received_at < ?");
      args.add(Timestamp.from(to));
    }
    sql.append(" ORDER BY received_at DESC, ticket_number LIMIT ").append(limit);
    return jdbc.query(sql.toString(), ROW, args.toArray());
  }

  void insert(Ticket t, boolean synthetic) {
    jdbc.update("INSERT INTO hotline_ticket (ticket_number, request_hash, received_at, sign_by, due_by, request_type, category_code,"
        + " content, address, caller_name, caller_phone, status, incident_id, case_public_id, synthetic)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        t.number(), t.requestHash(), ts(t.receivedAt()), ts(t.signBy()), ts(t.dueBy()), t.requestType().name(), t.category(),
        t.content(), t.address(), t.callerName(), t.callerPhone(), t.stage().name(), t.incidentId(), t.caseId(), synthetic);
  }

  /** Writes the loop's fields of {@code t}, if no one changed the row since {@code t} was read (409 otherwise). */
  void update(Ticket t) {
    int n = jdbc.update("UPDATE hotline_ticket SET status = ?, incident_id = ?, case_public_id = ?, signed_at = ?, signed_late = ?,"
        + " pending = ?, pending_reason = ?, pending_until = ?, returned_at = ?, return_reason = ?, extensions = ?, due_by = ?,"
        + " replied_at = ?, reply_result = ?, reply_text = ?, replies = ?, visited_at = ?, visit_result = ?, redos = ?,"
        + " version = version + 1 WHERE ticket_number = ? AND version = ?",
        t.stage().name(), t.incidentId(), t.caseId(), ts(t.signedAt()), t.signedLate(), name(t.pending()), t.pendingReason(),
        ts(t.pendingUntil()), ts(t.returnedAt()), t.returnReason(), t.extensions(), ts(t.dueBy()), ts(t.repliedAt()),
        name(t.replyResult()), t.replyText(), t.replies(), ts(t.visitedAt()), name(t.visitResult()), t.redos(), t.number(),
        t.version());
    if (n != 1) {
      throw new ProblemException(HttpStatus.CONFLICT, "changed-meanwhile", "Changed meanwhile",
          Text.of("hotline.ticket-x-changed-meanwhile", t.number()), List.of());
    }
  }

  void record(String number, String type, Instant at, String actor, String note, Instant until) {
    jdbc.update("INSERT INTO hotline_event (id, ticket_number, type, at, actor, note, until_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        sequences.next("hotline_event_seq"), number, type, ts(at), actor, note, ts(until));
  }

  List<Event> history(String number) {
    return jdbc.query("SELECT type, at, actor, note, until_at FROM hotline_event WHERE ticket_number = ? ORDER BY id",
        (rs, i) -> new Event(rs.getString(1), instant(rs, 2), rs.getString(3), rs.getString(4), instant(rs, 5)), number);
  }

  private static final RowMapper<Ticket> ROW = (rs, i) -> new Ticket(rs.getString(1), rs.getString(2), instant(rs, 3),
      instant(rs, 4), instant(rs, 5), RequestType.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
      rs.getString(10), rs.getString(11), TicketStatus.valueOf(rs.getString(12)), (Long) rs.getObject(13, Long.class),
      rs.getString(14), instant(rs, 15), rs.getBoolean(16), value(Ticket.Pending.class, rs.getString(17)), rs.getString(18),
      instant(rs, 19), instant(rs, 20), rs.getString(21), rs.getInt(22), instant(rs, 23),
      value(Ticket.ReplyResult.class, rs.getString(24)), rs.getString(25), rs.getInt(26), instant(rs, 27),
      value(Ticket.VisitResult.class, rs.getString(28)), rs.getInt(29), rs.getLong(30));

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static <E extends Enum<E>> E value(Class<E> type, String name) { return name == null ? null : Enum.valueOf(type, name); }

  private static String name(Enum<?> e) { return e == null ? null : e.name(); }

  static Timestamp ts(Instant i) { return i == null ? null : Timestamp.from(i); }
}
