package org.gridwatch.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.gridwatch.basemap.BaseMaps;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Deny by default: {@link AccessRules} names every endpoint and who may call it; nothing else is served. Form
 * login for the browser, HTTP Basic for API clients, both throttled ({@link LoginThrottle}). API clients get RFC
 * 9457 problems for 401/403/429 in their language; browsers asking for HTML are sent to the login page.
 *
 * <p>CSRF: required for every state-changing request except those that authenticate themselves with an HTTP
 * Basic header (a cross-site page cannot forge one, and a wrong one is refused with 401 before anything runs),
 * requests with no session at all (nothing to ride on), and read-only batch locate. {@code /login} and
 * {@code /logout} always need the token. The session and token cookies are {@code SameSite=Lax}.
 */
@Configuration
class SecurityConfig {
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  /** Always protected, session or not: login CSRF would sign a victim into someone else's account. */
  private static final Set<String> SESSION_FORMS = Set.of("/login", "/logout");

  @Bean
  PasswordEncoder passwordEncoder() { return new BCryptPasswordEncoder(); }

  /**
   * One provider, built here so that its timing protection is certain: an unknown username costs the same
   * bcrypt comparison as a wrong password, so response time does not tell which accounts exist.
   */
  @Bean
  AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder,
      AuthenticationEventPublisher events) {
    ProviderManager manager = new ProviderManager(accountProvider(users, encoder));
    manager.setAuthenticationEventPublisher(events);
    return manager;
  }

  static DaoAuthenticationProvider accountProvider(UserDetailsService users, PasswordEncoder encoder) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
    provider.setPasswordEncoder(encoder);
    return provider;
  }

  @Bean
  SecurityFilterChain security(HttpSecurity http, LoginThrottle throttle, AuthenticationManager manager,
      BaseMaps baseMaps) throws Exception {
    http.authenticationManager(manager)
        .authorizeHttpRequests(auth -> {
          auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
          for (AccessRules.Rule rule : AccessRules.RULES) {
            var matched = auth.requestMatchers(rule.matchers().toArray(RequestMatcher[]::new));
            switch (rule.access()) {
              case OPEN -> matched.permitAll();
              case SIGNED_IN -> matched.authenticated();
              case ROLES -> matched.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
            }
          }
          auth.anyRequest().denyAll();
        })
        .cors(org.springframework.security.config.Customizer.withDefaults())
        .formLogin(form -> {
          ReturnToPage returnTo = new ReturnToPage();
          form.loginPage("/login").successHandler(returnTo).failureHandler(returnTo).permitAll();
        })
        .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint()))
        .logout(logout -> logout.logoutSuccessUrl("/"))
        .exceptionHandling(ex -> ex
            .defaultAuthenticationEntryPointFor(problemEntryPoint(), request -> !wantsHtml(request))
            .accessDeniedHandler(problemAccessDenied()))
        .csrf(csrf -> csrf
            .csrfTokenRepository(csrfCookies())
            .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
            .requireCsrfProtectionMatcher(forgeableWrites()))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(BrowserPolicy.contentSecurityPolicy(baseMaps.tileOrigins())))
            .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
        .addFilterBefore(new ThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(new BasicAlone(), org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
        // Load the deferred token on every request so that the XSRF-TOKEN cookie reaches the web client.
        .addFilterAfter(new OncePerRequestFilter() {
          @Override
          protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
              throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken t) t.getToken();
            chain.doFilter(request, response);
          }
        }, CsrfFilter.class);
    return http.build();
  }

  private static CookieCsrfTokenRepository csrfCookies() {
    CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
    repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    return repository;
  }

  /** Writes a cross-site page could make a browser send with its cookies. */
  private static RequestMatcher forgeableWrites() {
    return request -> !SAFE.contains(request.getMethod())
        && !ThrottleFilter.hasBasic(request)
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
      SecurityProblems.write(response, request, SecurityProblems.unauthorized(request));
    };
  }

  private static AccessDeniedHandler problemAccessDenied() {
    return (request, response, e) -> SecurityProblems.write(response, request, SecurityProblems.forbidden(request, e));
  }
}
