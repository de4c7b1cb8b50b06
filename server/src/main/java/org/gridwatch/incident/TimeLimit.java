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

  public enum Unit { WORKING_HOURS, WORKING_DAYS, CALENDAR_MINUTES, CALENDAR_HOURS }

  @Override
  public String toString() { return amount + " " + unit.name().toLowerCase().replace('_', ' '); }
}
