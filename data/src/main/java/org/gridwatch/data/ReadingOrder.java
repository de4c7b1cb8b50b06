package org.gridwatch.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Numbers sibling areas "west→east, north→south" (DB11 practice) the way a page is read: rows from north
 * to south, each row from west to east. A row is a band as tall as a typical sibling (the square root of
 * the mean area), measured on each area's interior point in local metres.
 */
final class ReadingOrder {
  private ReadingOrder() {}

  static <T> List<T> sort(List<T> items, ToDoubleFunction<T> x, ToDoubleFunction<T> y, ToDoubleFunction<T> areaM2) {
    if (items.isEmpty()) return items;
    double meanArea = items.stream().mapToDouble(areaM2).average().orElse(1);
    double row = Math.max(1, Math.sqrt(meanArea));
    double top = items.stream().mapToDouble(y).max().orElse(0);
    List<T> out = new ArrayList<>(items);
    out.sort(Comparator.<T>comparingLong(t -> (long) Math.floor((top - y.applyAsDouble(t)) / row))
        .thenComparingDouble(x));
    return out;
  }
}
