package org.gridwatch.funding;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.need.ProjectCoverage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grids each request category is served in by a running project. A project serves from its start (started_on, or
 * the round's runs_from while it has not started) until it ended (ended_on) while its status is one of
 * {@link ProjectStatus#SERVING}; a target community stands for all of its grids.
 */
@Component
class ServingProjects implements ProjectCoverage {
  private final JdbcTemplate jdbc;
  private final AreaCatalog areas;

  ServingProjects(JdbcTemplate jdbc, AreaCatalog areas) {
    this.jdbc = jdbc;
    this.areas = areas;
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, Set<String>> gridsServed(LocalDate day) {
    AreaCatalog.Snapshot s = areas.now();
    Map<String, Set<String>> out = new HashMap<>();
    jdbc.query("SELECT c.category_code, a.area_code FROM project p"
        + " JOIN funding_round r ON r.id = p.round_id"
        + " JOIN project_category c ON c.project_id = p.id JOIN project_area a ON a.project_id = p.id"
        + " WHERE p.status IN (" + ProjectStatus.sqlList(ProjectStatus.SERVING) + ")"
        + " AND COALESCE(p.started_on, r.runs_from) <= ? AND (p.ended_on IS NULL OR p.ended_on >= ?)", rs -> {
      Set<String> grids = out.computeIfAbsent(rs.getString(1), k -> new HashSet<>());
      s.find(rs.getString(2)).ifPresent(area -> grids.addAll(s.gridsUnder(area)));
    }, Date.valueOf(day), Date.valueOf(day));
    return out;
  }
}
