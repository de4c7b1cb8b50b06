package org.gridwatch.coverage;

import org.springframework.stereotype.Component;

/**
 * Start-up work of the coverage capability: builds the engine (every grid's camera cover, route buffers, key areas)
 * and computes the figures of today's day and night windows, so that the planning view's first figures come from
 * memory instead of costing its first reader the whole build.
 */
@Component
public class CoverageStartup {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CoverageStartup.class);
  private final CoverageEngine engine;
  private final Coverage coverage;

  CoverageStartup(CoverageEngine engine, Coverage coverage) {
    this.engine = engine;
    this.coverage = coverage;
  }

  /**
   * Builds the engine and today's day and night figures; then, on one background thread (start-up does not wait), the
   * shapes of every other set of routes running at some quarter hour today. Answers what it built, for the log.
   */
  public String warm() {
    CoverageEngine.State state = engine.state();
    for (String window : new String[] {"day", "night"}) coverage.warm(coverage.at(window));
    // One worker: the parallel streams inside run in this pool, so the warm-up leaves the other cores to requests.
    java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
    one.execute(() -> {
      try {
        log.info("coverage: shapes of {} sets of running routes computed for today's time slider", coverage.warmShapes(coverage.today()));
      } catch (RuntimeException e) {
        log.warn("coverage: computing today's windows ahead failed; each is computed when first asked", e);
      }
    });
    one.shutdown();
    return state.grids.size() + " grids, " + state.sectors.size() + " camera sectors, " + state.buffers.size()
        + " route strips; day and night windows computed";
  }
}
