package org.gridwatch.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridwatch.area.DistrictProfile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox dispatcher on real storage: a channel that fails every third call loses nothing and sends nothing twice,
 * also across a crash and a restarted dispatcher; the backoff doubles; FAILED after the last attempt; opt-out and quiet
 * hours. Each test sends only its own template (runAt with a template), so the demo's messages are left alone.
 */
abstract class DispatcherContract {
  @Autowired Dispatcher dispatcher;
  @Autowired Outbox outbox;
  @Autowired JdbcTemplate jdbc;
  @Autowired DistrictProfile district;

  static final String RECEIVER = "test-receiver";

  static String template(String what) { return "T_" + what + "_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT); }

  static DispatchSettings settings(int maxAttempts, QuietHours quiet, Set<String> urgent) {
    return new DispatchSettings(200, maxAttempts, Duration.ofMinutes(1), Duration.ofMinutes(30), Duration.ofMinutes(5), quiet,
        urgent, Map.of(RECEIVER, new DispatchSettings.Endpoint("http://127.0.0.1:9/unused", null)));
  }

  /** A receiver that drops a repeat of a message id it already accepted (what the idempotency key is for). */
  static final class Receiver {
    final Map<Long, Integer> seen = new ConcurrentHashMap<>();
    final Map<Long, Integer> accepted = new ConcurrentHashMap<>();

    void take(long id) {
      if (seen.merge(id, 1, Integer::sum) == 1) accepted.merge(id, 1, Integer::sum);
    }
  }

  /** Fails every third call (before the receiver gets it); may "crash the process" right after one delivery. */
  static final class FlakyChannel implements DeliveryChannel {
    final AtomicInteger calls = new AtomicInteger();
    final Receiver receiver;
    final int crashAfterCall;

    FlakyChannel(Receiver receiver, int crashAfterCall) {
      this.receiver = receiver;
      this.crashAfterCall = crashAfterCall;
    }

    @Override public String name() { return "FLAKY"; }

    @Override
    public void deliver(Delivery d) throws DeliveryFailed {
      int n = calls.incrementAndGet();
      if (n % 3 == 0) throw new DeliveryFailed("HTTP 503");
      receiver.take(d.messageId());
      if (n == crashAfterCall) throw new Crash();
    }
  }

  /** The process dying between delivering and recording: nothing in the dispatcher catches an Error. */
  static final class Crash extends Error {}

  /** Records what it is given, under the name of the channel it stands in for. */
  static final class Recording implements DeliveryChannel {
    final String name;
    final List<Delivery> got = new ArrayList<>();

    Recording(String name) { this.name = name; }

    @Override public String name() { return name; }

    @Override public synchronized void deliver(Delivery d) { got.add(d); }
  }

  List<Long> enqueue(String template, int n) {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(outbox.enqueue(new OutboxMessage(template, RecipientKind.ENDPOINT, RECEIVER, "FLAKY", Map.of("n", "" + i),
          template + ":" + i)));
    }
    return ids;
  }

  String status(long id) { return jdbc.queryForObject("SELECT status FROM outbox_message WHERE id = ?", String.class, id); }

  int attempts(long id) { return jdbc.queryForObject("SELECT attempts FROM outbox_message WHERE id = ?", Integer.class, id); }

  Instant due(long id) {
    return jdbc.queryForObject("SELECT next_attempt_at FROM outbox_message WHERE id = ?", java.sql.Timestamp.class, id).toInstant();
  }

  long pending(String template) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE template = ? AND status = 'PENDING'", Long.class, template);
  }

  /** Rounds a minute apart until nothing of the template is pending (at most {@code rounds}); the time reached. */
  Instant drain(Dispatcher d, String template, Instant from, int rounds) {
    Instant now = from;
    for (int i = 0; i < rounds && pending(template) > 0; i++) {
      d.runAt(now, template);
      now = now.plus(Duration.ofMinutes(1));
    }
    return now;
  }

  @Test
  void aChannelFailingEveryThirdCallLosesNothingAndSendsNothingTwice() {
    String template = template("FLAKY");
    List<Long> ids = enqueue(template, 30);
    Receiver receiver = new Receiver();
    FlakyChannel flaky = new FlakyChannel(receiver, -1);
    drain(dispatcher.with(List.of(flaky), settings(8, null, Set.of())), template, Instant.now(), 40);

    assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo("SENT"));
    assertThat(receiver.seen.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(receiver.seen.values()).as("each message reached the receiver once").containsOnly(1);
    assertThat(flaky.calls.get()).as("every third call failed and was retried").isGreaterThan(30);
    assertThat(ids.stream().filter(id -> attempts(id) > 0)).as("the failed attempts are recorded").isNotEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE template = ? AND delivered_via = 'FLAKY'",
        Long.class, template)).isEqualTo(30L);
  }

  @Test
  void aCrashBetweenDeliveringAndRecordingIsDeliveredAgainWithTheSameIdAfterARestart() {
    String template = template("CRASH");
    List<Long> ids = enqueue(template, 12);
    Receiver receiver = new Receiver();
    Instant start = Instant.now();
    Dispatcher first = dispatcher.with(List.of(new FlakyChannel(receiver, 5)), settings(8, null, Set.of()));
    assertThatThrownBy(() -> first.runAt(start, template)).isInstanceOf(Crash.class);
    long crashed = receiver.seen.keySet().stream().filter(id -> "PENDING".equals(status(id)) && attempts(id) == 0)
        .filter(id -> due(id).isAfter(start)).findFirst().orElseThrow();
    assertThat(due(crashed)).as("claimed: hidden from other rounds for the lease").isAfter(start.plus(Duration.ofMinutes(4)));

    // the restarted node: a new dispatcher on the same data, with a healthy channel from now on
    Dispatcher restarted = dispatcher.with(List.of(new FlakyChannel(receiver, -1)), settings(8, null, Set.of()));
    drain(restarted, template, start.plus(Duration.ofMinutes(1)), 40);

    assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo("SENT"));
    assertThat(receiver.accepted.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(receiver.accepted.values()).as("the receiver applied each message once").containsOnly(1);
    assertThat(receiver.seen.get(crashed)).as("only the message caught by the crash came twice, with its id").isEqualTo(2);
    assertThat(receiver.seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)).containsExactly(crashed);
  }

  @Test
  void failedAttemptsBackOffDoublingThenTheMessageFails() {
    String template = template("BACKOFF");
    long id = enqueue(template, 1).get(0);
    DeliveryChannel down = new DeliveryChannel() {
      @Override public String name() { return "FLAKY"; }
      @Override public void deliver(Delivery d) throws DeliveryFailed { throw new DeliveryFailed("HTTP 503"); }
    };
    Dispatcher d = dispatcher.with(List.of(down), settings(4, null, Set.of()));
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);

    d.runAt(t0, template);
    assertThat(attempts(id)).isEqualTo(1);
    assertThat(due(id)).isEqualTo(t0.plus(Duration.ofMinutes(1)));
    d.runAt(t0.plusSeconds(30), template);
    assertThat(attempts(id)).as("not due yet").isEqualTo(1);
    d.runAt(t0.plus(Duration.ofMinutes(1)), template);
    assertThat(attempts(id)).isEqualTo(2);
    assertThat(due(id)).isEqualTo(t0.plus(Duration.ofMinutes(3)));
    d.runAt(t0.plus(Duration.ofMinutes(3)), template);
    assertThat(due(id)).isEqualTo(t0.plus(Duration.ofMinutes(7)));
    d.runAt(t0.plus(Duration.ofMinutes(7)), template);
    assertThat(status(id)).isEqualTo("FAILED");
    assertThat(attempts(id)).isEqualTo(4);
    assertThat(jdbc.queryForObject("SELECT last_error FROM outbox_message WHERE id = ?", String.class, id)).isEqualTo("HTTP 503");
  }

  @Test
  void aPersonWhoOptedOutIsSkippedOthersAreSent() {
    String template = template("OPT");
    String quitter = "optout-" + UUID.randomUUID().toString().substring(0, 8);
    String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.update("INSERT INTO notification_preference (username, language, channel, opt_out, updated_at) VALUES (?, 'en', 'LOG', ?, ?)",
        quitter, "CASE_VISIT," + template, java.sql.Timestamp.from(Instant.now()));
    long toQuitter = outbox.enqueue(new OutboxMessage(template, RecipientKind.USER, quitter, null, Map.of(), template + ":q"));
    long toOther = outbox.enqueue(new OutboxMessage(template, RecipientKind.USER, other, null, Map.of(), template + ":o"));
    Recording log = new Recording("LOG");
    dispatcher.with(List.of(log), settings(8, null, Set.of())).runAt(Instant.now(), template);

    assertThat(status(toQuitter)).isEqualTo("SKIPPED");
    assertThat(status(toOther)).isEqualTo("SENT");
    assertThat(log.got).extracting(Delivery::messageId).containsExactly(toOther);
  }

  @Test
  void quietHoursHoldMessagesToPeopleUntilTheyEndButNotUrgentOnes() {
    String template = template("QUIET");
    String urgent = template("URGENT");
    String person = "quiet-" + UUID.randomUUID().toString().substring(0, 8);
    long calm = outbox.enqueue(new OutboxMessage(template, RecipientKind.USER, person, null, Map.of(), template + ":1"));
    long now = outbox.enqueue(new OutboxMessage(urgent, RecipientKind.USER, person, null, Map.of(), urgent + ":1"));
    Recording log = new Recording("LOG");
    Dispatcher d = dispatcher.with(List.of(log), settings(8, QuietHours.parse("22:00-07:00"), Set.of(urgent)));
    LocalDate tomorrow = LocalDate.now(district.timeZone()).plusDays(1);
    Instant lateEvening = tomorrow.atTime(23, 30).atZone(district.timeZone()).toInstant();
    Instant morning = tomorrow.plusDays(1).atTime(LocalTime.of(7, 0)).atZone(district.timeZone()).toInstant();

    d.runAt(lateEvening, template);
    d.runAt(lateEvening, urgent);
    assertThat(status(calm)).isEqualTo("PENDING");
    assertThat(attempts(calm)).as("waiting is not a failed attempt").isZero();
    assertThat(due(calm)).as("due when the quiet hours end, district time").isEqualTo(morning);
    assertThat(status(now)).isEqualTo("SENT");
    d.runAt(morning.minusSeconds(60), template);
    assertThat(status(calm)).isEqualTo("PENDING");
    d.runAt(morning, template);
    assertThat(status(calm)).isEqualTo("SENT");
    assertThat(log.got).extracting(Delivery::messageId).containsExactly(now, calm);
  }

  @Test
  void aMessageForAChannelWithoutAdapterIsSkipped() {
    String template = template("SMS");
    long id = outbox.enqueue(new OutboxMessage(template, RecipientKind.ENDPOINT, RECEIVER, "SMS", Map.of(), template + ":1"));
    dispatcher.with(List.of(new Recording("LOG")), settings(8, null, Set.of())).runAt(Instant.now(), template);
    assertThat(status(id)).isEqualTo("SKIPPED");
    assertThat(jdbc.queryForObject("SELECT last_error FROM outbox_message WHERE id = ?", String.class, id)).isEqualTo("no adapter");
  }
}
