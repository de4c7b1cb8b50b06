package org.gridwatch.need;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.DayPeriod;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.stereotype.Component;

/**
 * The needs map and unmet demand for adapters (the OGC collections {@code needs} and {@code unmet-demand}), from the
 * same query parameters as {@code GET /api/v1/needs} and {@code /needs/unmet}, refused the same way (400 naming the
 * parameter). One area's figures per row, in the level's order.
 */
@Component
public class NeedLayers {
  /** An area's figures ({@code recorded} is 0 on unmet demand, which does not read needs recorded by hand). */
  public record AreaFigures(String code, String name, String nameEn, long count, long cases, long bookings, long recorded,
      int residents, BigDecimal rate) {}

  /** What was computed: level, category (null: all), period, the threshold (unmet demand only) and the areas. */
  public record Layer(String level, String category, LocalDate from, LocalDate to, BigDecimal threshold, List<AreaFigures> areas) {}

  private final NeedsMap map;
  private final UnmetDemand unmet;
  private final NeedCategories categories;
  private final NeedPeriod period;

  NeedLayers(NeedsMap map, UnmetDemand unmet, NeedCategories categories, NeedPeriod period) {
    this.map = map;
    this.unmet = unmet;
    this.categories = categories;
    this.period = period;
  }

  /** {@code level} defaults to grid, {@code category} to all, the period to the last 365 days. */
  public Layer needs(String level, String category, String from, String to) {
    AreaLevel l = DayPeriod.level(level == null ? "grid" : level);
    NeedsMap.Answer a = map.of(l, categories.check(category, "category", false), period.parse(from, to));
    return new Layer(a.level(), a.category(), a.from(), a.to(), null, a.areas().stream()
        .map(x -> new AreaFigures(x.code(), x.name(), x.nameEn(), x.count(), x.cases(), x.bookings(), x.recorded(), x.residents(), x.rate()))
        .toList());
  }

  /** Unmet demand: {@code category} is required, {@code percentile} 1..99 (default 80). */
  public Layer unmet(String level, String category, String from, String to, String percentile) {
    AreaLevel l = DayPeriod.level(level == null ? "grid" : level);
    String c = categories.check(category, "category", true);
    UnmetDemand.Answer a = unmet.of(l, c, period.parse(from, to), percentile(percentile), period.today());
    return new Layer(a.level(), a.category(), a.from(), a.to(), a.threshold(), a.areas().stream()
        .map(x -> new AreaFigures(x.code(), x.name(), x.nameEn(), x.count(), x.cases(), x.bookings(), 0, x.residents(), x.rate())).toList());
  }

  static int percentile(String text) {
    if (text == null || text.isBlank()) return NeedsController.DEFAULT_PERCENTILE;
    try {
      return check(Integer.parseInt(text.strip()));
    } catch (NumberFormatException e) {
      throw ProblemException.badInput("percentile", Text.of("need.percentile-range", text.strip()));
    }
  }

  static int check(int p) {
    if (p < 1 || p > 99) throw ProblemException.badInput("percentile", Text.of("need.percentile-range", String.valueOf(p)));
    return p;
  }
}
