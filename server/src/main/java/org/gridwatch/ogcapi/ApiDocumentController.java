package org.gridwatch.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ogcapi/api}: the OpenAPI 3.0 definition of this OGC API, one path per collection so that each
 * declares exactly the parameters it accepts ({@code limit} with minimum, maximum and default, as QGIS and
 * the OGC test suite read them), and exactly the methods it answers: the Part 4 writes of the area layers
 * ({@code PUT} of an item, {@code POST} of the items list, see {@link ItemEditController}) with the security
 * schemes they need (HTTP Basic or the web client's session cookie), as do the reads of the signed-in collections.
 */
@RestController
class ApiDocumentController {
  private final FeatureSources collections;
  private final JsonMapper mapper;
  private final HtmlPages html;

  private final org.gridwatch.area.DistrictProfile district;

  ApiDocumentController(FeatureSources collections, JsonMapper mapper, HtmlPages html,
      org.gridwatch.area.DistrictProfile district) {
    this.district = district;
    this.collections = collections;
    this.mapper = mapper;
    this.html = html;
  }

  @GetMapping("/ogcapi/api")
  ResponseEntity<String> api(HttpServletRequest request) {
    Map<String, Object> doc = document(OgcLinks.root(request));
    if (OgcFormat.of(request) == OgcFormat.HTML) {
      return html.page("API definition", html.list("Paths", new ArrayList<>(((Map<String, ?>) doc.get("paths")).keySet())));
    }
    return ResponseEntity.ok().contentType(OgcFormat.OPENAPI_30).body(mapper.writeValueAsString(doc));
  }

  private Map<String, Object> document(String root) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.3");
    doc.put("info", Map.of("title", "Gridwatch OGC API – Features", "version", "1.0.0",
        "description", ("Areas and buildings of " + district.label() + ". " + district.attribution()).strip()));
    doc.put("servers", List.of(Map.of("url", root)));
    Map<String, Object> paths = new LinkedHashMap<>();
    paths.put("/", get("getLandingPage", "Landing page", List.of(ref("f")), json("application/json")));
    paths.put("/conformance", get("getConformance", "Conformance classes", List.of(ref("f")), json("application/json")));
    paths.put("/collections", get("getCollections", "Feature collections", List.of(ref("f")), json("application/json")));
    for (FeatureSource c : collections.visible()) {
      String base = "/collections/" + c.id();
      List<?> security = c.isPublic() ? null : SIGNED_IN;
      paths.put(base, get("describe_" + c.id(), c.title(), List.of(ref("f")), json("application/json"), security));
      List<Object> params = new ArrayList<>(List.of(ref("limit"), ref("bbox"), ref("datetime"), ref("cursor"), ref("f")));
      c.filterParams().forEach((name, description) -> params.add(Map.of("name", name, "in", "query", "required", false,
          "description", description, "schema", Map.of("type", "string"), "style", "form", "explode", false)));
      Map<String, Object> items = get("getFeatures_" + c.id(), "Items of " + c.title(), params, json("application/geo+json"), security);
      Map<String, Object> item = get("getFeature_" + c.id(), "One item of " + c.title(),
          List.of(ref("featureId"), ref("f")), json("application/geo+json"), security);
      if (ItemEditController.editable(c.id())) {
        items.put("post", create(c));
        item.put("put", replace(c));
      }
      paths.put(base + "/items", items);
      paths.put(base + "/items/{featureId}", item);
    }
    doc.put("paths", paths);
    doc.put("components", Map.of("parameters", parameters(), "securitySchemes", Map.of(
        "basicAuth", Map.of("type", "http", "scheme", "basic", "description", "A Gridwatch account (API clients, QGIS, GDAL)"),
        "sessionCookie", Map.of("type", "apiKey", "in", "cookie", "name", "JSESSIONID",
            "description", "The web client's session after form login; writes also need the X-XSRF-TOKEN header"))));
    return doc;
  }

  /** Either scheme will do. */
  private static final List<Map<String, List<String>>> SIGNED_IN = List.of(Map.of("basicAuth", List.of()),
      Map.of("sessionCookie", List.of()));

  private static Map<String, Object> replace(FeatureSource c) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("operationId", "replaceFeature_" + c.id());
    op.put("summary", "Reshape one area of " + c.title() + " (PLANNER, ADMIN)");
    op.put("description", "A GeoJSON Feature whose geometry becomes the area's outline, by the rules of "
        + "/api/v1/areas/{code}/reshape: the siblings give or take the difference, the parent stays tiled. Properties "
        + "are read-only: send them unchanged or leave them out; a changed one is refused (400 naming properties.<name>).");
    op.put("parameters", List.of(ref("featureId"),
        Map.of("name", "If-Match", "in", "header", "required", false, "description", "The item's ETag; 412 when stale",
            "schema", Map.of("type", "string")),
        Map.of("name", "Content-Crs", "in", "header", "required", false,
            "description", "Only <" + CollectionsController.CRS84 + ">", "schema", Map.of("type", "string"))));
    op.put("requestBody", Map.of("required", true, "content", Map.of("application/geo+json",
        Map.of("schema", Map.of("type", "object")), "application/json", Map.of("schema", Map.of("type", "object")))));
    op.put("security", SIGNED_IN);
    op.put("responses", writeResponses(Map.of("204", Map.of("description", "Saved; the ETag header holds the new version"),
        "412", Map.of("description", "The If-Match ETag is stale"),
        "422", problem("The outline cannot be applied (named field and place)"))));
    return op;
  }

  private static Map<String, Object> create(FeatureSource c) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("operationId", "createFeature_" + c.id());
    op.put("summary", "Not offered: new areas of " + c.title() + " come from splitting one");
    op.put("description", "Always answered 422 (after authentication), so that clients such as QGIS offer editing; "
        + "create areas with POST /api/v1/areas/{code}/split or the GeoPackage round trip.");
    op.put("requestBody", Map.of("required", false, "content", Map.of("application/geo+json",
        Map.of("schema", Map.of("type", "object")))));
    op.put("security", SIGNED_IN);
    op.put("responses", writeResponses(Map.of("422", problem("Areas are not created directly"))));
    return op;
  }

  private static Map<String, Object> writeResponses(Map<String, Object> specific) {
    Map<String, Object> r = new java.util.TreeMap<>(specific);
    r.put("400", problem("Invalid input: each offending field named"));
    r.put("401", problem("Sign in (HTTP Basic or session)"));
    r.put("403", problem("The role may not redraw boundaries"));
    r.put("404", problem("Unknown feature"));
    return r;
  }

  private static Map<String, Object> problem(String description) {
    return Map.of("description", description, "content", Map.of("application/problem+json", Map.of("schema", Map.of("type", "object"))));
  }

  private static Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("limit", Map.of("name", "limit", "in", "query", "required", false, "style", "form", "explode", false,
        "description", "Items per page; larger values are clamped to the maximum",
        "schema", Map.of("type", "integer", "minimum", 1, "maximum", ItemsQuery.MAX_LIMIT, "default", ItemsQuery.DEFAULT_LIMIT)));
    p.put("bbox", Map.of("name", "bbox", "in", "query", "required", false, "style", "form", "explode", false,
        "description", "minLon,minLat,maxLon,maxLat in CRS84",
        "schema", Map.of("type", "array", "minItems", 4, "maxItems", 6, "items", Map.of("type", "number"))));
    p.put("datetime", Map.of("name", "datetime", "in", "query", "required", false, "style", "form", "explode", false,
        "description", "An RFC 3339 date-time or interval; areas valid then", "schema", Map.of("type", "string")));
    p.put("cursor", Map.of("name", "cursor", "in", "query", "required", false, "style", "form", "explode", false,
        "description", "Opaque position from a next link", "schema", Map.of("type", "string")));
    p.put("f", Map.of("name", "f", "in", "query", "required", false, "style", "form", "explode", false,
        "description", "Response format", "schema", Map.of("type", "string", "enum", List.of("json", "html"))));
    p.put("featureId", Map.of("name", "featureId", "in", "path", "required", true, "description", "The feature's code",
        "schema", Map.of("type", "string")));
    return p;
  }

  private static Map<String, Object> ref(String name) { return Map.of("$ref", "#/components/parameters/" + name); }

  private static Map<String, Object> json(String type) {
    return Map.of("200", Map.of("description", "OK", "content", Map.of(type, Map.of("schema", Map.of("type", "object")),
        "text/html", Map.of("schema", Map.of("type", "string")))),
        "400", Map.of("description", "Invalid parameter", "content", Map.of("application/problem+json",
            Map.of("schema", Map.of("type", "object")))),
        "404", Map.of("description", "Not found"));
  }

  private static Map<String, Object> get(String operationId, String summary, List<?> params, Map<String, Object> responses) {
    return get(operationId, summary, params, responses, null);
  }

  /** A path item with its GET operation; {@code security} null for a public read. */
  private static Map<String, Object> get(String operationId, String summary, List<?> params, Map<String, Object> responses,
      List<?> security) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("operationId", operationId);
    op.put("summary", summary);
    op.put("parameters", params);
    op.put("responses", responses);
    if (security != null) op.put("security", security);
    Map<String, Object> pathItem = new LinkedHashMap<>();
    pathItem.put("get", op);
    return pathItem;
  }
}
