package org.gridwatch.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/** The 401, 403 and 429 problems of sign-in and access, in the reader's language (Chinese for {@code Accept-Language: zh…}). */
final class SecurityProblems {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  record Problem(int status, String slug, String title, String detail) {}

  private SecurityProblems() {}

  static Problem unauthorized(HttpServletRequest request) {
    String target = request.getMethod() + " " + request.getRequestURI();
    return chinese(request)
        ? new Problem(401, "unauthorized", "需要登录", "请先登录（网页登录，或 API 客户端使用 HTTP Basic）才能访问 " + target)
        : new Problem(401, "unauthorized", "Login required",
            "sign in (form login, or HTTP Basic for API clients) to use " + target);
  }

  /** What was refused and why: the roles the user has, and the ones the endpoint admits. */
  static Problem forbidden(HttpServletRequest request, Exception cause) {
    String target = request.getMethod() + " " + request.getRequestURI();
    boolean zh = chinese(request);
    if (cause instanceof org.springframework.security.web.csrf.CsrfException) {
      return zh
          ? new Problem(403, "csrf-token-missing", "缺少 CSRF 令牌", target + " 是基于会话的写操作：请在 X-XSRF-TOKEN 请求头中发送 XSRF-TOKEN Cookie 的值")
          : new Problem(403, "csrf-token-missing", "CSRF token missing",
              target + " is a write on a browser session: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header");
    }
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    String mine = auth == null ? "" : auth.getAuthorities().stream().map(a -> a.getAuthority())
        .filter(a -> a != null && a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().collect(Collectors.joining(", "));
    var rule = AccessRules.ruleFor(request).filter(r -> r.access() == AccessRules.Access.ROLES);
    if (rule.isEmpty()) {
      return zh ? new Problem(403, "forbidden", "禁止访问", target + " 不对任何账户开放")
          : new Problem(403, "forbidden", "Forbidden", target + " is not open to any account");
    }
    String needed = rule.get().roles().stream().map(Role::name).sorted().collect(Collectors.joining(", "));
    return zh
        ? new Problem(403, "forbidden", "禁止访问", "您的角色（" + mine + "）不能访问" + rule.get().whatZh() + "：" + target
            + "；需要以下角色之一：" + needed)
        : new Problem(403, "forbidden", "Forbidden", "your roles (" + mine + ") may not use " + rule.get().what() + ": "
            + target + "; it needs one of " + needed);
  }

  static Problem tooManyAttempts(HttpServletRequest request, long seconds) {
    return chinese(request)
        ? new Problem(429, "too-many-sign-in-attempts", "登录尝试过多", "该账户或地址的密码错误次数过多，请 " + seconds + " 秒后再试")
        : new Problem(429, "too-many-sign-in-attempts", "Too many sign-in attempts",
            "too many wrong passwords for this account or address; try again in " + seconds + " s");
  }

  static void write(HttpServletResponse response, HttpServletRequest request, Problem p) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "/problems/" + p.slug());
    body.put("title", p.title());
    body.put("status", p.status());
    body.put("detail", p.detail());
    body.put("instance", request.getRequestURI());
    response.setStatus(p.status());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Content-Language", chinese(request) ? "zh" : "en");
    response.getWriter().write(JSON.writeValueAsString(body));
  }

  static boolean chinese(HttpServletRequest request) { return org.gridwatch.problem.ReaderLanguage.chinese(request); }
}
