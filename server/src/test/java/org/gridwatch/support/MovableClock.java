package org.gridwatch.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The application's clock in these tests: real time plus an offset a test moves forward (never back). */
public final class MovableClock extends Clock {
  private volatile Duration offset = Duration.ZERO;

  public void advance(Duration d) { offset = offset.plus(d); }

  /** Back to the real time: tests that move the clock call this after each test, as they share their context. */
  public void reset() { offset = Duration.ZERO; }

  @Override public Instant instant() { return Instant.now().plus(offset); }
  @Override public ZoneId getZone() { return ZoneOffset.UTC; }
  @Override public Clock withZone(ZoneId zone) { return Clock.offset(Clock.system(zone), offset); }

  @TestConfiguration
  public static class Config {
    @Bean
    @Primary
    MovableClock movableClock() { return new MovableClock(); }
  }
}
