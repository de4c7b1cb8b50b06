package org.gridwatch.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every 405 says which methods the resource does allow (RFC 9110 §15.5.6: the {@code Allow} header is required).
 * The problem body is written by the application's problem advice; this resolver runs first, only adds the header
 * from the methods the handler mappings know, and lets the advice answer.
 */
@Configuration
class AllowOnMethodNotAllowed implements WebMvcConfigurer {
  @Override
  public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
    resolvers.add(0, AllowOnMethodNotAllowed::addAllow);
  }

  private static ModelAndView addAllow(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
    if (e instanceof HttpRequestMethodNotSupportedException m && m.getSupportedHttpMethods() != null
        && !response.isCommitted()) {
      Set<String> allowed = new TreeSet<>();
      m.getSupportedHttpMethods().stream().map(HttpMethod::name).forEach(allowed::add);
      if (allowed.contains("GET")) allowed.add("HEAD"); // Spring answers HEAD wherever GET is mapped
      allowed.add("OPTIONS");
      response.setHeader("Allow", String.join(", ", allowed));
    }
    return null; // not handled: the problem advice writes the answer
  }
}
