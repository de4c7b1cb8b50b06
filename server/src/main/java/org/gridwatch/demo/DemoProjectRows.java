package org.gridwatch.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.gridwatch.demo.DemoFunding.Activity;
import org.gridwatch.demo.DemoFunding.Criterion;
import org.gridwatch.demo.DemoFunding.Need;
import org.gridwatch.demo.DemoFunding.Project;
import org.gridwatch.demo.DemoFunding.Round;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Writes the demo's recorded needs, rounds and projects into the issue 15 tables with plain SQL batches, ids drawn
 * from each table's own sequence (so that they never meet the ids the capabilities hand out). The caller holds the
 * transaction.
 */
final class DemoProjectRows {
  private final JdbcTemplate jdbc;
  private final boolean postgres;

  DemoProjectRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.postgres = "PostgreSQL".equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()));
  }

  void write(List<Need> needs, List<Round> rounds) {
    Iterator<Long> needIds = ids("need_record_seq", needs.size());
    needs.forEach(n -> n.id = needIds.next());
    batch("INSERT INTO need_record (id, area_code, area_level, category_code, source, description, evidence, residents_affected,"
        + " recorded_by, recorded_at, synthetic) VALUES (?,?,?,?,?,?,?,?,?,?,TRUE)", needs, n -> new Object[] {n.id, n.areaCode,
            n.areaLevel, n.categoryCode, n.source, n.description, s(n.evidence), n.residentsAffected, n.recordedBy, ts(n.recordedAt)});

    Iterator<Long> roundIds = ids("funding_round_seq", rounds.size());
    rounds.forEach(r -> r.id = roundIds.next());
    batch("INSERT INTO funding_round (id, fiscal_year, kind, title, budget, needs_from, call_opens, call_closes, runs_from, runs_to,"
        + " min_reviewers, created_by, created_at, synthetic) VALUES (?,?,?,?,?,?,?,?,?,?,3,?,?,TRUE)", rounds, r -> new Object[] {r.id,
            r.year, r.kind, r.title, r.budget, d(r.needsFrom), d(r.callOpens), d(r.callCloses), d(r.runsFrom), d(r.runsTo),
            DemoProjectLife.FUNDER, ts(r.needsFrom.atStartOfDay().toInstant(java.time.ZoneOffset.UTC))});
    List<Object[]> criteria = new ArrayList<>();
    for (Round r : rounds) {
      for (int i = 0; i < r.criteria.size(); i++) {
        Criterion c = r.criteria.get(i);
        criteria.add(new Object[] {r.id, c.code(), c.name(), c.weight(), i + 1});
      }
    }
    rows("INSERT INTO round_criterion (round_id, code, name, weight, sort_order) VALUES (?,?,?,?,?)", criteria);

    List<Project> projects = rounds.stream().flatMap(r -> r.projects.stream()).toList();
    Iterator<Long> projectIds = ids("project_seq", projects.size());
    projects.forEach(p -> p.id = projectIds.next());
    WKBWriter wkb = new WKBWriter();
    batch("INSERT INTO project (id, round_id, title, summary, status, provider_id, lead_social_worker_id, target_groups, budget,"
        + " kpi_beneficiaries, kpi_sessions, kpi_satisfaction, service_area, rectification_used, started_on, ended_on, applied_by,"
        + " applied_at, updated_at, version, synthetic) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,ST_GeomFromWKB(?, 4326),?,?,?,?,?,?,?,TRUE)",
        projects, p -> new Object[] {p.id, p.round.id, p.title, p.summary, p.status, p.providerId, id(p.leadSocialWorkerId), p.targetGroups,
            p.budget, p.kpiBeneficiaries, p.kpiSessions, p.kpiSatisfaction, wkb.write(p.serviceArea), p.rectificationUsed, d(p.startedOn),
            d(p.endedOn), p.appliedBy, ts(p.appliedAt), ts(p.updatedAt), p.version});
    writeParts(projects);
  }

  private void writeParts(List<Project> projects) {
    List<Object[]> categories = new ArrayList<>(), needs = new ArrayList<>(), areas = new ArrayList<>(), tranches = new ArrayList<>(),
        conflicts = new ArrayList<>();
    int reviews = 0, evaluations = 0, activities = 0, events = 0;
    for (Project p : projects) {
      p.categories.forEach(c -> categories.add(new Object[] {p.id, c}));
      p.needs.forEach(n -> needs.add(new Object[] {p.id, n.id}));
      p.areas.forEach(a -> areas.add(new Object[] {p.id, a.code(), a.level()}));
      p.tranches.forEach(t -> tranches.add(new Object[] {p.id, t.seq, t.amount, t.releasedOn, t.status, t.reopened, ts(t.changedAt)}));
      p.conflicts.forEach(c -> conflicts.add(new Object[] {p.id, c.reviewer(), c.reason(), ts(c.at())}));
      reviews += p.reviews.size();
      evaluations += p.evaluations.size();
      activities += p.activities.size();
      events += p.events.size();
    }
    rows("INSERT INTO project_category (project_id, category_code) VALUES (?,?)", categories);
    rows("INSERT INTO project_need (project_id, need_id) VALUES (?,?)", needs);
    rows("INSERT INTO project_area (project_id, area_code, area_level) VALUES (?,?,?)", areas);
    rows("INSERT INTO project_tranche (project_id, seq, amount, released_on, status, reopened, changed_at) VALUES (?,?,?,?,?,?,?)", tranches);
    rows("INSERT INTO review_conflict (project_id, reviewer, reason, declared_at) VALUES (?,?,?,?)", conflicts);

    Iterator<Long> reviewIds = ids("project_review_seq", reviews);
    Iterator<Long> evaluationIds = ids("project_evaluation_seq", evaluations);
    Iterator<Long> activityIds = ids("project_activity_seq", activities);
    Iterator<Long> eventIds = ids("project_event_seq", events);
    List<Object[]> reviewRows = new ArrayList<>(), scoreRows = new ArrayList<>(), evaluationRows = new ArrayList<>(),
        activityRows = new ArrayList<>(), personRows = new ArrayList<>(), eventRows = new ArrayList<>();
    for (Project p : projects) {
      for (DemoFunding.Review r : p.reviews) {
        long id = reviewIds.next();
        reviewRows.add(new Object[] {id, p.id, r.reviewer(), r.total(), s(r.note()), ts(r.at())});
        r.scores().forEach((code, score) -> scoreRows.add(new Object[] {id, code, score}));
      }
      for (DemoFunding.Evaluation e : p.evaluations.values()) {
        evaluationRows.add(new Object[] {evaluationIds.next(), p.id, e.stage, e.attempt, e.selfReport, e.beneficiaries, e.sessions,
            e.satisfaction, e.reportedBy, ts(e.reportedAt), s(e.checkMethods), s(e.checkNote), s(e.checkedBy), ts(e.checkedAt),
            s(e.result), s(e.resultNote), s(e.publishedBy), ts(e.publishedAt)});
      }
      for (Activity a : p.activities) {
        long id = activityIds.next();
        activityRows.add(new Object[] {id, p.id, a.title(), d(a.heldOn()), a.place(), a.lon(), a.lat(), a.gridCode(), a.participants(),
            a.volunteers(), a.recordedBy(), ts(a.recordedAt())});
        a.persons().forEach(key -> personRows.add(new Object[] {id, key}));
      }
      for (DemoFunding.Event e : p.events) {
        eventRows.add(new Object[] {eventIds.next(), p.id, ts(e.at()), e.action(), s(e.fromStatus()), s(e.toStatus()), e.actor(),
            e.actorRole(), s(e.note())});
      }
    }
    rows("INSERT INTO project_review (id, project_id, reviewer, total, note, created_at) VALUES (?,?,?,?,?,?)", reviewRows);
    rows("INSERT INTO project_review_score (review_id, criterion_code, score) VALUES (?,?,?)", scoreRows);
    rows("INSERT INTO project_evaluation (id, project_id, stage, attempt, self_report, beneficiaries, sessions, satisfaction,"
        + " reported_by, reported_at, check_methods, check_note, checked_by, checked_at, result, result_note, published_by,"
        + " published_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", evaluationRows);
    // every demo activity is placed inside its project's service area (DemoProjects draws it there)
    rows("INSERT INTO project_activity (id, project_id, title, held_on, place, lon, lat, grid_code, inside_service_area, participants,"
        + " volunteers, recorded_by, recorded_at, synthetic) VALUES (?,?,?,?,?,?,?,?,TRUE,?,?,?,?,TRUE)", activityRows);
    rows("INSERT INTO project_activity_person (activity_id, person_key) VALUES (?,?)", personRows);
    rows("INSERT INTO project_event (id, project_id, at, action, from_status, to_status, actor, actor_role, note)"
        + " VALUES (?,?,?,?,?,?,?,?,?)", eventRows);
  }

  private <T> void batch(String sql, List<T> items, java.util.function.Function<T, Object[]> row) {
    rows(sql, items.stream().map(row).toList());
  }

  private void rows(String sql, List<Object[]> rows) {
    if (!rows.isEmpty()) jdbc.batchUpdate(sql, rows);
  }

  /** {@code n} fresh values of a sequence in one round trip. */
  private Iterator<Long> ids(String sequence, int n) {
    if (n == 0) return java.util.Collections.emptyIterator();
    String sql = postgres ? "SELECT nextval('" + sequence + "') FROM generate_series(1, ?)"
        : "SELECT NEXT VALUE FOR " + sequence + " FROM system_range(1, ?)";
    return jdbc.queryForList(sql, Long.class, n).iterator();
  }

  // Nulls go with their SQL type: an untyped null makes Spring ask the driver for the parameter's type, a round trip
  // per row on PostgreSQL.
  private static Object ts(Instant at) { return at == null ? new SqlParameterValue(Types.TIMESTAMP, null) : Timestamp.from(at); }

  private static Object d(LocalDate day) { return day == null ? new SqlParameterValue(Types.DATE, null) : Date.valueOf(day); }

  private static Object s(String text) { return text == null ? new SqlParameterValue(Types.VARCHAR, null) : text; }

  private static Object id(Long id) { return id == null ? new SqlParameterValue(Types.BIGINT, null) : id; }
}
