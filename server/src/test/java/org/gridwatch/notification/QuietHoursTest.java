package org.gridwatch.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Quiet hours over midnight and within a day, in the district's zone; the capped doubling backoff. */
class QuietHoursTest {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  static Instant at(String local) { return LocalDateTime.parse(local).atZone(ZONE).toInstant(); }

  @Test
  void aWindowOverMidnightEndsTheNextMorning() {
    QuietHours q = QuietHours.parse("22:00-07:00");
    assertThat(q.endAfter(at("2026-03-01T23:10"), ZONE)).isEqualTo(at("2026-03-02T07:00"));
    assertThat(q.endAfter(at("2026-03-02T06:59"), ZONE)).isEqualTo(at("2026-03-02T07:00"));
    assertThat(q.endAfter(at("2026-03-02T07:00"), ZONE)).as("the end itself is outside").isEqualTo(at("2026-03-02T07:00"));
    assertThat(q.endAfter(at("2026-03-01T21:59"), ZONE)).isEqualTo(at("2026-03-01T21:59"));
  }

  @Test
  void aWindowWithinADay() {
    QuietHours q = QuietHours.parse("12:00-14:00");
    assertThat(q.endAfter(at("2026-03-01T12:00"), ZONE)).isEqualTo(at("2026-03-01T14:00"));
    assertThat(q.endAfter(at("2026-03-01T23:00"), ZONE)).isEqualTo(at("2026-03-01T23:00"));
  }

  @Test
  void onlyHoursAndMinutesAreQuietHours() {
    assertThat(QuietHours.parse(" ")).isNull();
    for (String bad : new String[] {"24:00-07:00", "22:00", "22:00-22:00", "10pm-7am", "22:0-07:00"}) {
      assertThatThrownBy(() -> QuietHours.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void theBackoffDoublesUpToItsCap() {
    DispatchSettings s = new DispatchSettings(1, 8, Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofMinutes(5), null,
        Set.of(), Map.of());
    assertThat(s.backoffAfter(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.backoffAfter(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(s.backoffAfter(4)).isEqualTo(Duration.ofMinutes(8));
    assertThat(s.backoffAfter(5)).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.backoffAfter(60)).isEqualTo(Duration.ofMinutes(10));
  }
}
