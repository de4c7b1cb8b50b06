package org.gridwatch.groundnet;

import org.gridwatch.problem.Text;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/routes}: patrol routes; read for signed-in users, written by POLICE, OPERATOR and ADMIN. A line may
 * come in a CGCS2000 Gauss–Krüger zone, declared by the body's {@code crs} member or the {@code crs} parameter.
 */
@RestController
@RequestMapping("/api/v1/routes")
class RouteController {
  private final Routes routes;
  private final JsonMapper json;

  RouteController(Routes routes, JsonMapper json) {
    this.routes = routes;
    this.json = json;
  }

  static Map<String, Object> view(RouteView r, JsonMapper json) {
    return Map.of("code", r.code(), "name", r.name(), "geometry", json.readTree(GeoJson.toJson(r.line())),
        "team", r.teamCode() == null ? "" : r.teamCode(), "mode", r.mode().name(), "width", r.widthM(),
        "schedule", json.readTree(r.schedule().toJson()));
  }

  @GetMapping
  List<Map<String, Object>> all() { return routes.all().stream().map(r -> view(r, json)).toList(); }

  @GetMapping("/{code}")
  Map<String, Object> one(@PathVariable String code) {
    return view(routes.find(code).orElseThrow(() -> ProblemException.notFound("unknown-route", "Unknown route",
        Text.of("groundnet.there-no-patrol-route-x", code))), json);
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> create(@Valid @RequestBody RouteRequest body,
      @RequestParam(required = false) String crs, Authentication auth) {
    mayEdit(auth);
    RouteView v = routes.read(body, "", crs);
    return ResponseEntity.status(HttpStatus.CREATED).body(view(routes.save(v, true), json));
  }

  @PutMapping("/{code}")
  Map<String, Object> update(@PathVariable String code, @Valid @RequestBody RouteRequest body,
      @RequestParam(required = false) String crs, Authentication auth) {
    mayEdit(auth);
    routes.find(code).orElseThrow(() -> ProblemException.notFound("unknown-route", "Unknown route", Text.of("groundnet.there-no-patrol-route-x", code)));
    return view(routes.save(routes.read(body.withCode(code), "", crs), false), json);
  }

  @DeleteMapping("/{code}")
  ResponseEntity<Void> delete(@PathVariable String code, Authentication auth) {
    mayEdit(auth);
    routes.delete(code);
    return ResponseEntity.noContent().build();
  }

  static void mayEdit(Authentication auth) { Role.require(auth, "edit the ground net", Role.POLICE, Role.OPERATOR, Role.ADMIN); }
}
