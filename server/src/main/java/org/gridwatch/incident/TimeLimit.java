package org.gridwatch.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A time limit: an amount of working hours or days (by the working calendar) or of calendar minutes or hours. */
@Embeddable
public record TimeLimit(
    @Column(name = "amount") int amount,
    @Enumerated(EnumType.STRING) @Column(name = "unit") Unit unit) {

  /** The units, each with the largest amount a limit may have: about a year. */
  public enum Unit {
    WORKING_HOURS(8_760), WORKING_DAYS(365), CALENDAR_MINUTES(525_600), CALENDAR_HOURS(8_760);

    /** The largest {@link #max()} of any unit. */
    public static final int LARGEST = 525_600;
    private final int max;

    Unit(int max) { this.max = max; }

    /** The largest amount of this unit a time limit may have. */
    public int max() { return max; }
  }

  @Override
  public String toString() { return amount + " " + unit.name().toLowerCase().replace('_', ' '); }
}
