package org.gridwatch.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Cross-origin access for browser clients served from another site (a city's web map, an Open311 front end), from
 * {@code gridwatch.cors.allowed-origins}: a comma-separated list of origins such as
 * {@code https://map.example.gov.cn}; none by default, and then no CORS header is ever sent. The origins listed may
 * read ({@code GET}, {@code HEAD}, {@code OPTIONS}) and write ({@code POST}, {@code PUT}, {@code DELETE}) the
 * interfaces meant for other programs ({@code /ogcapi/**}, {@code /api/v1/**}, {@code /open311/**}) with
 * credentials (HTTP Basic, or the session, whose writes still need the CSRF token); any other origin gets no CORS
 * header, so the browser keeps the answer from it. {@code *} is refused: with credentials allowed it would let any
 * site act with a signed-in visitor's account. Spring Security applies it ({@code .cors(...)} in the security
 * configuration picks up this bean by its name).
 */
@Configuration
class CorsSettings {
  static final List<String> PATHS = List.of("/ogcapi/**", "/api/v1/**", "/open311/**");

  @Bean
  CorsConfigurationSource corsConfigurationSource(@Value("${gridwatch.cors.allowed-origins:}") String allowedOrigins) {
    return source(allowedOrigins);
  }

  static CorsConfigurationSource source(String allowedOrigins) {
    List<String> origins = Arrays.stream(allowedOrigins == null ? new String[0] : allowedOrigins.split(","))
        .map(String::strip).filter(o -> !o.isEmpty()).map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o).toList();
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    if (origins.isEmpty()) return source; // nothing registered: no request is treated as an allowed cross-origin one
    for (String o : origins) {
      if (o.contains("*") || !(o.startsWith("http://") || o.startsWith("https://"))) {
        throw new IllegalStateException("gridwatch.cors.allowed-origins: '" + o + "' is not an origin; list each one as "
            + "scheme://host[:port] (no wildcards: browsers would send a signed-in visitor's credentials to any site)");
      }
    }
    CorsConfiguration c = new CorsConfiguration();
    c.setAllowedOrigins(origins);
    c.setAllowedMethods(List.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE"));
    c.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Accept-Language", "If-Match", "If-None-Match",
        "Content-Crs", "Idempotency-Key", "X-XSRF-TOKEN", "X-Requested-With"));
    c.setExposedHeaders(List.of("ETag", "Location", "Content-Crs", "Link", "Allow", "Retry-After"));
    c.setAllowCredentials(true);
    c.setMaxAge(Duration.ofHours(1));
    for (String path : PATHS) source.registerCorsConfiguration(path, c);
    return source;
  }
}
