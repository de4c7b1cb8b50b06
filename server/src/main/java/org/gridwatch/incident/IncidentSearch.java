package org.gridwatch.incident;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to cases for the standard interfaces (Open311, OGC API): by public id, and filtered lists newest
 * first. What they may show of a case is their business; this service only finds.
 */
@Service
@Transactional(readOnly = true)
public class IncidentSearch {
  /** Filters of a list; null or empty members are not applied. */
  public record Criteria(List<String> publicIds, List<String> categories, List<Status> statuses, Instant from,
      Instant to, String gridCode, org.locationtech.jts.geom.Polygon bbox) {
    public Criteria(List<String> publicIds, List<String> categories, List<Status> statuses, Instant from, Instant to, String gridCode) {
      this(publicIds, categories, statuses, from, to, gridCode, null);
    }
  }

  private final EntityManager em;
  private final IncidentRepository incidents;
  private final IncidentEventRepository events;

  IncidentSearch(EntityManager em, IncidentRepository incidents, IncidentEventRepository events) {
    this.em = em;
    this.incidents = incidents;
    this.events = events;
  }

  public Optional<Incident> byPublicId(String publicId) { return incidents.findByPublicId(publicId); }

  /** Where a case was reported: its grid and point, for spatial analysis (no personal data). */
  public record Where(String gridCode, double lon, double lat) {}

  /** Every case reported since {@code since}, as points. */
  public List<Where> reportedSince(Instant since) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("select grid_code, ST_X(location), ST_Y(location) from incident where reported_at >= ?1 order by id")
        .setParameter(1, since).getResultList();
    return rows.stream().map(r -> new Where((String) r[0], ((Number) r[1]).doubleValue(), ((Number) r[2]).doubleValue())).toList();
  }

  /** Where and when a case was reported (no personal data). */
  public record DatedWhere(Instant reportedAt, String gridCode, double lon, double lat) {}

  /** Every case reported since {@code since}, as dated points. */
  public List<DatedWhere> reportedSinceDated(Instant since) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("select reported_at, grid_code, ST_X(location), ST_Y(location) from incident where reported_at >= ?1 order by id")
        .setParameter(1, since).getResultList();
    return rows.stream().map(r -> new DatedWhere(instant(r[0]), (String) r[1], ((Number) r[2]).doubleValue(),
        ((Number) r[3]).doubleValue())).toList();
  }

  /** A timestamp as the store's driver gives it (H2: OffsetDateTime; PostgreSQL: Timestamp or Instant). */
  private static Instant instant(Object t) {
    if (t instanceof Instant i) return i;
    if (t instanceof java.time.OffsetDateTime o) return o.toInstant();
    if (t instanceof java.sql.Timestamp ts) return ts.toInstant();
    throw new IllegalStateException("unexpected timestamp type " + t.getClass());
  }

  public Optional<Incident> byId(long id) { return incidents.findById(id); }

  public List<IncidentEvent> history(Incident i) { return events.findByIncidentIdOrderByAtAscIdAsc(i.getId()); }

  /** The latest note of one of these event types (e.g. the resolution feedback), if any. */
  public Optional<String> lastNote(Incident i, IncidentEvent.Type... types) {
    List<IncidentEvent> h = history(i);
    for (int k = h.size() - 1; k >= 0; k--) {
      IncidentEvent e = h.get(k);
      if (e.getNote() != null && List.of(types).contains(e.getType())) return Optional.of(e.getNote());
    }
    return Optional.empty();
  }

  public long count(Criteria c) {
    Map<String, Object> params = new HashMap<>();
    TypedQuery<Long> q = em.createQuery("select count(i) from Incident i where " + where(c, params), Long.class);
    params.forEach(q::setParameter);
    return q.getSingleResult();
  }

  /** In id order after {@code afterId} (keyset paging), at most {@code limit}. */
  public List<Incident> listById(Criteria c, long afterId, int limit) {
    Map<String, Object> params = new HashMap<>();
    TypedQuery<Incident> q = em.createQuery("select i from Incident i where " + where(c, params)
        + " and i.id > :afterId order by i.id", Incident.class);
    params.forEach(q::setParameter);
    q.setParameter("afterId", afterId);
    return q.setMaxResults(limit).getResultList();
  }

  /** Newest first, then by id; {@code offset} rows skipped. */
  public List<Incident> list(Criteria c, int offset, int limit) {
    Map<String, Object> params = new HashMap<>();
    TypedQuery<Incident> q = em.createQuery("select i from Incident i where " + where(c, params)
        + " order by i.reportedAt desc, i.id desc", Incident.class);
    params.forEach(q::setParameter);
    return q.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  private static String where(Criteria c, Map<String, Object> params) {
    StringBuilder w = new StringBuilder("1 = 1");
    if (c.publicIds() != null && !c.publicIds().isEmpty()) { w.append(" and i.publicId in :ids"); params.put("ids", c.publicIds()); }
    if (c.categories() != null && !c.categories().isEmpty()) { w.append(" and i.categoryCode in :cats"); params.put("cats", c.categories()); }
    if (c.statuses() != null && !c.statuses().isEmpty()) { w.append(" and i.status in :statuses"); params.put("statuses", c.statuses()); }
    if (c.from() != null) { w.append(" and i.reportedAt >= :from"); params.put("from", c.from()); }
    if (c.to() != null) { w.append(" and i.reportedAt < :to"); params.put("to", c.to()); }
    if (c.gridCode() != null) { w.append(" and i.gridCode = :grid"); params.put("grid", c.gridCode()); }
    if (c.bbox() != null) { w.append(" and st_intersects(i.location, :bbox) = true"); params.put("bbox", c.bbox()); }
    return w.toString();
  }
}
