package org.gridwatch.need;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.gridwatch.area.AreaView;
import org.gridwatch.support.Http;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the needs tests set up. Cases go through the real intake API; bookings, organisations and serving projects
 * belong to other capabilities and are written as plain SQL on the foundation's columns.
 */
final class NeedFixtures {
  private NeedFixtures() {}

  static long id() { return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L); }

  /**
   * Points inside the grid on a lattice about 70 m apart: intake links a report within 50 m of an open case of the same
   * category as its duplicate, which the needs figures leave out, so each case a test counts needs a spot of its own.
   */
  static List<Point> spots(AreaView grid) {
    Envelope e = grid.boundary().getEnvelopeInternal();
    List<Point> out = new ArrayList<>();
    for (double y = e.getMinY() + 0.0003; y < e.getMaxY(); y += 0.0007) {
      for (double x = e.getMinX() + 0.0003; x < e.getMaxX(); x += 0.0009) {
        Point p = grid.boundary().getFactory().createPoint(new Coordinate(x, y));
        if (grid.boundary().contains(p) && grid.boundary().getBoundary().distance(p) > 0.0001) out.add(p);
      }
    }
    return out;
  }

  /** A case of the category reported at the grid's {@code n}-th spot: its public id. */
  static String report(Http http, AreaView grid, int n, String category, String[] auth) {
    Point p = spots(grid).get(n);
    Http.Response r = http.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"%s\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"需求地图测试（合成）\"}",
        category, p.getX(), p.getY()), auth);
    if (r.status() != 201) throw new IllegalStateException(r.status() + " " + r.body());
    return r.json().get("id").asString();
  }

  static long organisation(JdbcTemplate jdbc) {
    long id = id();
    jdbc.update("INSERT INTO organisation (id, credit_code, name, kind, created_at) VALUES (?, ?, ?, ?, ?)", id,
        String.format(Locale.ROOT, "9137%014d", id).substring(0, 18), "需求测试机构（合成）", "SOCIAL_ORGANISATION",
        Timestamp.from(Instant.now()));
    return id;
  }

  /** A booking taken now in the grid, of an offer of the service. */
  static void booking(JdbcTemplate jdbc, AreaView grid, String community, String subdistrict, String service, long organisation) {
    long offer = id();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("INSERT INTO service_offer (id, service, organisation_id, created_at) VALUES (?, ?, ?, ?)", offer, service,
        organisation, now);
    Point p = grid.boundary().getInteriorPoint();
    jdbc.update("INSERT INTO booking (id, offer_id, at, lon, lat, grid_code, community_code, subdistrict_code, resident_name,"
        + " resident_phone, booked_by, created_at, synthetic) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)", id(), offer, now,
        p.getX(), p.getY(), grid.code(), community, subdistrict, "测试居民（合成）", "13800000000", "admin", now);
  }

  /** A project RUNNING since ten days ago answering the category in the target areas (grids or communities): its id. */
  static long servingProject(JdbcTemplate jdbc, String category, LocalDate today, AreaView... targets) {
    long round = id(), project = id();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("INSERT INTO funding_round (id, fiscal_year, kind, title, budget, needs_from, call_opens, call_closes, runs_from,"
        + " runs_to, min_reviewers, created_by, created_at, synthetic) VALUES (?, ?, 'SERVICE_PURCHASE', ?, 100000, ?, ?, ?, ?, ?, 1,"
        + " 'funder', ?, FALSE)", round, today.getYear(), "需求测试轮次（合成）" + round, Date.valueOf(today.minusDays(100)),
        Date.valueOf(today.minusDays(90)), Date.valueOf(today.minusDays(60)), Date.valueOf(today.minusDays(30)),
        Date.valueOf(today.plusDays(300)), now);
    String wkt = targets[0].boundary().toText();
    jdbc.update("INSERT INTO project (id, round_id, title, status, provider_id, target_groups, budget, kpi_beneficiaries,"
        + " kpi_sessions, kpi_satisfaction, service_area, started_on, applied_by, applied_at, updated_at, version, synthetic)"
        + " VALUES (?, ?, ?, 'RUNNING', ?, 'ELDERLY', 100000, 100, 10, 90, ST_GeomFromText(?, 4326), ?, 'organisation', ?, ?, 1, FALSE)",
        project, round, "需求测试项目（合成）", organisation(jdbc), wkt, Date.valueOf(today.minusDays(10)), now, now);
    jdbc.update("INSERT INTO project_category (project_id, category_code) VALUES (?, ?)", project, category);
    for (AreaView t : targets) {
      jdbc.update("INSERT INTO project_area (project_id, area_code, area_level) VALUES (?, ?, ?)", project, t.code(), t.level().name());
    }
    return project;
  }

  static void removeProject(JdbcTemplate jdbc, long project) {
    Long round = jdbc.queryForObject("SELECT round_id FROM project WHERE id = ?", Long.class, project);
    jdbc.update("DELETE FROM project_area WHERE project_id = ?", project);
    jdbc.update("DELETE FROM project_category WHERE project_id = ?", project);
    jdbc.update("DELETE FROM project WHERE id = ?", project);
    jdbc.update("DELETE FROM funding_round WHERE id = ?", round);
  }
}
