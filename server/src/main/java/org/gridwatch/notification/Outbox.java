package org.gridwatch.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.TreeMap;
import org.gridwatch.service.Sequences;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts a message in the outbox inside the caller's transaction, so it is sent if and only if the change it tells of
 * commits. Enqueueing the same dedup key again returns the message already there. Delivery (channels, retries, quiet
 * hours, opt-outs, fan-out) is the dispatcher's.
 */
@Service
public class Outbox {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final JdbcTemplate jdbc;
  private final Sequences sequences;
  private final Clock clock;

  Outbox(JdbcTemplate jdbc, Sequences sequences, Clock clock) {
    this.jdbc = jdbc;
    this.sequences = sequences;
    this.clock = clock;
  }

  /** The id of the message with this dedup key: a new PENDING one due now, or the one enqueued before. */
  @Transactional(propagation = Propagation.REQUIRED)
  public long enqueue(OutboxMessage m) {
    return enqueue(m, null);
  }

  /** As {@link #enqueue(OutboxMessage)}, as a child of a fanned-out message. */
  @Transactional(propagation = Propagation.REQUIRED)
  public long enqueue(OutboxMessage m, Long parentId) {
    List<Long> known = jdbc.queryForList("SELECT id FROM outbox_message WHERE dedup_key = ?", Long.class, m.dedupKey());
    if (!known.isEmpty()) return known.get(0);
    long id = sequences.next("outbox_seq");
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update("INSERT INTO outbox_message (id, template, recipient_kind, recipient, channel, params, dedup_key, parent_id,"
        + " status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
        id, m.template(), m.recipientKind().name(), m.recipient(), m.channel(),
        JSON.writeValueAsString(new TreeMap<>(m.params())), m.dedupKey(), parentId, now, now);
    return id;
  }
}
