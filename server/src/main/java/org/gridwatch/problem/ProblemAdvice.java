package org.gridwatch.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every refusal into an RFC 9457 {@code application/problem+json} body with {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance} and, for bad input, {@code errors: [{field, reason}]}.
 * Unexpected failures become a 500 that reveals nothing of the internals.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice {
  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

  @ExceptionHandler(ProblemException.class)
  ProblemDetail problem(ProblemException e, HttpServletRequest request) {
    return body(e.status(), e.slug(), e.title(), e.getMessage(), e.errors(), request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProblemException p) return problem(p, request); // e.g. a body that grew too large
    }
    String field = "body";
    String reason = "the request body is missing or unreadable";
    if (e.getMostSpecificCause() instanceof tools.jackson.core.JacksonException je) {
      String path = jsonPath(je);
      if (je instanceof tools.jackson.databind.exc.MismatchedInputException mie && !path.isEmpty()) {
        field = path;
        reason = mie.getTargetType() == null ? "has the wrong type"
            : "must be " + JsonTypes.describe(mie.getTargetType());
      } else if (je instanceof tools.jackson.databind.DatabindException && !path.isEmpty()) {
        field = path;
        reason = "is not a valid value: " + je.getOriginalMessage();
      } else {
        reason = "malformed JSON: " + je.getOriginalMessage();
      }
    }
    return body(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", field + ": " + reason,
        List.of(new ProblemException.FieldError(field, reason)), request);
  }

  /** A Bean Validation failure on a typed request record: one error per offending field. */
  @ExceptionHandler(org.springframework.web.bind.MethodArgumentNotValidException.class)
  ProblemDetail invalid(org.springframework.web.bind.MethodArgumentNotValidException e, HttpServletRequest request) {
    List<ProblemException.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new ProblemException.FieldError(f.getField(), f.getDefaultMessage())).toList();
    if (errors.isEmpty()) errors = List.of(new ProblemException.FieldError("body", "is not valid"));
    return fromProblem(ProblemException.badInput(errors), request);
  }

  /** The JSON path of a binding failure, e.g. {@code stops[2].lon}. */
  static String jsonPath(tools.jackson.core.JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (tools.jackson.core.JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) path.append('.');
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missing(MissingServletRequestParameterException e, HttpServletRequest request) {
    return fromProblem(ProblemException.badInput(e.getParameterName(), "is required"), request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return fromProblem(ProblemException.badInput(e.getName(), "'" + e.getValue() + "' is not a valid value"), request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
        "Content-Type " + e.getContentType() + " is not accepted here; use one of " + e.getSupportedMediaTypes(),
        List.of(new ProblemException.FieldError("Content-Type", "not supported")), request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ProblemDetail method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return body(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
        request.getMethod() + " is not supported here", List.of(), request);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ProblemDetail noResource(NoResourceFoundException e, HttpServletRequest request) {
    return body(HttpStatus.NOT_FOUND, "not-found", "Not found", "nothing at " + request.getRequestURI(), List.of(), request);
  }

  /** The client went away mid-response (a reload, a closed tab): nothing to answer, nothing to alarm anyone. */
  @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
  void clientGone(Exception e, HttpServletRequest request) {
    log.debug("Client left before {} {} was answered: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e, HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
      throws Exception {
    if (e instanceof org.springframework.security.access.AccessDeniedException
        || e instanceof org.springframework.security.core.AuthenticationException) {
      throw e; // Spring Security answers these with 401/403
    }
    ProblemException conflict = Conflicts.of(e); // a write that lost a race: 409, never 500
    if (conflict != null && !response.isCommitted()) {
      log.info("Conflict on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
      return fromProblem(conflict, request);
    }
    if (response.isCommitted() || e instanceof java.io.IOException) {
      // A stream (e.g. server-sent events) already under way, or a client gone: no body can be sent any more.
      log.debug("Failure after the response started on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
      return null;
    }
    log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
    return body(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
        "the server failed to handle this request; it has been logged", List.of(), request);
  }

  static ProblemDetail body(HttpStatus status, String slug, String title, String detail,
      List<ProblemException.FieldError> errors, HttpServletRequest request) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create("/problems/" + slug));
    p.setTitle(title);
    p.setInstance(URI.create(request.getRequestURI()));
    if (!errors.isEmpty()) p.setProperty("errors", errors);
    return p;
  }

  private static ProblemDetail fromProblem(ProblemException e, HttpServletRequest request) {
    return body(e.status(), e.slug(), e.title(), e.getMessage(), e.errors(), request);
  }
}
