package org.gridwatch.redistrict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.security.Role;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.HttpStatus;
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
 * Boundary edits, for PLANNER and ADMIN. Each edit has a preview ({@code …/preview}: what it would do, nothing
 * saved) and a commit:
 * <ul>
 *   <li>reshape {@code /api/v1/areas/{code}/reshape}: a GeoJSON Polygon/MultiPolygon, or a Feature holding one;
 *   <li>split {@code /api/v1/areas/{code}/split}: {@code {"line": LineString}} or {@code {"pieces": [Polygon, Polygon]}};
 *   <li>merge {@code /api/v1/areas/merge}: {@code {"codes": [...]}}, adjacent grids of one community;
 *   <li>move buildings {@code /api/v1/areas/{code}/buildings}: {@code {"buildings": [...]}} into grid {@code code}.
 * </ul>
 * {@code If-Match} (optional) with the area's entity tag: 412 when its outline changed meanwhile.
 */
@RestController
class ReshapeController {
  private final EditPreview preview;
  private final EditCommit commit;
  private final EditSupport edits;
  private final JsonMapper json;

  ReshapeController(EditPreview preview, EditCommit commit, EditSupport edits, JsonMapper json) {
    this.preview = preview;
    this.commit = commit;
    this.edits = edits;
    this.json = json;
  }

  @PostMapping("/api/v1/areas/{code}/preview")
  Map<String, Object> preview(@PathVariable String code, @RequestBody JsonNode body, Authentication auth) {
    mayRedraw(auth);
    return EditPreview.view(preview.reshape(code, outline(body)), json);
  }

  @PostMapping("/api/v1/areas/{code}/reshape")
  ResponseEntity<EditCommit.Committed> reshape(@PathVariable String code, @RequestBody JsonNode body,
      @RequestHeader(name = "If-Match", required = false) String ifMatch, Authentication auth) {
    mayRedraw(auth);
    return answer(HttpStatus.OK, code, commit.reshape(code, outline(body), ifMatch, auth.getName(), Role.of(auth)));
  }

  @PostMapping("/api/v1/areas/{code}/split/preview")
  Map<String, Object> previewSplit(@PathVariable String code, @RequestBody JsonNode body, Authentication auth) {
    mayRedraw(auth);
    return EditPreview.view(preview.split(code, cut(body)), json);
  }

  @PostMapping("/api/v1/areas/{code}/split")
  ResponseEntity<EditCommit.Committed> split(@PathVariable String code, @RequestBody JsonNode body,
      @RequestHeader(name = "If-Match", required = false) String ifMatch, Authentication auth) {
    mayRedraw(auth);
    return answer(HttpStatus.CREATED, null, commit.split(code, cut(body), ifMatch, auth.getName(), Role.of(auth)));
  }

  @PostMapping("/api/v1/areas/merge/preview")
  Map<String, Object> previewMerge(@RequestBody JsonNode body, Authentication auth) {
    mayRedraw(auth);
    return EditPreview.view(preview.merge(codes(body)), json);
  }

  @PostMapping("/api/v1/areas/merge")
  ResponseEntity<EditCommit.Committed> merge(@RequestBody JsonNode body, Authentication auth) {
    mayRedraw(auth);
    return answer(HttpStatus.CREATED, null, commit.merge(codes(body), auth.getName(), Role.of(auth)));
  }

  @PostMapping("/api/v1/areas/{code}/buildings/preview")
  Map<String, Object> previewMove(@PathVariable String code, @RequestBody JsonNode body, Authentication auth) {
    mayRedraw(auth);
    return EditPreview.view(preview.reshape(code, movedInto(code, body)), json);
  }

  @PostMapping("/api/v1/areas/{code}/buildings")
  ResponseEntity<EditCommit.Committed> move(@PathVariable String code, @RequestBody JsonNode body,
      @RequestHeader(name = "If-Match", required = false) String ifMatch, Authentication auth) {
    mayRedraw(auth);
    return answer(HttpStatus.OK, code, commit.reshape(code, movedInto(code, body), ifMatch, auth.getName(), Role.of(auth)));
  }

  /** The answer, with the entity tag of {@code code} (or of the one area created) so that the next edit can send If-Match. */
  private static ResponseEntity<EditCommit.Committed> answer(HttpStatus status, String code, EditCommit.Committed c) {
    var response = ResponseEntity.status(status);
    List<EditCommit.Saved> tagged = c.saved().stream().filter(s -> code == null ? c.created().contains(s.code()) : s.code().equals(code)).toList();
    if (tagged.size() == 1) response.eTag(tagged.get(0).etag());
    return response.body(c);
  }

  private Geometry movedInto(String code, JsonNode body) {
    List<String> buildings = strings(body, "buildings");
    return BuildingMove.outline(edits.catalog.now(), edits.area(code), buildings);
  }

  private static void mayRedraw(Authentication auth) { Role.require(auth, "redraw boundaries", Role.PLANNER, Role.ADMIN); }

  static List<String> codes(JsonNode body) { return strings(body, "codes"); }

  private static List<String> strings(JsonNode body, String field) {
    JsonNode array = body == null ? null : body.get(field);
    if (array == null || !array.isArray()) throw ProblemException.badInput(field, "an array of codes");
    List<String> out = new ArrayList<>();
    array.forEach(c -> {
      if (!c.isString()) throw ProblemException.badInput(field, "codes are strings");
      out.add(c.asString());
    });
    return out;
  }

  static Split.Cut cut(JsonNode body) {
    if (body != null && body.has("line")) return new Split.Cut(read(body.get("line"), "line"), null);
    JsonNode pieces = body == null ? null : body.get("pieces");
    if (pieces == null || !pieces.isArray()) throw ProblemException.badInput("line", "give a line, or two polygons as pieces");
    List<Geometry> out = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) out.add(read(pieces.get(i), "pieces[" + i + "]"));
    return new Split.Cut(null, out);
  }

  static Geometry outline(JsonNode body) {
    JsonNode geometry = body != null && "Feature".equals(body.path("type").asString(null)) ? body.get("geometry") : body;
    return read(geometry, "geometry");
  }

  private static Geometry read(JsonNode node, String field) {
    try {
      return GeoJson.read(node, field);
    } catch (GeoJson.InvalidGeoJson e) {
      throw ProblemException.badInput(e.field(), e.reason());
    }
  }
}
