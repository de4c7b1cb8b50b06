package org.gridwatch.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Signs a demo account in as a browser does: the login page's CSRF token, the form post, the session's fresh token. */
public final class FormLogin {

  /** A signed-in browser session: its cookies, its CSRF token, and the Set-Cookie headers of the login answer. */
  public record Session(String cookies, String csrf, List<String> setCookies) {
    /** Headers that act as this session, the CSRF token included (harmless on reads, needed on writes). */
    public String[] headers() { return new String[] {"Cookie", cookies, "X-XSRF-TOKEN", csrf}; }
  }

  private FormLogin() {}

  /** The CSRF token of the login page (its XSRF-TOKEN cookie, which the page's script posts as _csrf) and that cookie. */
  public static String[] loginPage(Http http) {
    Http.Response page = http.get("/login");
    if (page.status() != 200) throw new AssertionError("no login page: " + page.status() + " " + page.body());
    String cookie = cookie(page, "XSRF-TOKEN");
    return new String[] {cookie.substring("XSRF-TOKEN=".length()), cookie};
  }

  public static Session signIn(Http http, String user) {
    String[] page = loginPage(http);
    Http.Response login = http.postForm("/login", "username=" + user + "&password="
        + URLEncoder.encode(TestEnvironment.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + page[0], "Cookie", page[1]);
    if (login.status() != 302 || String.valueOf(login.header("Location")).contains("error")) {
      throw new AssertionError(user + " did not sign in: " + login.status() + " " + login.header("Location"));
    }
    String session = cookie(login, "JSESSIONID");
    String fresh = cookie(http.get("/api/v1/me", "Cookie", session), "XSRF-TOKEN");
    return new Session(session + "; " + fresh, fresh.substring(fresh.indexOf('=') + 1), login.headers().allValues("Set-Cookie"));
  }

  public static String cookie(Http.Response r, String name) {
    return r.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0]).filter(c -> c.startsWith(name + "="))
        .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie in " + r.headers()));
  }
}
