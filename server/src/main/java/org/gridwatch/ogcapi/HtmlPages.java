package org.gridwatch.ogcapi;

import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The HTML representations of the OGC API resources: plain pages with links, for people and crawlers. */
@Component
class HtmlPages {

  ResponseEntity<String> page(String title, String body) {
    String html = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + esc(title)
        + "</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse}"
        + "td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}th{background:#f3f3f3}</style></head><body>"
        + "<nav><a href=\"/ogcapi?f=html\">OGC API</a> · <a href=\"/ogcapi/collections?f=html\">Collections</a> · "
        + "<a href=\"/\">Map 地图</a></nav><h1>" + esc(title) + "</h1>" + body
        + "<footer><p>Boundaries © OpenStreetMap contributors (ODbL). Communities, grids and buildings are synthetic.</p>"
        + "</footer></body></html>";
    return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8)).body(html);
  }

  @SuppressWarnings("unchecked")
  String landing(Map<String, Object> body) {
    StringBuilder sb = new StringBuilder("<p>").append(esc(String.valueOf(body.get("description")))).append("</p><ul>");
    for (Map<String, Object> l : (List<Map<String, Object>>) body.get("links")) {
      if (l.get("title") == null) continue;
      sb.append("<li><a href=\"").append(esc(String.valueOf(l.get("href")))).append("\">")
          .append(esc(String.valueOf(l.get("title")))).append("</a> (").append(esc(String.valueOf(l.get("type")))).append(")</li>");
    }
    return sb.append("</ul>").toString();
  }

  String list(String heading, List<String> entries) {
    StringBuilder sb = new StringBuilder("<h2>").append(esc(heading)).append("</h2><ul>");
    entries.forEach(e -> sb.append("<li>").append(esc(e)).append("</li>"));
    return sb.append("</ul>").toString();
  }

  String collections(List<Map<String, Object>> collections) {
    StringBuilder sb = new StringBuilder("<table><tr><th>id</th><th>title</th><th>description</th><th>items</th></tr>");
    for (Map<String, Object> c : collections) {
      String id = String.valueOf(c.get("id"));
      sb.append("<tr><td><a href=\"/ogcapi/collections/").append(esc(id)).append("?f=html\">").append(esc(id))
          .append("</a></td><td>").append(esc(String.valueOf(c.get("title")))).append("</td><td>")
          .append(esc(String.valueOf(c.get("description")))).append("</td><td><a href=\"/ogcapi/collections/")
          .append(esc(id)).append("/items?f=html\">HTML</a> · <a href=\"/ogcapi/collections/").append(esc(id))
          .append("/items?f=json\">GeoJSON</a></td></tr>");
    }
    return sb.append("</table>").toString();
  }

  String items(FeatureSource c, List<FeatureItem> page, long matched, String next) {
    StringBuilder sb = new StringBuilder("<p>").append(page.size()).append(" of ").append(matched)
        .append(" matching features.</p>");
    if (page.isEmpty()) return sb.toString();
    List<String> keys = List.copyOf(page.get(0).properties().keySet());
    sb.append("<table><tr><th>id</th>");
    keys.forEach(k -> sb.append("<th>").append(esc(k)).append("</th>"));
    sb.append("</tr>");
    for (FeatureItem item : page) {
      sb.append("<tr><td><a href=\"/ogcapi/collections/").append(esc(c.id())).append("/items/").append(esc(item.id()))
          .append("?f=html\">").append(esc(item.id())).append("</a></td>");
      keys.forEach(k -> sb.append("<td>").append(esc(String.valueOf(item.properties().get(k)))).append("</td>"));
      sb.append("</tr>");
    }
    sb.append("</table>");
    if (next != null) sb.append("<p><a rel=\"next\" href=\"").append(esc(next)).append("&amp;f=html\">Next page</a></p>");
    return sb.toString();
  }

  private static String esc(String s) { return HtmlUtils.htmlEscape(s, "UTF-8"); }
}
