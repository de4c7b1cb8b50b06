package org.gridwatch.patrol;

import org.gridwatch.problem.Text;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.geo.Geometries;
import org.gridwatch.groundnet.Mode;
import org.gridwatch.groundnet.RouteView;
import org.gridwatch.groundnet.Routes;
import org.gridwatch.patrol.PatrolAnswers.Note;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.staff.Roster;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Patrols as walked: started by the signed-in person (their roster person recorded with the account), optionally on a
 * route — whose mode and width then apply, so a walked track covers what the route would — and in a grid; ended with
 * the track of the accepted fixes (none with fewer than two, and the answer says so); explicit check-ins; reads for
 * the owner and the police-information audience; and the recorded tracks coverage turns into walked coverage.
 */
@Service
public class Patrols {
  static final Note NO_TRACK = new Note("本次巡逻不同位置的有效定位点少于两个，未形成轨迹。",
      "fewer than two GPS fixes at different places were accepted: the patrol ended without a track");
  private final PatrolRepository repository;
  private final EntityManager em;
  private final Routes routes;
  private final AreaCatalog areas;
  private final Roster roster;
  private final Checkpoints checkpoints;
  private final CheckIns checkIns;
  private final PatrolSettings settings;
  private final JsonMapper json;
  private final Clock clock;

  Patrols(PatrolRepository repository, EntityManager em, Routes routes, AreaCatalog areas, Roster roster,
      Checkpoints checkpoints, CheckIns checkIns, PatrolSettings settings, JsonMapper json, Clock clock) {
    this.repository = repository;
    this.em = em;
    this.routes = routes;
    this.areas = areas;
    this.roster = roster;
    this.checkpoints = checkpoints;
    this.checkIns = checkIns;
    this.settings = settings;
    this.json = json;
    this.clock = clock;
  }

  /** The patrol this account started with this Idempotency-Key, if any (a resent start). */
  @Transactional(readOnly = true)
  public java.util.Optional<PatrolAnswers.Patrol> startedWith(Authentication auth, String key) {
    return key == null ? java.util.Optional.empty() : repository.findByOwnerAndStartKey(auth.getName(), key).map(this::view);
  }

  @Transactional
  public PatrolAnswers.Patrol start(Authentication auth, PatrolRequests.Start body, String key) {
    RouteView route = body.route() == null || body.route().isBlank() ? null : routes.find(body.route().strip())
        .orElseThrow(() -> ProblemException.badInput("route", Text.of("patrol.there-no-patrol-route-x", body.route())));
    String grid = body.grid() == null || body.grid().isBlank() ? null : body.grid().strip();
    if (grid != null && areas.now().find(grid).filter(a -> a.level() == AreaLevel.GRID).isEmpty()) {
      throw ProblemException.badInput("grid", Text.of("patrol.there-no-current-grid-x", grid));
    }
    Mode mode = route != null ? route.mode() : body.mode() != null ? body.mode() : Mode.FOOT;
    if (route != null && body.mode() != null && body.mode() != route.mode()) {
      throw ProblemException.badInput("mode", Text.of("patrol.route-x-patrolled-x-leave", route.code(), route.mode()));
    }
    double width = route != null ? route.widthM() : mode.defaultWidth();
    String person = roster.scopeOf(auth.getName()).map(Roster.Scope::personCode).orElse(null);
    Patrol p = new Patrol(auth.getName(), person, route == null ? null : route.code(), grid, mode, width, now());
    p.startedWith(key);
    repository.save(p);
    repository.flush();
    return view(p);
  }

  @Transactional
  public PatrolAnswers.Patrol end(long id, Authentication auth) {
    Patrol p = lock(em, id);
    PatrolAccess.mayRecord(p, auth);
    if (p.getStatus() == Patrol.Status.ENDED) return view(p); // a resent end: it stays as it ended
    p.end(now(), track(id));
    repository.flush();
    return view(p);
  }

  /** An explicit check-in: the position must lie within the key point's radius (422 naming lon and lat otherwise). */
  @Transactional
  public PatrolAnswers.Patrol checkin(long id, Authentication auth, PatrolRequests.Checkin body) {
    Patrol p = lock(em, id);
    PatrolAccess.mayRecord(p, auth);
    PatrolAccess.mustBeActive(p);
    if (!Double.isFinite(body.lon()) || !Double.isFinite(body.lat()) || !settings.rules().inExtent(body.lon(), body.lat())) {
      throw ProblemException.badInput(List.of(new FieldError("lon", Text.of("patrol.wgs84-position-or-near-district")),
          new FieldError("lat", Text.of("patrol.wgs84-position-or-near-district"))));
    }
    CheckpointView c = (p.getRouteCode() == null ? List.<CheckpointView>of() : checkpoints.of(p.getRouteCode())).stream()
        .filter(k -> k.code().equals(body.checkpoint())).findFirst()
        .orElseThrow(() -> ProblemException.badInput("checkpoint", Text.of("patrol.not-key-point-this-patrol")));
    double away = CheckIns.distanceM(c, body.lon(), body.lat());
    if (away > c.radiusM()) {
      String reason = String.format(java.util.Locale.ROOT, "%.0f m from %s; check in within %.0f m", away, c.code(), c.radiusM());
      throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "outside-checkpoint", "Too far from the key point",
          Text.of("patrol.position-x", reason), List.of(new FieldError("lon", reason), new FieldError("lat", reason)));
    }
    checkIns.explicit(p, c, body.lon(), body.lat(), now());
    em.flush();
    return view(p);
  }

  @Transactional(readOnly = true)
  public PatrolAnswers.Patrol find(long id, Authentication auth) {
    Patrol p = repository.findById(id).orElseThrow(() -> unknown(id));
    PatrolAccess.mayRead(p, auth);
    return view(p);
  }

  /** The caller's own patrols, newest first; with {@code mine} false, every patrol for those who read all (latest 200). */
  @Transactional(readOnly = true)
  public List<PatrolAnswers.Patrol> list(Authentication auth, boolean mine) {
    List<Patrol> found = !mine && PatrolAccess.readsAll(auth) ? repository.findTop200ByOrderByStartedAtDesc()
        : repository.findByOwnerOrderByStartedAtDesc(auth.getName());
    return found.stream().map(this::view).toList();
  }

  /** Tracks of patrols that ended in (from, to], oldest first. */
  @Transactional(readOnly = true)
  public List<WalkedTrack> walkedBetween(Instant from, Instant to) {
    return repository.walkedBetween(from, to).stream()
        .map(p -> new WalkedTrack(p.getId(), p.getRouteCode(), p.getTrack(), p.getWidthM(), p.getEndedAt())).toList();
  }

  /** Now, to the microsecond both stores keep (an answer shows what a later read shows). */
  private Instant now() { return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS); }

  static Patrol lock(EntityManager em, long id) {
    Patrol p = em.find(Patrol.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (p == null) throw unknown(id);
    return p;
  }

  private static ProblemException unknown(long id) {
    return ProblemException.notFound("unknown-patrol", "Unknown patrol", Text.of("patrol.there-no-patrol-x", id));
  }

  /** The accepted fixes in order as a line; null with fewer than two distinct positions. */
  private LineString track(long id) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("select lon, lat from patrol_point where patrol_id = ?1 order by seq")
        .setParameter(1, id).getResultList();
    List<Coordinate> coords = rows.stream().map(r -> new Coordinate(((Number) r[0]).doubleValue(), ((Number) r[1]).doubleValue())).toList();
    if (coords.stream().distinct().count() < 2) return null;
    return Geometries.FACTORY.createLineString(coords.toArray(Coordinate[]::new));
  }

  private PatrolAnswers.Patrol view(Patrol p) {
    boolean ended = p.getStatus() == Patrol.Status.ENDED;
    return new PatrolAnswers.Patrol(p.getId(), p.getStatus().name(), p.getOwner(), p.getPersonCode(), p.getStartedAt(),
        p.getEndedAt(), p.getRouteCode(), p.getGridCode(), p.getMode(), p.getWidthM(), Math.round(p.getLengthM() * 10) / 10.0,
        p.getPointCount(), checkIns.states(p), p.getTrack() == null ? null : json.readTree(GeoJson.toJson(p.getTrack())),
        ended && p.getTrack() == null ? NO_TRACK : null);
  }
}
