package org.gridwatch.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The backoff itself, on a clock the test moves: per account, per address, doubling, capped, forgotten after an hour. */
class LoginThrottleTest {
  static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-12-02T08:00:00Z");
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
    void advance(Duration d) { now = now.plus(d); }
  }

  final MovingClock clock = new MovingClock();
  final LoginThrottle throttle = new LoginThrottle(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(15), clock);

  @Test
  void theWaitDoublesWithEveryFurtherFailureUpToTheCap() {
    for (int i = 0; i < 4; i++) throttle.failed("wang", "10.0.0.1");
    assertThat(throttle.waitFor("wang", "10.0.0.1")).as("four failures are free").isEmpty();
    throttle.failed("wang", "10.0.0.1");
    assertThat(throttle.waitFor("wang", "10.0.0.9")).contains(Duration.ofSeconds(1));
    throttle.failed("wang", "10.0.0.1");
    assertThat(throttle.waitFor("wang", "10.0.0.1")).contains(Duration.ofSeconds(2));
    for (int i = 0; i < 20; i++) throttle.failed("wang", "10.0.0.2");
    assertThat(throttle.waitFor("wang", "10.0.0.3")).contains(Duration.ofMinutes(15));
    assertThat(throttle.waitFor("li", "10.0.0.3")).as("another account elsewhere is not held up").isEmpty();
  }

  @Test
  void oneAddressTryingManyAccountsIsHeldUpToo() {
    for (int i = 0; i < 20; i++) throttle.failed("user" + i, "10.0.0.7");
    assertThat(throttle.waitFor("someone-new", "10.0.0.7")).isPresent();
    assertThat(throttle.waitFor("someone-new", "10.0.0.8")).isEmpty();
  }

  @Test
  void theWaitEndsAndAnHourWithoutFailuresStartsTheCountAgain() {
    for (int i = 0; i < 5; i++) throttle.failed("zhao", "10.0.0.1");
    clock.advance(Duration.ofSeconds(2));
    assertThat(throttle.waitFor("zhao", "10.0.0.1")).isEmpty();
    clock.advance(Duration.ofHours(2));
    throttle.failed("zhao", "10.0.0.1");
    assertThat(throttle.waitFor("zhao", "10.0.0.1")).as("the count began again at one").isEmpty();
  }
}
