package org.gridwatch.impact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.gridwatch.funding.ProjectStatus;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The figures of a round or of a whole fiscal year ({@link ProgrammeView}): aggregates only, public. */
@Service
class ProgrammeOutcomes {
  private final JdbcTemplate jdbc;
  private final FundedProjects projects;
  private final Reach reach;

  ProgrammeOutcomes(JdbcTemplate jdbc, FundedProjects projects, Reach reach) {
    this.jdbc = jdbc;
    this.projects = projects;
    this.reach = reach;
  }

  @Transactional(readOnly = true)
  public ProgrammeView ofRound(long roundId) {
    List<BigDecimal> budget = jdbc.queryForList("SELECT budget FROM funding_round WHERE id = ?", BigDecimal.class, roundId);
    if (budget.isEmpty()) {
      throw ProblemException.notFound("unknown-round", "Unknown round", Text.of("impact.no-round", roundId));
    }
    return figures(budget.get(0), projects.ofRound(roundId, ProjectStatus.PUBLIC));
  }

  @Transactional(readOnly = true)
  public ProgrammeView ofYear(int year) {
    if (year < 2000 || year > 2100) throw ProblemException.badInput("year", Text.of("impact.year-out-of-range", year));
    BigDecimal budget = jdbc.queryForObject("SELECT COALESCE(SUM(budget), 0) FROM funding_round WHERE fiscal_year = ?",
        BigDecimal.class, year);
    return figures(budget, projects.ofYear(year, ProjectStatus.PUBLIC));
  }

  private ProgrammeView figures(BigDecimal budget, List<FundedProject> funded) {
    BigDecimal committed = sum(funded.stream().map(FundedProject::committed).toList());
    BigDecimal disbursed = sum(funded.stream().map(FundedProject::released).toList());
    BigDecimal stopped = sum(funded.stream().map(FundedProject::stopped).toList());
    List<Long> ids = funded.stream().map(FundedProject::id).toList();
    Reach.Count people = reach.of(ids);
    Double used = budget.signum() == 0 ? null
        : committed.divide(budget, 4, RoundingMode.HALF_UP).doubleValue();
    return new ProgrammeView(FundedProjects.money(budget), committed, disbursed, stopped, used, evaluations(ids), people.people(),
        people.basis(), funded.size());
  }

  private ProgrammeView.Evaluations evaluations(List<Long> ids) {
    if (ids.isEmpty()) return new ProgrammeView.Evaluations(0, 0, null);
    int[] counts = new NamedParameterJdbcTemplate(jdbc).queryForObject("SELECT count(*),"
        + " COALESCE(SUM(CASE WHEN result = 'PASS' THEN 1 ELSE 0 END), 0) FROM project_evaluation"
        + " WHERE project_id IN (:ids) AND result IS NOT NULL AND published_at IS NOT NULL",
        new MapSqlParameterSource("ids", ids), (rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)});
    return new ProgrammeView.Evaluations(counts[0], counts[1], ProjectOutcomes.share(counts[1], counts[0]));
  }

  private static BigDecimal sum(List<BigDecimal> values) {
    return FundedProjects.money(values.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
  }
}
