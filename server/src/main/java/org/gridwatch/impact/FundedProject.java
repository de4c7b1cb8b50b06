package org.gridwatch.impact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gridwatch.funding.ProjectStatus;
import org.locationtech.jts.geom.Geometry;

/**
 * What the outcomes of a project are computed from, read straight from the project tables: its status, provider,
 * service area, the days it ran, its target grids (communities expanded), categories, KPIs and tranche sums.
 *
 * @param runsFrom the round's first running day (a project not started yet runs from it)
 */
record FundedProject(long id, long roundId, int year, ProjectStatus status, long providerId, Geometry serviceArea,
    LocalDate runsFrom, LocalDate startedOn, LocalDate endedOn, Set<String> targetGrids, List<String> categories,
    int kpiBeneficiaries, int kpiSessions, BigDecimal released, BigDecimal stopped, BigDecimal pending) {

  /** Activities may be recorded from contract to the final review. */
  static final Set<ProjectStatus> RECORDING = java.util.EnumSet.of(ProjectStatus.CONTRACTED, ProjectStatus.RUNNING,
      ProjectStatus.MIDTERM_REVIEW, ProjectStatus.RECTIFYING, ProjectStatus.FINAL_REVIEW);

  /** Funds stay committed from the contract on: the tranches not stopped (released or still pending). */
  BigDecimal committed() {
    boolean contracted = status.ordinal() >= ProjectStatus.CONTRACTED.ordinal();
    return contracted ? released.add(pending) : BigDecimal.ZERO.setScale(2);
  }

  boolean isPublic() { return ProjectStatus.PUBLIC.contains(status); }
}
