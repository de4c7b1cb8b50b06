package org.gridwatch.consultation.measures;

import java.time.LocalDate;
import java.util.List;

/**
 * The consultation figures of each area over a period of days (the district's time zone, both ends included). Rates
 * are null when their base is zero.
 *
 * @param attendancePerHundredHouseholds people present at held meetings per 100 households of the area
 * @param topicsFromResidents topics from a resident proposal or from cases; {@code topicsFromAbove}: from a need or a body
 * @param decisionsCarriedOutOnTime adopted decisions whose every task (at least one) was verified by its due day
 * @param casesClosedByConsultation cases resolved out of consultation (IN_CONSULTATION → RESOLVED), of {@code casesClosed}
 *     (every case resolved in the period)
 * @param mediationSuccessRate settled over closed (settled or not) mediations
 * @param disputesSettledInGrid neighbour disputes resolved in the period that were settled in their grid
 */
public record ConsultationFigures(String level, LocalDate from, LocalDate to, List<Area> areas) {

  public record Area(String code, String name, int meetingsHeld, int attendees, int households,
      Double attendancePerHundredHouseholds, int topics, int topicsFromResidents, int topicsFromAbove, int decisionsAdopted,
      int decisionsCarriedOutOnTime, Double carriedOutOnTimeRate, int casesClosedByConsultation, int casesClosed,
      Double closedByConsultationShare, int mediations, int mediationsSettled, int mediationsNotSettled,
      Double mediationSuccessRate, int disputesSettledInGrid) {}
}
