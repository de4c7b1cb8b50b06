package org.gridwatch.coverage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.incident.IncidentChanged;
import org.gridwatch.incident.IncidentEvent;
import org.gridwatch.incident.IncidentSearch;
import org.gridwatch.skynet.CameraView;
import org.gridwatch.staff.Roster;
import org.gridwatch.staff.Slot;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The coverage figures of grids and of the areas above them at a moment: camera, patrol and combined shares,
 * gaps, key-area coverage, camera working rate (完好率), cases of the last 90 days that fell in gaps, and
 * staffing completeness (一员一警两队). Areas above a grid are area-weighted sums of their grids.
 */
@Service
public class Coverage {
  static final Duration CASE_WINDOW = Duration.ofDays(90);

  private final CoverageEngine engine;
  private final IncidentSearch incidents;
  private final Roster roster;
  private final Clock clock;
  private final DistrictProfile district;
  private final WindowCache<Window, List<GridFigures>> windows = new WindowCache<>(KEPT_WINDOWS);
  private final WindowCache<CoveredShapes.Key, CoveredShapes> shapes = new WindowCache<>(KEPT_SHAPES);
  private final AtomicLong casePlaces = new AtomicLong();
  private final CasePoints casePoints;

  /** How many windows' figures are kept: every quarter hour of a day's slider would be 96; a planner visits far fewer. */
  static final int KEPT_WINDOWS = 32;

  /** Sets of running routes whose shapes are kept: a demo day has about a dozen (schedules change at a few hours). */
  static final int KEPT_SHAPES = 16;

  /** A window's figures are valid while the sky net, the ground net, the grids and the places of cases stay the same. */
  private record Window(Instant minute, long version, long casePlaces) {}

  /** Case events that leave every case where it was (a status, a deadline, a note): they change no figure here. */
  private static final Set<IncidentEvent.Type> PLACE_KEPT = EnumSet.of(IncidentEvent.Type.REGISTERED,
      IncidentEvent.Type.REJECTED, IncidentEvent.Type.DISPATCHED, IncidentEvent.Type.STARTED, IncidentEvent.Type.RESOLVED,
      IncidentEvent.Type.VERIFIED, IncidentEvent.Type.CLOSED, IncidentEvent.Type.RETURNED, IncidentEvent.Type.EXTENDED,
      IncidentEvent.Type.PARKED, IncidentEvent.Type.UNPARKED, IncidentEvent.Type.REOPENED, IncidentEvent.Type.ESCALATED,
      IncidentEvent.Type.SLA_WARNING, IncidentEvent.Type.OVERDUE, IncidentEvent.Type.SUPERVISED, IncidentEvent.Type.ANSWERED, IncidentEvent.Type.FEEDBACK,
      IncidentEvent.Type.REDISPATCHED, IncidentEvent.Type.TRANSFERRED);

  Coverage(CoverageEngine engine, IncidentSearch incidents, Roster roster, Clock clock, DistrictProfile district) {
    this.district = district;
    this.engine = engine;
    this.incidents = incidents;
    this.roster = roster;
    this.clock = clock;
    this.casePoints = new CasePoints(incidents, clock);
  }

  /** Changes whenever a camera, a route or the grids change: a key for anything derived from them. */
  public long version() { return engine.version(); }

  /** The moment a window names: now (default), day, night, HH:MM today (the district's local time), or an ISO date-time. */
  public Instant at(String window) { return CoverageWindow.parse(window, clock, district.timeZone()); }

  /**
   * Every grid's figures at {@code when} (to the minute), with its gap in WGS84 ({@link GridFigures#gap()}). Kept per
   * window until a camera, a route, a grid or a case's place changes, so they are always what a fresh computation
   * gives; concurrent first requests for a window share one computation. Staffing is read afresh on every call.
   */
  public List<GridFigures> grids(Instant when) {
    CoverageEngine.State state = engine.state(); // the figures, their version and the key areas from one state
    Window key = new Window(when.truncatedTo(ChronoUnit.MINUTES), state.version(), casePlaces.get());
    return withStaffing(windows.get(key, w -> compute(state, w.minute(), false)));
  }

  /**
   * The figures of {@link #grids} as kept, staffing gaps not re-read: the same list (by identity) for as long as
   * nothing they are computed from changed, so a reader may key what it derives from them by that list (the
   * coverage tiles' shares and versions).
   */
  public List<GridFigures> keptGrids(Instant when) {
    CoverageEngine.State state = engine.state();
    return windows.get(new Window(when.truncatedTo(ChronoUnit.MINUTES), state.version(), casePlaces.get()),
        w -> compute(state, w.minute(), false));
  }

  /** The same figures computed from scratch, nothing kept (tests and benchmarks compare against it). */
  List<GridFigures> computeFresh(Instant when) {
    return withStaffing(compute(engine.state(), when.truncatedTo(ChronoUnit.MINUTES), true));
  }

  /** The shapes of the routes running at {@code when}, kept per set of running routes. */
  private CoveredShapes shapesAt(CoverageEngine.State state, Instant when) {
    return shapes.get(CoveredShapes.keyOf(state, when), k -> CoveredShapes.of(state, when));
  }

  /**
   * Computes the shapes of every distinct set of running routes over the quarter hours of {@code day} (the planning
   * view's slider), at most as many as are kept, so that moving the slider only counts cases. Answers how many.
   */
  int warmShapes(java.time.LocalDate day) {
    CoverageEngine.State state = engine.state();
    Set<Set<String>> seen = new java.util.HashSet<>();
    for (int minutes = 0; minutes < 24 * 60 && seen.size() < KEPT_SHAPES; minutes += 15) {
      Instant when = day.atStartOfDay(district.timeZone()).plusMinutes(minutes).toInstant();
      if (seen.add(state.runningAt(when))) shapesAt(state, when);
    }
    return seen.size();
  }

  /** Today in the district's time zone. */
  java.time.LocalDate today() { return clock.instant().atZone(district.timeZone()).toLocalDate(); }

  /** Computes the figures of a window now, so that its first reader finds them (start-up). */
  void warm(Instant when) { grids(when); }

  /** A case reported or moved to another place: every kept window may count it in a gap. */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void caseChanged(IncidentChanged e) {
    if (!PLACE_KEPT.contains(e.type())) casePlaces.incrementAndGet();
  }

  /** The same list when no grid's staffing changed since it was computed (so rendered items are reused), else a copy. */
  private List<GridFigures> withStaffing(List<GridFigures> figures) {
    List<GridFigures> out = null;
    for (int i = 0; i < figures.size(); i++) {
      GridFigures f = figures.get(i);
      List<String> now = staffingGaps(f.gridCode());
      if (!now.equals(f.staffingGaps())) {
        if (out == null) out = new ArrayList<>(figures);
        out.set(i, f.withStaffingGaps(now));
      }
    }
    return out == null ? figures : List.copyOf(out);
  }

  private List<String> staffingGaps(String gridCode) { return roster.of(gridCode).gaps().stream().map(Slot::name).toList(); }

  private List<GridFigures> compute(CoverageEngine.State state, Instant when, boolean fresh) {
    CoveredShapes shapes = fresh ? CoveredShapes.of(state, when) : shapesAt(state, when);
    Map<String, int[]> cameraCounts = new HashMap<>();
    for (CameraView c : engine.cameras()) {
      if (c.gridCode() == null) continue;
      int[] n = cameraCounts.computeIfAbsent(c.gridCode(), k -> new int[2]);
      n[0]++;
      if (c.online()) n[1]++;
    }
    Instant since = when.minus(CASE_WINDOW);
    Map<String, List<Coordinate>> cases = fresh ? freshCases(since) : casePoints.byGrid(since, casePlaces.get(), CASE_WINDOW);
    return shapes.grids().parallelStream().map(g -> {
      int inGaps = countInside(g.gapMetric(), cases.getOrDefault(g.code(), List.of()));
      int[] cams = cameraCounts.getOrDefault(g.code(), new int[2]);
      return new GridFigures(g.code(), g.communityCode(), g.code().substring(0, 9), g.areaM2(), g.cameraM2(), g.patrolM2(),
          g.combinedM2(), g.keyAreaM2(), g.keyAreaCoveredM2(), cams[0], cams[1], inGaps, staffingGaps(g.code()), g.gapWgs84());
    }).toList();
  }

  /**
   * Area-weighted figures of every area of a level (or one area when {@code code} is given): covered square metres
   * summed over the grids divided by their area, so a large grid weighs by its size. Key-area coverage is
   * weighted by key-area size, the working rate by camera count; staffing counts fully staffed grids.
   */
  public List<Map<String, Object>> rollup(AreaLevel level, String code, Instant when) {
    return rollup(level, code, grids(when));
  }

  /** The same roll-up of figures already read (one window's, so that grids and totals come from one reading). */
  List<Map<String, Object>> rollup(AreaLevel level, String code, List<GridFigures> grids) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (GridFigures g : grids) {
      String key = switch (level) {
        case GRID -> g.gridCode();
        case COMMUNITY -> g.communityCode();
        case SUBDISTRICT -> g.subdistrictCode();
        case DISTRICT -> district.code();
      };
      if (code != null && !key.equals(code)) continue;
      double[] s = sums.computeIfAbsent(key, k -> new double[11]);
      s[0] += g.areaM2();
      s[1] += g.cameraCoveredM2();
      s[2] += g.patrolCoveredM2();
      s[3] += g.combinedCoveredM2();
      s[4] += g.cameras();
      s[5] += g.camerasOnline();
      s[6] += g.casesInGaps90d();
      s[7] += g.keyAreaM2();
      s[8] += g.keyAreaCoveredM2();
      s[9] += 1;
      s[10] += g.staffingComplete() ? 1 : 0;
    }
    List<Map<String, Object>> out = new ArrayList<>();
    sums.forEach((k, s) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", k);
      m.put("areaM2", Math.round(s[0]));
      m.put("cameraCoverage", GridFigures.round(s[1] / s[0]));
      m.put("patrolCoverage", GridFigures.round(s[2] / s[0]));
      m.put("combinedCoverage", GridFigures.round(s[3] / s[0]));
      m.put("cameras", (long) s[4]);
      m.put("cameraWorkingRate", s[4] == 0 ? null : GridFigures.round(s[5] / s[4]));
      m.put("keyAreaCoverage", s[7] == 0 ? null : GridFigures.round(s[8] / s[7]));
      m.put("casesInGaps90d", (long) s[6]);
      m.put("grids", (long) s[9]);
      m.put("gridsFullyStaffed", (long) s[10]);
      out.add(m);
    });
    return out;
  }

  /** The cases since {@code since} read now, nothing kept (what the kept points must equal). */
  private Map<String, List<Coordinate>> freshCases(Instant since) {
    Map<String, List<Coordinate>> cases = new HashMap<>();
    for (IncidentSearch.Where w : incidents.reportedSince(since)) {
      double[] xy = MetricProjection.project(w.lon(), w.lat());
      cases.computeIfAbsent(w.gridCode(), k -> new ArrayList<>()).add(new Coordinate(xy[0], xy[1]));
    }
    return cases;
  }

  static int countInside(PreparedGeometry gap, List<Coordinate> points) {
    if (gap == null || points.isEmpty()) return 0;
    int n = 0;
    for (Coordinate c : points) if (gap.contains(gap.getGeometry().getFactory().createPoint(c))) n++;
    return n;
  }


  static Geometry wgs84(Geometry metric) { return metric == null ? Geometries.FACTORY.createPolygon() : MetricProjection.toWgs84(metric); }
}
