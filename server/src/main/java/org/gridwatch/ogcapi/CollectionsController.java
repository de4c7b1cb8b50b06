package org.gridwatch.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code /ogcapi/collections} and {@code /ogcapi/collections/{id}}: what can be read, and its extent. */
@RestController
class CollectionsController {
  static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  private final FeatureSources collections;
  private final JsonMapper mapper;
  private final HtmlPages html;
  private final OgcCrsList crsList;

  CollectionsController(FeatureSources collections, JsonMapper mapper, HtmlPages html, OgcCrsList crsList) {
    this.crsList = crsList;
    this.collections = collections;
    this.mapper = mapper;
    this.html = html;
  }

  @GetMapping("/ogcapi/collections")
  ResponseEntity<String> collections(HttpServletRequest request) {
    String root = OgcLinks.root(request);
    List<Map<String, Object>> list = new ArrayList<>();
    collections.visible().forEach(c -> list.add(describe(c, root, crsList)));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("links", List.of(
        OgcLinks.link(root + "/collections", "self", "application/json", "This document"),
        OgcLinks.link(root + "/collections?f=html", "alternate", "text/html", "This document as HTML")));
    body.put("collections", list);
    if (OgcFormat.of(request) == OgcFormat.HTML) return html.page("Collections", html.collections(list));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(mapper.writeValueAsString(body));
  }

  @GetMapping("/ogcapi/collections/{collectionId}")
  ResponseEntity<String> collection(@PathVariable String collectionId, HttpServletRequest request) {
    FeatureSource c = collections.require(collectionId);
    Map<String, Object> body = describe(c, OgcLinks.root(request), crsList);
    if (OgcFormat.of(request) == OgcFormat.HTML) return html.page(c.title(), html.collections(List.of(body)));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(mapper.writeValueAsString(body));
  }

  private static Map<String, Object> describe(FeatureSource c, String root, OgcCrsList crsList) {
    String self = root + "/collections/" + c.id();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("title", c.title());
    m.put("description", c.description());
    m.put("itemType", "feature");
    m.put("crs", crsList.uris());
    m.put("storageCrs", CRS84);
    Map<String, Object> extent = new LinkedHashMap<>();
    var e = c.extent();
    if (!e.isNull()) {
      extent.put("spatial", Map.of("bbox", List.of(List.of(round(e.getMinX()), round(e.getMinY()), round(e.getMaxX()),
          round(e.getMaxY()))), "crs", CRS84));
    }
    Instant first = c.firstValidFrom();
    if (first != null) {
      extent.put("temporal", Map.of("interval", List.of(Arrays.asList(first.toString(), null)),
          "trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"));
    }
    m.put("extent", extent);
    m.put("links", List.of(
        OgcLinks.link(self, "self", "application/json", "This collection"),
        OgcLinks.link(self + "?f=html", "alternate", "text/html", "This collection as HTML"),
        OgcLinks.link(self + "/items", "items", "application/geo+json", "The items"),
        OgcLinks.link(self + "/items?f=html", "items", "text/html", "The items as HTML")));
    return m;
  }

  private static double round(double v) { return Math.round(v * 1e7) / 1e7; }
}
