package org.gridwatch.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The landing page ({@code /ogcapi}) and the conformance declaration ({@code /ogcapi/conformance}). */
@RestController
class LandingController {
  static final List<String> CONFORMANCE = List.of(
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
      "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
      // Part 4 for the area layers, as far as it is implemented: replace (PUT) reshapes an area (its properties are
      // read-only: a change is a 400 naming each), create (POST) is answered with a 422 saying where new areas come
      // from, delete with 405 (areas are retired by merging); If-Match is honoured. No PATCH, so no "update" class.
      "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
      "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/optimistic-locking",
      "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/features");

  private final JsonMapper mapper;
  private final HtmlPages html;

  private final org.gridwatch.area.DistrictProfile district;

  LandingController(JsonMapper mapper, HtmlPages html, org.gridwatch.area.DistrictProfile district) {
    this.district = district;
    this.mapper = mapper;
    this.html = html;
  }

  @GetMapping({"/ogcapi", "/ogcapi/"})
  ResponseEntity<String> landing(HttpServletRequest request) {
    String root = OgcLinks.root(request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", "Gridwatch OGC API – Features");
    body.put("description", (district.label() + ": subdistricts, communities, grids and buildings. "
        + district.attribution()).strip());
    body.put("links", List.of(
        OgcLinks.link(root, "self", "application/json", "This document"),
        OgcLinks.link(root + "?f=html", "alternate", "text/html", "This document as HTML"),
        OgcLinks.link(root + "/api", "service-desc", OgcFormat.OPENAPI_30.toString(), "The API definition (OpenAPI 3.0)"),
        OgcLinks.link(root + "/api?f=html", "service-doc", "text/html", "The API documentation"),
        OgcLinks.link(root + "/conformance", "conformance", "application/json", "Conformance classes"),
        OgcLinks.link(root + "/conformance", "http://www.opengis.net/def/rel/ogc/1.0/conformance", "application/json", null),
        OgcLinks.link(root + "/collections", "data", "application/json", "The feature collections"),
        OgcLinks.link(root + "/collections", "http://www.opengis.net/def/rel/ogc/1.0/data", "application/json", null)));
    if (OgcFormat.of(request) == OgcFormat.HTML) return html.page("Gridwatch OGC API", html.landing(body));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(mapper.writeValueAsString(body));
  }

  @GetMapping("/ogcapi/conformance")
  ResponseEntity<String> conformance(HttpServletRequest request) {
    Map<String, Object> body = Map.of("conformsTo", CONFORMANCE);
    if (OgcFormat.of(request) == OgcFormat.HTML) return html.page("Conformance", html.list("Conformance classes", CONFORMANCE));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(mapper.writeValueAsString(body));
  }
}
