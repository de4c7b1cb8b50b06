package org.gridwatch.impact;

import java.math.BigDecimal;

/**
 * What a round's or a fiscal year's money did ({@code GET /api/v1/rounds/{id}/outcomes},
 * {@code GET /api/v1/funding/years/{year}/outcomes}), over its approved projects (ProjectStatus.PUBLIC).
 *
 * @param committed        tranches not stopped of the projects contracted or later
 * @param budgetUsedShare  committed / budget, 4 decimals
 * @param residentsReached known persons once each plus the participants of activities that named nobody
 * @param projects         how many projects were approved (立项) or got further
 */
record ProgrammeView(BigDecimal budget, BigDecimal committed, BigDecimal disbursed, BigDecimal stopped, Double budgetUsedShare,
    Evaluations evaluations, int residentsReached, Reach.Basis residentsBasis, int projects) {

  /** Published evaluation results (every stage and attempt): how many, how many passed, the share that passed. */
  record Evaluations(int published, int passed, Double passRate) {}
}
