package org.gridwatch.problem;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * A request Gridwatch refuses, answered as an RFC 9457 problem: {@code type} is {@code /problems/<slug>},
 * and {@code errors} names each offending field with its reason.
 *
 * <p>Texts are {@link Text}s, worded in the reader's language when the problem is answered: the title by the
 * bundle key {@code title.<slug>} (the English title given here is the fallback), the detail and each reason by
 * their own keys. Field names stay as the client sent them. The {@code String} overloads take English that is not
 * localised yet (see {@link Text#plain}); new code gives a {@code Text}:
 * {@code ProblemException.badInput("code", Text.of("area.not-grid", code))}.
 */
public class ProblemException extends RuntimeException {
  /** One offending input: a field (a query parameter, or a JSON path into the body) and why. */
  public record FieldError(String field, Text reason) {
    public FieldError(String field, String reason) { this(field, Text.plain(reason)); }

    /** The reason in {@code locale}. */
    public String reason(Locale locale) { return reason.in(locale); }
  }

  private final HttpStatus status;
  private final String slug;
  private final String title;
  private final Text detail;
  private final List<FieldError> errors;
  private final java.util.Map<String, Object> extra = new java.util.LinkedHashMap<>();
  private Long retryAfterSeconds;

  public ProblemException(HttpStatus status, String slug, String title, Text detail, List<FieldError> errors) {
    super(detail == null ? null : detail.toString());
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.detail = detail;
    this.errors = List.copyOf(errors);
  }

  public ProblemException(HttpStatus status, String slug, String title, String detail, List<FieldError> errors) {
    this(status, slug, title, Text.plain(detail), errors);
  }

  /** 400 for one bad field. */
  public static ProblemException badInput(String field, Text reason) { return badInput(List.of(new FieldError(field, reason))); }

  /** 400 for one bad field, with a reason not localised yet. */
  public static ProblemException badInput(String field, String reason) { return badInput(field, Text.plain(reason)); }

  /** 400 for several bad fields at once; the detail lists them. */
  public static ProblemException badInput(List<FieldError> errors) {
    return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", (Text) null, errors);
  }

  public static ProblemException notFound(String slug, String title, Text detail) {
    return new ProblemException(HttpStatus.NOT_FOUND, slug, title, detail, List.of());
  }

  public static ProblemException notFound(String slug, String title, String detail) {
    return notFound(slug, title, Text.plain(detail));
  }

  /** Adds a member to the problem body beside {@code errors}, e.g. a 404's {@code suggestions}. */
  public ProblemException with(String member, Object value) {
    extra.put(member, value);
    return this;
  }

  /**
   * Tells the client when to send the request again: the answer carries {@code Retry-After} (RFC 9110 §10.2.3), in
   * whole seconds, at least 1. For a refusal that is not the request's fault (503: the server is busy).
   */
  public ProblemException retryAfter(java.time.Duration wait) {
    retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return this;
  }

  /** The seconds of {@code Retry-After}, or {@code null} when the problem does not say when to retry. */
  public Long retryAfterSeconds() { return retryAfterSeconds; }

  /** The extra members of the problem body, in the order added. */
  public java.util.Map<String, Object> extra() { return java.util.Collections.unmodifiableMap(extra); }

  public HttpStatus status() { return status; }
  public String slug() { return slug; }
  /** The English title given where the problem is raised. */
  public String title() { return title; }
  public List<FieldError> errors() { return errors; }

  /** The title in {@code locale}: the bundle's {@code title.<slug>}, else the title given. */
  public String title(Locale locale) {
    String pattern = Text.pattern("title." + slug, locale);
    return pattern != null ? Text.of("title." + slug).in(locale) : title;
  }

  /** The detail in {@code locale}; without one, the fields and their reasons. */
  public String detail(Locale locale) {
    if (detail != null) return detail.in(locale);
    return errors.stream().map(e -> e.field() + ": " + e.reason(locale)).collect(Collectors.joining("; "));
  }

  @Override
  public String getMessage() { return detail(Locale.ENGLISH); }
}
