package org.gridwatch.redistrict;

import java.util.Map;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.security.Role;
import org.locationtech.jts.geom.Geometry;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/areas/{code}/preview}: what a new outline would do, for PLANNER and ADMIN; nothing is saved. */
@RestController
class PreviewController {
  private final EditPreview preview;
  private final JsonMapper json;

  PreviewController(EditPreview preview, JsonMapper json) {
    this.preview = preview;
    this.json = json;
  }

  /** Body: a GeoJSON Polygon/MultiPolygon, or a Feature holding one. */
  @PostMapping("/api/v1/areas/{code}/preview")
  Map<String, Object> reshape(@PathVariable String code, @RequestBody JsonNode body, Authentication auth) {
    Role.require(auth, "redraw boundaries", Role.PLANNER, Role.ADMIN);
    JsonNode geometry = body != null && "Feature".equals(body.path("type").asString(null)) ? body.get("geometry") : body;
    Geometry outline;
    try {
      outline = GeoJson.read(geometry, "geometry");
    } catch (GeoJson.InvalidGeoJson e) {
      throw ProblemException.badInput(e.field(), e.reason());
    }
    return EditPreview.view(preview.reshape(code, outline), json);
  }
}
