package org.gridwatch.geo.io;

/**
 * A delivered file refused as a whole (not a zip, no .prj, a CRS not accepted, an unknown format): what to answer,
 * naming the field ({@code body}, {@code crs}, {@code Content-Type}, or a file inside a zip such as {@code .prj}).
 * Callers map {@link Kind} to 400, 413 or 415.
 */
public final class FeatureFileException extends RuntimeException {
  /** Why the file is refused: bad content (400), too large once unpacked (413), a format not read here (415). */
  public enum Kind { BAD_INPUT, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE }

  private final Kind kind;
  private final String field;
  private final String reason;

  private FeatureFileException(Kind kind, String field, String reason) {
    super(field + ": " + reason);
    this.kind = kind;
    this.field = field;
    this.reason = reason;
  }

  static FeatureFileException badInput(String field, String reason) { return new FeatureFileException(Kind.BAD_INPUT, field, reason); }

  static FeatureFileException tooLarge(String reason) { return new FeatureFileException(Kind.TOO_LARGE, "body", reason); }

  static FeatureFileException unsupported(String reason) {
    return new FeatureFileException(Kind.UNSUPPORTED_MEDIA_TYPE, "Content-Type", reason);
  }

  public Kind kind() { return kind; }

  public String field() { return field; }

  public String reason() { return reason; }
}
