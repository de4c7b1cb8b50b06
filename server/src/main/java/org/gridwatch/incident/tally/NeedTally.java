package org.gridwatch.incident.tally;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridwatch.area.DistrictProfile;
import org.springframework.stereotype.Component;

/**
 * Reads the need tally ({@code need_tally}, migration V25_2): per month of the district's zone and per recorded grid
 * (with its recorded community, subdistrict and district), the cases the needs map counts — not a duplicate, not
 * merged, all categories — kept exact by the case tally's triggers in the writing transaction (see
 * {@link CaseTallyTrigger}). A period of instants is read as its whole months from the tally plus its edges (the parts of
 * a month at either end, see {@link #months}), which the caller counts directly: a year of every grid is about
 * 12 × grids rows whatever the number of cases.
 *
 * <p>Used only when the tallies' zone is the deployment's (as {@link CaseTally}). Call inside the caller's transaction.
 * Thread-safe.
 */
@Component
public class NeedTally {
  /** The columns a level's figure is summed over (the codes recorded with each case). */
  private static final Set<String> COLUMNS = Set.of("grid_code", "community_code", "subdistrict_code");

  private final EntityManager em;
  private final DistrictProfile district;
  private final CaseTally cases;

  NeedTally(EntityManager em, DistrictProfile district, CaseTally cases) {
    this.em = em;
    this.district = district;
    this.cases = cases;
  }

  /**
   * [from, to) cut at the first instants of the district's months: the whole months [firstDay, endDay) (both the first
   * day of a month; none when firstDay is not before endDay) and the edges to count directly; empty when the tally
   * cannot be used.
   */
  public Optional<CaseTally.Split> months(Instant from, Instant to) {
    if (!cases.usable()) return Optional.empty();
    ZoneId zone = district.timeZone();
    LocalDate first = from.atZone(zone).toLocalDate().withDayOfMonth(1);
    if (first.atStartOfDay(zone).toInstant().isBefore(from)) first = first.plusMonths(1);
    LocalDate end = to.atZone(zone).toLocalDate().withDayOfMonth(1);
    if (!first.isBefore(end)) return Optional.of(new CaseTally.Split(first, first, List.<Instant[]>of(new Instant[] {from, to})));
    List<Instant[]> edges = new ArrayList<>();
    Instant monthsStart = first.atStartOfDay(zone).toInstant(), monthsEnd = end.atStartOfDay(zone).toInstant();
    if (from.isBefore(monthsStart)) edges.add(new Instant[] {from, monthsStart});
    if (monthsEnd.isBefore(to)) edges.add(new Instant[] {monthsEnd, to});
    return Optional.of(new CaseTally.Split(first, end, edges));
  }

  /**
   * The needs map's count per code of {@code column} ({@code grid_code}, {@code community_code} or
   * {@code subdistrict_code}) over the months [firstMonth, endMonth); codes that sum to zero are absent.
   */
  public Map<String, Long> countedBy(String column, LocalDate firstMonth, LocalDate endMonth) {
    if (!COLUMNS.contains(column)) throw new IllegalArgumentException("no need tally column " + column);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("SELECT " + column + ", sum(counted) FROM need_tally WHERE in_month >= ?1"
        + " AND in_month < ?2 GROUP BY " + column).setParameter(1, firstMonth).setParameter(2, endMonth).getResultList();
    Map<String, Long> out = new HashMap<>();
    for (Object[] r : rows) {
      long n = r[1] == null ? 0 : ((Number) r[1]).longValue();
      if (n != 0) out.put((String) r[0], n);
    }
    return out;
  }
}
