package org.gridwatch.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The rounding rule as configured: the thresholds are settings, and a nonsensical pair is refused at start. */
class HoursRuleTest {
  @Test
  void otherThresholdsMoveTheBoundaries() {
    HoursRule strict = new HoursRule(29, 29); // a district that credits only from half past, and then a whole hour
    assertThat(strict.hours(29)).isEqualByComparingTo("0");
    assertThat(strict.hours(30)).isEqualByComparingTo("1");
    assertThat(strict.hours(89)).isEqualByComparingTo("1");
    assertThat(strict.hours(0)).isEqualByComparingTo("0");
  }

  @Test
  void thresholdsOutOfOrderAreRefused() {
    assertThatThrownBy(() -> new HoursRule(45, 15)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HoursRule(10, 60)).isInstanceOf(IllegalArgumentException.class);
  }
}
