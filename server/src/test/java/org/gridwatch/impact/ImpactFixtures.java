package org.gridwatch.impact;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.gridwatch.area.AreaView;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the impact tests set up with plain SQL on the V20 foundation columns (the funding capability's code is another
 * part's): a request category of their own (so that only their cases count), organisations, rounds, projects with target
 * grids, tranches, evaluations, and cases reported on given days.
 */
final class ImpactFixtures {
  private static final AtomicLong NEXT = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000L, 8_000_000_000L));

  private ImpactFixtures() {}

  static long id() { return NEXT.addAndGet(7); }

  /** A request category no other test or demo case uses. */
  static String category(JdbcTemplate jdbc) {
    String code = "T" + id();
    jdbc.update("INSERT INTO category (code, name, name_en, description, kind, default_priority, first_level, department_code, active)"
        + " VALUES (?, '测试类别（合成）', 'Test category (synthetic)', 'impact test', 'REQUEST', 'NORMAL', 'GRID', 'MZJ', TRUE)", code);
    return code;
  }

  static long organisation(JdbcTemplate jdbc) {
    long id = id();
    jdbc.update("INSERT INTO organisation (id, credit_code, name, kind, created_at) VALUES (?, ?, ?, 'SOCIAL_ORGANISATION', ?)", id,
        String.format(Locale.ROOT, "9137%014d", id).substring(0, 18), "测试社工机构" + id + "（合成）", Timestamp.from(Instant.now()));
    return id;
  }

  static long round(JdbcTemplate jdbc, int year, BigDecimal budget, LocalDate runsFrom) {
    long id = id();
    jdbc.update("INSERT INTO funding_round (id, fiscal_year, kind, title, budget, needs_from, call_opens, call_closes, runs_from,"
        + " runs_to, min_reviewers, created_by, created_at, synthetic) VALUES (?, ?, 'SOCIAL_WORK_DEMONSTRATION', ?, ?, ?, ?, ?, ?, ?, 3,"
        + " 'funder', ?, FALSE)", id, year, "测试批次" + id + "（合成）", budget, Date.valueOf(runsFrom.minusDays(90)),
        Date.valueOf(runsFrom.minusDays(60)), Date.valueOf(runsFrom.minusDays(30)), Date.valueOf(runsFrom),
        Date.valueOf(runsFrom.plusDays(720)), Timestamp.from(Instant.now()));
    return id;
  }

  /** A project whose service area is the union of the target grids' boundaries. */
  static long project(JdbcTemplate jdbc, long round, long provider, String status, BigDecimal budget, LocalDate startedOn,
      LocalDate endedOn, List<AreaView> targets, String category, int kpiBeneficiaries, int kpiSessions) {
    long id = id();
    Geometry union = UnaryUnionOp.union(targets.stream().map(a -> (Geometry) a.boundary()).toList());
    MultiPolygon area = union instanceof MultiPolygon m ? m : union.getFactory().createMultiPolygon(new Polygon[] {(Polygon) union});
    jdbc.update("INSERT INTO project (id, round_id, title, summary, status, provider_id, target_groups, budget, kpi_beneficiaries,"
        + " kpi_sessions, kpi_satisfaction, service_area, started_on, ended_on, applied_by, applied_at, updated_at, version, synthetic)"
        + " VALUES (?, ?, ?, '测试项目（合成）', ?, ?, 'ELDERLY', ?, ?, ?, 90.0, ST_GeomFromText(?, 4326), ?, ?, 'funder', ?, ?, 1, FALSE)",
        id, round, "测试项目" + id + "（合成）", status, provider, budget, kpiBeneficiaries, kpiSessions, area.toText(),
        startedOn == null ? null : Date.valueOf(startedOn), endedOn == null ? null : Date.valueOf(endedOn),
        Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
    for (AreaView a : targets) {
      jdbc.update("INSERT INTO project_area (project_id, area_code, area_level) VALUES (?, ?, ?)", id, a.code(), a.level().name());
    }
    jdbc.update("INSERT INTO project_category (project_id, category_code) VALUES (?, ?)", id, category);
    return id;
  }

  static void tranche(JdbcTemplate jdbc, long project, int seq, String amount, String releasedOn, String status) {
    jdbc.update("INSERT INTO project_tranche (project_id, seq, amount, released_on, status) VALUES (?, ?, ?, ?, ?)", project, seq,
        new BigDecimal(amount), releasedOn, status);
  }

  /** An evaluation of a stage and attempt; {@code result} null: not published yet. */
  static void evaluation(JdbcTemplate jdbc, long project, String stage, int attempt, String result) {
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("INSERT INTO project_evaluation (id, project_id, stage, attempt, self_report, beneficiaries, sessions, reported_by,"
        + " reported_at, check_methods, checked_by, checked_at, result, published_by, published_at)"
        + " VALUES (?, ?, ?, ?, '自评报告（合成）', 10, 2, 'organisation', ?, 'DOCUMENTS', 'reviewer', ?, ?, ?, ?)",
        id(), project, stage, attempt, now, now, result, result == null ? null : "funder", result == null ? null : now);
  }

  /** An activity stored directly (for projects past the stage the API records in), with known persons' keys. */
  static long activity(JdbcTemplate jdbc, long project, Point at, String grid, boolean inside, int participants, String... keys) {
    long id = id();
    jdbc.update("INSERT INTO project_activity (id, project_id, title, held_on, lon, lat, grid_code, inside_service_area, participants,"
        + " volunteers, recorded_by, recorded_at) VALUES (?, ?, '测试活动（合成）', ?, ?, ?, ?, ?, ?, 1, 'organisation', ?)", id, project,
        Date.valueOf(LocalDate.now().minusDays(30)), at.getX(), at.getY(), grid, inside, participants, Timestamp.from(Instant.now()));
    for (String k : keys) jdbc.update("INSERT INTO project_activity_person (activity_id, person_key) VALUES (?, ?)", id, k);
    return id;
  }

  /** A case of the category reported in the grid at noon of the day (district time); {@code duplicateOf} marks a duplicate. */
  static long reportCase(JdbcTemplate jdbc, AreaView grid, String community, String subdistrict, String district, String category,
      LocalDate day, ZoneId zone, Long duplicateOf) {
    long id = id();
    Point p = grid.boundary().getInteriorPoint();
    Timestamp at = Timestamp.from(day.atTime(12, 0).atZone(zone).toInstant());
    jdbc.update("INSERT INTO incident (id, public_id, kind, category_code, channel, status, priority, location, input_lon, input_lat,"
        + " input_crs, description, grid_code, community_code, subdistrict_code, district_code, boundary_version, stage_started_at,"
        + " warned, reported_at, escalations, reopenings, left_grid, breached, overdue_notified, duplicate_of, version, updated_at)"
        + " VALUES (?, ?, 'REQUEST', ?, 'RESIDENT_WEB', 'REPORTED', 'NORMAL', ST_SetSRID(ST_MakePoint(?, ?), 4326), ?, ?, 'WGS84',"
        + " '测试诉求（合成）', ?, ?, ?, ?, 1, ?, FALSE, ?, 0, 0, FALSE, FALSE, FALSE, ?, 0, ?)",
        id, "TI" + id, category, p.getX(), p.getY(), p.getX(), p.getY(), grid.code(), community, subdistrict, district, at, at,
        duplicateOf, at);
    return id;
  }
}
