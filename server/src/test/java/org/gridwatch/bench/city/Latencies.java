package org.gridwatch.bench.city;

import org.gridwatch.bench.Timer;
import java.util.concurrent.Callable;

/** Warm latencies of one request or query: warm-ups first, then median, p95 and p99 of the timed runs, in ms. */
record Latencies(double median, double p95, double p99, int runs) {
  static Latencies of(int warmups, int runs, Callable<?> work) throws Exception {
    long[] t = Timer.samples(warmups, runs, work);
    return new Latencies(ms(t[runs / 2]), ms(t[Math.min(runs - 1, (int) Math.ceil(runs * 0.95) - 1)]),
        ms(t[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)]), runs);
  }

  private static double ms(long nanos) { return nanos / 1e6; }

  String text() { return String.format("median %8.1f ms  p95 %8.1f ms  p99 %8.1f ms  (%d runs)", median, p95, p99, runs); }
}
