package org.gridwatch.impact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a project's money did ({@code GET /api/v1/projects/{id}/outcomes}). Money in yuan; shares 0..1 with 4 decimals;
 * rates per 1,000 residents per year with 2 decimals. Activities outside the service area count in no figure here
 * ({@code outsideActivities} says how many there were).
 *
 * @param beneficiariesBasis UNIQUE (every counted activity names its persons), SUMMED (none does) or MIXED
 * @param costPerBeneficiary disbursed / beneficiaries; null with no beneficiaries
 * @param requestRate        null with {@code requestRateReason} when it cannot be computed
 */
record OutcomesView(long project, BigDecimal committed, BigDecimal disbursed, BigDecimal stopped, int beneficiaries,
    int beneficiariesTarget, Reach.Basis beneficiariesBasis, BigDecimal costPerBeneficiary, int sessions, int sessionsTarget,
    int outsideActivities, int gridsTargeted, int gridsReached, Double reachShare, RequestRate requestRate,
    String requestRateReason) {

  /**
   * The targeted categories' request rate before and after the start in the target grids, beside the same change in
   * comparison grids (served by no project of those categories in either period): a difference-in-differences figure,
   * indicative only (no randomisation, no control for trends).
   */
  record RequestRate(String category, List<String> categories, Rates target, ComparisonRates comparison,
      BigDecimal differenceInDifferences, boolean indicative, Period before, Period after) {}

  record Rates(long casesBefore, long casesAfter, long residents, BigDecimal before, BigDecimal after, BigDecimal change) {}

  record ComparisonRates(int grids, long casesBefore, long casesAfter, long residents, BigDecimal before, BigDecimal after,
      BigDecimal change) {}

  /** Both days included. */
  record Period(LocalDate from, LocalDate to, long days) {}
}
