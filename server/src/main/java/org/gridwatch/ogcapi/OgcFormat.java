package org.gridwatch.ogcapi;

import org.gridwatch.problem.Text;
import jakarta.servlet.http.HttpServletRequest;
import org.gridwatch.problem.ProblemException;
import org.springframework.http.MediaType;

/** JSON or HTML: {@code f=json|html} wins; otherwise a browser's Accept header asks for HTML. */
enum OgcFormat {
  JSON, HTML;

  static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
  static final MediaType OPENAPI_30 = MediaType.parseMediaType("application/vnd.oai.openapi+json;version=3.0");

  static OgcFormat of(HttpServletRequest request) {
    String f = request.getParameter("f");
    if (f != null) {
      return switch (f.toLowerCase()) {
        case "json", "geojson" -> JSON;
        case "html" -> HTML;
        default -> throw ProblemException.badInput("f", Text.of("ogcapi.x-not-format-here-use", f));
      };
    }
    String accept = request.getHeader("Accept");
    if (accept == null) return JSON;
    int html = accept.indexOf("text/html"), json = Math.max(accept.indexOf("json"), -1);
    return html >= 0 && (json < 0 || html < json) ? HTML : JSON;
  }
}
