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
 * the OGC test suite read them).
 */
@RestController
class ApiDocumentController {
  private final FeatureSources collections;
  private final JsonMapper mapper;
  private final HtmlPages html;

  ApiDocumentController(FeatureSources collections, JsonMapper mapper, HtmlPages html) {
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
        "description", "Areas and buildings of Shibei district. Boundaries © OpenStreetMap contributors (ODbL).",
        "license", Map.of("name", "ODbL 1.0", "url", "https://opendatacommons.org/licenses/odbl/1-0/")));
    doc.put("servers", List.of(Map.of("url", root)));
    Map<String, Object> paths = new LinkedHashMap<>();
    paths.put("/", get("getLandingPage", "Landing page", List.of(ref("f")), json("application/json")));
    paths.put("/conformance", get("getConformance", "Conformance classes", List.of(ref("f")), json("application/json")));
    paths.put("/collections", get("getCollections", "Feature collections", List.of(ref("f")), json("application/json")));
    for (FeatureSource c : collections.visible()) {
      String base = "/collections/" + c.id();
      paths.put(base, get("describe_" + c.id(), c.title(), List.of(ref("f")), json("application/json")));
      List<Object> params = new ArrayList<>(List.of(ref("limit"), ref("bbox"), ref("datetime"), ref("cursor"), ref("f")));
      c.filterParams().forEach((name, description) -> params.add(Map.of("name", name, "in", "query", "required", false,
          "description", description, "schema", Map.of("type", "string"), "style", "form", "explode", false)));
      paths.put(base + "/items", get("getFeatures_" + c.id(), "Items of " + c.title(), params, json("application/geo+json")));
      paths.put(base + "/items/{featureId}", get("getFeature_" + c.id(), "One item of " + c.title(),
          List.of(ref("featureId"), ref("f")), json("application/geo+json")));
    }
    doc.put("paths", paths);
    doc.put("components", Map.of("parameters", parameters()));
    return doc;
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
    return Map.of("get", Map.of("operationId", operationId, "summary", summary, "parameters", params,
        "responses", responses));
  }
}
