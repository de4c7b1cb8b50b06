package org.gridwatch.incident;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gridwatch.incident.tally.CaseTally;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happened in an area in a period and what is pending now: the command centre's strip of today's figures.
 * Unlike {@link Measures}, which follows the cases <em>reported</em> in the period to their outcome, this counts
 * events by their own time:
 *
 * <ul>
 *   <li><b>reported</b>: cases reported in [from, to);</li>
 *   <li><b>closed</b>: cases closed (结案) in [from, to), whenever reported; <b>closedOnTime</b> those closed with no
 *       handling deadline passed; <b>onTimeRate</b> = closedOnTime / closed (null when none closed);</li>
 *   <li><b>openNow</b>, <b>overdueNow</b>: cases open at {@code now} and those of them whose current deadline has
 *       passed (what the console's map and queue mark overdue), whenever reported.</li>
 * </ul>
 * Areas are matched by the codes cases were recorded with. Counted in the database (HQL, the same on both stores); the
 * district's and a subdistrict's reported and closed counts come from the case tally for the period's whole days.
 */
@Service
public class CaseActivity {
  public record Figures(long reported, long closed, long closedOnTime, Double onTimeRate, long openNow, long overdueNow) {}

  private static final List<Status> OPEN = Arrays.stream(Status.values()).filter(Status::open).toList();

  private final EntityManager em;
  private final CaseTally tally;

  CaseActivity(EntityManager em, CaseTally tally) {
    this.em = em;
    this.tally = tally;
  }

  /** @param areaColumn the Incident property that holds the area's code (gridCode, communityCode, ...), null for all */
  @Transactional(readOnly = true)
  public Figures in(String areaColumn, String code, Instant from, Instant to, Instant now) {
    return in(areaColumn, code, from, to, now, tally.read(CaseTally.scope(areaColumn, code), from, to));
  }

  /** As {@link #in(String, String, Instant, Instant, Instant)} with the case tally's part already read (empty: none). */
  Figures in(String areaColumn, String code, Instant from, Instant to, Instant now, Optional<CaseTally.Period> read) {
    String area = areaColumn == null ? "" : " and i." + areaColumn + " = :code";
    // The district and a subdistrict: whole days from the case tally, the parts of a day at the ends counted directly.
    List<Instant[]> spans = read.map(p -> p.split().edges()).orElse(List.<Instant[]>of(new Instant[] {from, to}));
    long reported = 0, closedCount = 0, onTime = 0;
    for (CaseTally.Sums t : read.map(p -> p.byCategory().values()).orElse(List.of())) {
      reported += t.reported();
      closedCount += t.closedThen();
      onTime += t.closedThenOnTime();
    }
    for (Instant[] span : spans) {
      reported += count("select count(i) from Incident i where i.reportedAt >= :from and i.reportedAt < :to" + area,
          areaColumn, code, span[0], span[1], null);
      var closedQuery = em.createQuery("select count(i), sum(case when i.closedOnTime = true then 1 else 0 end) from Incident i"
          + " where i.closedAt >= :from and i.closedAt < :to" + area, Object[].class)
          .setParameter("from", span[0]).setParameter("to", span[1]);
      if (areaColumn != null) closedQuery.setParameter("code", code);
      Object[] closed = closedQuery.getSingleResult();
      closedCount += n(closed[0]);
      onTime += n(closed[1]);
    }
    long open = count("select count(i) from Incident i where i.status in :open" + area, areaColumn, code, null, null, null);
    long overdue = count("select count(i) from Incident i where i.status in :open and i.deadline < :now" + area,
        areaColumn, code, null, null, now);
    Double rate = closedCount == 0 ? null : Math.round(onTime * 10000.0 / closedCount) / 10000.0;
    return new Figures(reported, closedCount, onTime, rate, open, overdue);
  }

  private long count(String jpql, String areaColumn, String code, Instant from, Instant to, Instant now) {
    var q = em.createQuery(jpql, Long.class);
    if (jpql.contains(":open")) q.setParameter("open", OPEN);
    if (from != null) q.setParameter("from", from).setParameter("to", to);
    if (now != null) q.setParameter("now", now);
    if (areaColumn != null) q.setParameter("code", code);
    return q.getSingleResult();
  }

  private static long n(Object o) { return o == null ? 0 : ((Number) o).longValue(); }
}
