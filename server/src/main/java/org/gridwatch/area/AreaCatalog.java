package org.gridwatch.area;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.gridwatch.geo.index.PolygonCoverageIndex;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current hierarchy in memory: every area's outline and figures, the buildings, and the grid locator.
 *
 * <p>Readers get a consistent snapshot without locks or SQL; {@link #reload()} builds a new snapshot from
 * the database and swaps it in atomically. Every load takes the next generation before it reads, and a snapshot
 * is installed only over an older generation (compare-and-set): when two reloads overlap (a commit's own reload and
 * one for another instance's change, say), the one that began reading later wins, whichever finishes last. Both
 * queries of a load read one state of the database (repeatable read). Buildings are read as plain rows
 * ({@link BuildingRows}), not entities: a city has millions. Until the first load, {@link #isReady()} is false.
 */
@Service
public class AreaCatalog {
  private final AreaVersionRepository versions;
  private final BuildingRows buildings;
  private final CompoundRepository compounds;
  private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
  private final AtomicLong generations = new AtomicLong();
  private final DistrictProfile district;
  private final ApplicationEventPublisher events;

  /** Published after a load is installed (in the loading thread): what is built per load can be built ahead. */
  public record Loaded(long generation) {}

  AreaCatalog(AreaVersionRepository versions, BuildingRows buildings, CompoundRepository compounds,
      DistrictProfile district) {
    this(versions, buildings, compounds, district, null);
  }

  @org.springframework.beans.factory.annotation.Autowired
  AreaCatalog(AreaVersionRepository versions, BuildingRows buildings, CompoundRepository compounds,
      DistrictProfile district, ApplicationEventPublisher events) {
    this.versions = versions;
    this.buildings = buildings;
    this.compounds = compounds;
    this.district = district;
    this.events = events;
  }

  /** An immutable view of the hierarchy at one moment. */
  public record Snapshot(Map<String, AreaView> byCode, Map<AreaLevel, List<AreaView>> byLevel,
      Map<String, List<AreaView>> children, List<BuildingView> buildings, List<CompoundView> compounds,
      PolygonCoverageIndex<AreaView> grids, Instant loadedAt, long generation) {

    public Optional<AreaView> find(String code) { return Optional.ofNullable(byCode.get(code)); }

    public List<AreaView> level(AreaLevel level) { return byLevel.getOrDefault(level, List.of()); }

    public List<AreaView> children(String code) { return children.getOrDefault(code, List.of()); }

    /** The codes of the grids an area stands for: itself if it is a grid, else every grid under it. */
    public List<String> gridsUnder(AreaView area) {
      if (area.level() == AreaLevel.GRID) return List.of(area.code());
      List<String> out = new ArrayList<>();
      for (AreaView child : children(area.code())) out.addAll(gridsUnder(child));
      return out;
    }

    /** The area and its ancestors, the area first and the district last. */
    public List<AreaView> chain(AreaView area) {
      List<AreaView> out = new ArrayList<>();
      for (AreaView a = area; a != null; a = a.parentCode() == null ? null : byCode.get(a.parentCode())) out.add(a);
      return out;
    }

    /** The compound whose outline holds a WGS84 point (the first by name where outlines overlap), or empty. */
    public Optional<CompoundView> compoundAt(double lon, double lat) {
      return compounds.stream().filter(c -> c.holds(lon, lat)).findFirst();
    }

    /** The grid holding a WGS84 point (boundary rule: see {@link PolygonCoverageIndex}), or empty outside. */
    public Optional<AreaView> gridAt(double lon, double lat) { return Optional.ofNullable(grids.locate(lon, lat)); }
  }

  public boolean isReady() { return snapshot.get() != null; }

  /** The current snapshot; fails if the catalog has not been loaded yet. */
  public Snapshot now() {
    Snapshot s = snapshot.get();
    if (s == null) throw new IllegalStateException("the area catalog is not loaded yet");
    return s;
  }

  /**
   * Loads the catalog in a transaction of its own (after an edit's commit it must not join the finished one), and
   * installs it unless a load that began later already is.
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ, propagation = Propagation.REQUIRES_NEW)
  public void reload() {
    long generation = generations.incrementAndGet(); // before reading: a later reader sees at least as much
    Map<String, AreaView> byCode = new HashMap<>();
    for (AreaVersion v : versions.findCurrent()) {
      Area a = v.getArea();
      byCode.put(a.getCode(), new AreaView(a.getCode(), a.getLevel(), a.getName(), a.getNameEn(), a.getParentCode(),
          a.getKind(), a.isSynthetic(), v.getBoundary(), v.getAreaM2(), v.getHouseholds(), v.getResidents(),
          v.getVersion(), v.getValidFrom(), etag(a.getCode(), v)));
    }
    Map<AreaLevel, List<AreaView>> byLevel = new HashMap<>();
    // the metric zone follows the district before anything measures this snapshot
    district.adopt(byCode.values().stream().filter(a -> a.level() == AreaLevel.DISTRICT).findFirst().orElse(null));
    Map<String, List<AreaView>> children = new HashMap<>();
    byCode.values().stream().sorted(Comparator.comparing(AreaView::code)).forEach(a -> {
      byLevel.computeIfAbsent(a.level(), k -> new ArrayList<>()).add(a);
      if (a.parentCode() != null) children.computeIfAbsent(a.parentCode(), k -> new ArrayList<>()).add(a);
    });
    PolygonCoverageIndex<AreaView> grids = new PolygonCoverageIndex<>(byLevel.getOrDefault(AreaLevel.GRID, List.of()),
        AreaView::boundary, Comparator.comparing(AreaView::code));
    List<BuildingView> placed = buildings.placed(p -> {
      AreaView grid = grids.locate(p.getX(), p.getY());
      return grid == null ? null : grid.code();
    });
    placed.sort(Comparator.comparing(BuildingView::code));
    Map<String, List<BuildingView>> byCompound = new HashMap<>();
    for (BuildingView b : placed) if (b.compound() != null) byCompound.computeIfAbsent(b.compound(), k -> new ArrayList<>()).add(b);
    List<CompoundView> compoundViews = compounds.findAll().stream()
        .map(c -> compoundView(c, byCompound.getOrDefault(c.getName(), List.of()), byLevel.getOrDefault(AreaLevel.GRID, List.of())))
        .sorted(Comparator.comparing(CompoundView::name)).toList();
    byLevel.replaceAll((k, v) -> List.copyOf(v));
    children.replaceAll((k, v) -> List.copyOf(v));
    boolean installed = install(new Snapshot(Map.copyOf(byCode), Map.copyOf(byLevel), Map.copyOf(children),
        List.copyOf(placed), compoundViews, grids, Instant.now(), generation));
    if (installed && events != null) events.publishEvent(new Loaded(generation));
  }

  private static CompoundView compoundView(Compound c, List<BuildingView> inside, List<AreaView> gridAreas) {
    List<String> grids = inside.stream().map(BuildingView::gridCode).filter(java.util.Objects::nonNull).distinct().sorted().toList();
    return new CompoundView(c.getName(), c.getOutline(), c.isDerived(), inside.size(),
        inside.stream().mapToInt(BuildingView::households).sum(), inside.stream().mapToInt(BuildingView::residents).sum(), grids,
        LargestOverlap.of(c.getOutline(), gridAreas));
  }

  /** Installs {@code next} unless a load that began later is already in; says whether it did. */
  private boolean install(Snapshot next) {
    Snapshot now;
    do {
      now = snapshot.get();
      if (now != null && now.generation() > next.generation()) return false;
    } while (!snapshot.compareAndSet(now, next));
    return true;
  }

  static String etag(String code, AreaVersion v) {
    return "\"" + code + "-v" + v.getVersion() + "-" + Long.toHexString(v.getValidFrom().toEpochMilli()) + "\"";
  }
}
