package org.gridwatch.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Deny by default. Public without login: the map page and its assets, the area layers of the OGC API,
 * locate, health. Everything else needs a user: form login for the browser, HTTP Basic for API clients.
 * API clients get RFC 9457 problems for 401/403; browsers asking for HTML are sent to the login page.
 *
 * <p>CSRF: required for state-changing requests that ride on a browser session cookie (the token travels in the
 * {@code XSRF-TOKEN} cookie and {@code X-XSRF-TOKEN} header); not for requests without a session (nothing to
 * ride on), nor for those carrying their own {@code Authorization} header, which a cross-site page cannot
 * forge, nor for read-only batch locate.
 */
@Configuration
class SecurityConfig {
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  /** Always protected, session or not: login CSRF would sign a victim into someone else's account. */
  private static final Set<String> SESSION_FORMS = Set.of("/login", "/logout");
  private static final String[] PUBLIC_READS = {
      "/", "/index.html", "/console.html", "/report.html", "/planning.html", "/planner.html", "/favicon.ico", "/css/**", "/js/**", "/img/**", "/webjars/**", "/problems/**", "/error",
      "/actuator/health", "/actuator/health/**", "/api/v1/config", "/api/v1/areas", "/api/v1/areas/**",
      "/ogcapi", "/ogcapi/", "/ogcapi/api", "/ogcapi/conformance", "/ogcapi/collections",
      "/api/v1/categories", "/api/v1/incidents/*", "/api/v1/calendar", "/api/v1/calendar/*", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

  @Bean
  PasswordEncoder passwordEncoder() { return new BCryptPasswordEncoder(); }

  @Bean
  SecurityFilterChain security(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(auth -> {
          for (HttpMethod read : new HttpMethod[] {HttpMethod.GET, HttpMethod.HEAD}) {
            auth.requestMatchers(read, PUBLIC_READS).permitAll();
            auth.requestMatchers(read, PublicLayers.PATTERNS).permitAll();
          }
          auth.requestMatchers("/login", "/logout", "/api/v1/locate").permitAll();
          auth.requestMatchers(HttpMethod.OPTIONS, "/ogcapi/**").permitAll(); // what an endpoint allows is no secret
          auth.requestMatchers("/open311/**").permitAll(); // Open311 clients authenticate writes with api_key
          auth.requestMatchers(HttpMethod.POST, "/api/v1/incidents").permitAll(); // residents report without an account
          auth.anyRequest().authenticated();
        })
        .formLogin(form -> form.defaultSuccessUrl("/", false))
        .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint()))
        .logout(logout -> logout.logoutSuccessUrl("/"))
        .exceptionHandling(ex -> ex
            .defaultAuthenticationEntryPointFor(problemEntryPoint(), request -> !wantsHtml(request))
            .accessDeniedHandler(problemAccessDenied()))
        .csrf(csrf -> csrf
            .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
            .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
            .requireCsrfProtectionMatcher(sessionWrites()))
        // Load the deferred token on every request so that the XSRF-TOKEN cookie reaches the web client.
        .addFilterAfter(new org.springframework.web.filter.OncePerRequestFilter() {
          @Override
          protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
              jakarta.servlet.FilterChain chain) throws jakarta.servlet.ServletException, IOException {
            Object token = request.getAttribute(org.springframework.security.web.csrf.CsrfToken.class.getName());
            if (token instanceof org.springframework.security.web.csrf.CsrfToken t) t.getToken();
            chain.doFilter(request, response);
          }
        }, org.springframework.security.web.csrf.CsrfFilter.class);
    return http.build();
  }

  /** Writes that ride on a browser session cookie: only those can be forged cross-site. */
  private static RequestMatcher sessionWrites() {
    return request -> !SAFE.contains(request.getMethod())
        && request.getHeader("Authorization") == null
        && (request.getRequestedSessionId() != null || SESSION_FORMS.contains(request.getRequestURI()))
        && !request.getRequestURI().equals("/api/v1/locate");
  }

  private static boolean wantsHtml(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE) && !"json".equals(request.getParameter("f"));
  }

  /**
   * 401 as a problem. The Basic challenge is left out for the web client's own requests (marked
   * {@code X-Requested-With: XMLHttpRequest}): browsers answer a challenge with a modal password prompt.
   */
  private static AuthenticationEntryPoint problemEntryPoint() {
    return (request, response, e) -> {
      if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Gridwatch\"");
      }
      problem(response, request, 401, "unauthorized", "Login required",
          "sign in (form login, or HTTP Basic for API clients) to use " + request.getRequestURI());
    };
  }

  private static AccessDeniedHandler problemAccessDenied() {
    return (request, response, e) -> problem(response, request, 403, "forbidden", "Forbidden",
        "your role does not allow " + request.getMethod() + " " + request.getRequestURI());
  }

  private static void problem(HttpServletResponse response, HttpServletRequest request, int status, String slug,
      String title, String detail) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(String.format(
        "{\"type\":\"/problems/%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\",\"instance\":\"%s\"}",
        slug, title, status, detail.replace("\"", "'"), request.getRequestURI().replace("\"", "'")));
  }
}
