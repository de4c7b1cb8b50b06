package org.gridwatch.incident;

import org.gridwatch.replica.MayLag;
import org.gridwatch.problem.Text;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.staff.Roster;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operators' queue: cases filtered by status, category, level, subdistrict or grid, most urgent first (the
 * earliest deadline; cases without a clock last), restricted to what the actor may read, paged with a keyset
 * cursor on (deadline, id) so that deep pages stay as fast as the first. On PostGIS a partial index over the
 * open cases serves this order directly.
 */
@Service
public class IncidentQueue {
  /** A filter; null members are not applied. {@code open} selects every status that still needs action. */
  public record Filter(List<Status> statuses, boolean open, String category, Level level, String subdistrict, String grid,
      RequestType requestType) {
    public Filter(List<Status> statuses, boolean open, String category, Level level, String subdistrict, String grid) {
      this(statuses, open, category, level, subdistrict, grid, null);
    }
  }

  public record Page(List<Incident> items, String next) {}

  private static final String OPEN_LITERALS = java.util.Arrays.stream(Status.values()).filter(Status::open)
      .map(s -> "org.gridwatch.incident.Status." + s.name()).collect(java.util.stream.Collectors.joining(", "));
  private final EntityManager em;

  IncidentQueue(EntityManager em) { this.em = em; }

  @MayLag
  @Transactional(readOnly = true)
  public Page page(Filter f, Actor actor, int limit, String cursor) {
    return page(f, actor, limit, cursor, false);
  }

  /**
   * A page of the queue; {@code mine}: only the cases the actor handles now ("我的案件"): for staff outside the
   * command centre, those being handled at their unit and level, not assigned to someone else.
   */
  @MayLag
  @Transactional(readOnly = true)
  public Page page(Filter f, Actor actor, int limit, String cursor, boolean mine) {
    StringBuilder jpql = new StringBuilder("select i from Incident i where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (f.statuses() != null && !f.statuses().isEmpty()) {
      jpql.append(" and i.status in :statuses");
      params.put("statuses", f.statuses());
    } else if (f.open()) {
      jpql.append(" and i.status in (").append(OPEN_LITERALS).append(")"); // literals: the partial index applies
    }
    if (f.category() != null) { jpql.append(" and i.categoryCode = :category"); params.put("category", f.category()); }
    if (f.requestType() != null) { jpql.append(" and i.requestType = :requestType"); params.put("requestType", f.requestType()); }
    if (f.level() != null) { jpql.append(" and i.level = :level"); params.put("level", f.level()); }
    if (f.subdistrict() != null) { jpql.append(" and i.subdistrictCode = :sub"); params.put("sub", f.subdistrict()); }
    if (f.grid() != null) { jpql.append(" and i.gridCode = :grid"); params.put("grid", f.grid()); }
    restrictToScope(actor, jpql, params);
    if (mine && !actor.commandCentre()) restrictToHandled(actor, jpql, params);
    if (cursor != null) {
      Object[] after = decode(cursor);
      if (after[0] == null) {
        jpql.append(" and i.deadline is null and i.id > :afterId");
      } else {
        jpql.append(" and (i.deadline > :afterDeadline or (i.deadline = :afterDeadline and i.id > :afterId) or i.deadline is null)");
        params.put("afterDeadline", after[0]);
      }
      params.put("afterId", after[1]);
    }
    // Matches the index on (deadline, id): the most urgent first, cases without a clock last.
    jpql.append(" order by i.deadline asc nulls last, i.id");
    TypedQuery<Incident> q = em.createQuery(jpql.toString(), Incident.class);
    params.forEach(q::setParameter);
    List<Incident> rows = q.setMaxResults(limit + 1).getResultList();
    String next = null;
    if (rows.size() > limit) {
      rows = new ArrayList<>(rows.subList(0, limit));
      Incident last = rows.get(limit - 1);
      next = encode(last.getDeadline(), last.getId());
    }
    return new Page(rows, next);
  }

  private static void restrictToScope(Actor actor, StringBuilder jpql, Map<String, Object> params) {
    if (actor.commandCentre() || actor.has(org.gridwatch.security.Role.PLANNER)) return;
    if (actor.propertyCompany().isPresent()) { // a property company's staff: the cases ever sent to it
      jpql.append(" and i.propertyOrganisation = :scopeCompany");
      params.put("scopeCompany", actor.propertyCompany().get());
      return;
    }
    Roster.Scope scope = actor.scope().orElseThrow(() -> new ProblemException(org.springframework.http.HttpStatus.FORBIDDEN,
        "forbidden", "Forbidden", Text.of("incident.queue-for-staff-residents-follow"), List.of()));
    switch (scope.duty()) {
      case GRID_MEMBER, POLICE_OFFICER -> {
        jpql.append(" and i.gridCode in :scopeGrids");
        params.put("scopeGrids", scope.grids().isEmpty() ? List.of("-") : List.copyOf(scope.grids()));
      }
      case COMMUNITY_STAFF -> { jpql.append(" and i.communityCode = :scopeUnit"); params.put("scopeUnit", scope.unitCode()); }
      case SUBDISTRICT_STAFF -> { jpql.append(" and i.subdistrictCode = :scopeUnit"); params.put("scopeUnit", scope.unitCode()); }
      case DEPARTMENT_STAFF -> { jpql.append(" and i.unitCode = :scopeUnit"); params.put("scopeUnit", scope.unitCode()); }
    }
  }

  /** The JPQL twin of {@link Permissions#handles}, so that a page of "mine" is full; callers still check each case. */
  private static void restrictToHandled(Actor actor, StringBuilder jpql, Map<String, Object> params) {
    if (actor.propertyCompany().isPresent()) {
      jpql.append(" and i.status in (org.gridwatch.incident.Status.DISPATCHED, org.gridwatch.incident.Status.IN_PROGRESS)");
      jpql.append(" and i.level = org.gridwatch.incident.Level.PROPERTY and i.unitCode = :myCompany");
      params.put("myCompany", String.valueOf(actor.propertyCompany().get()));
      return;
    }
    Roster.Scope scope = actor.scope().orElse(null);
    if (scope == null) { // a planner with no roster person handles nothing
      jpql.append(" and 1 = 0");
      return;
    }
    jpql.append(" and i.status in (org.gridwatch.incident.Status.DISPATCHED, org.gridwatch.incident.Status.IN_PROGRESS)");
    jpql.append(" and (i.assigneeCode is null or i.assigneeCode = :me)");
    params.put("me", scope.personCode());
    List<Level> levels = switch (scope.duty()) {
      case GRID_MEMBER, POLICE_OFFICER -> List.of(Level.GRID);
      case COMMUNITY_STAFF -> List.of(Level.GRID, Level.COMMUNITY);
      case SUBDISTRICT_STAFF -> List.of(Level.GRID, Level.COMMUNITY, Level.SUBDISTRICT);
      case DEPARTMENT_STAFF -> List.of(Level.DEPARTMENT);
    };
    jpql.append(" and i.level in :handledLevels");
    params.put("handledLevels", levels);
    if (scope.duty() == org.gridwatch.staff.Duty.POLICE_OFFICER) {
      jpql.append(" and i.categoryCode in :policeCategories");
      params.put("policeCategories", List.copyOf(Permissions.POLICE_CATEGORIES));
    }
  }

  private static String encode(Instant deadline, long id) {
    String d = deadline == null ? "-" : deadline.toString();
    return Base64.getUrlEncoder().withoutPadding().encodeToString((d + "|" + id).getBytes(StandardCharsets.UTF_8));
  }

  private static Object[] decode(String cursor) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
      return new Object[] {parts[0].equals("-") ? null : Instant.parse(parts[0]), Long.parseLong(parts[1])};
    } catch (RuntimeException e) {
      throw ProblemException.badInput("cursor", Text.of("incident.not-cursor-from-next-link"));
    }
  }
}
