package org.gridwatch.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridwatch.area.DistrictProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends what is due in the outbox. Every {@code gridwatch.notification.interval} (and whenever {@link #runAt} is
 * called) it claims due PENDING messages and handles each: a UNIT or *_SUBSCRIBERS message fans out into one child
 * per person (dedup key parent + person) and becomes FANNED_OUT; a message to a person honours their opt-out
 * (SKIPPED) and quiet hours (due again when they end, not sent); a message for a channel without an adapter or with no
 * address is SKIPPED; otherwise it goes through its channel and becomes SENT, or counts a failed attempt (due again
 * after the backoff; FAILED after the last attempt).
 *
 * <p>Safe with any number of instances on one database, and across crashes: a message is claimed in its own
 * transaction (SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL, then a compare-and-set of its due time to now + the
 * claim lease, which is also the whole claim on the embedded database), delivered outside any transaction, and its
 * outcome recorded in another transaction guarded by its status. A crash between delivering and recording makes it
 * due again after the lease and delivers it once more with the same id, which the channel passes to the receiver as
 * the idempotency key; nothing is ever lost.
 */
@Component
public class Dispatcher {
  /** What one round did. */
  public record Round(int sent, int failed, int retrying, int skipped, int held, int fannedOut) {
    public int handled() { return sent + failed + retrying + skipped + held + fannedOut; }
  }

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Outbox outbox;
  private final Recipients recipients;
  private final Templates templates;
  private final DistrictProfile district;
  private final DispatchSettings settings;
  private final Map<String, DeliveryChannel> channels;
  private final Clock clock;
  private final boolean enabled;
  private volatile boolean started;
  private volatile Boolean postgres;

  @Autowired
  Dispatcher(JdbcTemplate jdbc, TransactionTemplate tx, Outbox outbox, Recipients recipients, Templates templates,
      DistrictProfile district, DispatchSettings settings, List<DeliveryChannel> channels, Clock clock,
      @Value("${gridwatch.notification.enabled:true}") boolean enabled) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.outbox = outbox;
    this.recipients = recipients;
    this.templates = templates;
    this.district = district;
    this.settings = settings;
    this.channels = channels.stream().collect(Collectors.toUnmodifiableMap(DeliveryChannel::name, Function.identity()));
    this.clock = clock;
    this.enabled = enabled;
  }

  /** Another dispatcher on the same data with other channels and settings (tests: a flaky channel, a restarted node). */
  Dispatcher with(List<DeliveryChannel> otherChannels, DispatchSettings otherSettings) {
    return new Dispatcher(jdbc, tx, outbox, recipients, templates, district, otherSettings, otherChannels, clock, true);
  }

  /** Start-up has finished; until then a tick does nothing (fanning out to a unit needs the catalog and the roster). */
  @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
  void started() { started = true; }

  @Scheduled(fixedDelayString = "${gridwatch.notification.interval:PT10S}", initialDelayString = "PT15S")
  void tick() {
    if (!enabled || !started) return;
    Round r = runAt(clock.instant());
    if (r.handled() > 0) log.info("Outbox: {}", r);
  }

  /** One round at {@code now}: every message due then (children made by a fan-out in this round included). */
  public Round runAt(Instant now) { return runAt(now, null); }

  /** As {@link #runAt(Instant)}, only messages of {@code template} (null: all); tests keep to their own messages. */
  private static final String UNKNOWN_ENDPOINT = "unknown endpoint";

  public Round runAt(Instant at, String template) {
    // both stores keep microseconds, and may round a finer instant up: the round's times are the stored ones
    Instant now = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    Tally t = new Tally();
    for (int pass = 0; pass < 3; pass++) { // a fan-out's children are due at once: a later pass of this round sends them
      List<Long> claimed = claim(now, template);
      if (claimed.isEmpty()) break;
      for (long id : claimed) {
        try {
          handle(id, now, t);
        } catch (RuntimeException e) {
          // a bug or the database gone: the claim lease makes the message due again; never its text in the log
          log.warn("Outbox message {} not handled: {}", id, e.getClass().getSimpleName());
        }
      }
    }
    return t.round();
  }

  private List<Long> claim(Instant now, String template) {
    // the lease runs from the later of the round's time and the clock's: a later pass of a long round claims afresh
    Instant from = clock.instant().isAfter(now) ? clock.instant() : now;
    Timestamp until = Timestamp.from(from.plus(settings.claimLease()));
    return tx.execute(s -> {
      List<Object> args = new ArrayList<>(List.of(Timestamp.from(now)));
      if (template != null) args.add(template);
      List<Object[]> due = jdbc.query("SELECT id, next_attempt_at FROM outbox_message WHERE status = 'PENDING' AND next_attempt_at <= ?"
          + (template == null ? "" : " AND template = ?") + " ORDER BY next_attempt_at, id LIMIT " + settings.batch()
          + (postgres() ? " FOR UPDATE SKIP LOCKED" : ""),
          (rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2)}, args.toArray());
      List<Long> mine = new ArrayList<>();
      for (Object[] d : due) {
        if (jdbc.update("UPDATE outbox_message SET next_attempt_at = ? WHERE id = ? AND status = 'PENDING' AND next_attempt_at = ?",
            until, d[0], d[1]) == 1) mine.add((Long) d[0]);
      }
      return mine;
    });
  }

  private record Row(long id, String template, RecipientKind kind, String recipient, String channel,
      Map<String, String> params, Instant createdAt, int attempts) {}

  private void handle(long id, Instant now, Tally t) {
    Row m = jdbc.queryForObject("SELECT id, template, recipient_kind, recipient, channel, params, created_at, attempts"
        + " FROM outbox_message WHERE id = ?", (rs, n) -> new Row(rs.getLong(1), rs.getString(2),
        RecipientKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), JSON.readValue(rs.getString(6), PARAMS),
        rs.getTimestamp(7).toInstant(), rs.getInt(8)), id);
    if (m.kind().fansOut()) {
      fanOut(m, now);
      t.fannedOut++;
      return;
    }
    Target target = target(m, now);
    if (UNKNOWN_ENDPOINT.equals(target.skip())) {
      // a configuration gap, not the recipient's choice: retried, and FAILED in the end where an admin can retry it
      failed(m, UNKNOWN_ENDPOINT, now, t);
      return;
    }
    if (target.skip() != null) {
      finish(id, "SKIPPED", null, target.skip(), now);
      t.skipped++;
      return;
    }
    if (target.holdUntil() != null) {
      jdbc.update("UPDATE outbox_message SET next_attempt_at = ? WHERE id = ? AND status = 'PENDING'",
          Timestamp.from(target.holdUntil()), id);
      t.held++;
      return;
    }
    DeliveryChannel channel = channels.get(target.channel());
    if (channel == null) {
      finish(id, "SKIPPED", null, "no adapter", now);
      t.skipped++;
      return;
    }
    Delivery d = new Delivery(id, m.template(), m.kind(), target.language(),
        templates.render(m.template(), target.language(), m.params()), m.params(), m.createdAt(), target.url(), target.secret());
    try {
      channel.deliver(d);
    } catch (Exception e) {
      failed(m, e instanceof DeliveryFailed ? e.getMessage() : e.getClass().getSimpleName(), now, t);
      return;
    }
    finish(id, "SENT", channel.name(), null, now);
    t.sent++;
  }

  /** Where a message goes: a channel and address, or why it is skipped, or until when it waits (quiet hours). */
  private record Target(String channel, String language, String url, String secret, String skip, Instant holdUntil) {
    static Target skip(String why) { return new Target(null, null, null, null, why, null); }
  }

  private Target target(Row m, Instant now) {
    switch (m.kind()) {
      case ENDPOINT -> {
        DispatchSettings.Endpoint e = settings.endpoints().get(m.recipient());
        if (e == null || e.url() == null || e.url().isBlank()) return Target.skip(UNKNOWN_ENDPOINT);
        return new Target(m.channel() == null ? WebhookChannel.NAME : m.channel(), "zh", e.url(), e.secret(), null, null);
      }
      case REPORTER -> {
        Recipients.Reporter r = recipients.reporterOf(m.recipient()).orElse(null);
        if (r == null || !r.hasContact()) return Target.skip("no address");
        // a reporter without an account left only a phone or e-mail: told through SMS when an adapter exists
        if (r.account() == null) return new Target(m.channel() == null ? "SMS" : m.channel(), "zh", null, null, null, null);
        return person(m, r.account(), now);
      }
      case USER -> { return person(m, m.recipient(), now); }
      default -> throw new IllegalStateException("not a single recipient: " + m.kind());
    }
  }

  private Target person(Row m, String username, Instant now) {
    Preference p = recipients.preferenceOf(username);
    if (p.optedOutOf(m.template())) return Target.skip("opted out");
    QuietHours quiet = p.quietHours() != null ? p.quietHours() : settings.quietHours();
    if (quiet != null && !settings.urgentTemplates().contains(m.template())) {
      Instant end = quiet.endAfter(now, district.timeZone());
      if (end.isAfter(now)) return new Target(null, null, null, null, null, end);
    }
    String channel = m.channel() != null ? m.channel() : p.channel();
    if (WebhookChannel.NAME.equals(channel) && p.webhookUrl() == null) return Target.skip("no address");
    return new Target(channel, p.language(), p.webhookUrl(), null, null, null);
  }

  /** One child per person, due at the round's time (so a later pass of this round sends them), the parent FANNED_OUT. */
  private void fanOut(Row m, Instant now) {
    java.util.Set<String> people = switch (m.kind()) {
      case UNIT -> recipients.ofUnit(m.recipient(), clock.instant());
      case CASE_SUBSCRIBERS -> recipients.ofCase(m.recipient());
      case AREA_SUBSCRIBERS -> recipients.ofArea(m.recipient());
      default -> throw new IllegalStateException();
    };
    tx.executeWithoutResult(s -> {
      for (String person : people) {
        outbox.enqueue(new OutboxMessage(m.template(), RecipientKind.USER, person, m.channel(), m.params(),
            m.id() + ":" + person), m.id());
      }
      jdbc.update("UPDATE outbox_message SET next_attempt_at = ? WHERE parent_id = ? AND status = 'PENDING' AND attempts = 0",
          Timestamp.from(now), m.id());
      jdbc.update("UPDATE outbox_message SET status = 'FANNED_OUT', sent_at = ? WHERE id = ? AND status = 'PENDING'",
          Timestamp.from(now), m.id());
    });
  }

  private void failed(Row m, String reason, Instant now, Tally t) {
    int attempts = m.attempts() + 1;
    String error = reason.length() > 400 ? reason.substring(0, 400) : reason;
    if (attempts >= settings.maxAttempts()) {
      jdbc.update("UPDATE outbox_message SET status = 'FAILED', attempts = ?, last_error = ? WHERE id = ? AND status = 'PENDING'",
          attempts, error, m.id());
      t.failed++;
    } else {
      jdbc.update("UPDATE outbox_message SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ? AND status = 'PENDING'",
          attempts, error, Timestamp.from(now.plus(settings.backoffAfter(attempts))), m.id());
      t.retrying++;
    }
  }

  private void finish(long id, String status, String via, String reason, Instant now) {
    jdbc.update("UPDATE outbox_message SET status = ?, sent_at = ?, delivered_via = ?, last_error = ? WHERE id = ? AND status = 'PENDING'",
        status, "SENT".equals(status) ? Timestamp.from(now) : null, via, reason, id);
  }

  private boolean postgres() {
    if (postgres == null) {
      postgres = "PostgreSQL".equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()));
    }
    return postgres;
  }

  private static final class Tally {
    int sent, failed, retrying, skipped, held, fannedOut;

    Round round() { return new Round(sent, failed, retrying, skipped, held, fannedOut); }
  }
}
