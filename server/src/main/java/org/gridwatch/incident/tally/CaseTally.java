package org.gridwatch.incident.tally;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridwatch.area.DistrictProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the case tally ({@code case_tally}, migration V25_1): the measures' sums per day of the district's zone, per
 * category, for the whole district (scope {@code ""}) or one subdistrict (scope = its code), kept exact by triggers on
 * both stores in the same transaction as every change of a case or its rating. A period of instants is read as its
 * whole days from the tally plus its edges (the parts of a day at either end, see {@link Split}), which the caller
 * counts directly from the cases: so a year is about 365 × categories rows whatever the number of cases.
 *
 * <p>Used only when the tally's zone is the deployment's ({@code gridwatch.district.time-zone}); a deployment whose
 * zone changed after the tally was built is counted directly (exact, slower) and warned about once. Call inside the
 * caller's transaction (it reads through its EntityManager). Thread-safe.
 */
@Component
public class CaseTally {
  private static final Logger log = LoggerFactory.getLogger(CaseTally.class);

  /** The sums of the rows read: reported-day sums, then closed-day sums ({@code closedThen...}). */
  public record Sums(long reported, long counted, long due, long closed, long closedOnTime, long dispatched, long handled,
      long reworked, BigDecimal handlingSeconds, long disputesClosed, long disputesInGrid, long transferred, long breached,
      long rated, long satisfied, long propertyCases, long propertyOnTime, long propertyClosed, long closedThen,
      long closedThenOnTime) {}

  /**
   * A period [from, to) cut at the district's midnights: the whole days [firstDay, endDay) (none when firstDay is not
   * before endDay) and the edges, each a [start, end) of instants to count directly.
   */
  public record Split(LocalDate firstDay, LocalDate endDay, List<Instant[]> edges) {
    public boolean hasDays() { return firstDay.isBefore(endDay); }
  }

  private static final String SUMS = "sum(reported), sum(counted), sum(due), sum(closed), sum(closed_on_time), sum(dispatched),"
      + " sum(handled), sum(reworked), sum(handling_seconds), sum(disputes_closed), sum(disputes_in_grid), sum(transferred),"
      + " sum(breached), sum(rated), sum(satisfied), sum(property_cases), sum(property_on_time), sum(property_closed),"
      + " sum(closed_then), sum(closed_then_on_time)";

  private final EntityManager em;
  private final DistrictProfile district;
  private volatile Boolean usable;

  CaseTally(EntityManager em, DistrictProfile district) {
    this.em = em;
    this.district = district;
  }

  /** The tally's scope for an area filter: "" for the district (no filter), the code for a subdistrict, else null. */
  public static String scope(String areaColumn, String code) {
    if (areaColumn == null) return "";
    return "subdistrictCode".equals(areaColumn) || "subdistrict_code".equals(areaColumn) ? code : null;
  }

  /** [from, to) cut at the district's midnights; empty when the tally cannot be used (its zone is not the district's). */
  public Optional<Split> split(Instant from, Instant to) {
    if (!usable()) return Optional.empty();
    ZoneId zone = district.timeZone();
    LocalDate first = from.atZone(zone).toLocalDate();
    if (first.atStartOfDay(zone).toInstant().isBefore(from)) first = first.plusDays(1);
    LocalDate end = to.atZone(zone).toLocalDate();
    if (!first.isBefore(end)) return Optional.of(new Split(first, first, List.<Instant[]>of(new Instant[] {from, to})));
    List<Instant[]> edges = new ArrayList<>();
    Instant daysStart = first.atStartOfDay(zone).toInstant(), daysEnd = end.atStartOfDay(zone).toInstant();
    if (from.isBefore(daysStart)) edges.add(new Instant[] {from, daysStart});
    if (daysEnd.isBefore(to)) edges.add(new Instant[] {daysEnd, to});
    return Optional.of(new Split(first, end, edges));
  }

  /** A period read from the tally: its split and the sums per category of its whole days (none: empty). */
  public record Period(Split split, Map<String, Sums> byCategory) {}

  /**
   * The tally's part of [from, to) for a scope (see {@link #scope}), read once: empty when the scope has no tally (null)
   * or the tally cannot be used; then the caller counts the whole period directly.
   */
  public Optional<Period> read(String scope, Instant from, Instant to) {
    if (scope == null) return Optional.empty();
    return split(from, to).map(s -> new Period(s, s.hasDays() ? byCategory(scope, s.firstDay(), s.endDay()) : Map.of()));
  }

  /** The sums per category over the days [firstDay, endDay) of a scope; categories with no row are absent. */
  public Map<String, Sums> byCategory(String scope, LocalDate firstDay, LocalDate endDay) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("SELECT category_code, " + SUMS + " FROM case_tally WHERE scope = ?1"
        + " AND on_day >= ?2 AND on_day < ?3 GROUP BY category_code").setParameter(1, scope).setParameter(2, firstDay)
        .setParameter(3, endDay).getResultList();
    Map<String, Sums> out = new LinkedHashMap<>();
    for (Object[] r : rows) out.put((String) r[0], sums(r, 1));
    return out;
  }

  /**
   * The needs map's count (cases reported, not duplicates, not merged) per subdistrict over the days [firstDay, endDay)
   * of any of the categories (empty: all).
   */
  public Map<String, Long> countedBySubdistrict(Collection<String> categories, LocalDate firstDay, LocalDate endDay) {
    String in = categories.isEmpty() ? "" : " AND category_code IN (:categories)";
    var q = em.createNativeQuery("SELECT scope, sum(counted) FROM case_tally WHERE scope <> '' AND on_day >= :first"
        + " AND on_day < :end" + in + " GROUP BY scope").setParameter("first", firstDay).setParameter("end", endDay);
    if (!categories.isEmpty()) q.setParameter("categories", categories);
    Map<String, Long> out = new HashMap<>();
    for (Object o : q.getResultList()) {
      Object[] r = (Object[]) o;
      long n = ((Number) r[1]).longValue();
      if (n != 0) out.put((String) r[0], n);
    }
    return out;
  }

  /** Whether the tallies count in the deployment's zone (else callers count directly); warns once when not. */
  boolean usable() {
    Boolean u = usable;
    if (u == null) {
      Object zone = em.createNativeQuery("SELECT zone FROM case_tally_zone").getResultList().stream().findFirst().orElse(null);
      u = district.timeZone().getId().equals(zone);
      if (!u) log.warn("The case tally counts days in {} but the district's zone is {}: the measures are counted directly"
          + " from the cases (exact, slower) until the tally is rebuilt.", zone, district.timeZone().getId());
      usable = u;
    }
    return u;
  }

  private static Sums sums(Object[] r, int i) {
    return new Sums(n(r[i]), n(r[i + 1]), n(r[i + 2]), n(r[i + 3]), n(r[i + 4]), n(r[i + 5]), n(r[i + 6]), n(r[i + 7]),
        r[i + 8] == null ? BigDecimal.ZERO : new BigDecimal(r[i + 8].toString()), n(r[i + 9]), n(r[i + 10]), n(r[i + 11]),
        n(r[i + 12]), n(r[i + 13]), n(r[i + 14]), n(r[i + 15]), n(r[i + 16]), n(r[i + 17]), n(r[i + 18]), n(r[i + 19]));
  }

  private static long n(Object o) { return o == null ? 0 : ((Number) o).longValue(); }
}
