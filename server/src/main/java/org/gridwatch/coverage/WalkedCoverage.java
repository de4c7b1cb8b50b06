package org.gridwatch.coverage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.geo.RouteBuffer;
import org.gridwatch.patrol.Patrols;
import org.gridwatch.patrol.WalkedTrack;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;

/**
 * The ground net as walked: per grid, the part covered by the buffers of patrol tracks that ended in a period — the
 * same buffer rule as a planned route ({@link RouteBuffer}, the patrol's width each side). Each track's buffer and the
 * grids it touches are computed once (tracks never change) and kept; the per-grid cover is kept for the last set of
 * tracks asked about, and a new set recomputes only the grids that tracks added or dropped touch. Thread-safe.
 */
@Service
class WalkedCoverage {
  /** How far back walked coverage looks by default. */
  static final int DEFAULT_DAYS = 7;
  private static final int KEPT_TRACKS = 20_000;

  /** A track's buffer (district metres) and the grids it touches, for one set of grids. */
  record Strip(WalkedTrack track, Geometry buffer, Set<String> grids, Object forGrids) {}

  private record Computed(Map<String, CoverageEngine.GridShape> grids, Map<Long, Strip> strips, Map<String, Geometry> cover) {}

  private final CoverageEngine engine;
  private final Patrols patrols;
  private final Map<Long, Strip> strips = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Strip> eldest) { return size() > KEPT_TRACKS; }
  };
  private Computed last; // guarded by this

  WalkedCoverage(CoverageEngine engine, Patrols patrols) {
    this.engine = engine;
    this.patrols = patrols;
  }

  /** The tracks that ended in the {@code days} days up to {@code to}. */
  List<WalkedTrack> tracks(Instant to, int days) { return patrols.walkedBetween(to.minus(Duration.ofDays(days)), to); }

  /** Covered part of every grid walked in the period (metres; grids walked nowhere are absent). */
  Map<String, Geometry> cover(Instant to, int days) { return cover(engine.state(), tracks(to, days)); }

  /** Share 0–1 of every grid's area walked in the period (grids walked nowhere are absent: 0). */
  Map<String, Double> shares(Instant to, int days) {
    CoverageEngine.State state = engine.state();
    Map<String, Double> out = new HashMap<>();
    cover(state, tracks(to, days)).forEach((code, g) -> {
      CoverageEngine.GridShape shape = state.grids.get(code);
      if (shape != null && shape.areaM2() > 0) out.put(code, Math.min(1, g.getArea() / shape.areaM2()));
    });
    return out;
  }

  synchronized Map<String, Geometry> cover(CoverageEngine.State state, List<WalkedTrack> tracks) {
    // Strips not kept yet are independent of each other: built in parallel, then kept.
    List<Strip> built = tracks.stream().filter(t -> !fresh(strips.get(t.id()), state)).toList().parallelStream()
        .map(t -> strip(state, t, strips.get(t.id()))).toList();
    built.forEach(b -> strips.put(b.track().id(), b));
    Map<Long, Strip> now = new LinkedHashMap<>();
    for (WalkedTrack t : tracks) now.put(t.id(), strips.get(t.id()));
    Computed before = last != null && last.grids() == state.grids ? last : null;
    if (before != null && before.strips().keySet().equals(now.keySet())) return before.cover();
    Set<String> dirty = new HashSet<>();
    Map<String, Geometry> cover;
    if (before == null) {
      now.values().forEach(s -> dirty.addAll(s.grids()));
      cover = new HashMap<>();
    } else {
      cover = new HashMap<>(before.cover());
      now.forEach((id, s) -> { if (!before.strips().containsKey(id)) dirty.addAll(s.grids()); });
      before.strips().forEach((id, s) -> { if (!now.containsKey(id)) dirty.addAll(s.grids()); });
    }
    Map<String, List<Geometry>> byGrid = new HashMap<>();
    for (Strip s : now.values()) {
      for (String g : s.grids()) if (dirty.contains(g)) byGrid.computeIfAbsent(g, k -> new ArrayList<>()).add(s.buffer());
    }
    Map<String, Geometry> computed = new java.util.concurrent.ConcurrentHashMap<>();
    dirty.parallelStream().filter(byGrid::containsKey).forEach(g -> {
      Geometry c = CoverageEngine.coverOf(state.grids.get(g), byGrid.get(g));
      if (c != null) computed.put(g, c);
    });
    cover.keySet().removeAll(dirty);
    cover.putAll(computed);
    Map<String, Geometry> done = java.util.Collections.unmodifiableMap(cover);
    last = new Computed(state.grids, now, done);
    return done;
  }

  private static boolean fresh(Strip kept, CoverageEngine.State state) { return kept != null && kept.forGrids() == state.grids; }

  /** The track's strip for these grids; its buffer reused from one kept for other grids. */
  private static Strip strip(CoverageEngine.State state, WalkedTrack t, Strip kept) {
    Geometry buffer = kept != null ? kept.buffer() : RouteBuffer.metres(t.track(), t.widthM());
    return new Strip(t, buffer, state.codesTouching(buffer), state.grids);
  }
}
