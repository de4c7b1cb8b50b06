package org.gridwatch.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridwatch.area.AreaCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The public Java lookup of a project's facts, whatever its status (callers decide what to show). */
@Component
public class Projects {
  private final ProjectStore store;
  private final AreaCatalog areas;
  private final JdbcTemplate jdbc;

  Projects(ProjectStore store, AreaCatalog areas, JdbcTemplate jdbc) {
    this.store = store;
    this.areas = areas;
    this.jdbc = jdbc;
  }

  /** The ids of a round's projects (or, with {@code roundId} null, of every round of {@code year}) in one of the statuses. */
  @Transactional(readOnly = true)
  public List<Long> ids(Long roundId, Integer year, java.util.Set<ProjectStatus> statuses) {
    String in = ProjectStatus.sqlList(statuses);
    return roundId != null
        ? jdbc.queryForList("SELECT id FROM project WHERE round_id = ? AND status IN (" + in + ") ORDER BY id", Long.class, roundId)
        : jdbc.queryForList("SELECT p.id FROM project p JOIN funding_round r ON r.id = p.round_id WHERE r.fiscal_year = ?"
            + " AND p.status IN (" + in + ") ORDER BY p.id", Long.class, year);
  }

  @Transactional(readOnly = true)
  public Optional<ProjectFacts> facts(long id) {
    Optional<ProjectRow> found = store.find(id);
    if (found.isEmpty()) return Optional.empty();
    ProjectRow p = found.get();
    record Round(int year, LocalDate runsFrom) {}
    Round round = jdbc.queryForObject("SELECT fiscal_year, runs_from FROM funding_round WHERE id = ?",
        (rs, i) -> new Round(rs.getInt(1), rs.getObject(2, LocalDate.class)), p.roundId());
    List<String> targets = store.areas(id);
    AreaCatalog.Snapshot s = areas.now();
    List<String> grids = new ArrayList<>();
    for (String code : targets) s.find(code).ifPresent(a -> grids.addAll(s.gridsUnder(a)));
    BigDecimal[] sums = {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)};
    for (var t : store.tranches(id)) sums[t.status().ordinal()] = sums[t.status().ordinal()].add(t.amount());
    return Optional.of(new ProjectFacts(id, p.roundId(), round.year(), round.runsFrom(), p.providerId(), p.title(), p.status(), store.serviceArea(id), targets,
        grids.stream().distinct().sorted().toList(), store.categories(id), p.budget(), p.startedOn(), p.endedOn(),
        new ProjectFacts.Kpis(p.kpiBeneficiaries(), p.kpiSessions(), p.kpiSatisfaction()),
        sums[TrancheStatus.RELEASED.ordinal()], sums[TrancheStatus.STOPPED.ordinal()], sums[TrancheStatus.PENDING.ordinal()]));
  }

}
