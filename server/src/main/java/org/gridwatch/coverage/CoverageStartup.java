package org.gridwatch.coverage;

import org.springframework.stereotype.Component;

/**
 * Start-up work of the coverage capability: builds the engine (every grid's camera cover, route buffers, key areas)
 * and computes the figures of today's day and night windows, so that the planning view's first figures come from
 * memory instead of costing its first reader the whole build.
 */
@Component
public class CoverageStartup {
  private final CoverageEngine engine;
  private final Coverage coverage;

  CoverageStartup(CoverageEngine engine, Coverage coverage) {
    this.engine = engine;
    this.coverage = coverage;
  }

  /** Answers what it built, for the start-up log. */
  public String warm() {
    CoverageEngine.State state = engine.state();
    for (String window : new String[] {"day", "night"}) coverage.warm(coverage.at(window));
    return state.grids.size() + " grids, " + state.sectors.size() + " camera sectors, " + state.buffers.size()
        + " route strips; day and night windows computed";
  }
}
