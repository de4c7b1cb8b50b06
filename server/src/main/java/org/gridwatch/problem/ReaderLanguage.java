package org.gridwatch.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/**
 * The reader's language for texts the server words (problems, system notes, reports): English when the first
 * choice (by weight) of {@code Accept-Language} among the languages Gridwatch speaks is {@code en}, Chinese (zh-CN)
 * otherwise, also when the header is absent, blank or unreadable: the deployments are Chinese.
 */
public final class ReaderLanguage {
  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  public static final Locale ENGLISH = Locale.ENGLISH;

  private ReaderLanguage() {}

  public static Locale locale(HttpServletRequest request) {
    return locale(request == null ? null : request.getHeader("Accept-Language"));
  }

  /** The language for an {@code Accept-Language} header value. */
  public static Locale locale(String header) {
    if (header == null || header.isBlank()) return CHINESE;
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) { // sorted by weight, highest first
        if (range.getWeight() <= 0) continue;
        String tag = range.getRange().toLowerCase(Locale.ROOT);
        if (tag.startsWith("zh")) return CHINESE;
        if (tag.equals("en") || tag.startsWith("en-")) return ENGLISH;
      }
    } catch (IllegalArgumentException e) {
      // an unreadable header: the default
    }
    return CHINESE;
  }

  public static boolean chinese(HttpServletRequest request) { return locale(request) == CHINESE; }
}
