package org.gridwatch.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses a sign-in (form post or HTTP Basic) while {@link LoginThrottle} makes its account or address wait: 429. */
final class ThrottleFilter extends OncePerRequestFilter {
  private final LoginThrottle throttle;

  ThrottleFilter(LoginThrottle throttle) { this.throttle = throttle; }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String username = null;
    if ("POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI())) {
      username = request.getParameter("username");
      if (username == null) username = "";
    } else if (hasBasic(request)) {
      username = basicUsername(request.getHeader("Authorization"));
    }
    if (username != null) {
      Optional<Duration> wait = throttle.waitFor(username, request.getRemoteAddr());
      if (wait.isPresent()) {
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        response.setHeader("Retry-After", Long.toString(seconds));
        String accept = request.getHeader("Accept");
        if ("/login".equals(request.getRequestURI()) && accept != null && accept.contains("text/html")) {
          response.sendRedirect("/login?error");
          return;
        }
        SecurityProblems.write(response, request, SecurityProblems.tooManyAttempts(request, seconds));
        return;
      }
    }
    chain.doFilter(request, response);
  }

  static boolean hasBasic(HttpServletRequest request) {
    String h = request.getHeader("Authorization");
    return h != null && h.regionMatches(true, 0, "Basic ", 0, 6);
  }

  private static String basicUsername(String header) {
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? decoded : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return ""; // not Base64: the Basic filter refuses it with 401
    }
  }
}
