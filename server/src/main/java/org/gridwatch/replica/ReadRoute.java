package org.gridwatch.replica;

/**
 * Where the current thread's next connection should come from: the standby only inside a {@link MayLag} call and
 * only while the request is not pinned to the primary (its client wrote something the standby has not replayed).
 */
final class ReadRoute {
  private static final ThreadLocal<int[]> LAG_DEPTH = ThreadLocal.withInitial(() -> new int[1]);
  private static final ThreadLocal<Boolean> PINNED = new ThreadLocal<>();

  private ReadRoute() {}

  static boolean mayLag() { return LAG_DEPTH.get()[0] > 0 && PINNED.get() == null; }

  static void enterMayLag() { LAG_DEPTH.get()[0]++; }

  static void leaveMayLag() {
    if (--LAG_DEPTH.get()[0] <= 0) LAG_DEPTH.remove();
  }

  static void pinToPrimary() { PINNED.set(Boolean.TRUE); }

  static void unpin() { PINNED.remove(); }
}
