package org.gridwatch.coverage;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridwatch.groundnet.RouteView;
import org.gridwatch.patrol.Patrols;
import org.gridwatch.patrol.WalkedTrack;
import org.springframework.context.ApplicationContext;

/** For the patrol benchmark: walked-coverage recompute and, as its baseline, planned patrol-cover recompute, from scratch. */
public final class WalkedTiming {
  private final CoverageEngine engine;
  private final Patrols patrols;

  public WalkedTiming(ApplicationContext app) {
    this.engine = app.getBean(CoverageEngine.class);
    this.patrols = app.getBean(Patrols.class);
  }

  /** Walked cover of every grid for these tracks, with nothing kept from before (a new instance); answers the grids covered. */
  public int walkedFromScratch(List<WalkedTrack> tracks) {
    return new WalkedCoverage(engine, patrols).cover(engine.state(), tracks).size();
  }

  /** The same, on an instance that knows {@code before}: only the grids the change touches are recomputed. */
  public WalkedCoverageRun warm(List<WalkedTrack> before) {
    WalkedCoverage w = new WalkedCoverage(engine, patrols);
    w.cover(engine.state(), before);
    return tracks -> w.cover(engine.state(), tracks).size();
  }

  public interface WalkedCoverageRun {
    int cover(List<WalkedTrack> tracks);
  }

  /** Planned patrol cover of every grid with all the given routes running: what the engine does for a new window. */
  public int plannedFromScratch(List<RouteView> routes) {
    CoverageEngine.State s = engine.state();
    Set<String> codes = routes.stream().map(RouteView::code).collect(Collectors.toSet());
    return (int) s.grids.values().parallelStream().map(g -> CoverageEngine.coverOf(g, s.buffersNear(g, codes)))
        .filter(java.util.Objects::nonNull).count();
  }
}
