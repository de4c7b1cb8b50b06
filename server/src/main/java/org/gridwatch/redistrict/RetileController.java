package org.gridwatch.redistrict;

import java.util.List;
import java.util.Map;
import org.gridwatch.area.AreaView;
import org.gridwatch.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Re-tiling the children of an area, for PLANNER and ADMIN. Body: a GeoJSON FeatureCollection of the new
 * children (CRS84), {@code properties.code} for an existing child (left out: a new area), {@code properties.name}
 * optional. {@code PUT /api/v1/areas/{code}/children} commits (see {@link Retile}); {@code POST .../children/preview}
 * answers what would change and saves nothing. Refusals: 422 naming {@code features[i]}.
 */
@RestController
class RetileController {
  private final Retile retile;
  private final EditSupport edits;
  private final JsonMapper json;

  RetileController(Retile retile, EditSupport edits, JsonMapper json) {
    this.retile = retile;
    this.edits = edits;
    this.json = json;
  }

  @PutMapping("/api/v1/areas/{code}/children")
  Map<String, Object> retile(@PathVariable String code, @RequestBody JsonNode body,
      @org.springframework.web.bind.annotation.RequestParam(required = false) Boolean confirm, Authentication auth) {
    EditSupport.mayRedraw(auth);
    return RetileAnswers.done(List.of(retile.apply(code, pieces(body), ReshapeController.actor(auth, body, confirm))));
  }

  @PostMapping("/api/v1/areas/{code}/children/preview")
  Map<String, Object> preview(@PathVariable String code, @RequestBody JsonNode body, Authentication auth) {
    EditSupport.mayRedraw(auth);
    return RetileAnswers.planned(retile.preview(List.of(new Retile.Group(code, pieces(body)))), json);
  }


  private static List<Retile.Piece> pieces(JsonNode body) { return EditRequests.pieces(body); }

  /**
   * Renumbers a community's grids in reading order, on request only ({@code POST /api/v1/areas/{code}/renumber};
   * {@code ?dryRun=true} answers the preview): every grid gets a new code, the old codes are retired, never reused.
   */
  @PostMapping("/api/v1/areas/{code}/renumber")
  Map<String, Object> renumber(@PathVariable String code, @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false")
      boolean dryRun, Authentication auth) {
    EditSupport.mayRedraw(auth);
    AreaView community = edits.area(code);
    List<Retile.Piece> pieces = Renumbering.pieces(community, edits.catalog.now().children(code));
    if (dryRun) return RetileAnswers.planned(retile.preview(List.of(new Retile.Group(code, pieces))), json);
    // Renumbering changes codes only: the outlines (and any warnings about them) stay as they are.
    return RetileAnswers.done(List.of(retile.apply(code, pieces, new EditCommit.Actor(auth.getName(), Role.of(auth), true))));
  }
}
