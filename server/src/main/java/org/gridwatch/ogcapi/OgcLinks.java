package org.gridwatch.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Absolute links of the OGC API, rooted where the client reached the server. */
final class OgcLinks {
  private OgcLinks() {}

  static String root(HttpServletRequest request) {
    return ServletUriComponentsBuilder.fromContextPath(request).path("/ogcapi").build().toUriString();
  }

  static Map<String, Object> link(String href, String rel, String type, String title) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("href", href);
    m.put("rel", rel);
    m.put("type", type);
    if (title != null) m.put("title", title);
    return m;
  }
}
