package org.gridwatch.impact;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.funding.ProjectStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The grids some project answering one of the categories served at any time in a period: a project serves its target
 * grids (communities expanded) from its start (or its round's first running day while contracted and not started) to its
 * end; one never started (declined, terminated before running) served nowhere.
 */
@Component
class ServedGrids {
  private final JdbcTemplate jdbc;
  private final AreaCatalog areas;

  ServedGrids(JdbcTemplate jdbc, AreaCatalog areas) {
    this.jdbc = jdbc;
    this.areas = areas;
  }

  /** {@code from} included, {@code to} excluded. */
  Set<String> gridsServed(Collection<String> categories, LocalDate from, LocalDate to) {
    String in = String.join(", ", java.util.Collections.nCopies(categories.size(), "?"));
    List<Object> args = new ArrayList<>(categories);
    args.add(Date.valueOf(to));
    args.add(Date.valueOf(from));
    AreaCatalog.Snapshot s = areas.now();
    Set<String> grids = new HashSet<>();
    jdbc.query("SELECT DISTINCT a.area_code FROM project p JOIN funding_round r ON r.id = p.round_id"
        + " JOIN project_area a ON a.project_id = p.id"
        + " WHERE EXISTS (SELECT 1 FROM project_category c WHERE c.project_id = p.id AND c.category_code IN (" + in + "))"
        + " AND (p.started_on IS NOT NULL OR p.status IN (" + ProjectStatus.sqlList(ProjectStatus.SERVING) + "))"
        + " AND COALESCE(p.started_on, r.runs_from) < ? AND (p.ended_on IS NULL OR p.ended_on >= ?)",
        rs -> { s.find(rs.getString(1)).ifPresent(area -> grids.addAll(s.gridsUnder(area))); }, args.toArray());
    return grids;
  }

}
