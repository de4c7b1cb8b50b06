package org.gridwatch.redistrict;

import java.util.Map;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.security.Role;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reshaping an area, for PLANNER and ADMIN: {@code POST /api/v1/areas/{code}/preview} says what a new outline
 * would do and saves nothing; {@code POST /api/v1/areas/{code}/reshape} commits it ({@code If-Match} optional,
 * 412 when stale). Body: a GeoJSON Polygon/MultiPolygon, or a Feature holding one.
 */
@RestController
class ReshapeController {
  private final EditPreview preview;
  private final EditCommit commit;
  private final Merge merge;
  private final Split split;
  private final JsonMapper json;

  ReshapeController(EditPreview preview, EditCommit commit, Merge merge, Split split, JsonMapper json) {
    this.split = split;
    this.preview = preview;
    this.commit = commit;
    this.merge = merge;
    this.json = json;
  }

  @PostMapping("/api/v1/areas/{code}/preview")
  Map<String, Object> preview(@PathVariable String code, @RequestBody JsonNode body, Authentication auth) {
    mayRedraw(auth);
    return EditPreview.view(preview.reshape(code, outline(body)), json);
  }

  @PostMapping("/api/v1/areas/{code}/reshape")
  ResponseEntity<Map<String, Object>> reshape(@PathVariable String code, @RequestBody JsonNode body,
      @RequestHeader(name = "If-Match", required = false) String ifMatch, Authentication auth) {
    mayRedraw(auth);
    EditCommit.Committed c = commit.reshape(code, outline(body), ifMatch, auth.getName(), Role.of(auth));
    var response = ResponseEntity.ok();
    c.saved().stream().filter(s -> s.code().equals(code)).findFirst().ifPresent(s -> response.eTag(s.etag()));
    return response.body(Map.of("code", code, "saved", c.saved(), "casesMoved", c.casesMoved()));
  }

  /** Body: {@code {"codes": ["370203005001001", "370203005001002"]}}: adjacent grids of one community. */
  @PostMapping("/api/v1/areas/merge")
  ResponseEntity<Merge.Merged> merge(@RequestBody JsonNode body, Authentication auth) {
    mayRedraw(auth);
    JsonNode codes = body == null ? null : body.get("codes");
    if (codes == null || !codes.isArray()) throw ProblemException.badInput("codes", "an array of area codes");
    java.util.List<String> list = new java.util.ArrayList<>();
    codes.forEach(c -> list.add(c.asString()));
    Merge.Merged m = merge.merge(list, auth.getName(), Role.of(auth));
    return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).eTag(m.etag()).body(m);
  }

  /** Body: {@code {"line": GeoJSON LineString}} crossing the grid once. */
  @PostMapping("/api/v1/areas/{code}/split")
  ResponseEntity<Split.Done> split(@PathVariable String code, @RequestBody JsonNode body, Authentication auth) {
    mayRedraw(auth);
    Geometry line;
    try {
      line = GeoJson.read(body == null ? null : body.get("line"), "line");
    } catch (GeoJson.InvalidGeoJson e) {
      throw ProblemException.badInput(e.field(), e.reason());
    }
    return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).body(split.split(code, line, auth.getName(), Role.of(auth)));
  }

  private static void mayRedraw(Authentication auth) { Role.require(auth, "redraw boundaries", Role.PLANNER, Role.ADMIN); }

  private static Geometry outline(JsonNode body) {
    JsonNode geometry = body != null && "Feature".equals(body.path("type").asString(null)) ? body.get("geometry") : body;
    try {
      return GeoJson.read(geometry, "geometry");
    } catch (GeoJson.InvalidGeoJson e) {
      throw ProblemException.badInput(e.field(), e.reason());
    }
  }
}
