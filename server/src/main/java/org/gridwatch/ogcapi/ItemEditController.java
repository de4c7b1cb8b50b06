package org.gridwatch.ogcapi;

import org.gridwatch.problem.Text;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.redistrict.EditCommit;
import org.gridwatch.security.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OGC API – Features Part 4 for the area layers, as QGIS uses it: {@code OPTIONS} says what each endpoint
 * allows (QGIS turns editing on only when the items list allows POST), {@code PUT} of a Feature reshapes an area
 * by the same rules as {@code /api/v1/areas/{code}/reshape} ({@code If-Match} honoured when sent, 412 when
 * stale); PLANNER and ADMIN only. Properties are read-only: a PUT that changes one is refused with a 400 naming
 * each ({@link ReadOnlyProperties}), nothing saved. New areas come from splitting one, so POST is refused with a
 * 422 that says so; areas are retired by merging, so DELETE is not offered (405 with {@code Allow}), nor is PATCH.
 * The other collections are read-only: every write gets a 405 with {@code Allow}.
 */
@RestController
class ItemEditController {
  private static final Map<String, AreaLevel> EDITABLE = Map.of("subdistricts", AreaLevel.SUBDISTRICT,
      "communities", AreaLevel.COMMUNITY, "grids", AreaLevel.GRID);
  private static final Set<String> CONTENT_CRS = Set.of(CollectionsController.CRS84, "<" + CollectionsController.CRS84 + ">");

  /** What each resource allows: the items list (POST answered, with a 422 saying where areas come from) and one item. */
  static final HttpMethod[] ITEMS_EDIT = {HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.OPTIONS};
  static final HttpMethod[] ITEMS_READ = {HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS};
  static final HttpMethod[] ITEM_EDIT = {HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT, HttpMethod.OPTIONS};
  static final HttpMethod[] ITEM_READ = ITEMS_READ;

  private final FeatureSources collections;
  private final AreaCatalog catalog;
  private final EditCommit commit;
  private final JsonMapper mapper;

  ItemEditController(FeatureSources collections, AreaCatalog catalog, EditCommit commit, JsonMapper mapper) {
    this.collections = collections;
    this.catalog = catalog;
    this.commit = commit;
    this.mapper = mapper;
  }

  static boolean editable(String collectionId) { return EDITABLE.containsKey(collectionId); }

  @RequestMapping(value = "/ogcapi/collections/{collectionId}/items", method = RequestMethod.OPTIONS)
  ResponseEntity<Void> itemsOptions(@PathVariable String collectionId) {
    collections.require(collectionId);
    return allow(EDITABLE.containsKey(collectionId) ? ITEMS_EDIT : ITEMS_READ);
  }

  @RequestMapping(value = "/ogcapi/collections/{collectionId}/items/{featureId}", method = RequestMethod.OPTIONS)
  ResponseEntity<Void> itemOptions(@PathVariable String collectionId, @PathVariable String featureId) {
    collections.require(collectionId);
    return allow(EDITABLE.containsKey(collectionId) ? ITEM_EDIT : ITEM_READ);
  }

  @PutMapping("/ogcapi/collections/{collectionId}/items/{featureId}")
  ResponseEntity<Void> replace(@PathVariable String collectionId, @PathVariable String featureId, @RequestBody JsonNode body,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @RequestHeader(name = "Content-Crs", required = false) String contentCrs, Authentication auth,
      HttpServletResponse response) {
    AreaLevel level = editable(collectionId, auth, response, ITEM_READ);
    if (contentCrs != null && !CONTENT_CRS.contains(contentCrs.strip())) {
      throw ProblemException.badInput("Content-Crs", Text.of("ogcapi.only-x-longitude-latitude-accepted", CollectionsController.CRS84));
    }
    AreaView area = catalog.now().find(featureId).filter(a -> a.level() == level).orElseThrow(() -> ProblemException.notFound(
        "unknown-feature", "Unknown feature", Text.of("ogcapi.collection-x-has-no-feature", collectionId, featureId)));
    if (body == null || !"Feature".equals(body.path("type").asString(null))) {
      throw ProblemException.badInput("type", Text.of("ogcapi.send-geojson-feature"));
    }
    FeatureItem served = collections.require(collectionId).item(area.code()).orElseThrow();
    List<ProblemException.FieldError> readOnly = ReadOnlyProperties.changed(body.get("properties"), served.properties(), mapper);
    if (!readOnly.isEmpty()) throw ProblemException.badInput(readOnly);
    EditCommit.Committed c;
    try {
      // A standard OGC client has no confirmation dialog: its PUT is the planner's decision (warnings are the planner page's).
      c = commit.reshape(area.code(), GeoJson.read(body.get("geometry"), "geometry"), ifMatch,
          new EditCommit.Actor(auth.getName(), Role.of(auth), true));
    } catch (GeoJson.InvalidGeoJson e) {
      throw ProblemException.badInput(e.field(), e.reason());
    }
    var answer = ResponseEntity.noContent();
    c.saved().stream().filter(s -> s.code().equals(area.code())).findFirst().ifPresent(s -> answer.eTag(s.etag()));
    return answer.build();
  }

  @PostMapping("/ogcapi/collections/{collectionId}/items")
  ResponseEntity<Void> create(@PathVariable String collectionId, Authentication auth, HttpServletResponse response) {
    editable(collectionId, auth, response, ITEMS_READ);
    throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "no-direct-create", "Areas are not created directly",
        Text.of("ogcapi.new-area-comes-from-splitting"), java.util.List.of());
  }

  private AreaLevel editable(String collectionId, Authentication auth, HttpServletResponse response, HttpMethod[] allowed) {
    collections.require(collectionId);
    AreaLevel level = EDITABLE.get(collectionId);
    if (level == null) {
      response.setHeader(HttpHeaders.ALLOW, allowHeader(allowed));
      throw new ProblemException(HttpStatus.METHOD_NOT_ALLOWED, "read-only-collection", "Read-only collection",
          Text.of("ogcapi.collection-x-cannot-edited", collectionId), java.util.List.of());
    }
    Role.require(auth, "redraw boundaries", Role.PLANNER, Role.ADMIN);
    return level;
  }

  private static ResponseEntity<Void> allow(HttpMethod... methods) { return ResponseEntity.ok().allow(methods).build(); }

  private static String allowHeader(HttpMethod[] methods) {
    return java.util.Arrays.stream(methods).map(HttpMethod::name).collect(java.util.stream.Collectors.joining(", "));
  }
}
