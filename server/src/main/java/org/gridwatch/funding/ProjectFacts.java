package org.gridwatch.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * What other capabilities (impact) read of a project: its round, status, where it serves (the service area, the target
 * areas and the grids they stand for, communities expanded), what it answers, its money and its dates.
 *
 * @param roundRunsFrom the round's first running day (a project not started yet runs from it)
 * @param released the sum of the tranches released so far; {@code stopped} and {@code pending} likewise
 */
public record ProjectFacts(long id, long roundId, int roundYear, LocalDate roundRunsFrom, long providerId, String title,
    ProjectStatus status, Geometry serviceArea,
    List<String> targetAreaCodes, List<String> targetGridCodes, List<String> categories, BigDecimal budget, LocalDate startedOn,
    LocalDate endedOn, Kpis kpis, BigDecimal released, BigDecimal stopped, BigDecimal pending) {

  /** The project's targets: beneficiaries, sessions, satisfaction (per cent). */
  public record Kpis(int beneficiaries, int sessions, BigDecimal satisfaction) {}
}
