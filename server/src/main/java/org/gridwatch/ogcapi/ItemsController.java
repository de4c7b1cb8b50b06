package org.gridwatch.ogcapi;

import org.gridwatch.problem.Text;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.replica.MayLag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ogcapi/collections/{id}/items} and {@code .../items/{featureId}}: GeoJSON pages in id order with
 * {@code numberMatched}, {@code numberReturned}, {@code timeStamp} and a {@code next} link carrying an opaque
 * keyset cursor (never a deep offset); single features with a strong {@code ETag}. Both take {@code crs} (Part 2,
 * see {@link CrsQuery}) and say the CRS of their coordinates in {@code Content-Crs}.
 */
@RestController
class ItemsController {
  private final FeatureSources collections;
  private final AreaCollections areas;
  private final JsonMapper mapper;
  private final HtmlPages html;
  private final OgcCrsList crsList;

  ItemsController(FeatureSources collections, AreaCollections areas, JsonMapper mapper, HtmlPages html, OgcCrsList crsList) {
    this.crsList = crsList;
    this.collections = collections;
    this.areas = areas;
    this.mapper = mapper;
    this.html = html;
  }

  @MayLag // a map layer: a page a few seconds old is as good as a fresh one, so a fresh standby may answer
  @GetMapping("/ogcapi/collections/{collectionId}/items")
  ResponseEntity<String> items(@PathVariable String collectionId, HttpServletRequest request) {
    FeatureSource c = collections.require(collectionId);
    CrsQuery crs = CrsQuery.of(request.getParameterMap(), crsList);
    ItemsQuery q = ItemsQuery.parse(crs.params(), c);
    // An instant in datetime asks for the areas as they were then: the stored versions, not today's outlines.
    if (q.from() != null && q.from().equals(q.to())) c = areas.asOf(collectionId, q.from(), q.bbox()).<FeatureSource>map(x -> x).orElse(c);
    OgcFormat format = OgcFormat.of(request);
    FeatureSource.Page result = c.page(q);
    List<FeatureItem> page = result.items();
    long matched = result.matched();
    boolean more = result.more();
    String self = ServletUriComponentsBuilder.fromRequest(request).build().toUriString();
    String next = more ? ServletUriComponentsBuilder.fromRequest(request)
        .replaceQueryParam("cursor", ItemsQuery.encodeCursor(page.get(page.size() - 1).sortKey()))
        .replaceQueryParam("f").build().toUriString() : null;
    if (format == OgcFormat.HTML) return html.page(c.title(), html.items(c, page, matched, next));
    String collection = OgcLinks.root(request) + "/collections/" + c.id();
    StringBuilder sb = new StringBuilder(128 + page.stream().mapToInt(i -> i.json().length() + 1).sum());
    sb.append("{\"type\":\"FeatureCollection\",\"numberMatched\":").append(matched)
        .append(",\"numberReturned\":").append(page.size())
        .append(",\"timeStamp\":\"").append(Instant.now()).append("\",\"links\":[");
    List<Object> links = new ArrayList<>(List.of(
        OgcLinks.link(withoutF(self), "self", "application/geo+json", "This page"),
        OgcLinks.link(withF(self, "html"), "alternate", "text/html", "This page as HTML"),
        OgcLinks.link(collection, "collection", "application/json", c.title())));
    if (next != null) links.add(OgcLinks.link(next, "next", "application/geo+json", "The next page"));
    for (int i = 0; i < links.size(); i++) sb.append(i > 0 ? "," : "").append(mapper.writeValueAsString(links.get(i)));
    sb.append("],\"features\":[");
    for (int i = 0; i < page.size(); i++) sb.append(i > 0 ? "," : "").append(crs.json(page.get(i), mapper));
    sb.append("]}");
    return ResponseEntity.ok().header("Content-Crs", crs.crs().header()).contentType(OgcFormat.GEO_JSON).body(sb.toString());
  }

  @MayLag
  @GetMapping("/ogcapi/collections/{collectionId}/items/{featureId}")
  ResponseEntity<String> item(@PathVariable String collectionId, @PathVariable String featureId,
      HttpServletRequest request) {
    FeatureSource c = collections.require(collectionId);
    CrsQuery crs = CrsQuery.of(request.getParameterMap(), crsList);
    for (String p : crs.params().keySet()) {
      if (!p.equals("f")) throw ProblemException.badInput(p, Text.of("ogcapi.unknown-parameter-single-feature-takes"));
    }
    FeatureItem item = c.item(featureId)
        .orElseThrow(() -> ProblemException.notFound("unknown-feature", "Unknown feature",
            Text.of("ogcapi.collection-x-has-no-feature", c.id(), featureId)));
    // A strong ETag names one representation: the same feature in another CRS is another one.
    String etag = crs.crs().isCrs84() ? item.etag()
        : item.etag().replaceFirst("\"$", "-" + Integer.toHexString(crs.crs().uri().hashCode()) + "\"");
    if (etag.equals(request.getHeader("If-None-Match"))) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
    }
    if (OgcFormat.of(request) == OgcFormat.HTML) {
      return ResponseEntity.ok().eTag(item.etag()).contentType(org.springframework.http.MediaType.TEXT_HTML)
          .body(html.page(c.title() + " " + item.id(), html.items(c, List.of(item), 1, null)).getBody());
    }
    String self = OgcLinks.root(request) + "/collections/" + c.id() + "/items/" + item.id();
    String links = mapper.writeValueAsString(List.of(
        OgcLinks.link(self, "self", "application/geo+json", "This feature"),
        OgcLinks.link(self + "?f=html", "alternate", "text/html", "This feature as HTML"),
        OgcLinks.link(OgcLinks.root(request) + "/collections/" + c.id(), "collection", "application/json", c.title())));
    String json = crs.json(item, mapper);
    String body = json.substring(0, json.length() - 1) + ",\"links\":" + links + "}";
    return ResponseEntity.ok().eTag(etag).header("Content-Crs", crs.crs().header()).contentType(OgcFormat.GEO_JSON).body(body);
  }

  private static String withoutF(String url) {
    return ServletUriComponentsBuilder.fromUriString(url).replaceQueryParam("f").build().toUriString();
  }

  private static String withF(String url, String f) {
    return ServletUriComponentsBuilder.fromUriString(url).replaceQueryParam("f", f).build().toUriString();
  }
}
