package org.gridwatch.bench;

import java.util.Arrays;
import java.util.concurrent.Callable;

/** Wall-clock measurement with warm-up: the median of repeated runs, in nanoseconds. */
public final class Timer {
  private Timer() {}

  public static long median(int warmups, int runs, Callable<?> work) throws Exception {
    return samples(warmups, runs, work)[runs / 2];
  }

  /** The timed runs after the warm-ups, in nanoseconds, sorted. */
  public static long[] samples(int warmups, int runs, Callable<?> work) throws Exception {
    for (int i = 0; i < warmups; i++) work.call();
    long[] t = new long[runs];
    for (int i = 0; i < runs; i++) {
      long s = System.nanoTime();
      work.call();
      t[i] = System.nanoTime() - s;
    }
    Arrays.sort(t);
    return t;
  }

  public static double perSecond(long count, long nanos) { return count * 1e9 / nanos; }

  public static String ms(long nanos) { return String.format("%.1f ms", nanos / 1e6); }
}
