package org.gridwatch.organisation;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which property company (物业) serves a place on a day: the company whose dated service area names the compound
 * (小区) whose outline holds the point. At most one company serves a compound on a day (the organisations' service
 * areas refuse an overlap), so the first row is the answer.
 */
@Component
public class PropertyCompanies {
  /** A property company serving a compound. */
  public record Serving(long organisationId, String creditCode, String name, String compound) {}

  private final JdbcTemplate jdbc;

  PropertyCompanies(JdbcTemplate jdbc) { this.jdbc = jdbc; }

  /** The property company serving the compound that holds the point on that day, if any. */
  public Optional<Serving> servingAt(Point point, LocalDate day) {
    List<Serving> found = jdbc.query("""
        SELECT o.id, o.credit_code, o.name, c.name FROM compound c
          JOIN organisation_service_area a ON a.area_kind = 'COMPOUND' AND a.area_code = c.name
          JOIN organisation o ON o.id = a.organisation_id AND o.kind = 'PROPERTY_COMPANY'
         WHERE ST_Intersects(c.outline, ST_GeomFromText(?, 4326))
           AND a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to >= ?)
         ORDER BY c.name, o.id""",
        (rs, i) -> new Serving(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
        point.toText(), Date.valueOf(day), Date.valueOf(day));
    return found.stream().findFirst();
  }

  /** The compounds (by name) a property company serves on a day. */
  public List<String> compoundsOf(long organisationId, LocalDate day) {
    return jdbc.queryForList("""
        SELECT a.area_code FROM organisation_service_area a
         WHERE a.organisation_id = ? AND a.area_kind = 'COMPOUND'
           AND a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to >= ?) ORDER BY a.area_code""",
        String.class, organisationId, Date.valueOf(day), Date.valueOf(day));
  }
}
