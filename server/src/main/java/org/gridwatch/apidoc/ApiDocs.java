package org.gridwatch.apidoc;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.AntPathMatcher;

/**
 * The generated OpenAPI 3.0 document of {@code /api/v1} at {@code /v3/api-docs} (Swagger UI at
 * {@code /swagger-ui.html}), with how to sign in: HTTP Basic for API clients, or the form-login session cookie
 * ({@code JSESSIONID}) for the browser, whose writes also carry the CSRF token in {@code X-XSRF-TOKEN} (copied
 * from the {@code XSRF-TOKEN} cookie). Operations open to anyone declare no security.
 */
@Configuration
class ApiDocs {
  static final String BASIC = "basic";
  static final String SESSION = "session";
  static final String CSRF = "csrf";

  /**
   * Operations anyone may call without signing in, as {@code METHOD path-template} ({@code *}: any method; a
   * template with {@code **} covers everything below it).
   */
  static final List<String> PUBLIC = List.of(
      "GET /api/v1/areas", "GET /api/v1/areas/**", "GET /api/v1/config", "GET /api/v1/status", "GET /api/v1/sign-in", "GET /api/v1/categories",
      "GET /api/v1/calendar", "GET /api/v1/calendar/{year}", "GET /api/v1/incidents/{id}", "POST /api/v1/incidents",
      "* /api/v1/locate");

  private static final AntPathMatcher PATHS = new AntPathMatcher();

  @Bean
  OpenApiCustomizer gridwatchSecurity() {
    return api -> {
      api.info(new Info().title("Gridwatch API").version("v1")
          .description("Grid management, incidents and planning for a district. Errors are RFC 9457 problems "
              + "(application/problem+json) naming the offending field."));
      Components components = api.getComponents() == null ? new Components() : api.getComponents();
      components.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
          .description("HTTP Basic with a Gridwatch account (API clients)"));
      components.addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
          .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
          .description("The session cookie of form login (POST /login) used by the web client"));
      components.addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
          .in(SecurityScheme.In.HEADER).name("X-XSRF-TOKEN")
          .description("For writes on a session: the value of the XSRF-TOKEN cookie"));
      api.setComponents(components);
      if (api.getPaths() == null) return;
      api.getPaths().forEach((path, item) -> {
        for (Map.Entry<PathItem.HttpMethod, Operation> e : item.readOperationsMap().entrySet()) {
          e.getValue().setSecurity(requirements(e.getKey().name(), path));
        }
      });
    };
  }

  static List<SecurityRequirement> requirements(String method, String path) {
    if (isPublic(method, path)) return List.of(); // an empty list: no sign-in needed
    boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    SecurityRequirement session = new SecurityRequirement().addList(SESSION);
    if (!read) session.addList(CSRF);
    return List.of(new SecurityRequirement().addList(BASIC), session);
  }

  static boolean isPublic(String method, String path) {
    for (String rule : PUBLIC) {
      String[] parts = rule.split(" ", 2);
      // path templates compare as written ({id} is not /map); only ** reaches further down
      boolean pathMatches = parts[1].contains("**") ? PATHS.match(parts[1], path) : parts[1].equals(path);
      if ((parts[0].equals("*") || parts[0].equals(method)) && pathMatches) return true;
    }
    return false;
  }
}
