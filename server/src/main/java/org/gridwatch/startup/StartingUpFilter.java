package org.gridwatch.startup;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.gridwatch.problem.ReaderLanguage;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Until start-up has finished, answers every request to the API ({@code /api/v1/**}, {@code /ogcapi/**},
 * {@code /open311/**}) and the map tiles ({@code /tiles/**}, drawn from the area catalog) with 503, {@code Retry-After} and a problem saying which step runs, in the reader's language,
 * instead of letting it fail half-way ("area catalog is not loaded yet"). The status, the client configuration and the
 * district keep answering, so pages can show the progress; pages and {@code /actuator/health} are not touched.
 * Runs before security: a server that is not ready says so to everyone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class StartingUpFilter extends OncePerRequestFilter {
  static final int RETRY_AFTER_SECONDS = 5;
  private static final Set<String> ALWAYS = Set.of("/api/v1/status", "/api/v1/config", "/api/v1/district", "/api/v1/sign-in");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The 503 problem (RFC 9457) with the step as extension members. */
  record StartingUp(String type, String title, int status, String detail, String instance, String stage, String step,
      int done, int total, int retryAfter) {}

  private final StartupStatus status;

  StartingUpFilter(StartupStatus status) { this.status = status; }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (status.ready()) return true;
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (ALWAYS.contains(path)) return true;
    return !(under(path, "/api/v1") || under(path, "/ogcapi") || under(path, "/open311") || under(path, "/tiles"));
  }

  private static boolean under(String path, String root) { return path.equals(root) || path.startsWith(root + "/"); }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    StartupStatus.Progress p = status.progress();
    boolean zh = ReaderLanguage.chinese(request);
    String detail = zh
        ? "服务器正在启动，暂不能处理此请求：" + p.message().zh() + " 请 " + RETRY_AFTER_SECONDS + " 秒后重试。"
        : "the server is starting and cannot answer this yet: " + p.message().en() + " Try again in " + RETRY_AFTER_SECONDS + " s.";
    StartingUp body = new StartingUp("/problems/starting-up", zh ? "服务器正在启动" : "Server starting up",
        HttpStatus.SERVICE_UNAVAILABLE.value(), detail, request.getRequestURI(), p.stage(), p.step(), p.done(), p.total(),
        RETRY_AFTER_SECONDS);
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Language", zh ? "zh" : "en");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.writeValueAsString(body));
  }
}
