package org.gridwatch.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's own error page ({@code /error}): failures that never reached a controller (a request
 * the firewall rejected, a filter that failed, a {@code sendError} from the container) answered as RFC 9457
 * problems like every other refusal, in the reader's language, instead of Spring Boot's default error body.
 */
@RestController
class ProblemErrorController implements ErrorController {
  private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<Object> error(HttpServletRequest request) {
    boolean zh = ProblemText.chinese(request);
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ProblemException p) return ProblemAdvice.answer(withInstance(ProblemAdvice.fromProblem(p, request), request), new HttpHeaders());
    }
    ProblemException conflict = failure == null ? null : Conflicts.of(failure);
    if (conflict != null) return ProblemAdvice.answer(withInstance(ProblemAdvice.fromProblem(conflict, request), request), new HttpHeaders());

    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.resolve(i) : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status.is2xxSuccessful() || status.is3xxRedirection()) status = HttpStatus.INTERNAL_SERVER_ERROR; // /error called directly
    String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    String message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String m && !m.isBlank() ? m : status.getReasonPhrase();
    ProblemDetail problem;
    if (status.is5xxServerError()) {
      log.error("Failure outside Spring MVC on {} {} ({})", request.getMethod(), uri, status.value(), failure);
      problem = ProblemAdvice.internal(request, zh);
      problem.setStatus(status.value());
    } else if (status == HttpStatus.NOT_FOUND) {
      problem = ProblemAdvice.body(status, "not-found", ProblemText.NOT_FOUND.title(zh), ProblemText.NOT_FOUND.detail(zh, uri), List.of(), request);
    } else if (status == HttpStatus.METHOD_NOT_ALLOWED) {
      problem = ProblemAdvice.body(status, "method-not-allowed", ProblemText.METHOD_NOT_ALLOWED.title(zh),
          ProblemText.METHOD_NOT_ALLOWED.detail(zh, request.getMethod()), List.of(), request);
    } else if (status == HttpStatus.BAD_REQUEST) {
      problem = ProblemAdvice.body(status, "bad-request", ProblemText.BAD_REQUEST.title(zh), ProblemText.BAD_REQUEST.detail(zh, message), List.of(), request);
    } else {
      problem = ProblemAdvice.body(status, "refused", ProblemText.REFUSED.title(zh), ProblemText.REFUSED.detail(zh, message), List.of(), request);
    }
    return ProblemAdvice.answer(withInstance(problem, request), new HttpHeaders());
  }

  /** The instance is the request that failed, not {@code /error}. */
  private static ProblemDetail withInstance(ProblemDetail problem, HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    try {
      problem.setInstance(uri == null ? null : URI.create(uri.toString()));
    } catch (IllegalArgumentException e) {
      problem.setInstance(null);
    }
    return problem;
  }
}
