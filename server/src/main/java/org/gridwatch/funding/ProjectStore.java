package org.gridwatch.funding;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gridwatch.funding.FundingAnswers.Event;
import org.gridwatch.funding.FundingAnswers.TrancheView;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The project tables in plain SQL: the project row (locked for every transition, its version moved on by each), its
 * target areas, categories, needs, tranches and the audit trail. Callers hold the transaction.
 */
@Component
class ProjectStore {
  private static final String COLUMNS = "id, round_id, title, summary, status, provider_id, lead_social_worker_id, target_groups,"
      + " budget, kpi_beneficiaries, kpi_sessions, kpi_satisfaction, rectification_used, started_on, ended_on, version, synthetic";
  private final JdbcTemplate jdbc;

  ProjectStore(JdbcTemplate jdbc) { this.jdbc = jdbc; }

  long nextId(String sequence) { return jdbc.queryForObject("SELECT nextval('" + sequence + "')", Long.class); }

  Optional<ProjectRow> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM project WHERE id = ?", ProjectStore::row, id).stream().findFirst();
  }

  /** The project, its row locked until the transaction ends (404 when there is none). */
  ProjectRow lock(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM project WHERE id = ? FOR UPDATE", ProjectStore::row, id).stream().findFirst()
        .orElseThrow(() -> unknown(id));
  }

  static ProblemException unknown(long id) {
    return ProblemException.notFound("unknown-project", "Unknown project", Text.of("funding.no-project", id));
  }

  void insert(ProjectRow p, String serviceAreaWkt, String appliedBy, Instant at) {
    jdbc.update("INSERT INTO project (id, round_id, title, summary, status, provider_id, lead_social_worker_id, target_groups, budget,"
        + " kpi_beneficiaries, kpi_sessions, kpi_satisfaction, service_area, applied_by, applied_at, updated_at, version)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ST_GeomFromText(?, 4326), ?, ?, ?, 0)", p.id(), p.roundId(), p.title(),
        p.summary(), p.status().name(), p.providerId(), p.leadSocialWorkerId(),
        p.targetGroups().stream().map(Enum::name).collect(Collectors.joining(",")), p.budget(), p.kpiBeneficiaries(),
        p.kpiSessions(), p.kpiSatisfaction(), serviceAreaWkt, appliedBy, Timestamp.from(at), Timestamp.from(at));
  }

  void addArea(long projectId, String code, String level) {
    jdbc.update("INSERT INTO project_area (project_id, area_code, area_level) VALUES (?, ?, ?)", projectId, code, level);
  }

  void addCategory(long projectId, String code) {
    jdbc.update("INSERT INTO project_category (project_id, category_code) VALUES (?, ?)", projectId, code);
  }

  void addNeed(long projectId, long needId) {
    jdbc.update("INSERT INTO project_need (project_id, need_id) VALUES (?, ?)", projectId, needId);
  }

  void addTranche(long projectId, int seq, BigDecimal amount, TrancheStep step) {
    jdbc.update("INSERT INTO project_tranche (project_id, seq, amount, released_on, status) VALUES (?, ?, ?, ?, 'PENDING')",
        projectId, seq, amount, step.name());
  }

  /**
   * Moves the locked project to {@code to} and its version on; the extra assignments (e.g. {@code started_on = ?}) come
   * with their arguments. A version that moved meanwhile is a lost race: 409.
   */
  void move(ProjectRow p, ProjectStatus to, Instant at, String extra, Object... args) {
    Object[] all = new Object[args.length + 4];
    all[0] = to.name();
    all[1] = Timestamp.from(at);
    System.arraycopy(args, 0, all, 2, args.length);
    all[args.length + 2] = p.id();
    all[args.length + 3] = p.version();
    int n = jdbc.update("UPDATE project SET status = ?, updated_at = ?, version = version + 1" + (extra.isEmpty() ? "" : ", " + extra)
        + " WHERE id = ? AND version = ?", all);
    if (n != 1) {
      throw new ProblemException(org.springframework.http.HttpStatus.CONFLICT, "conflict", "Conflicting change",
          Text.of("conflict.saved-first"), List.of());
    }
  }

  void event(long projectId, String action, ProjectStatus from, ProjectStatus to, String actor, String role, String note, Instant at) {
    jdbc.update("INSERT INTO project_event (id, project_id, at, action, from_status, to_status, actor, actor_role, note)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", nextId("project_event_seq"), projectId, Timestamp.from(at), action,
        from == null ? null : from.name(), to == null ? null : to.name(), actor, role, note);
  }

  /** Sets the tranches of a step (all steps: {@code step} null) that are in one of {@code from} to {@code to}. */
  int setTranches(long projectId, TrancheStep step, List<TrancheStatus> from, TrancheStatus to, boolean reopened, Instant at) {
    String in = from.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    return step == null
        ? jdbc.update("UPDATE project_tranche SET status = ?, reopened = (reopened OR ?), changed_at = ? WHERE project_id = ? AND status IN ("
            + in + ")", to.name(), reopened, Timestamp.from(at), projectId)
        : jdbc.update("UPDATE project_tranche SET status = ?, reopened = (reopened OR ?), changed_at = ? WHERE project_id = ?"
            + " AND released_on = ? AND status IN (" + in + ")", to.name(), reopened, Timestamp.from(at), projectId, step.name());
  }

  List<TrancheView> tranches(long projectId) {
    return jdbc.query("SELECT seq, amount, released_on, status, reopened FROM project_tranche WHERE project_id = ? ORDER BY seq",
        (rs, i) -> new TrancheView(rs.getInt(1), rs.getBigDecimal(2).setScale(2), TrancheStep.valueOf(rs.getString(3)),
            TrancheStatus.valueOf(rs.getString(4)), rs.getBoolean(5)), projectId);
  }

  List<String> areas(long projectId) {
    return jdbc.queryForList("SELECT area_code FROM project_area WHERE project_id = ? ORDER BY area_code", String.class, projectId);
  }

  List<String> categories(long projectId) {
    return jdbc.queryForList("SELECT category_code FROM project_category WHERE project_id = ? ORDER BY category_code", String.class,
        projectId);
  }

  List<Long> needs(long projectId) {
    return jdbc.queryForList("SELECT need_id FROM project_need WHERE project_id = ? ORDER BY need_id", Long.class, projectId);
  }

  /** The audit trail, oldest first; actors and notes only when {@code staff}. */
  List<Event> events(long projectId, boolean staff) {
    return jdbc.query("SELECT at, action, from_status, to_status, actor_role, actor, note FROM project_event WHERE project_id = ?"
        + " ORDER BY at, id", (rs, i) -> new Event(rs.getTimestamp(1).toInstant(), rs.getString(2), status(rs.getString(3)),
            status(rs.getString(4)), rs.getString(5), staff ? rs.getString(6) : null, staff ? rs.getString(7) : null), projectId);
  }

  Geometry serviceArea(long projectId) {
    byte[] wkb = jdbc.queryForObject("SELECT ST_AsBinary(service_area) FROM project WHERE id = ?", byte[].class, projectId);
    try {
      Geometry g = new WKBReader().read(wkb);
      g.setSRID(4326);
      return g;
    } catch (ParseException e) {
      throw new IllegalStateException("project " + projectId + " has an unreadable service area", e);
    }
  }

  private static ProjectStatus status(String s) { return s == null ? null : ProjectStatus.valueOf(s); }

  private static ProjectRow row(ResultSet rs, int i) throws SQLException {
    Long lead = rs.getObject(7) == null ? null : rs.getLong(7);
    String groups = rs.getString(8);
    List<TargetGroup> targetGroups = groups == null || groups.isBlank() ? List.of()
        : Arrays.stream(groups.split(",")).map(String::strip).map(TargetGroup::valueOf).toList();
    return new ProjectRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), ProjectStatus.valueOf(rs.getString(5)),
        rs.getLong(6), lead, targetGroups, rs.getBigDecimal(9).setScale(2), rs.getInt(10), rs.getInt(11),
        rs.getBigDecimal(12).setScale(1), rs.getBoolean(13), date(rs.getDate(14)), date(rs.getDate(15)), rs.getInt(16),
        rs.getBoolean(17));
  }

  private static LocalDate date(Date d) { return d == null ? null : d.toLocalDate(); }
}
