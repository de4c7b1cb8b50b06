package org.gridwatch.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Spring MVC's locale for a request is {@link ReaderLanguage}'s: what {@link Text}s rendered as JSON and Bean
 * Validation messages use ({@code LocaleContextHolder}). The language follows each request's header; it is not stored.
 */
@Component("localeResolver")
class ReaderLocaleResolver implements LocaleResolver {
  @Override
  public Locale resolveLocale(HttpServletRequest request) { return ReaderLanguage.locale(request); }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    throw new UnsupportedOperationException("the language follows Accept-Language");
  }
}
