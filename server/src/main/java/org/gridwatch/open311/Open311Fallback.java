package org.gridwatch.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything under {@code /open311} that no endpoint of {@link Open311Controller} takes: an unknown path is a
 * GeoReport 404, a known path with the wrong method a GeoReport 405 with {@code Allow}, {@code OPTIONS} the
 * {@code Allow} list. (More specific mappings always win over this one.)
 */
@RestController
class Open311Fallback extends GeoReportErrors {
  private static final Map<PathPattern, List<HttpMethod>> ROUTES = new LinkedHashMap<>();

  static {
    PathPatternParser p = PathPatternParser.defaultInstance;
    List<HttpMethod> read = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    ROUTES.put(p.parse("/open311/v2/discovery.{format}"), read);
    ROUTES.put(p.parse("/open311/v2/services.{format}"), read);
    ROUTES.put(p.parse("/open311/v2/services/{code}.{format}"), read);
    ROUTES.put(p.parse("/open311/v2/requests.{format}"), List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.OPTIONS));
    ROUTES.put(p.parse("/open311/v2/requests/{id}.{format}"), read);
  }

  Open311Fallback(JsonMapper json) { super(json); }

  @RequestMapping("/open311/**")
  ResponseEntity<String> fallback(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    PathContainer container = PathContainer.parsePath(path);
    for (var route : ROUTES.entrySet()) {
      if (!route.getKey().matches(container)) continue;
      HttpMethod[] allowed = route.getValue().toArray(HttpMethod[]::new);
      if (request.getMethod().equals("OPTIONS")) return ResponseEntity.ok().allow(allowed).build();
      ResponseEntity<String> e = Open311Format.error(HttpStatus.METHOD_NOT_ALLOWED, kindOf(request), json,
          request.getMethod() + " is not allowed on " + path + "; allowed: " + route.getValue());
      return ResponseEntity.status(e.getStatusCode()).headers(e.getHeaders()).allow(allowed).body(e.getBody());
    }
    return Open311Format.error(HttpStatus.NOT_FOUND, kindOf(request), json, "no GeoReport v2 endpoint at " + path
        + "; see /open311/v2/discovery.xml");
  }
}
