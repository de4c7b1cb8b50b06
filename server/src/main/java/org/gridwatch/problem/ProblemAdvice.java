package org.gridwatch.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where every refusal becomes an RFC 9457 {@code application/problem+json} body with {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance} and, for bad input, {@code errors: [{field,
 * reason}]}. Gridwatch's own {@link ProblemException}s; Spring MVC's framework-level failures (405 with
 * {@code Allow}, 406, 415, missing parameters, headers and parts, type mismatches, unreadable bodies, uploads too
 * large: all of {@link ResponseEntityExceptionHandler}) in the reader's language ({@link ProblemText}); a write that
 * lost a race as 409; anything unexpected as a 500 that reveals nothing of the internals. What never reaches
 * Spring MVC (the servlet container's own errors) is answered by {@link ProblemErrorController}.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<Object> problem(ProblemException e, HttpServletRequest request) {
    HttpHeaders headers = new HttpHeaders();
    if (e.retryAfterSeconds() != null) headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    return answer(fromProblem(e, request), headers);
  }

  /** Framework-level failures: Spring has chosen the status and headers (e.g. {@code Allow}); we write the body. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
      HttpStatusCode status, WebRequest webRequest) {
    HttpServletRequest request = ((ServletWebRequest) webRequest).getRequest();
    HttpServletResponse response = ((ServletWebRequest) webRequest).getResponse();
    if (response != null && response.isCommitted()) {
      log.debug("Failure after the response started on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
      return null;
    }
    return answer(framework(e, status, request), withAllow(e, headers));
  }

  /**
   * Every 405 says which methods the resource allows (RFC 9110 §15.5.6), HEAD wherever GET is mapped (Spring
   * answers it) and OPTIONS always.
   */
  static HttpHeaders withAllow(Exception e, HttpHeaders headers) {
    if (!(e instanceof HttpRequestMethodNotSupportedException m) || m.getSupportedHttpMethods() == null) return headers;
    java.util.Set<String> allowed = new java.util.TreeSet<>();
    m.getSupportedHttpMethods().forEach(method -> allowed.add(method.name()));
    if (allowed.contains("GET")) allowed.add("HEAD");
    allowed.add("OPTIONS");
    HttpHeaders out = new HttpHeaders();
    headers.forEach(out::put);
    out.set(HttpHeaders.ALLOW, String.join(", ", allowed));
    return out;
  }

  /** The problem for one of Spring MVC's own exceptions, in the reader's language. */
  static ProblemDetail framework(Exception e, HttpStatusCode status, HttpServletRequest request) {
    boolean zh = ProblemText.chinese(request);
    if (e instanceof HttpMessageNotReadableException unreadable) return unreadable(unreadable, request, zh);
    if (e instanceof MethodArgumentNotValidException invalid) {
      List<ProblemException.FieldError> errors = invalid.getBindingResult().getFieldErrors().stream()
          .map(f -> new ProblemException.FieldError(f.getField(), f.getDefaultMessage())).toList();
      return invalidInput(errors.isEmpty() ? List.of(new ProblemException.FieldError("body", ProblemText.NOT_VALID.detail(zh)))
          : errors, request, zh);
    }
    if (e instanceof HandlerMethodValidationException invalid) {
      List<ProblemException.FieldError> errors = invalid.getParameterValidationResults().stream()
          .flatMap(r -> r.getResolvableErrors().stream().map(err -> new ProblemException.FieldError(
              r.getMethodParameter().getParameterName() == null ? "parameter" : r.getMethodParameter().getParameterName(),
              err.getDefaultMessage())))
          .toList();
      return invalidInput(errors.isEmpty() ? List.of(new ProblemException.FieldError("parameter", ProblemText.NOT_VALID.detail(zh)))
          : errors, request, zh);
    }
    if (e instanceof MissingServletRequestParameterException m) return required(m.getParameterName(), request, zh);
    if (e instanceof MissingRequestHeaderException m) return required(m.getHeaderName(), request, zh);
    if (e instanceof MissingRequestCookieException m) return required(m.getCookieName(), request, zh);
    if (e instanceof MissingServletRequestPartException m) return required(m.getRequestPartName(), request, zh);
    if (e instanceof TypeMismatchException m) {
      String name = m.getPropertyName() != null ? m.getPropertyName()
          : e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException a ? a.getName() : "parameter";
      return invalidInput(List.of(new ProblemException.FieldError(name, ProblemText.NOT_VALID_VALUE.detail(zh, m.getValue()))), request, zh);
    }
    if (e instanceof HttpMediaTypeNotSupportedException m) {
      return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", ProblemText.UNSUPPORTED_MEDIA_TYPE.title(zh),
          ProblemText.UNSUPPORTED_MEDIA_TYPE.detail(zh, m.getContentType(), m.getSupportedMediaTypes()),
          List.of(new ProblemException.FieldError("Content-Type", ProblemText.NOT_SUPPORTED.detail(zh))), request);
    }
    if (e instanceof HttpMediaTypeNotAcceptableException m) {
      return body(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", ProblemText.NOT_ACCEPTABLE.title(zh),
          ProblemText.NOT_ACCEPTABLE.detail(zh, request.getHeader("Accept"), m.getSupportedMediaTypes()),
          List.of(new ProblemException.FieldError("Accept", ProblemText.NOT_SUPPORTED.detail(zh))), request);
    }
    if (e instanceof HttpRequestMethodNotSupportedException) {
      return body(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", ProblemText.METHOD_NOT_ALLOWED.title(zh),
          ProblemText.METHOD_NOT_ALLOWED.detail(zh, request.getMethod()), List.of(), request);
    }
    if (e instanceof NoResourceFoundException || e instanceof org.springframework.web.servlet.NoHandlerFoundException) {
      return body(HttpStatus.NOT_FOUND, "not-found", ProblemText.NOT_FOUND.title(zh),
          ProblemText.NOT_FOUND.detail(zh, request.getRequestURI()), List.of(), request);
    }
    if (e instanceof MaxUploadSizeExceededException m) {
      var part = oversizedPart(m);
      String max = part != null ? part.getPermittedSize() + " bytes" : m.getMaxUploadSize() > 0 ? m.getMaxUploadSize() + " bytes" : "size";
      String field = part != null && part.getFieldName() != null ? part.getFieldName() : "body";
      return body(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", ProblemText.UPLOAD_TOO_LARGE.title(zh),
          ProblemText.UPLOAD_TOO_LARGE.detail(zh, max), List.of(new ProblemException.FieldError(field, ProblemText.UPLOAD_TOO_LARGE.detail(zh, max))), request);
    }
    if (e instanceof org.springframework.web.context.request.async.AsyncRequestTimeoutException) {
      return body(HttpStatus.SERVICE_UNAVAILABLE, "timeout", ProblemText.TIMEOUT.title(zh), ProblemText.TIMEOUT.detail(zh), List.of(), request);
    }
    HttpStatus resolved = HttpStatus.resolve(status.value());
    if (resolved == null || resolved.is5xxServerError()) {
      log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
      return internal(request, zh);
    }
    String reason = e instanceof org.springframework.web.ErrorResponse er && er.getBody().getDetail() != null
        ? er.getBody().getDetail() : resolved.getReasonPhrase();
    return body(resolved, "refused", ProblemText.REFUSED.title(zh), ProblemText.REFUSED.detail(zh, reason), List.of(), request);
  }

  /** The form part over the container's per-file limit (Tomcat names it), so that the problem names that part. */
  private static org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException oversizedPart(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException f) return f;
    }
    return null;
  }

  private static ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request, boolean zh) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProblemException p) return fromProblem(p, request); // e.g. a body that grew too large
    }
    String field = "body";
    String reason = ProblemText.BODY_UNREADABLE.detail(zh);
    tools.jackson.core.JacksonException je = bindingFailure(e);
    if (je != null) {
      String path = jsonPath(je);
      if (je instanceof tools.jackson.databind.exc.MismatchedInputException mie && !path.isEmpty()) {
        field = path;
        reason = mie.getTargetType() == null ? ProblemText.WRONG_TYPE.detail(zh)
            : ProblemText.MUST_BE.detail(zh, ProblemText.describe(mie.getTargetType(), zh));
      } else if (je instanceof tools.jackson.databind.DatabindException && !path.isEmpty()) {
        field = path;
        reason = ProblemText.BAD_VALUE.detail(zh, je.getOriginalMessage());
      } else {
        reason = ProblemText.MALFORMED_JSON.detail(zh, je.getOriginalMessage());
      }
    }
    return invalidInput(List.of(new ProblemException.FieldError(field, reason)), request, zh);
  }

  /**
   * The Jackson failure behind an unreadable body: the first one that names a path, else the innermost. A value a
   * deserializer could not parse (a date that is not one) wraps the parser's exception, so the most specific cause
   * alone would lose the field.
   */
  private static tools.jackson.core.JacksonException bindingFailure(HttpMessageNotReadableException e) {
    tools.jackson.core.JacksonException found = null;
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof tools.jackson.core.JacksonException j) {
        if (!jsonPath(j).isEmpty()) return j;
        found = j;
      }
    }
    return found;
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

  /**
   * A multipart body that cannot be parsed (no boundary, cut short, not multipart at all): the client's fault, a 400
   * naming the body. Uploads too large are {@link MaxUploadSizeExceededException}, answered above as 413.
   */
  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ResponseEntity<Object> unreadableMultipart(org.springframework.web.multipart.MultipartException e, HttpServletRequest request) {
    boolean zh = ProblemText.chinese(request);
    log.debug("Unreadable multipart body on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
    return answer(invalidInput(List.of(new ProblemException.FieldError("body", ProblemText.BODY_UNREADABLE.detail(zh))), request, zh),
        new HttpHeaders());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
    if (e instanceof org.springframework.security.access.AccessDeniedException
        || e instanceof org.springframework.security.core.AuthenticationException) {
      throw e; // Spring Security answers these with 401/403
    }
    ProblemException conflict = Conflicts.of(e); // a write that lost a race: 409, never 500
    if (conflict != null && !response.isCommitted()) {
      log.info("Conflict on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
      return answer(fromProblem(conflict, request), new HttpHeaders());
    }
    if (response.isCommitted() || e instanceof java.io.IOException) {
      // A stream (e.g. server-sent events) already under way, or a client gone: no body can be sent any more.
      log.debug("Failure after the response started on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
      return null;
    }
    log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
    return answer(internal(request, ProblemText.chinese(request)), new HttpHeaders());
  }

  static ProblemDetail internal(HttpServletRequest request, boolean zh) {
    return body(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", ProblemText.INTERNAL.title(zh),
        ProblemText.INTERNAL.detail(zh), List.of(), request);
  }

  /** A problem answered as {@code application/problem+json} whatever the client's {@code Accept} asked for. */
  static ResponseEntity<Object> answer(ProblemDetail problem, HttpHeaders headers) {
    HttpHeaders out = new HttpHeaders();
    out.putAll(headers);
    out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return ResponseEntity.status(problem.getStatus()).headers(out).body(problem);
  }

  /** One {@code errors[]} member as the reader reads it. */
  record Reason(String field, String reason) {}

  static ProblemDetail body(HttpStatus status, String slug, String title, String detail,
      List<ProblemException.FieldError> errors, HttpServletRequest request) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create("/problems/" + slug));
    p.setTitle(title);
    p.setInstance(instance(request));
    if (!errors.isEmpty()) {
      java.util.Locale locale = ReaderLanguage.locale(request);
      p.setProperty("errors", errors.stream().map(e -> new Reason(e.field(), e.reason(locale))).toList());
    }
    return p;
  }

  private static URI instance(HttpServletRequest request) {
    try {
      return URI.create(request.getRequestURI());
    } catch (IllegalArgumentException e) {
      return null; // a path that is no URI (the very reason the request failed)
    }
  }

  private static ProblemDetail required(String field, HttpServletRequest request, boolean zh) {
    return invalidInput(List.of(new ProblemException.FieldError(field, ProblemText.REQUIRED.detail(zh))), request, zh);
  }

  private static ProblemDetail invalidInput(List<ProblemException.FieldError> errors, HttpServletRequest request, boolean zh) {
    java.util.Locale locale = ReaderLanguage.locale(request);
    String detail = errors.stream().map(e -> e.field() + ": " + e.reason(locale)).reduce((a, b) -> a + "; " + b).orElse("");
    return body(HttpStatus.BAD_REQUEST, "invalid-input", ProblemText.INVALID_INPUT.title(zh), detail, errors, request);
  }

  static ProblemDetail fromProblem(ProblemException e, HttpServletRequest request) {
    java.util.Locale locale = ReaderLanguage.locale(request);
    ProblemDetail p = body(e.status(), e.slug(), e.title(locale), e.detail(locale), e.errors(), request);
    e.extra().forEach(p::setProperty);
    return p;
  }
}
