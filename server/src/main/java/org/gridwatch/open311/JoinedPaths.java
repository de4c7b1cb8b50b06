package org.gridwatch.open311;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Open311 clients build URLs by joining the endpoint URL of the discovery document and a path, and many join
 * {@code …/v2/} and {@code /services.xml} into {@code …/v2//services.xml}. Spring Security's firewall refuses
 * such paths (400), so before it runs this filter collapses repeated slashes, in {@code /open311} paths only.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class JoinedPaths extends OncePerRequestFilter {
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return !uri.contains("//") || !collapse(uri).startsWith(request.getContextPath() + "/open311/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uri = collapse(request.getRequestURI());
    chain.doFilter(new HttpServletRequestWrapper(request) {
      @Override public String getRequestURI() { return uri; }

      @Override public StringBuffer getRequestURL() {
        StringBuffer url = super.getRequestURL();
        int path = url.indexOf("/", url.indexOf("://") + 3);
        return new StringBuffer(url.substring(0, path < 0 ? url.length() : path)).append(uri);
      }

      @Override public String getServletPath() { return collapse(super.getServletPath()); }

      @Override public String getPathInfo() {
        String info = super.getPathInfo();
        return info == null ? null : collapse(info);
      }
    }, response);
  }

  private static String collapse(String path) { return path.replaceAll("/{2,}", "/"); }
}
