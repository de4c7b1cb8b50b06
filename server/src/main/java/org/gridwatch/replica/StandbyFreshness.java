package org.gridwatch.replica;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far behind the primary the standby is, checked in the background every {@code check-interval} with two tiny
 * queries and read by the request threads from a volatile field (no query on the request path).
 *
 * <p>Staleness is measured by WAL position, not by {@code pg_last_xact_replay_timestamp()} (which grows while the
 * primary is idle although nothing is missing): each check notes the primary's WAL write position with the time it
 * was read; once the standby's replay position has passed a noted position, everything committed before that time
 * is on the standby. The standby is fresh while the newest such time is within {@code max-lag}. A standby that does
 * not answer, is not in recovery (promoted, or not a standby at all) or was not checked lately is not fresh.
 *
 * <p>Thread-safe: one checker thread writes, any thread reads.
 */
final class StandbyFreshness implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StandbyFreshness.class);
  private static final String PRIMARY_POSITION = "select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint";
  private static final String STANDBY_POSITION =
      "select pg_is_in_recovery(), coalesce(pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::bigint, -1)";
  /** Noted primary positions kept while the standby has not passed them (a bounded history). */
  private static final int MAX_NOTES = 4096;

  private record Note(long atNanos, long position) {}

  /** What the last check found; {@code caughtUpAtNanos}: everything committed before it is on the standby. */
  private record State(boolean standby, long replayed, long caughtUpAtNanos, long checkedAtNanos) {}

  private final DataSource primary;
  private final DataSource standby;
  private final long maxLagNanos;
  private final long intervalNanos;
  private final ArrayDeque<Note> notes = new ArrayDeque<>();
  private final ScheduledExecutorService checker;
  private volatile State state = new State(false, -1, 0, 0);
  private volatile boolean warned;

  StandbyFreshness(DataSource primary, DataSource standby, Duration maxLag, Duration interval) {
    this.primary = primary;
    this.standby = standby;
    this.maxLagNanos = maxLag.toNanos();
    this.intervalNanos = interval.toNanos();
    this.checker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "standby-freshness");
      t.setDaemon(true);
      return t;
    });
  }

  void start() {
    checker.scheduleWithFixedDelay(this::checkQuietly, 0, intervalNanos, TimeUnit.NANOSECONDS);
  }

  /** True if reads that may lag can go to the standby now. */
  boolean fresh() {
    State s = state;
    long now = System.nanoTime();
    // a checker that has not come back for three intervals (a hung standby) proves nothing
    return s.standby() && now - s.checkedAtNanos() <= 3 * intervalNanos + TimeUnit.SECONDS.toNanos(1)
        && now - s.caughtUpAtNanos() <= maxLagNanos;
  }

  /** The standby's replay position at the last check (bytes of WAL), -1 if unknown. */
  long replayed() {
    State s = state;
    return s.standby() ? s.replayed() : -1;
  }

  /** The primary's WAL write position now: what a client that just wrote must see replayed. */
  long primaryPosition() throws SQLException {
    try (Connection c = primary.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(PRIMARY_POSITION)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** One check; package-private so that a test can check now instead of waiting for the next interval. */
  synchronized void check() throws SQLException {
    long at = System.nanoTime();
    long position = primaryPosition();
    boolean inRecovery;
    long replayed;
    try (Connection c = standby.getConnection(); Statement st = c.createStatement()) {
      st.setQueryTimeout(2);
      try (ResultSet rs = st.executeQuery(STANDBY_POSITION)) {
        rs.next();
        inRecovery = rs.getBoolean(1);
        replayed = rs.getLong(2);
      }
    }
    if (!inRecovery) {
      notes.clear();
      state = new State(false, -1, 0, at);
      warnOnce("the replica is not in recovery (promoted, or not a standby): every read goes to the primary");
      return;
    }
    notes.addLast(new Note(at, position));
    if (notes.size() > MAX_NOTES) notes.removeFirst(); // only makes the standby look staler, never fresher
    long caughtUp = state.standby() ? state.caughtUpAtNanos() : 0;
    while (!notes.isEmpty() && notes.peekFirst().position() <= replayed) caughtUp = notes.removeFirst().atNanos();
    state = new State(true, replayed, caughtUp, at);
    warned = false;
  }

  private void checkQuietly() {
    try {
      check();
    } catch (SQLException | RuntimeException e) {
      synchronized (this) {
        notes.clear();
        state = new State(false, -1, 0, System.nanoTime());
      }
      warnOnce("checking the replica failed (" + e.getMessage() + "): every read goes to the primary");
    }
  }

  private void warnOnce(String message) {
    if (!warned) log.warn(message);
    warned = true;
  }

  @Override
  public void close() {
    checker.shutdownNow();
  }
}
