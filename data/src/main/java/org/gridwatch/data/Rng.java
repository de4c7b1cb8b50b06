package org.gridwatch.data;

import java.util.SplittableRandom;

/** Seeded randomness: every run with the same seed writes byte-identical output. */
final class Rng {
  private final SplittableRandom random;

  Rng(long seed) { this.random = new SplittableRandom(seed); }

  double uniform(double lo, double hi) { return lo + (hi - lo) * random.nextDouble(); }
  int integer(int lo, int hiInclusive) { return random.nextInt(lo, hiInclusive + 1); }
  double gaussian() {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
    double u = 1.0 - random.nextDouble(), v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  Rng split() { return new Rng(random.nextLong()); }
}
