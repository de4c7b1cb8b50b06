package org.gridwatch.patrol;

import org.gridwatch.problem.Text;
import java.util.ArrayList;
import java.util.List;
import org.gridwatch.groundnet.RouteChanged;
import org.gridwatch.groundnet.Routes;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The key points (签到点) of patrol routes, kept with the routes: listed and added per route, removed with their route.
 * A key point lies within the district's extent (the same margin as GPS fixes) and has a radius of 1 to 500 m.
 */
@Service
public class Checkpoints {
  static final double DEFAULT_RADIUS_M = 30;
  private final CheckpointRepository repository;
  private final Routes routes;
  private final PatrolSettings settings;

  Checkpoints(CheckpointRepository repository, Routes routes, PatrolSettings settings) {
    this.repository = repository;
    this.routes = routes;
    this.settings = settings;
  }

  @Transactional(readOnly = true)
  public List<CheckpointView> of(String routeCode) {
    return repository.findByRouteCodeOrderByCode(routeCode).stream().map(Checkpoint::view).toList();
  }

  @Transactional(readOnly = true)
  public boolean isEmpty() { return repository.count() == 0; }

  /** Adds a key point to a route (404 for an unknown route, 409 for a code in use, 400 naming a bad field). */
  @Transactional
  public CheckpointView add(String routeCode, CheckpointRequest body) {
    routes.find(routeCode).orElseThrow(() -> ProblemException.notFound("unknown-route", "Unknown route", Text.of("patrol.there-no-patrol-route-x", routeCode)));
    List<FieldError> errors = new ArrayList<>();
    if (!body.code().matches("[A-Za-z0-9_-]{2,40}")) errors.add(new FieldError("code", Text.of("patrol.letters-digits-and-only-2")));
    if (!settings.rules().inExtent(body.lon(), body.lat())) {
      errors.add(new FieldError("lon", Text.of("patrol.x-x-not-or-near", body.lon(), body.lat())));
    }
    double radius = body.radius() == null ? DEFAULT_RADIUS_M : body.radius();
    if (!(radius >= 1 && radius <= 500)) errors.add(new FieldError("radius", Text.of("patrol.metres-1-500")));
    if (!errors.isEmpty()) throw ProblemException.badInput(errors);
    if (repository.existsByCode(body.code())) {
      throw new ProblemException(HttpStatus.CONFLICT, "duplicate-checkpoint", "Checkpoint exists",
          Text.of("patrol.checkpoint-with-code-x-exists", body.code()), List.of(new FieldError("code", Text.of("patrol.already-used"))));
    }
    String name = body.name() == null || body.name().isBlank() ? body.code() : body.name().strip();
    Checkpoint c = new Checkpoint(new CheckpointView(body.code(), routeCode, name, body.lon(), body.lat(), radius));
    repository.save(c);
    repository.flush();
    return c.view();
  }

  /** Adds key points in one go (the demo's), no checks beyond the database's. */
  @Transactional
  public void seed(List<CheckpointView> all) { all.forEach(v -> repository.save(new Checkpoint(v))); }

  /** A route removed takes its key points with it, in the same transaction. */
  @EventListener
  void routeChanged(RouteChanged e) {
    if (e.after() == null) repository.deleteByRouteCode(e.before().code());
  }
}
