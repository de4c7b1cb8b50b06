package org.gridwatch.problem;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request Gridwatch refuses, answered as an RFC 9457 problem: {@code type} is {@code /problems/<slug>},
 * and {@code errors} names each offending field with its reason.
 */
public class ProblemException extends RuntimeException {
  /** One offending input: a field (a query parameter, or a JSON path into the body) and why. */
  public record FieldError(String field, String reason) {}

  private final HttpStatus status;
  private final String slug;
  private final String title;
  private final List<FieldError> errors;
  private final java.util.Map<String, Object> extra = new java.util.LinkedHashMap<>();

  public ProblemException(HttpStatus status, String slug, String title, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  /** 400 for one bad field. */
  public static ProblemException badInput(String field, String reason) {
    return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", field + ": " + reason,
        List.of(new FieldError(field, reason)));
  }

  /** 400 for several bad fields at once. */
  public static ProblemException badInput(List<FieldError> errors) {
    String detail = errors.stream().map(e -> e.field() + ": " + e.reason()).reduce((a, b) -> a + "; " + b).orElse("");
    return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail, errors);
  }

  public static ProblemException notFound(String slug, String title, String detail) {
    return new ProblemException(HttpStatus.NOT_FOUND, slug, title, detail, List.of());
  }

  /** Adds a member to the problem body beside {@code errors}, e.g. a 404's {@code suggestions}. */
  public ProblemException with(String member, Object value) {
    extra.put(member, value);
    return this;
  }

  /** The extra members of the problem body, in the order added. */
  public java.util.Map<String, Object> extra() { return java.util.Collections.unmodifiableMap(extra); }

  public HttpStatus status() { return status; }
  public String slug() { return slug; }
  public String title() { return title; }
  public List<FieldError> errors() { return errors; }
}
