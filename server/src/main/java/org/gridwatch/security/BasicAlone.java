package org.gridwatch.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request carrying an HTTP Basic header is judged by that header alone. Spring's Basic filter skips the check
 * when the session is already signed in as the same username, so a wrong password would ride on the session — and
 * Basic requests are exempt from CSRF. Forgetting the session's sign-in for this request (the session itself is
 * kept) makes the Basic filter check the password every time: a wrong one is a 401.
 */
final class BasicAlone extends OncePerRequestFilter {
  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (ThrottleFilter.hasBasic(request)) SecurityContextHolder.clearContext();
    chain.doFilter(request, response);
  }
}
