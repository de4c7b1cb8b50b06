package org.gridwatch.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The administrator's view of the outbox (newest first) and the retry of a FAILED message. */
@Service
class OutboxAdmin {
  private static final Pattern TEMPLATE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
  private final JdbcTemplate jdbc;
  private final Clock clock;

  OutboxAdmin(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  List<OutboxEntry> list(String status, String template, Integer limit) {
    List<ProblemException.FieldError> errors = new ArrayList<>();
    OutboxStatus s = null;
    if (status != null && !status.isEmpty()) {
      try {
        s = OutboxStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        errors.add(new ProblemException.FieldError("status", Text.of("notification.unknown-status", status)));
      }
    }
    if (template != null && !template.isEmpty() && !TEMPLATE.matcher(template).matches()) {
      errors.add(new ProblemException.FieldError("template", Text.of("notification.not-a-template", template)));
    }
    int n = limit == null ? 100 : limit;
    if (n < 1 || n > 1000) errors.add(new ProblemException.FieldError("limit", Text.of("notification.limit", "1", "1000")));
    if (!errors.isEmpty()) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-notification-input", "Invalid input", (Text) null, errors);
    }
    StringBuilder sql = new StringBuilder("SELECT id, template, recipient_kind, recipient, channel, status, attempts, last_error,"
        + " parent_id, created_at, next_attempt_at, sent_at, delivered_via FROM outbox_message WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (s != null) {
      sql.append(" AND status = ?");
      args.add(s.name());
    }
    if (template != null && !template.isEmpty()) {
      sql.append(" AND template = ?");
      args.add(template);
    }
    sql.append(" ORDER BY created_at DESC, id DESC LIMIT ").append(n);
    return jdbc.query(sql.toString(), OutboxAdmin::entry, args.toArray());
  }

  /** FAILED → PENDING, due now, with its attempts counted afresh; 409 from any other status. */
  @Transactional
  OutboxEntry retry(long id) {
    List<String> status = jdbc.queryForList("SELECT status FROM outbox_message WHERE id = ?", String.class, id);
    if (status.isEmpty()) {
      throw ProblemException.notFound("unknown-outbox-message", "Unknown message", Text.of("notification.unknown-message", id));
    }
    if (jdbc.update("UPDATE outbox_message SET status = 'PENDING', attempts = 0, next_attempt_at = ? WHERE id = ? AND status = 'FAILED'",
        Timestamp.from(clock.instant()), id) == 0) {
      throw new ProblemException(HttpStatus.CONFLICT, "illegal-transition", "Not allowed in this status",
          Text.of("notification.retry-only-failed", status.get(0)), List.of());
    }
    return jdbc.queryForObject("SELECT id, template, recipient_kind, recipient, channel, status, attempts, last_error, parent_id,"
        + " created_at, next_attempt_at, sent_at, delivered_via FROM outbox_message WHERE id = ?", OutboxAdmin::entry, id);
  }

  private static OutboxEntry entry(ResultSet rs, int n) throws SQLException {
    RecipientKind kind = RecipientKind.valueOf(rs.getString("recipient_kind"));
    long parent = rs.getLong("parent_id");
    return new OutboxEntry(rs.getLong("id"), rs.getString("template"), kind, masked(kind, rs.getString("recipient")),
        rs.getString("channel"), OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
        rs.wasNull() ? null : parent, instant(rs, "created_at"), instant(rs, "next_attempt_at"), instant(rs, "sent_at"),
        rs.getString("delivered_via"));
  }

  /** A person's username shows its first character only; units, cases, areas and endpoints are not people. */
  static String masked(RecipientKind kind, String recipient) {
    if (kind != RecipientKind.USER) return recipient;
    return recipient.isEmpty() ? recipient : recipient.charAt(0) + "***";
  }

  private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
