package org.gridwatch.incident;

import org.gridwatch.incident.tally.CaseTally;
import org.gridwatch.replica.MayLag;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Performance measures of grid management over the cases reported in [from, to) in an area, overall and per
 * category. The cases counted:
 *
 * <ul>
 *   <li><b>due</b> (应结案数): cases accepted for handling — every case except those rejected (注销) or merged into
 *       another;</li>
 *   <li><b>closureRate</b> (结案率) = closed / due;</li>
 *   <li><b>onTimeClosureRate</b> (按期结案率) = closed without any handling deadline passing before resolution
 *       / due;</li>
 *   <li><b>handlingRate</b> (处置率) = handled (resolved at least once) / dispatched;</li>
 *   <li><b>reworkRate</b> (返工率) = handled cases reopened at least once (返工) / handled;</li>
 *   <li><b>averageHandlingHours</b>: mean hours from first dispatch to resolution, over handled cases;</li>
 *   <li><b>rated</b>: cases their reporter rated (综合评价); <b>satisfied</b>: rated 满意 or 基本满意;
 *       <b>satisfactionRate</b> (满意率) = satisfied / rated;</li>
 *   <li><b>disputesResolvedInGridRate</b> (邻里纠纷不出网格): neighbour disputes closed that were settled inside
 *       their grid — by mediation at the grid or by a grid or compound council's agreement ({@code settledInGrid}) —
 *       / neighbour disputes closed.</li>
 * </ul>
 * Cases transferred to the police (移交) are not due: they count as <b>transferred</b>. <b>breached</b> counts the
 * cases whose handling deadline passed, against the area that kept them (督办).
 * A rate whose denominator is zero is null. Aggregation runs in the database (HQL, the same on both stores).
 */
@Service
public class Measures {
  public record Figures(long due, long closed, long closedOnTime, long dispatched, long handled, long reworked,
      Double averageHandlingHours, long disputesClosed, long disputesClosedInGrid, long transferred, long breached, long rated,
      long satisfied) {

    public Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("due", due);
      m.put("closed", closed);
      m.put("closureRate", rate(closed, due));
      m.put("onTimeClosureRate", rate(closedOnTime, due));
      m.put("rated", rated);
      m.put("satisfied", satisfied);
      m.put("satisfactionRate", rate(satisfied, rated));
      m.put("handlingRate", rate(handled, dispatched));
      m.put("reworkRate", rate(reworked, handled));
      m.put("averageHandlingHours", averageHandlingHours == null ? null : Math.round(averageHandlingHours * 10) / 10.0);
      m.put("disputesResolvedInGridRate", rate(disputesClosedInGrid, disputesClosed));
      m.put("transferred", transferred);
      m.put("breached", breached);
      return m;
    }

    /** Both together (the average handling time weighted by the cases handled). */
    Figures plus(Figures o) {
      long h = handled + o.handled;
      double hours = (averageHandlingHours == null ? 0 : averageHandlingHours * handled)
          + (o.averageHandlingHours == null ? 0 : o.averageHandlingHours * o.handled);
      return new Figures(due + o.due, closed + o.closed, closedOnTime + o.closedOnTime, dispatched + o.dispatched, h,
          reworked + o.reworked, h == 0 ? null : hours / h, disputesClosed + o.disputesClosed, disputesClosedInGrid + o.disputesClosedInGrid,
          transferred + o.transferred, breached + o.breached, rated + o.rated, satisfied + o.satisfied);
    }

    static Double rate(long part, long whole) { return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0; }
  }

  private static final String SELECT = "select i.categoryCode, "
      + "sum(case when i.status not in (org.gridwatch.incident.Status.REJECTED, org.gridwatch.incident.Status.MERGED, "
      + "org.gridwatch.incident.Status.TRANSFERRED) then 1 else 0 end), "
      + "sum(case when i.closedAt is not null then 1 else 0 end), "
      + "sum(case when i.closedAt is not null and i.closedOnTime = true then 1 else 0 end), "
      + "sum(case when i.dispatchedAt is not null then 1 else 0 end), "
      + "sum(case when i.resolvedAt is not null then 1 else 0 end), "
      + "sum(case when i.resolvedAt is not null and i.reopenings > 0 then 1 else 0 end), "
      + "sum(case when i.resolvedAt is not null then (i.resolvedAt - i.dispatchedAt) by second else 0 end), "
      + "sum(case when i.closedAt is not null and i.categoryCode = 'NEIGHBOUR_DISPUTE' then 1 else 0 end), "
      + "sum(case when i.closedAt is not null and i.categoryCode = 'NEIGHBOUR_DISPUTE' and i.settledInGrid = true then 1 else 0 end), "
      + "sum(case when i.status = org.gridwatch.incident.Status.TRANSFERRED then 1 else 0 end), "
      + "sum(case when i.breached = true and i.status <> org.gridwatch.incident.Status.TRANSFERRED then 1 else 0 end), "
      + "sum(case when f.rating is not null then 1 else 0 end), "
      + "sum(case when f.rating in (org.gridwatch.incident.Rating.SATISFIED, org.gridwatch.incident.Rating.BASICALLY_SATISFIED) "
      + "then 1 else 0 end) "
      + "from Incident i left join Feedback f on f.incidentId = i.id where i.reportedAt >= :from and i.reportedAt < :to";

  private final EntityManager em;
  private final CaseTally tally;
  private final CaseActivity activity;

  Measures(EntityManager em, CaseTally tally, CaseActivity activity) {
    this.em = em;
    this.tally = tally;
    this.activity = activity;
  }

  /**
   * @param areaColumn the Incident property that holds the area's code (gridCode, communityCode, ...), null for all.
   * The district and a subdistrict are read from the case tally for the whole days of the period and counted directly
   * for the parts of a day at its ends; a community or a grid (a few thousand cases a year) directly.
   */
  @MayLag
  @Transactional(readOnly = true)
  public Map<String, Figures> byCategory(String areaColumn, String code, Instant from, Instant to) {
    return byCategory(areaColumn, code, from, to, tally.read(CaseTally.scope(areaColumn, code), from, to));
  }

  /** What {@code GET /api/v1/measures} shows of an area by its recorded codes: the three from one read of the tally. */
  public record Report(Map<String, Figures> byCategory, PropertyTier propertyTier, CaseActivity.Figures activity) {}

  /**
   * {@link #byCategory}, {@link #propertyTier} and {@link CaseActivity#in} of an area (by recorded codes), in one
   * transaction and with one read of the case tally for the three.
   */
  @MayLag
  @Transactional(readOnly = true)
  public Report report(String areaColumn, String code, Instant from, Instant to, Instant now) {
    Optional<CaseTally.Period> read = tally.read(CaseTally.scope(areaColumn, code), from, to);
    return new Report(byCategory(areaColumn, code, from, to, read), propertyTier(areaColumn, code, from, to, read),
        activity.in(areaColumn, code, from, to, now, read));
  }

  private Map<String, Figures> byCategory(String areaColumn, String code, Instant from, Instant to, Optional<CaseTally.Period> read) {
    if (read.isEmpty()) return counted(areaColumn, code, from, to);
    Map<String, Figures> out = new LinkedHashMap<>();
    read.get().byCategory().forEach((c, t) -> {
      if (t.reported() > 0) out.put(c, figures(t));
    });
    for (Instant[] edge : read.get().split().edges()) counted(areaColumn, code, edge[0], edge[1]).forEach((c, f) -> out.merge(c, f, Figures::plus));
    return out;
  }

  private static Figures figures(CaseTally.Sums t) {
    return new Figures(t.due(), t.closed(), t.closedOnTime(), t.dispatched(), t.handled(), t.reworked(),
        t.handled() == 0 ? null : t.handlingSeconds().doubleValue() / 3600.0 / t.handled(), t.disputesClosed(),
        t.disputesInGrid(), t.transferred(), t.breached(), t.rated(), t.satisfied());
  }

  /** The figures counted directly from the cases (the reference the tally is kept equal to). */
  Map<String, Figures> counted(String areaColumn, String code, Instant from, Instant to) {
    String jpql = SELECT + (areaColumn == null ? "" : " and i." + areaColumn + " = :code") + " group by i.categoryCode";
    var q = em.createQuery(jpql, Object[].class).setParameter("from", from).setParameter("to", to);
    if (areaColumn != null) q.setParameter("code", code);
    return read(q.getResultList());
  }

  private static Map<String, Figures> read(List<Object[]> rows) {
    Map<String, Figures> out = new LinkedHashMap<>();
    for (Object[] r : rows) {
      long handled = n(r[5]);
      out.put((String) r[0], new Figures(n(r[1]), n(r[2]), n(r[3]), n(r[4]), handled, n(r[6]),
          handled == 0 ? null : d(r[7]) / 3600.0 / handled, n(r[8]), n(r[9]), n(r[10]), n(r[11]), n(r[12]), n(r[13])));
    }
    return out;
  }

  /**
   * The property tier (物业优先) over the cases reported in [from, to) that went to a property company first:
   * <b>cases</b>; <b>firstResponseOnTime</b>, those whose company's staff first acted (accepted, resolved, handed up
   * or returned) before the tier's deadline, and <b>onTimeRate</b> = that / cases; <b>closedAtProperty</b>, those
   * closed while at the property tier, and <b>closedShare</b> = that / cases. Rates of no cases are null.
   */
  public record PropertyTier(long cases, long firstResponseOnTime, Double onTimeRate, long closedAtProperty, Double closedShare) {
    static PropertyTier of(long cases, long onTime, long closed) {
      return new PropertyTier(cases, onTime, Figures.rate(onTime, cases), closed, Figures.rate(closed, cases));
    }
  }

  private static final String PROPERTY_TIER = "select count(i), "
      + "sum(case when i.propertyRespondedAt is not null and i.propertyRespondedAt <= i.propertyDeadline then 1 else 0 end), "
      + "sum(case when i.closedAt is not null and i.level = org.gridwatch.incident.Level.PROPERTY then 1 else 0 end) "
      + "from Incident i where i.propertyOrganisation is not null and i.reportedAt >= :from and i.reportedAt < :to";

  /** The property tier of the cases recorded in an area ({@code areaColumn} as for {@link #byCategory}; null: all). */
  @MayLag
  @Transactional(readOnly = true)
  public PropertyTier propertyTier(String areaColumn, String code, Instant from, Instant to) {
    return propertyTier(areaColumn, code, from, to, tally.read(CaseTally.scope(areaColumn, code), from, to));
  }

  private PropertyTier propertyTier(String areaColumn, String code, Instant from, Instant to, Optional<CaseTally.Period> read) {
    if (read.isEmpty()) return propertyTierCounted(areaColumn, code, from, to);
    long cases = 0, onTime = 0, closed = 0;
    for (CaseTally.Sums t : read.get().byCategory().values()) {
      cases += t.propertyCases();
      onTime += t.propertyOnTime();
      closed += t.propertyClosed();
    }
    for (Instant[] edge : read.get().split().edges()) {
      PropertyTier e = propertyTierCounted(areaColumn, code, edge[0], edge[1]);
      cases += e.cases();
      onTime += e.firstResponseOnTime();
      closed += e.closedAtProperty();
    }
    return PropertyTier.of(cases, onTime, closed);
  }

  PropertyTier propertyTierCounted(String areaColumn, String code, Instant from, Instant to) {
    var q = em.createQuery(PROPERTY_TIER + (areaColumn == null ? "" : " and i." + areaColumn + " = :code"), Object[].class)
        .setParameter("from", from).setParameter("to", to);
    if (areaColumn != null) q.setParameter("code", code);
    Object[] r = q.getSingleResult();
    return PropertyTier.of(n(r[0]), n(r[1]), n(r[2]));
  }

  /** The property tier of the cases reported inside an outline (see {@link #byCategoryWithin}). */
  @MayLag
  @Transactional(readOnly = true)
  public PropertyTier propertyTierWithin(org.locationtech.jts.geom.Geometry outline, Instant from, Instant to) {
    List<Long> ids = idsWithin(outline, from, to);
    long cases = 0, onTime = 0, closed = 0;
    for (int i = 0; i < ids.size(); i += 1000) {
      Object[] r = em.createQuery(PROPERTY_TIER + " and i.id in :ids", Object[].class).setParameter("from", from)
          .setParameter("to", to).setParameter("ids", ids.subList(i, Math.min(ids.size(), i + 1000))).getSingleResult();
      cases += n(r[0]);
      onTime += n(r[1]);
      closed += n(r[2]);
    }
    return PropertyTier.of(cases, onTime, closed);
  }

  /**
   * The same figures for the cases reported inside an outline — an area's current one or one it had in the past —
   * whatever codes the cases were recorded with: measures on new or old boundaries.
   */
  @MayLag
  @Transactional(readOnly = true)
  public Map<String, Figures> byCategoryWithin(org.locationtech.jts.geom.Geometry outline, Instant from, Instant to) {
    List<Long> ids = idsWithin(outline, from, to);
    Map<String, Figures> out = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i += 1000) {
      var q = em.createQuery(SELECT + " and i.id in :ids group by i.categoryCode", Object[].class).setParameter("from", from)
          .setParameter("to", to).setParameter("ids", ids.subList(i, Math.min(ids.size(), i + 1000)));
      read(q.getResultList()).forEach((c, f) -> out.merge(c, f, Figures::plus));
    }
    return out;
  }

  /** The ids of the cases reported in [from, to) inside an outline (its boundary included). */
  private List<Long> idsWithin(org.locationtech.jts.geom.Geometry outline, Instant from, Instant to) {
    var box = outline.getEnvelopeInternal();
    var inside = org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(outline);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("select id, ST_X(location), ST_Y(location) from incident where reported_at >= ?1"
        + " and reported_at < ?2 and ST_X(location) between ?3 and ?4 and ST_Y(location) between ?5 and ?6")
        .setParameter(1, from).setParameter(2, to).setParameter(3, box.getMinX()).setParameter(4, box.getMaxX())
        .setParameter(5, box.getMinY()).setParameter(6, box.getMaxY()).getResultList();
    List<Long> ids = new ArrayList<>();
    for (Object[] r : rows) {
      if (inside.covers(org.gridwatch.geo.Geometries.point(((Number) r[1]).doubleValue(), ((Number) r[2]).doubleValue()))) {
        ids.add(((Number) r[0]).longValue());
      }
    }
    return ids;
  }

  /** The overall figures: the sum over categories. */
  public static Figures total(Map<String, Figures> byCategory) {
    List<Figures> all = new ArrayList<>(byCategory.values());
    long handled = all.stream().mapToLong(Figures::handled).sum();
    double hours = all.stream().filter(f -> f.averageHandlingHours() != null)
        .mapToDouble(f -> f.averageHandlingHours() * f.handled()).sum();
    return new Figures(all.stream().mapToLong(Figures::due).sum(), all.stream().mapToLong(Figures::closed).sum(),
        all.stream().mapToLong(Figures::closedOnTime).sum(), all.stream().mapToLong(Figures::dispatched).sum(), handled,
        all.stream().mapToLong(Figures::reworked).sum(), handled == 0 ? null : hours / handled,
        all.stream().mapToLong(Figures::disputesClosed).sum(), all.stream().mapToLong(Figures::disputesClosedInGrid).sum(),
        all.stream().mapToLong(Figures::transferred).sum(), all.stream().mapToLong(Figures::breached).sum(),
        all.stream().mapToLong(Figures::rated).sum(), all.stream().mapToLong(Figures::satisfied).sum());
  }

  private static long n(Object o) { return o == null ? 0 : ((Number) o).longValue(); }
  private static double d(Object o) { return o == null ? 0 : ((Number) o).doubleValue(); }
}
