package org.gridwatch.impact;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.funding.ProjectStatus;
import org.gridwatch.geo.Geometries;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads {@link FundedProject}s from the V20 tables (the funding capability writes them). After the merge this may be
 * answered by funding's own lookup instead; the columns read here are the foundation's.
 */
@Component
class FundedProjects {
  private final JdbcTemplate jdbc;
  private final AreaCatalog areas;

  FundedProjects(JdbcTemplate jdbc, AreaCatalog areas) {
    this.jdbc = jdbc;
    this.areas = areas;
  }

  Optional<FundedProject> find(long id) { return read("p.id = ?", id).stream().findFirst(); }

  /** The projects of a round, or of every round of a fiscal year, in one of {@code statuses}. */
  List<FundedProject> ofRound(long roundId, Set<ProjectStatus> statuses) {
    return read("p.round_id = ? AND p.status IN (" + ProjectStatus.sqlList(statuses) + ")", roundId);
  }

  List<FundedProject> ofYear(int year, Set<ProjectStatus> statuses) {
    return read("r.fiscal_year = ? AND p.status IN (" + ProjectStatus.sqlList(statuses) + ")", year);
  }

  /** Locks the project's row until the transaction ends: activities are written against a status that holds. */
  void lock(long id) { jdbc.queryForList("SELECT id FROM project WHERE id = ? FOR UPDATE", Long.class, id); }

  private List<FundedProject> read(String where, Object arg) {
    record Row(long id, long round, int year, ProjectStatus status, long provider, byte[] area, LocalDate runsFrom,
        LocalDate started, LocalDate ended, int kpiBeneficiaries, int kpiSessions) {}
    List<Row> rows = jdbc.query("SELECT p.id, p.round_id, r.fiscal_year, p.status, p.provider_id, ST_AsBinary(p.service_area),"
        + " r.runs_from, p.started_on, p.ended_on, p.kpi_beneficiaries, p.kpi_sessions"
        + " FROM project p JOIN funding_round r ON r.id = p.round_id WHERE " + where + " ORDER BY p.id",
        (rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3), ProjectStatus.valueOf(rs.getString(4)), rs.getLong(5),
            rs.getBytes(6), date(rs.getDate(7)), date(rs.getDate(8)), date(rs.getDate(9)), rs.getInt(10), rs.getInt(11)), arg);
    List<FundedProject> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      BigDecimal[] sums = trancheSums(r.id());
      out.add(new FundedProject(r.id(), r.round(), r.year(), r.status(), r.provider(), geometry(r.area()), r.runsFrom(), r.started(),
          r.ended(), targetGrids(r.id()), categories(r.id()), r.kpiBeneficiaries(), r.kpiSessions(), sums[0], sums[1], sums[2]));
    }
    return out;
  }

  /** Released, stopped and pending sums. */
  private BigDecimal[] trancheSums(long id) {
    BigDecimal[] sums = {money(null), money(null), money(null)};
    jdbc.query("SELECT status, COALESCE(SUM(amount), 0) FROM project_tranche WHERE project_id = ? GROUP BY status", rs -> {
      int at = switch (rs.getString(1)) {
        case "RELEASED" -> 0;
        case "STOPPED" -> 1;
        default -> 2;
      };
      sums[at] = money(rs.getBigDecimal(2));
    }, id);
    return sums;
  }

  /** The target grids, a target community standing for all of its grids (as the needs map and unmet demand read them). */
  private Set<String> targetGrids(long id) {
    AreaCatalog.Snapshot s = areas.now();
    Set<String> grids = new HashSet<>();
    for (String code : jdbc.queryForList("SELECT area_code FROM project_area WHERE project_id = ?", String.class, id)) {
      s.find(code).ifPresent(a -> grids.addAll(s.gridsUnder(a)));
    }
    return grids;
  }


  private List<String> categories(long id) {
    return jdbc.queryForList("SELECT category_code FROM project_category WHERE project_id = ? ORDER BY category_code", String.class, id);
  }

  static BigDecimal money(BigDecimal v) { return (v == null ? BigDecimal.ZERO : v).setScale(2, java.math.RoundingMode.HALF_UP); }

  private static LocalDate date(Date d) { return d == null ? null : d.toLocalDate(); }

  private static Geometry geometry(byte[] wkb) {
    try {
      Geometry g = new WKBReader(Geometries.FACTORY).read(wkb);
      g.setSRID(4326);
      return g;
    } catch (ParseException e) {
      throw new IllegalStateException("a project's service area is not readable WKB", e);
    }
  }
}
