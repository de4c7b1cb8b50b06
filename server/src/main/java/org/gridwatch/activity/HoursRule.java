package org.gridwatch.activity;

import java.math.BigDecimal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How minutes of service become credited hours ({@code gridwatch.volunteering.rounding.*}): every whole hour counts;
 * the remainder counts 0 up to and including {@code zero-up-to-minutes} (15), half an hour up to and including
 * {@code half-up-to-minutes} (45), a whole hour above that — the published local rule by default. Thread-safe.
 */
@Component
class HoursRule {
  private final int zeroUpTo;
  private final int halfUpTo;

  HoursRule(@Value("${gridwatch.volunteering.rounding.zero-up-to-minutes:15}") int zeroUpTo,
      @Value("${gridwatch.volunteering.rounding.half-up-to-minutes:45}") int halfUpTo) {
    if (zeroUpTo < 0 || halfUpTo < zeroUpTo || halfUpTo > 59) {
      throw new IllegalArgumentException("gridwatch.volunteering.rounding: need 0 <= zero-up-to-minutes <= half-up-to-minutes < 60, got "
          + zeroUpTo + " and " + halfUpTo);
    }
    this.zeroUpTo = zeroUpTo;
    this.halfUpTo = halfUpTo;
  }

  /** The hours {@code minutes} of service count for, in halves. */
  BigDecimal hours(long minutes) {
    long whole = minutes / 60;
    long rest = minutes % 60;
    BigDecimal part = rest <= zeroUpTo ? BigDecimal.ZERO : rest <= halfUpTo ? new BigDecimal("0.5") : BigDecimal.ONE;
    return BigDecimal.valueOf(whole).add(part).setScale(1);
  }
}
