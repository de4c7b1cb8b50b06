package org.gridwatch.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * After signing in, the browser goes back to the page it came from: the {@code next} form field (the page's own
 * "sign in" link carries it), else the request saved when a page sent it to sign in, else {@code /}. {@code next}
 * is followed only when it is a path on this site ({@code /console.html?x#y}), never another origin
 * ({@code //evil.example}, {@code https://...}, {@code /\evil}): no open redirect. A wrong password goes back to the
 * sign-in page with {@code ?error} and the same {@code next}.
 */
final class ReturnToPage extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {
  static final String NEXT = "next";
  private final RequestCache cache = new HttpSessionRequestCache();

  ReturnToPage() {
    setDefaultTargetUrl("/");
    setRequestCache(cache);
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
      throws IOException, jakarta.servlet.ServletException {
    String next = request.getParameter(NEXT);
    if (sameSite(next)) {
      cache.removeRequest(request, response);
      clearAuthenticationAttributes(request);
      getRedirectStrategy().sendRedirect(request, response, next);
      return;
    }
    super.onAuthenticationSuccess(request, response, auth);
  }

  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String next = request.getParameter(NEXT);
    String target = "/login?error" + (sameSite(next) ? "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8) : "");
    getRedirectStrategy().sendRedirect(request, response, target);
  }

  /** Whether {@code next} is a path on this site: starts with one slash, no scheme, host, backslash or control character. */
  static boolean sameSite(String next) {
    if (next == null || next.isEmpty() || next.length() > 2000 || !next.startsWith("/")) return false;
    if (next.startsWith("//") || next.contains("\\")) return false;
    for (char c : next.toCharArray()) if (c < 0x20 || c == 0x7f) return false;
    return !next.startsWith("/login") && !next.startsWith("/logout");
  }
}
