package org.gridwatch.publication;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a resident of an area sees (the read side the portal, the feed and the public list share): the publications
 * PUBLISHED for that area or any area above it, current on the day, newest first. Writing and reviewing them is the
 * publication API's.
 */
@Service
public class Publications {
  public static final int EXCERPT = 120;
  private static final String SUMMARY = "SELECT p.id, p.kind, p.title, p.body, p.publisher_kind, p.publisher_name, p.area_level,"
      + " p.area_code, p.valid_from, p.valid_to, p.published_at, p.read_count,"
      + " (SELECT COUNT(*) FROM service_guide g WHERE g.publication_id = p.id) AS guides FROM publication p";

  private final JdbcTemplate jdbc;
  private final AreaCatalog areas;

  Publications(JdbcTemplate jdbc, AreaCatalog areas) {
    this.jdbc = jdbc;
    this.areas = areas;
  }

  /** The area and the areas above it (the area first): whose publications a resident of the area sees. */
  public List<String> audienceOf(String areaCode) {
    AreaView area = areas.now().find(areaCode).orElse(null);
    if (area == null) return List.of();
    return areas.now().chain(area).stream().map(AreaView::code).toList();
  }

  /** What a resident of {@code areaCode} sees on {@code day}, of the kinds given (none: all), newest first, at most {@code limit}. */
  @Transactional(readOnly = true)
  public List<PublicationSummary> current(String areaCode, LocalDate day, List<PublicationKind> kinds, int limit) {
    List<String> audience = audienceOf(areaCode);
    if (audience.isEmpty()) return List.of();
    StringBuilder sql = new StringBuilder(SUMMARY).append(" WHERE p.status = 'PUBLISHED' AND p.valid_from <= ?")
        .append(" AND (p.valid_to IS NULL OR p.valid_to >= ?) AND p.area_code IN (")
        .append(String.join(",", java.util.Collections.nCopies(audience.size(), "?"))).append(")");
    List<Object> args = new ArrayList<>(List.of(Date.valueOf(day), Date.valueOf(day)));
    args.addAll(audience);
    if (kinds != null && !kinds.isEmpty()) {
      sql.append(" AND p.kind IN (").append(String.join(",", java.util.Collections.nCopies(kinds.size(), "?"))).append(")");
      kinds.forEach(k -> args.add(k.name()));
    }
    sql.append(" ORDER BY p.published_at DESC, p.id DESC LIMIT ").append(Math.max(0, limit));
    return jdbc.query(sql.toString(), Publications::summary, args.toArray());
  }

  /** The guide details of those of the publications that are service guides, by publication id. */
  @Transactional(readOnly = true)
  public java.util.Map<Long, ServiceGuide> guides(List<Long> publicationIds) {
    java.util.Map<Long, ServiceGuide> out = new java.util.HashMap<>();
    if (publicationIds.isEmpty()) return out;
    jdbc.query("SELECT publication_id, item, eligibility, materials, service_point_id, hours, fees, time_limit, contact_phone"
        + " FROM service_guide WHERE publication_id IN (" + String.join(",", java.util.Collections.nCopies(publicationIds.size(), "?"))
        + ")", (ResultSet rs) -> {
          out.put(rs.getLong(1), new ServiceGuide(rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, Long.class),
              rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
        }, publicationIds.toArray());
    return out;
  }

  private static PublicationSummary summary(ResultSet rs, int n) throws SQLException {
    String body = rs.getString("body");
    Date to = rs.getDate("valid_to");
    java.sql.Timestamp published = rs.getTimestamp("published_at");
    return new PublicationSummary(rs.getLong("id"), PublicationKind.valueOf(rs.getString("kind")), rs.getString("title"),
        body.length() <= EXCERPT ? body : body.substring(0, EXCERPT) + "…",
        PublisherKind.valueOf(rs.getString("publisher_kind")), rs.getString("publisher_name"),
        AreaLevel.valueOf(rs.getString("area_level")), rs.getString("area_code"), rs.getDate("valid_from").toLocalDate(),
        to == null ? null : to.toLocalDate(), published == null ? null : published.toInstant(), rs.getLong("read_count"),
        rs.getLong("guides") > 0);
  }
}
