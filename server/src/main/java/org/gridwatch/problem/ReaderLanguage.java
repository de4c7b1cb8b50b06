package org.gridwatch.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/** The reader's language for problem texts: Chinese when the first choice (by weight) of {@code Accept-Language} is zh. */
public final class ReaderLanguage {
  private ReaderLanguage() {}

  public static boolean chinese(HttpServletRequest request) {
    String header = request == null ? null : request.getHeader("Accept-Language");
    if (header == null || header.isBlank()) return false;
    try {
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
      return !ranges.isEmpty() && ranges.get(0).getWeight() > 0
          && ranges.get(0).getRange().toLowerCase(Locale.ROOT).startsWith("zh");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
