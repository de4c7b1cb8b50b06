package org.gridwatch.funding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.funding.FundingAnswers.Project;
import org.gridwatch.funding.FundingAnswers.ProjectSummary;
import org.gridwatch.funding.FundingAnswers.Provider;
import org.gridwatch.funding.FundingAnswers.KpiView;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading projects, by who asks. The public (and any role not named below) sees projects once approved
 * ({@link ProjectStatus#PUBLIC}), the lead social worker's name masked, the trail without actors or notes, published
 * evaluations only, and of the reviews only their count and average total; FUNDER, REVIEWER, ADMIN and PLANNER see every
 * project and the trail in full; an organisation's staff see their own organisation's applications too. The reviews
 * themselves go to the funder and administrators, and to each reviewer their own.
 */
@Service
class ProjectReads {
  private final ProjectStore store;
  private final Rounds rounds;
  private final Reviews reviews;
  private final Evaluations evaluations;
  private final AreaCatalog areas;
  private final JdbcTemplate jdbc;

  ProjectReads(ProjectStore store, Rounds rounds, Reviews reviews, Evaluations evaluations, AreaCatalog areas, JdbcTemplate jdbc) {
    this.store = store;
    this.rounds = rounds;
    this.reviews = reviews;
    this.evaluations = evaluations;
    this.areas = areas;
    this.jdbc = jdbc;
  }

  /** Projects of a round, in a status, touching an area (a target area in it, or it in a target area), as the caller may see. */
  @Transactional(readOnly = true)
  public List<ProjectSummary> list(Long round, ProjectStatus status, String area, FundingCaller caller) {
    StringBuilder sql = new StringBuilder("SELECT p.id FROM project p WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (round != null) { sql.append(" AND p.round_id = ?"); args.add(round); }
    if (status != null) { sql.append(" AND p.status = ?"); args.add(status.name()); }
    if (!caller.staff()) {
      sql.append(" AND (p.status IN (").append(ProjectStatus.sqlList(ProjectStatus.PUBLIC)).append(")");
      sql.append(caller.organisationId() == null ? ")" : " OR p.provider_id = " + caller.organisationId().longValue() + ")");
    }
    sql.append(" ORDER BY p.round_id DESC, p.id");
    List<ProjectSummary> out = new ArrayList<>();
    for (Long id : jdbc.queryForList(sql.toString(), Long.class, args.toArray())) {
      ProjectRow p = store.find(id).orElseThrow();
      List<String> codes = store.areas(id);
      if (area != null && codes.stream().noneMatch(c -> related(c, area))) continue;
      out.add(new ProjectSummary(id, p.roundId(), p.title(), p.status(), provider(p.providerId()), p.budget(), store.categories(id), codes,
          p.synthetic()));
    }
    return out;
  }

  /** The project as the caller may see it; empty when there is none or they may not see it. */
  @Transactional(readOnly = true)
  public Optional<Project> find(long id, FundingCaller caller) {
    Optional<ProjectRow> found = store.find(id);
    if (found.isEmpty()) return Optional.empty();
    ProjectRow p = found.get();
    boolean own = caller.organisationId() != null && caller.organisationId() == p.providerId();
    if (!ProjectStatus.PUBLIC.contains(p.status()) && !caller.staff() && !own) return Optional.empty();
    boolean approved = ProjectStatus.PUBLIC.contains(p.status());
    List<FundingAnswers.ReviewView> reviewList = caller.seesAllReviews() ? reviews.of(id, null)
        : caller.is(Role.REVIEWER) ? reviews.of(id, caller.username()) : null;
    return Optional.of(new Project(id, rounds.get(p.roundId()), p.title(), p.summary(), p.status(), provider(p.providerId()),
        leadSocialWorker(p.leadSocialWorkerId(), caller.staff() || own), store.areas(id), store.categories(id), store.needs(id),
        p.targetGroups(), p.budget(), store.tranches(id), new KpiView(p.kpiBeneficiaries(), p.kpiSessions(), p.kpiSatisfaction()),
        p.rectificationUsed(), p.startedOn(), p.endedOn(), GeoJson.toJson(store.serviceArea(id)), store.events(id, caller.staff()),
        evaluations.of(id, !caller.staff() && !own), reviewList, approved ? reviews.summary(id) : null, p.version(), p.synthetic()));
  }

  /** Whether target area {@code code} and the asked {@code area} are the same, or one lies inside the other. */
  private boolean related(String code, String area) {
    if (code.equals(area)) return true;
    AreaCatalog.Snapshot s = areas.now();
    return inside(s, code, area) || inside(s, area, code);
  }

  private static boolean inside(AreaCatalog.Snapshot s, String inner, String outer) {
    Optional<AreaView> a = s.find(inner);
    return a.isPresent() && s.chain(a.get()).stream().anyMatch(v -> v.code().equals(outer));
  }

  private Provider provider(long id) {
    return new Provider(id, jdbc.queryForObject("SELECT name FROM organisation WHERE id = ?", String.class, id));
  }

  private String leadSocialWorker(Long id, boolean full) {
    if (id == null) return null;
    String name = jdbc.queryForObject("SELECT name FROM volunteer WHERE id = ?", String.class, id);
    return full ? name : maskName(name);
  }

  /** A person's name with all but its first character masked: 张三丰 → 张**. */
  static String maskName(String name) {
    if (name == null || name.isEmpty()) return name;
    int first = name.offsetByCodePoints(0, 1);
    return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
  }
}
