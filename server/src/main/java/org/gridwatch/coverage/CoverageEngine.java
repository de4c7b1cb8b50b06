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
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
import org.locationtech.jts.index.quadtree.Quadtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Coverage of every grid by the sky net and the ground net, computed in memory in EPSG:4549 metres with JTS.
 *
 * <p>Per grid it keeps the part covered by ONLINE camera sectors (which does not depend on the time), and per
 * set of routes running at a moment the part covered by their buffers. A change to one camera or route
 * recomputes only the grids its old and new shapes touch. Reads and updates are guarded by a read-write lock;
 * the first use builds everything (about a second for the demo).
 */
@Service
public class CoverageEngine {
  /** A grid in metres, prepared for fast tests. */
  record GridShape(AreaView area, Geometry metric, PreparedGeometry prepared, double areaM2) {}

  private final CoverageInputs inputs;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  private Object builtFor;
  private Map<String, GridShape> grids;
  private Quadtree gridIndex;
  private final Map<String, Geometry> sectors = new HashMap<>();    // ONLINE cameras, metric
  private final Quadtree sectorIndex = new Quadtree();
  private final Map<String, Geometry> cameraCover = new HashMap<>(); // grid -> covered part, metric
  private final Map<String, Geometry> buffers = new HashMap<>();     // route -> buffer, metric
  private final Map<String, RouteView> routeViews = new HashMap<>();
  private final Quadtree bufferIndex = new Quadtree();
  private final Map<Set<String>, Map<String, Geometry>> patrolCover = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Set<String>, Map<String, Geometry>> eldest) { return size() > 8; }
  };
  private Map<String, Geometry> keyAreaParts;                          // grid -> key area inside it, metric
  private volatile long version;                                       // bumped by every rebuild and change

  CoverageEngine(CoverageInputs inputs) { this.inputs = inputs; }

  /** Changes whenever any figure may have changed (a rebuild, a camera or a route change). */
  long version() {
    ensureBuilt();
    return version;
  }

  /** The covered parts of one grid at a moment: cameras, patrols, both (metric). */
  record Parts(GridShape grid, Geometry cameras, Geometry patrols, Geometry combined) {}

  /** Every grid's parts at {@code when}, building or refreshing whatever is missing. */
  List<Parts> parts(Instant when) { return partsOf(null, when); }

  /** The parts of the given grids only (all of them when {@code only} is null): the combined union is per grid. */
  List<Parts> partsOf(Collection<GridShape> only, Instant when) {
    ensureBuilt();
    lock.readLock().lock();
    try {
      Map<String, Geometry> patrols = patrolCoverFor(when);
      return (only == null ? grids.values() : only).parallelStream().map(g -> {
        Geometry c = cameraCover.get(g.area().code()), p = patrols.get(g.area().code());
        return new Parts(g, c, p, union(java.util.Arrays.asList(c, p)));
      }).toList();
    } finally {
      lock.readLock().unlock();
    }
  }

  Geometry keyAreaPart(String gridCode) {
    ensureBuilt();
    return keyAreaParts.get(gridCode);
  }

  Collection<CameraView> cameras() { return inputs.cameras(); }

  /** What a camera sees (metric), obstacles considered. */
  Geometry sight(CameraView c) { return inputs.sight(c); }

  /** A new obstacle layer changes every sector: everything is built again on next use. */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void obstaclesChanged(ObstaclesChanged e) {
    lock.writeLock().lock();
    try {
      builtFor = null;
    } finally {
      lock.writeLock().unlock();
    }
  }

  Collection<RouteView> routes() { return inputs.routes(); }

  /** The grids a shape (metric) touches. */
  List<GridShape> gridsTouching(Geometry metric) {
    ensureBuilt();
    return touching(metric);
  }

  private List<GridShape> touching(Geometry metric) {
    List<GridShape> out = new ArrayList<>();
    for (Object o : gridIndex.query(metric.getEnvelopeInternal())) {
      GridShape g = (GridShape) o;
      if (g.prepared().intersects(metric)) out.add(g);
    }
    return out;
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
  static List<Geometry> near(Quadtree index, GridShape g) {
    List<Geometry> out = new ArrayList<>();
    for (Object o : index.query(g.metric().getEnvelopeInternal())) out.add((Geometry) o);
    return out;
  }

  List<Geometry> sectorsNear(GridShape g) { return near(sectorIndex, g); }

  List<Geometry> activeBuffersNear(GridShape g, Instant when) { return buffersNear(g, activeAt(when)); }

  /** Buffers near a grid of the routes named. */
  private List<Geometry> buffersNear(GridShape g, Set<String> routeCodes) {
    List<Geometry> out = new ArrayList<>();
    for (Object o : bufferIndex.query(g.metric().getEnvelopeInternal())) {
      Geometry b = (Geometry) o;
      if (routeCodes.contains((String) b.getUserData())) out.add(b);
    }
    return out;
  }

  private Set<String> activeAt(Instant when) {
    Set<String> active = new TreeSet<>();
    routeViews.values().forEach(r -> { if (r.activeAt(when)) active.add(r.code()); });
    return active;
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
    if (grids == null) return;
    lock.writeLock().lock();
    try {
      Set<String> dirty = new TreeSet<>();
      if (e.before() != null) dirty.addAll(removeSector(e.before().code()));
      if (e.after() != null && e.after().online()) dirty.addAll(addSector(e.after()));
      for (String code : dirty) cameraCover.put(code, coverOf(grids.get(code), sectorsNear(grids.get(code))));
      version++;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void routeChanged(RouteChanged e) {
    if (grids == null) return;
    lock.writeLock().lock();
    try {
      String code = (e.after() != null ? e.after() : e.before()).code();
      Set<String> dirty = new TreeSet<>();
      if (e.before() != null) dirty.addAll(removeBuffer(e.before().code()));
      if (e.after() != null) dirty.addAll(addBuffer(e.after()));
      // Patrol cover is kept per set of running routes. A set with this route in it changes only in the grids
      // its old and new buffers touch; a set without it does not change. A new schedule puts the route in other
      // sets, which are computed when first asked for.
      synchronized (patrolCover) {
        for (var entry : patrolCover.entrySet()) {
          if (!entry.getKey().contains(code)) continue;
          for (String grid : dirty) entry.getValue().put(grid, coverOf(grids.get(grid), buffersNear(grids.get(grid), entry.getKey())));
        }
      }
      version++;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private Map<String, Geometry> patrolCoverFor(Instant when) {
    Set<String> active = activeAt(when);
    Map<String, Geometry> cached;
    synchronized (patrolCover) {
      cached = patrolCover.get(active);
    }
    if (cached != null) return cached;
    Map<String, Geometry> computed = new HashMap<>();
    grids.values().parallelStream().forEach(g -> {
      Geometry cover = coverOf(g, buffersNear(g, active));
      synchronized (computed) {
        computed.put(g.area().code(), cover);
      }
    });
    synchronized (patrolCover) {
      patrolCover.put(Set.copyOf(active), computed);
    }
    return computed;
  }

  private void ensureBuilt() {
    Object key = inputs.gridsKey();
    if (builtFor == key) return;
    lock.writeLock().lock();
    try {
      if (builtFor == key) return;
      build();
      builtFor = key;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Throws away everything incremental and builds again from the stored cameras and routes. */
  void rebuild() {
    lock.writeLock().lock();
    try {
      Object key = inputs.gridsKey();
      build();
      builtFor = key;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Everything from scratch: grids, sectors, buffers, the camera cover of every grid (in parallel). */
  private void build() {
    // Projecting grids and building shapes is independent per item: done in parallel, indexed in order.
    List<GridShape> shapes = inputs.grids().parallelStream().map(a -> {
      Geometry m = MetricProjection.toMetres(a.boundary());
      return new GridShape(a, m, PreparedGeometryFactory.prepare(m), m.getArea());
    }).toList();
    Map<String, GridShape> g = new LinkedHashMap<>();
    Quadtree index = new Quadtree();
    for (GridShape shape : shapes) {
      g.put(shape.area().code(), shape);
      index.insert(shape.metric().getEnvelopeInternal(), shape);
    }
    grids = g;
    gridIndex = index;
    sectors.clear();
    for (Object o : sectorIndex.queryAll()) sectorIndex.remove(((Geometry) o).getEnvelopeInternal(), o);
    List<CameraView> online = inputs.cameras().stream().filter(CameraView::online).toList();
    List<Geometry> sights = online.parallelStream().map(inputs::sight).map(Geometry.class::cast).toList();
    for (int i = 0; i < online.size(); i++) indexSector(online.get(i).code(), sights.get(i));
    buffers.clear();
    routeViews.clear();
    for (Object o : bufferIndex.queryAll()) bufferIndex.remove(((Geometry) o).getEnvelopeInternal(), o);
    List<RouteView> all = List.copyOf(inputs.routes());
    List<Geometry> strips = all.parallelStream().map(RouteView::bufferMetres).toList();
    for (int i = 0; i < all.size(); i++) indexBuffer(all.get(i), strips.get(i));
    patrolCover.clear();
    cameraCover.clear();
    Map<String, Geometry> computed = new HashMap<>();
    grids.values().parallelStream().forEach(shape -> {
      Geometry cover = coverOf(shape, sectorsNear(shape));
      synchronized (computed) {
        computed.put(shape.area().code(), cover);
      }
    });
    cameraCover.putAll(computed);
    List<Geometry> keys = inputs.keyAreas().stream().map(MetricProjection::toMetres).toList();
    Map<String, Geometry> parts = new HashMap<>();
    for (GridShape shape : grids.values()) {
      Geometry part = coverOf(shape, keys);
      if (part != null && part.getArea() > 1) parts.put(shape.area().code(), part);
    }
    keyAreaParts = parts;
    version++;
  }

  /** Adds a camera's sight; answers the grids it touches. */
  private Set<String> addSector(CameraView c) {
    Geometry sector = inputs.sight(c);
    indexSector(c.code(), sector);
    return codesTouching(sector);
  }

  private void indexSector(String code, Geometry sector) {
    sector.setUserData(code);
    sectors.put(code, sector);
    sectorIndex.insert(sector.getEnvelopeInternal(), sector);
  }

  private Set<String> removeSector(String code) {
    Geometry old = sectors.remove(code);
    if (old == null) return Set.of();
    sectorIndex.remove(old.getEnvelopeInternal(), old);
    return codesTouching(old);
  }

  /** Adds a route's buffer; answers the grids it touches. */
  private Set<String> addBuffer(RouteView r) {
    Geometry b = r.bufferMetres();
    indexBuffer(r, b);
    return codesTouching(b);
  }

  private void indexBuffer(RouteView r, Geometry b) {
    b.setUserData(r.code());
    buffers.put(r.code(), b);
    routeViews.put(r.code(), r);
    bufferIndex.insert(b.getEnvelopeInternal(), b);
  }

  /** Removes a route's buffer; answers the grids it touched. */
  private Set<String> removeBuffer(String code) {
    Geometry old = buffers.remove(code);
    routeViews.remove(code);
    if (old == null) return Set.of();
    bufferIndex.remove(old.getEnvelopeInternal(), old);
    return codesTouching(old);
  }

  private Set<String> codesTouching(Geometry metric) {
    Set<String> touched = new TreeSet<>();
    touching(metric).forEach(gs -> touched.add(gs.area().code()));
    return touched;
  }
}
