package org.gridwatch.need;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DayPeriod;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unmet demand: the areas of a level whose request rate for a category lies above a percentile of the level's rates
 * (every area counted, zeros included) and that no running project serves for that category today.
 *
 * <p>The threshold is the percentile by linear interpolation between closest ranks (the common "type 7" definition):
 * with the n rates sorted, rank p/100·(n−1). An area must lie strictly above it, so where most areas ask nothing the
 * threshold is 0 and every area that asked anything qualifies.
 *
 * <p>Served: a grid is served when a serving project of the category targets it (or its community); a community or
 * subdistrict only when every one of its grids is served — a project in one corner does not meet the demand of the
 * whole area, so such an area stays listed as unmet.
 */
@Component
class UnmetDemand {
  /** An area above the threshold that no project serves. */
  record UnmetArea(String code, String name, String nameEn, long count, long cases, long bookings, int residents, BigDecimal rate,
      boolean served) {}

  record Answer(String level, String category, LocalDate from, LocalDate to, int percentile, BigDecimal threshold,
      List<UnmetArea> areas) {}

  private final NeedsMap map;
  private final ProjectCoverage coverage;
  private final AreaCatalog catalog;

  UnmetDemand(NeedsMap map, ProjectCoverage coverage, AreaCatalog catalog) {
    this.map = map;
    this.coverage = coverage;
    this.catalog = catalog;
  }

  @Transactional(readOnly = true)
  Answer of(AreaLevel level, String category, DayPeriod period, int percentile, LocalDate today) {
    NeedsMap.Answer figures = map.of(level, category, period);
    BigDecimal threshold = percentile(figures.areas().stream().map(NeedsMap.AreaNeed::rate).sorted().toList(), percentile);
    Set<String> served = coverage.gridsServed(today).getOrDefault(category, Set.of());
    AreaCatalog.Snapshot s = catalog.now();
    List<UnmetArea> unmet = figures.areas().stream()
        .filter(a -> a.rate().compareTo(threshold) > 0)
        .filter(a -> s.find(a.code()).map(area -> !served(s, area, served)).orElse(true))
        .sorted((x, y) -> y.rate().compareTo(x.rate()))
        .map(a -> new UnmetArea(a.code(), a.name(), a.nameEn(), a.count(), a.cases(), a.bookings(), a.residents(), a.rate(), false))
        .toList();
    return new Answer(figures.level(), category, figures.from(), figures.to(), percentile, threshold, unmet);
  }

  /** The p-th percentile of sorted values, linear between closest ranks, 2 decimals; 0 for no values. */
  static BigDecimal percentile(List<BigDecimal> sorted, int p) {
    if (sorted.isEmpty()) return BigDecimal.ZERO.setScale(2);
    BigDecimal rank = BigDecimal.valueOf(p).multiply(BigDecimal.valueOf(sorted.size() - 1)).divide(BigDecimal.valueOf(100));
    int low = rank.intValue();
    BigDecimal fraction = rank.subtract(BigDecimal.valueOf(low));
    BigDecimal lower = sorted.get(low);
    BigDecimal upper = sorted.get(Math.min(low + 1, sorted.size() - 1));
    return lower.add(upper.subtract(lower).multiply(fraction)).setScale(2, RoundingMode.HALF_UP);
  }

  /** A grid is served when its code is in the set; a higher area when all of its grids are (and it has any). */
  private static boolean served(AreaCatalog.Snapshot s, AreaView area, Set<String> grids) {
    if (area.level() == AreaLevel.GRID) return grids.contains(area.code());
    List<AreaView> children = s.children(area.code());
    return !children.isEmpty() && children.stream().allMatch(c -> served(s, c, grids));
  }
}
