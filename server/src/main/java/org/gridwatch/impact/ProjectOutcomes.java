package org.gridwatch.impact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.incident.Actor;
import org.gridwatch.need.NeedRates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcomes of one project ({@link OutcomesView}). The request rate compares the period from the start to the end
 * (or to yesterday while it runs) with a period of the same length just before the start; each rate is requests of the
 * project's categories per 1,000 residents per year; every figure is rounded from unrounded values.
 */
@Service
class ProjectOutcomes {
  private final FundedProjects projects;
  private final ImpactAccess access;
  private final Reach reach;
  private final NeedRates rates;
  private final ServedGrids served;
  private final AreaCatalog areas;
  private final DistrictProfile district;
  private final Clock clock;

  ProjectOutcomes(FundedProjects projects, ImpactAccess access, Reach reach, NeedRates rates, ServedGrids served,
      AreaCatalog areas, DistrictProfile district, Clock clock) {
    this.projects = projects;
    this.access = access;
    this.reach = reach;
    this.rates = rates;
    this.served = served;
    this.areas = areas;
    this.district = district;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public OutcomesView of(long id, Actor actor) {
    FundedProject p = access.visible(projects.find(id), id, actor);
    Reach.Count people = reach.of(List.of(id));
    Set<String> reached = reach.gridsReached(id);
    reached.retainAll(p.targetGrids());
    BigDecimal costPer = people.people() == 0 ? null : p.released().divide(BigDecimal.valueOf(people.people()), 2, RoundingMode.HALF_UP);
    Double share = p.targetGrids().isEmpty() ? null : share(reached.size(), p.targetGrids().size());
    RateOrReason rate = requestRate(p);
    return new OutcomesView(id, p.committed(), p.released(), p.stopped(), people.people(), p.kpiBeneficiaries(), people.basis(),
        costPer, people.sessions(), p.kpiSessions(), people.outside(), p.targetGrids().size(), reached.size(), share, rate.rate(),
        rate.reason());
  }

  private record RateOrReason(OutcomesView.RequestRate rate, String reason) {
    static RateOrReason because(String reason) { return new RateOrReason(null, reason); }
  }

  private RateOrReason requestRate(FundedProject p) {
    if (p.startedOn() == null) return RateOrReason.because("not-started");
    if (p.categories().isEmpty()) return RateOrReason.because("no-categories");
    ZoneId zone = district.timeZone();
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate afterEnd = p.endedOn() == null ? today : min(p.endedOn().plusDays(1), today); // exclusive
    long days = ChronoUnit.DAYS.between(p.startedOn(), afterEnd);
    if (days <= 0) return RateOrReason.because("no-days");
    LocalDate beforeFrom = p.startedOn().minusDays(days);
    AreaCatalog.Snapshot s = areas.now();
    Set<String> comparison = new HashSet<>();
    Set<String> servedSomewhen = served.gridsServed(p.categories(), beforeFrom, afterEnd);
    for (AreaView g : s.level(AreaLevel.GRID)) {
      if (g.residents() > 0 && !p.targetGrids().contains(g.code()) && !servedSomewhen.contains(g.code())) comparison.add(g.code());
    }
    Map<String, Long> before = rates.countsByGrid(p.categories(), beforeFrom.atStartOfDay(zone).toInstant(),
        p.startedOn().atStartOfDay(zone).toInstant());
    Map<String, Long> after = rates.countsByGrid(p.categories(), p.startedOn().atStartOfDay(zone).toInstant(),
        afterEnd.atStartOfDay(zone).toInstant());
    long targetResidents = residents(s, p.targetGrids());
    if (targetResidents == 0) return RateOrReason.because("no-target-residents");
    if (comparison.isEmpty()) return RateOrReason.because("no-comparison-grids");
    long tBefore = sum(before, p.targetGrids()), tAfter = sum(after, p.targetGrids());
    long cBefore = sum(before, comparison), cAfter = sum(after, comparison);
    if (tBefore + cBefore == 0) return RateOrReason.because("no-case-history");
    long compResidents = residents(s, comparison);
    double tb = perThousandPerYear(tBefore, targetResidents, days), ta = perThousandPerYear(tAfter, targetResidents, days);
    double cb = perThousandPerYear(cBefore, compResidents, days), ca = perThousandPerYear(cAfter, compResidents, days);
    var target = new OutcomesView.Rates(tBefore, tAfter, targetResidents, rate(tb), rate(ta), rate(ta - tb));
    var comp = new OutcomesView.ComparisonRates(comparison.size(), cBefore, cAfter, compResidents, rate(cb), rate(ca), rate(ca - cb));
    return new RateOrReason(new OutcomesView.RequestRate(p.categories().get(0), p.categories(), target, comp,
        rate((ta - tb) - (ca - cb)), true, new OutcomesView.Period(beforeFrom, p.startedOn().minusDays(1), days),
        new OutcomesView.Period(p.startedOn(), afterEnd.minusDays(1), days)), null);
  }

  static double perThousandPerYear(long count, long residents, long days) { return count * 1000.0 / residents * 365.0 / days; }

  static BigDecimal rate(double v) { return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP); }

  static Double share(long part, long whole) {
    return whole == 0 ? null : BigDecimal.valueOf((double) part / whole).setScale(4, RoundingMode.HALF_UP).doubleValue();
  }

  private static long residents(AreaCatalog.Snapshot s, Set<String> grids) {
    return grids.stream().mapToLong(g -> s.find(g).map(AreaView::residents).orElse(0)).sum();
  }

  private static long sum(Map<String, Long> counts, Set<String> grids) {
    return grids.stream().mapToLong(g -> counts.getOrDefault(g, 0L)).sum();
  }

  private static LocalDate min(LocalDate a, LocalDate b) { return a.isBefore(b) ? a : b; }
}
