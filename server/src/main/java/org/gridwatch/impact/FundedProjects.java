package org.gridwatch.impact;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridwatch.funding.ProjectFacts;
import org.gridwatch.funding.ProjectStatus;
import org.gridwatch.funding.Projects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@link FundedProject}s outcomes are computed from, as the funding capability's own lookup
 * ({@link Projects#facts}) reads them.
 */
@Component
class FundedProjects {
  private final Projects projects;
  private final JdbcTemplate jdbc;

  FundedProjects(Projects projects, JdbcTemplate jdbc) {
    this.projects = projects;
    this.jdbc = jdbc;
  }

  Optional<FundedProject> find(long id) { return projects.facts(id).map(FundedProjects::of); }

  /** The projects of a round, or of every round of a fiscal year, in one of {@code statuses}. */
  List<FundedProject> ofRound(long roundId, Set<ProjectStatus> statuses) { return all(projects.ids(roundId, null, statuses)); }

  List<FundedProject> ofYear(int year, Set<ProjectStatus> statuses) { return all(projects.ids(null, year, statuses)); }

  /** Locks the project's row until the transaction ends: activities are written against a status that holds. */
  void lock(long id) { jdbc.queryForList("SELECT id FROM project WHERE id = ? FOR UPDATE", Long.class, id); }

  private List<FundedProject> all(List<Long> ids) {
    return ids.stream().map(this::find).flatMap(Optional::stream).toList();
  }

  private static FundedProject of(ProjectFacts f) {
    return new FundedProject(f.id(), f.roundId(), f.roundYear(), f.status(), f.providerId(), f.serviceArea(), f.roundRunsFrom(),
        f.startedOn(), f.endedOn(), Set.copyOf(f.targetGridCodes()), f.categories(), f.kpis().beneficiaries(), f.kpis().sessions(),
        money(f.released()), money(f.stopped()), money(f.pending()));
  }

  static BigDecimal money(BigDecimal v) { return (v == null ? BigDecimal.ZERO : v).setScale(2, java.math.RoundingMode.HALF_UP); }
}
