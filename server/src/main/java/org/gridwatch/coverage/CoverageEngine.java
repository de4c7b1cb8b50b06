package org.gridwatch.coverage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.gridwatch.area.AreaView;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.groundnet.RouteChanged;
import org.gridwatch.groundnet.RouteView;
import org.gridwatch.skynet.CameraChanged;
import org.gridwatch.skynet.CameraView;
import org.gridwatch.skynet.ObstaclesChanged;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Coverage of every grid by the sky net and the ground net, computed in memory in the district's metres with JTS.
 *
 * <p>Per grid it keeps the part covered by ONLINE camera sectors (which does not depend on the time), and per
 * set of routes running at a moment the part covered by their buffers. A change to one camera or route
 * recomputes only the grids its old and new shapes touch. Everything lives in one immutable {@link State}
 * with a version, swapped atomically: a reader takes the current state once ({@link #state()}) and asks it all
 * it needs, so it never sees half of a change nor a state being built. Writers (changes, rebuilds) are
 * serialised and build the next state beside the current one. The first use builds everything (about a second
 * for the demo); a change of the grids or of the obstacles builds again on next use.
 */
@Service
public class CoverageEngine {
  /** A grid in metres, prepared for fast tests. */
  record GridShape(AreaView area, Geometry metric, PreparedGeometry prepared, double areaM2) {}

  private final CoverageInputs inputs;
  private final Object writing = new Object();
  private final AtomicReference<State> current = new AtomicReference<>();
  private long versions; // guarded by writing

  CoverageEngine(CoverageInputs inputs) { this.inputs = inputs; }

  /** The covered parts of one grid at a moment: cameras, patrols, both (metric). */
  record Parts(GridShape grid, Geometry cameras, Geometry patrols, Geometry combined) {}

  /**
   * One moment of the engine, never changed once made: the grids, ONLINE camera sectors, route buffers (with
   * their indexes), the camera cover and key-area part of every grid. Patrol cover per set of running routes is
   * derived from it on demand and cached with it (a bounded cache, which changes nothing a reader can see).
   */
  static final class State {
    final long version;
    final Object builtFor; // the catalog snapshot the grids come from; null when obstacles changed (build again)
    final Map<String, GridShape> grids;
    final STRtree gridIndex;
    final Map<String, Geometry> sectors;       // ONLINE cameras, metric
    final STRtree sectorIndex;
    final Map<String, Geometry> cameraCover;   // grid -> covered part, metric
    final Map<String, Geometry> buffers;       // route -> buffer, metric
    final Map<String, RouteView> routeViews;
    final STRtree bufferIndex;
    final Map<String, Geometry> keyAreaParts;  // grid -> key area inside it, metric
    private final Map<Set<String>, Map<String, Geometry>> patrolCover;

    State(long version, Object builtFor, Map<String, GridShape> grids, STRtree gridIndex, Map<String, Geometry> sectors,
        Map<String, Geometry> cameraCover, Map<String, Geometry> buffers, Map<String, RouteView> routeViews,
        Map<String, Geometry> keyAreaParts, Map<Set<String>, Map<String, Geometry>> patrolCover) {
      this.version = version;
      this.builtFor = builtFor;
      this.grids = grids;
      this.gridIndex = gridIndex;
      this.sectors = sectors;
      this.sectorIndex = index(sectors.values());
      this.cameraCover = cameraCover;
      this.buffers = buffers;
      this.routeViews = routeViews;
      this.bufferIndex = index(buffers.values());
      this.keyAreaParts = keyAreaParts;
      this.patrolCover = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Set<String>, Map<String, Geometry>> eldest) { return size() > 8; }
      };
      this.patrolCover.putAll(patrolCover);
    }

    private static STRtree index(Collection<Geometry> shapes) {
      STRtree t = new STRtree();
      for (Geometry g : shapes) t.insert(g.getEnvelopeInternal(), g);
      t.build();
      return t;
    }

    /** Changes whenever any figure may have changed (a rebuild, a camera or a route change). */
    long version() { return version; }

    /** Every grid's parts at {@code when}. */
    List<Parts> parts(Instant when) { return partsOf(null, when); }

    /** The parts of the given grids only (all of them when {@code only} is null): the combined union is per grid. */
    List<Parts> partsOf(Collection<GridShape> only, Instant when) {
      Map<String, Geometry> patrols = patrolCoverFor(when);
      return (only == null ? grids.values() : only).parallelStream().map(g -> {
        Geometry c = cameraCover.get(g.area().code()), p = patrols.get(g.area().code());
        return new Parts(g, c, p, union(java.util.Arrays.asList(c, p)));
      }).toList();
    }

    Geometry keyAreaPart(String gridCode) { return keyAreaParts.get(gridCode); }

    /** The grids a shape (metric) touches. */
    List<GridShape> gridsTouching(Geometry metric) {
      List<GridShape> out = new ArrayList<>();
      for (Object o : gridIndex.query(metric.getEnvelopeInternal())) {
        GridShape g = (GridShape) o;
        if (g.prepared().intersects(metric)) out.add(g);
      }
      return out;
    }

    Set<String> codesTouching(Geometry metric) {
      Set<String> touched = new TreeSet<>();
      gridsTouching(metric).forEach(gs -> touched.add(gs.area().code()));
      return touched;
    }

    List<Geometry> sectorsNear(GridShape g) { return near(sectorIndex, g); }

    List<Geometry> activeBuffersNear(GridShape g, Instant when) { return buffersNear(g, activeAt(when)); }

    /** Buffers near a grid of the routes named. */
    List<Geometry> buffersNear(GridShape g, Set<String> routeCodes) {
      List<Geometry> out = new ArrayList<>();
      for (Object o : bufferIndex.query(g.metric().getEnvelopeInternal())) {
        Geometry b = (Geometry) o;
        if (routeCodes.contains((String) b.getUserData())) out.add(b);
      }
      return out;
    }

    /** The codes of the routes running at {@code when}. */
    Set<String> runningAt(Instant when) { return Set.copyOf(activeAt(when)); }

    private Set<String> activeAt(Instant when) {
      Set<String> active = new TreeSet<>();
      routeViews.values().forEach(r -> { if (r.activeAt(when)) active.add(r.code()); });
      return active;
    }

    private Map<String, Geometry> patrolCoverFor(Instant when) {
      Set<String> active = Set.copyOf(activeAt(when));
      Map<String, Geometry> cached;
      synchronized (patrolCover) {
        cached = patrolCover.get(active);
      }
      if (cached != null) return cached;
      Map<String, Geometry> computed = new java.util.concurrent.ConcurrentHashMap<>();
      grids.values().parallelStream().forEach(g -> {
        Geometry cover = coverOf(g, buffersNear(g, active));
        if (cover != null) computed.put(g.area().code(), cover);
      });
      Map<String, Geometry> done = java.util.Collections.unmodifiableMap(computed);
      synchronized (patrolCover) {
        patrolCover.put(active, done);
      }
      return done;
    }

    Map<Set<String>, Map<String, Geometry>> cachedPatrolCover() {
      synchronized (patrolCover) {
        return new LinkedHashMap<>(patrolCover);
      }
    }
  }

  /** The current state, built first when the grids changed (or obstacles did) since it was made. */
  State state() {
    Object key = inputs.gridsKey();
    State s = current.get();
    if (s != null && s.builtFor == key) return s;
    synchronized (writing) {
      s = current.get();
      key = inputs.gridsKey();
      if (s != null && s.builtFor == key) return s;
      s = build(key);
      current.set(s);
      return s;
    }
  }

  /** Changes whenever any figure may have changed (a rebuild, a camera or a route change). */
  long version() { return state().version(); }

  /** Every grid's parts at {@code when}, from the current state. */
  List<Parts> parts(Instant when) { return state().parts(when); }

  Collection<CameraView> cameras() { return inputs.cameras(); }

  /** What a camera sees (metric), obstacles considered. */
  Geometry sight(CameraView c) { return inputs.sight(c); }

  Collection<RouteView> routes() { return inputs.routes(); }

  /** A new obstacle layer changes every sector: everything is built again on next use. */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void obstaclesChanged(ObstaclesChanged e) {
    synchronized (writing) {
      State s = current.get();
      if (s == null) return;
      current.set(new State(++versions, null, s.grids, s.gridIndex, s.sectors, s.cameraCover, s.buffers, s.routeViews,
          s.keyAreaParts, Map.of()));
    }
  }

  /**
   * What cameras and routes would cover in one grid, given the shapes to use (for what-if). Shapes inside the
   * grid are kept whole. Small shapes crossing its edge (sectors) are united first and clipped once; large ones
   * (a route's buffer spanning many grids) are clipped one by one, which overlay does cheaply by cutting them
   * to the grid's envelope first.
   */
  static Geometry coverOf(GridShape g, Collection<Geometry> shapes) {
    List<Geometry> kept = new ArrayList<>(), crossing = new ArrayList<>();
    Envelope box = g.metric().getEnvelopeInternal();
    for (Geometry s : shapes) {
      if (!s.getEnvelopeInternal().intersects(box) || !g.prepared().intersects(s)) continue;
      if (g.prepared().containsProperly(s)) kept.add(s);
      else if (s.getEnvelopeInternal().getArea() > box.getArea()) kept.add(overlay(s, g.metric(), OverlayNG.INTERSECTION));
      else crossing.add(s);
    }
    Geometry crossed = union(crossing);
    if (crossed != null) kept.add(overlay(crossed, g.metric(), OverlayNG.INTERSECTION));
    return union(kept);
  }

  /** Shapes (metric) near a grid from an index. */
  static List<Geometry> near(STRtree index, GridShape g) {
    List<Geometry> out = new ArrayList<>();
    for (Object o : index.query(g.metric().getEnvelopeInternal())) out.add((Geometry) o);
    return out;
  }

  static Geometry union(Collection<Geometry> parts) {
    List<Geometry> present = parts.stream().filter(p -> p != null && !p.isEmpty()).toList();
    if (present.isEmpty()) return null;
    if (present.size() == 1) return present.get(0);
    return Geometries.polygonal(UnaryUnionOp.union(present));
  }

  /** A robust overlay keeping only its areal part (see {@link Geometries#polygonal}). */
  static Geometry overlay(Geometry a, Geometry b, int op) {
    return Geometries.polygonal(OverlayNGRobust.overlay(a, b, op));
  }

  static double area(Geometry g) { return g == null ? 0 : g.getArea(); }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void cameraChanged(CameraChanged e) {
    synchronized (writing) {
      State s = current.get();
      if (s == null) return; // not built yet: the first build reads the stored cameras
      Map<String, Geometry> sectors = new HashMap<>(s.sectors);
      Set<String> dirty = new TreeSet<>();
      if (e.before() != null) {
        Geometry old = sectors.remove(e.before().code());
        if (old != null) dirty.addAll(s.codesTouching(old));
      }
      if (e.after() != null && e.after().online()) {
        Geometry sector = tagged(inputs.sight(e.after()), e.after().code());
        sectors.put(e.after().code(), sector);
        dirty.addAll(s.codesTouching(sector));
      }
      State sectorsOnly = new State(s.version, s.builtFor, s.grids, s.gridIndex, sectors, s.cameraCover, s.buffers, s.routeViews,
          s.keyAreaParts, Map.of());
      Map<String, Geometry> cover = new HashMap<>(s.cameraCover);
      for (String code : dirty) putOrRemove(cover, code, coverOf(s.grids.get(code), sectorsOnly.sectorsNear(s.grids.get(code))));
      current.set(new State(++versions, s.builtFor, s.grids, s.gridIndex, sectors, cover, s.buffers, s.routeViews,
          s.keyAreaParts, s.cachedPatrolCover()));
    }
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void routeChanged(RouteChanged e) {
    synchronized (writing) {
      State s = current.get();
      if (s == null) return;
      String code = (e.after() != null ? e.after() : e.before()).code();
      Map<String, Geometry> buffers = new HashMap<>(s.buffers);
      Map<String, RouteView> views = new HashMap<>(s.routeViews);
      Set<String> dirty = new TreeSet<>();
      if (e.before() != null) {
        Geometry old = buffers.remove(e.before().code());
        views.remove(e.before().code());
        if (old != null) dirty.addAll(s.codesTouching(old));
      }
      if (e.after() != null) {
        Geometry b = tagged(e.after().bufferMetres(), e.after().code());
        buffers.put(e.after().code(), b);
        views.put(e.after().code(), e.after());
        dirty.addAll(s.codesTouching(b));
      }
      State next = new State(++versions, s.builtFor, s.grids, s.gridIndex, s.sectors, s.cameraCover, buffers, views,
          s.keyAreaParts, Map.of());
      // Patrol cover is kept per set of running routes. A set with this route in it changes only in the grids
      // its old and new buffers touch; a set without it does not change. A new schedule puts the route in other
      // sets, which are computed when first asked for.
      Map<Set<String>, Map<String, Geometry>> patrols = new LinkedHashMap<>();
      s.cachedPatrolCover().forEach((routes, cover) -> {
        if (!routes.contains(code)) {
          patrols.put(routes, cover);
          return;
        }
        Map<String, Geometry> updated = new HashMap<>(cover);
        for (String grid : dirty) putOrRemove(updated, grid, coverOf(s.grids.get(grid), next.buffersNear(s.grids.get(grid), routes)));
        patrols.put(routes, java.util.Collections.unmodifiableMap(updated));
      });
      current.set(new State(next.version, s.builtFor, s.grids, s.gridIndex, s.sectors, s.cameraCover, buffers, views,
          s.keyAreaParts, patrols));
    }
  }

  /** Throws away everything incremental and builds again from the stored cameras and routes. */
  void rebuild() {
    synchronized (writing) {
      current.set(build(inputs.gridsKey()));
    }
  }

  /** Everything from scratch: grids, sectors, buffers, the camera cover of every grid (in parallel). Holds writing. */
  private State build(Object key) {
    // Projecting grids and building shapes is independent per item: done in parallel, indexed in order.
    List<GridShape> shapes = inputs.grids().parallelStream().map(a -> {
      Geometry m = MetricProjection.toMetres(a.boundary());
      return new GridShape(a, m, PreparedGeometryFactory.prepare(m), m.getArea());
    }).toList();
    Map<String, GridShape> grids = new LinkedHashMap<>();
    STRtree gridIndex = new STRtree();
    for (GridShape shape : shapes) {
      grids.put(shape.area().code(), shape);
      gridIndex.insert(shape.metric().getEnvelopeInternal(), shape);
    }
    gridIndex.build();
    List<CameraView> online = inputs.cameras().stream().filter(CameraView::online).toList();
    List<Geometry> sights = online.parallelStream().map(inputs::sight).map(Geometry.class::cast).toList();
    Map<String, Geometry> sectors = new HashMap<>();
    for (int i = 0; i < online.size(); i++) sectors.put(online.get(i).code(), tagged(sights.get(i), online.get(i).code()));
    List<RouteView> all = List.copyOf(inputs.routes());
    List<Geometry> strips = all.parallelStream().map(RouteView::bufferMetres).toList();
    Map<String, Geometry> buffers = new HashMap<>();
    Map<String, RouteView> views = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      buffers.put(all.get(i).code(), tagged(strips.get(i), all.get(i).code()));
      views.put(all.get(i).code(), all.get(i));
    }
    State sectorsOnly = new State(0, key, Map.copyOf(grids), gridIndex, sectors, Map.of(), buffers, views, Map.of(), Map.of());
    Map<String, Geometry> cameraCover = new java.util.concurrent.ConcurrentHashMap<>();
    grids.values().parallelStream().forEach(shape -> {
      Geometry cover = coverOf(shape, sectorsOnly.sectorsNear(shape));
      if (cover != null) cameraCover.put(shape.area().code(), cover);
    });
    List<Geometry> keys = inputs.keyAreas().stream().map(MetricProjection::toMetres).toList();
    Map<String, Geometry> parts = new HashMap<>();
    for (GridShape shape : grids.values()) {
      Geometry part = coverOf(shape, keys);
      if (part != null && part.getArea() > 1) parts.put(shape.area().code(), part);
    }
    return new State(++versions, key, java.util.Collections.unmodifiableMap(grids), gridIndex, sectors, new HashMap<>(cameraCover),
        buffers, views, parts, Map.of());
  }

  private static Geometry tagged(Geometry shape, String code) {
    shape.setUserData(code);
    return shape;
  }

  private static void putOrRemove(Map<String, Geometry> map, String key, Geometry value) {
    if (value == null) map.remove(key);
    else map.put(key, value);
  }
}
