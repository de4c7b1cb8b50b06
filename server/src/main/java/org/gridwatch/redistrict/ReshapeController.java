package org.gridwatch.redistrict;

import java.util.List;
import java.util.Map;
import org.gridwatch.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Boundary edits, for PLANNER and ADMIN. Each edit has a preview ({@code …/preview}: what it would do, nothing
 * saved) and a commit:
 * <ul>
 *   <li>reshape {@code /api/v1/areas/{code}/reshape}: a GeoJSON Polygon/MultiPolygon, or a Feature holding one
 *       (its preview is {@code /api/v1/areas/{code}/preview});
 *   <li>split {@code /api/v1/areas/{code}/split}: {@code {"line": LineString}} or {@code {"pieces": [Polygon, Polygon]}};
 *   <li>merge {@code /api/v1/areas/merge}: {@code {"codes": [...]}}, adjacent grids of one community;
 *   <li>move buildings {@code /api/v1/areas/{code}/buildings}: {@code {"buildings": [...]}} into grid {@code code}.
 * </ul>
 * {@code If-Match} (optional) with the area's entity tag: 412 when its outline changed meanwhile.
 */
@RestController
class ReshapeController {
  private final EditRequests requests;
  private final JsonMapper json;

  ReshapeController(EditRequests requests, JsonMapper json) {
    this.requests = requests;
    this.json = json;
  }

  @PostMapping({"/api/v1/areas/{code}/preview", "/api/v1/areas/{code}/{kind:split|buildings}/preview"})
  Map<String, Object> preview(@PathVariable String code, @PathVariable(required = false) String kind, @RequestBody JsonNode body,
      Authentication auth) {
    EditSupport.mayRedraw(auth);
    return EditPreview.view(requests.preview(kind == null ? "reshape" : kind, code, body), json);
  }

  @PostMapping("/api/v1/areas/merge/preview")
  Map<String, Object> previewMerge(@RequestBody JsonNode body, Authentication auth) {
    EditSupport.mayRedraw(auth);
    return EditPreview.view(requests.preview("merge", null, body), json);
  }

  /**
   * A commit; {@code children} is a new tiling of the area's children (an auto-balance proposal) answered like every
   * other commit. With warnings and without {@code "confirm": true} (or {@code ?confirm=true}): 409
   * {@code /problems/confirmation-required} carrying the structured {@code warnings}.
   */
  @PostMapping("/api/v1/areas/{code}/{kind:reshape|split|buildings|children}")
  ResponseEntity<EditCommit.Committed> commit(@PathVariable String code, @PathVariable String kind, @RequestBody JsonNode body,
      @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestParam(required = false) Boolean confirm,
      Authentication auth) {
    EditSupport.mayRedraw(auth);
    EditCommit.Committed c = requests.commit(kind, code, body, ifMatch, actor(auth, body, confirm));
    return answer(c.created().isEmpty() ? HttpStatus.OK : HttpStatus.CREATED, code, c);
  }

  @PostMapping("/api/v1/areas/merge")
  ResponseEntity<EditCommit.Committed> merge(@RequestBody JsonNode body, @RequestParam(required = false) Boolean confirm,
      Authentication auth) {
    EditSupport.mayRedraw(auth);
    return answer(HttpStatus.CREATED, null, requests.commit("merge", null, body, null, actor(auth, body, confirm)));
  }

  static EditCommit.Actor actor(Authentication auth, JsonNode body, Boolean confirm) {
    return new EditCommit.Actor(auth.getName(), Role.of(auth), EditRequests.confirmed(body, confirm));
  }

  /** The answer, with the entity tag of {@code code} (or of the one area created) so that the next edit can send If-Match. */
  static ResponseEntity<EditCommit.Committed> answer(HttpStatus status, String code, EditCommit.Committed c) {
    var response = ResponseEntity.status(status);
    List<EditCommit.Saved> tagged = c.saved().stream()
        .filter(s -> c.created().isEmpty() ? s.code().equals(code) : c.createdCodes().contains(s.code())).toList();
    if (tagged.size() == 1) response.eTag(tagged.get(0).etag());
    return response.body(c);
  }

}
