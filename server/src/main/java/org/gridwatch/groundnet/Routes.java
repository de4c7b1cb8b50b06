package org.gridwatch.groundnet;

import org.gridwatch.problem.Text;
import java.time.Clock;
import java.time.ZoneId;
import org.gridwatch.area.DistrictProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.geo.io.DeclaredCrs;
import org.gridwatch.geo.io.SourceCrs;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ground net: patrol routes read from memory, written through here with checks (a line of at least 20 m
 * that stays within 500 m of the district, a known mode, a width, a schedule) and a {@link RouteChanged} event for
 * every change.
 */
@Service
public class Routes {
  static final double MAX_OUTSIDE_M = 500;
  private final PatrolRouteRepository repository;
  private final AreaCatalog areas;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private volatile Map<String, RouteView> byCode;

  private final ZoneId zone;

  Routes(PatrolRouteRepository repository, AreaCatalog areas, ApplicationEventPublisher events, Clock clock,
      DistrictProfile district) {
    this.zone = district.timeZone();
    this.repository = repository;
    this.areas = areas;
    this.events = events;
    this.clock = clock;
  }

  public List<RouteView> all() { return cache().values().stream().sorted(Comparator.comparing(RouteView::code)).toList(); }

  public Optional<RouteView> find(String code) { return Optional.ofNullable(cache().get(code)); }

  /** A line in a Gauss–Krüger zone in WGS84; refused like a malformed line when it lies outside the zone. */
  private static Geometry projected(Geometry line, SourceCrs crs, String field) {
    DeclaredCrs.Converted c = DeclaredCrs.toWgs84(crs, List.of(line));
    if (c.wgs84().get(0) == null) throw new GeoJson.InvalidGeoJson(field, c.refused().get(0));
    return c.wgs84().get(0);
  }

  /** Checks a route as sent: {code, name, geometry (GeoJSON line), team, mode, width, schedule}. */
  public RouteView read(RouteRequest body) { return read(body, ""); }

  /** The same, naming fields with a prefix (e.g. {@code routes[2].}) when the route is part of a larger body. */
  public RouteView read(RouteRequest body, String prefix) { return read(body, prefix, null); }

  /**
   * The same with the line in the CRS that {@code body.crs()} or {@code crsParameter} declares (CRS84 when neither;
   * a Gauss–Krüger zone's eastings and northings are converted to WGS84 first).
   */
  public RouteView read(RouteRequest body, String prefix, String crsParameter) {
    List<FieldError> errors = new ArrayList<>();
    SourceCrs crs;
    try {
      crs = DeclaredCrs.of(body.crs(), crsParameter);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badInput(prefix + "crs", e.getMessage());
    }
    String code = body.code();
    if (code == null || !code.matches("[A-Za-z0-9-]{2,20}")) errors.add(new FieldError(prefix + "code", Text.of("groundnet.letters-digits-and-only-2")));
    Geometry line = null;
    try {
      line = crs.isProjected() ? projected(GeoJson.readAnyCrs(body.geometry(), prefix + "geometry"), crs, prefix + "geometry")
          : GeoJson.read(body.geometry(), prefix + "geometry");
      if (!(line instanceof LineString || line instanceof MultiLineString)) {
        errors.add(new FieldError(prefix + "geometry", Text.of("groundnet.must-linestring-or-multilinestring")));
        line = null;
      } else if (MetricProjection.lengthM(line) < 20) {
        errors.add(new FieldError(prefix + "geometry", Text.of("groundnet.shorter-than-20-m")));
      } else {
        farOutside(line).ifPresent(reason -> errors.add(new FieldError(prefix + "geometry", reason)));
      }
    } catch (GeoJson.InvalidGeoJson e) {
      errors.add(new FieldError(e.field(), e.reason()));
    }
    Mode mode = body.mode() == null ? Mode.FOOT : body.mode();
    double width = body.width() != null ? body.width() : mode.defaultWidth();
    if (!(width > 0 && width <= 200)) errors.add(new FieldError(prefix + "width", Text.of("groundnet.metres-more-than-0-and")));
    Schedule schedule = Schedule.of(body.schedule(), prefix + "schedule", errors);
    String name = body.name() == null || body.name().isBlank() ? code : body.name().strip();
    if (name != null && name.length() > 100) errors.add(new FieldError(prefix + "name", Text.of("groundnet.at-most-100-characters")));
    if (!errors.isEmpty()) throw ProblemException.badInput(errors);
    String team = body.team() == null || body.team().isBlank() ? null : body.team().strip();
    return new RouteView(code, name, line, team, mode, width, schedule, false, zone);
  }

  /** Why the line strays too far from the district (a patrol may follow a street along its edge), if it does. */
  private Optional<String> farOutside(Geometry line) {
    Geometry district = areas.now().level(AreaLevel.DISTRICT).get(0).boundary();
    Geometry districtMetres = null;
    for (org.locationtech.jts.geom.Coordinate c : line.getCoordinates()) {
      var point = line.getFactory().createPoint(c);
      if (district.contains(point)) continue;
      if (districtMetres == null) districtMetres = MetricProjection.toMetres(district);
      double[] xy = MetricProjection.project(c.x, c.y);
      double away = districtMetres.distance(districtMetres.getFactory().createPoint(new org.locationtech.jts.geom.Coordinate(xy[0], xy[1])));
      if (away > MAX_OUTSIDE_M) {
        return Optional.of(String.format(Locale.ROOT, "(%.6f, %.6f) is %.0f m outside the district; a route may run at most %.0f m outside it",
            c.x, c.y, away, MAX_OUTSIDE_M));
      }
    }
    return Optional.empty();
  }

  @Transactional
  public RouteView save(RouteView v, boolean mustBeNew) {
    PatrolRoute existing = repository.findByCode(v.code()).orElse(null);
    if (mustBeNew && existing != null) {
      throw new ProblemException(HttpStatus.CONFLICT, "duplicate-route", "Route exists", Text.of("groundnet.route-with-code-x-exists", v.code()), List.of(new FieldError("code", Text.of("groundnet.already-used"))));
    }
    RouteView before = existing == null ? null : existing.view(zone);
    PatrolRoute r = existing != null ? existing : new PatrolRoute(v.code(), v.synthetic());
    r.apply(v, clock.instant());
    repository.save(r);
    repository.flush();
    byCode = null;
    RouteView after = r.view(zone);
    events.publishEvent(new RouteChanged(before, after));
    return after;
  }

  @Transactional
  public void delete(String code) {
    PatrolRoute r = repository.findByCode(code).orElseThrow(() -> ProblemException.notFound("unknown-route",
        "Unknown route", Text.of("groundnet.there-no-patrol-route-x", code)));
    RouteView before = r.view(zone);
    repository.delete(r);
    repository.flush();
    byCode = null;
    events.publishEvent(new RouteChanged(before, null));
  }

  /** Forgets the cached routes (after a bulk load that bypassed this service). */
  void invalidate() { byCode = null; }

  @Transactional(readOnly = true)
  Map<String, RouteView> cache() {
    Map<String, RouteView> m = byCode;
    if (m == null) {
      m = repository.findAll().stream().map(r -> r.view(zone)).collect(Collectors.toUnmodifiableMap(RouteView::code, Function.identity()));
      byCode = m;
    }
    return m;
  }
}
