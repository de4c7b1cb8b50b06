package org.gridwatch.open311;

import jakarta.servlet.http.HttpServletRequest;
import org.gridwatch.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every Open311 endpoint answers when it refuses or fails: a GeoReport error list
 * ({@code [{code, description}]}) in the format the path asked for ({@code .xml}, otherwise JSON), never the
 * RFC 9457 problems of {@code /api/v1}, which Open311 client libraries cannot read. The handlers are the
 * controllers' own (inherited), so they take precedence over the application-wide problem advice.
 */
abstract class GeoReportErrors {
  private static final Logger log = LoggerFactory.getLogger(GeoReportErrors.class);
  final JsonMapper json;

  GeoReportErrors(JsonMapper json) { this.json = json; }

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<String> refused(ProblemException e, HttpServletRequest request) {
    return Open311Format.error(e.status(), kindOf(request), json, e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<String> failed(Exception e, HttpServletRequest request) throws Exception {
    if (e instanceof org.springframework.security.access.AccessDeniedException
        || e instanceof org.springframework.security.core.AuthenticationException) {
      throw e;
    }
    log.error("Unexpected failure on Open311 {} {}", request.getMethod(), request.getRequestURI(), e);
    return Open311Format.error(HttpStatus.INTERNAL_SERVER_ERROR, kindOf(request), json,
        "the server failed to handle this request; it has been logged");
  }

  /** The format a path asks for: XML for {@code .xml} (the format GeoReport requires), JSON otherwise. */
  static Open311Format.Kind kindOf(HttpServletRequest request) {
    return request.getRequestURI().toLowerCase(java.util.Locale.ROOT).endsWith(".xml") ? Open311Format.Kind.XML : Open311Format.Kind.JSON;
  }
}
