package org.gridwatch.impact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.funding.ProjectStatus;
import org.gridwatch.geo.Geometries;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approved projects (ProjectStatus.PUBLIC) as the public map shows them: service area, round, title, status,
 * provider name, categories, budget and what was disbursed. No person, no score, no review.
 */
@Component
public class FundedProjectLayer {
  /** One approved project on the public map. */
  public record PublicProject(long id, Geometry serviceArea, long round, String roundTitle, int year, String title,
      String status, String provider, List<String> categories, BigDecimal budget, BigDecimal disbursed) {}

  private final JdbcTemplate jdbc;

  FundedProjectLayer(JdbcTemplate jdbc) { this.jdbc = jdbc; }

  /** In id order. */
  @Transactional(readOnly = true)
  public List<PublicProject> all() {
    Map<Long, List<String>> categories = new HashMap<>();
    jdbc.query("SELECT project_id, category_code FROM project_category ORDER BY category_code",
        rs -> { categories.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)); });
    Map<Long, BigDecimal> disbursed = new HashMap<>();
    jdbc.query("SELECT project_id, SUM(amount) FROM project_tranche WHERE status = 'RELEASED' GROUP BY project_id",
        rs -> { disbursed.put(rs.getLong(1), rs.getBigDecimal(2)); });
    WKBReader wkb = new WKBReader(Geometries.FACTORY);
    return jdbc.query("SELECT p.id, ST_AsBinary(p.service_area), r.id, r.title, r.fiscal_year, p.title, p.status, o.name, p.budget"
        + " FROM project p JOIN funding_round r ON r.id = p.round_id JOIN organisation o ON o.id = p.provider_id"
        + " WHERE p.status IN (" + ProjectStatus.sqlList(ProjectStatus.PUBLIC) + ") ORDER BY p.id",
        (rs, i) -> new PublicProject(rs.getLong(1), read(wkb, rs.getBytes(2)), rs.getLong(3), rs.getString(4), rs.getInt(5),
            rs.getString(6), rs.getString(7), rs.getString(8), List.copyOf(categories.getOrDefault(rs.getLong(1), List.of())),
            FundedProjects.money(rs.getBigDecimal(9)), FundedProjects.money(disbursed.get(rs.getLong(1)))));
  }

  private static Geometry read(WKBReader wkb, byte[] bytes) {
    try {
      return wkb.read(bytes);
    } catch (ParseException e) {
      throw new IllegalStateException("a project's service area is not readable WKB", e);
    }
  }
}
