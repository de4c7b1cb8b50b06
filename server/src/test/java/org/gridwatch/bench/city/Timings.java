package org.gridwatch.bench.city;

import java.util.ArrayList;
import java.util.List;

/** What the generator loaded and how long each step took, printed as it goes and as a table at the end. */
final class Timings {
  private final List<String> lines = new ArrayList<>();

  void copied(String table, long rows, long startedNanos) {
    double s = (System.nanoTime() - startedNanos) / 1e9;
    note(String.format("%-28s %,14d rows  COPY %8.1f s  (%,.0f rows/s)", table, rows, s, rows / Math.max(s, 1e-9)));
  }

  void indexed(String table, double seconds) {
    note(String.format("%-28s %14s       indexes, keys and ANALYZE %8.1f s", table, "", seconds));
  }

  void note(String line) {
    System.out.println(line);
    lines.add(line);
  }

  void print() {
    System.out.println();
    System.out.println("== Load summary");
    lines.forEach(System.out::println);
  }
}
