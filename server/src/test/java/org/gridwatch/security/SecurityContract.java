package org.gridwatch.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Deny by default; the map, area layers, locate and health are public; demo accounts sign in both ways. */
abstract class SecurityContract {
  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  @Test
  void theMapAreaLayersLocateAndHealthArePublic() {
    for (String path : new String[] {"/", "/js/main.js", "/webjars/leaflet/dist/leaflet.js", "/ogcapi", "/ogcapi/api",
        "/ogcapi/collections/grids/items", "/ogcapi/collections/buildings/items",
        "/api/v1/locate?lon=120.36&lat=36.09", "/api/v1/areas?q=370203014", "/api/v1/config"}) {
      assertThat(http.get(path).status()).as(path).isEqualTo(200);
    }
    assertThat(http.head("/ogcapi/collections/grids/items").status()).isEqualTo(200);
    Http.Response health = http.get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    // Components are shown (the calendar warning must be visible), their details never are.
    assertThat(health.body()).endsWith(",\"status\":\"UP\"}").doesNotContain("\"details\"");
  }

  @Test
  void everythingElseNeedsALoginAndSaysSoAsAProblem() {
    for (String path : new String[] {"/api/v1/me", "/actuator/env", "/api/v1/anything"}) {
      Http.Response r = http.get(path);
      assertThat(r.status()).as(path).isEqualTo(401);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.header("WWW-Authenticate")).startsWith("Basic");
    }
    Http.Response webClient = http.get("/api/v1/me", "X-Requested-With", "XMLHttpRequest");
    assertThat(webClient.status()).isEqualTo(401);
    assertThat(webClient.header("WWW-Authenticate")).as("no password pop-up in the browser").isNull();
    Http.Response browser = http.get("/api/v1/me", "Accept", "text/html");
    assertThat(browser.status()).isEqualTo(302);
    assertThat(browser.header("Location")).endsWith("/login");
  }

  @Test
  void demoAccountsSignInWithHttpBasicAndCarryTheirRole() {
    String[][] accounts = {{"admin", "ADMIN"}, {"operator", "OPERATOR"}, {"planner", "PLANNER"}, {"police", "POLICE"},
        {"gridworker", "GRID_WORKER"}, {"community", "COMMUNITY_STAFF"}, {"subdistrict", "SUBDISTRICT_STAFF"},
        {"department", "DEPARTMENT_STAFF"}, {"resident", "RESIDENT"}};
    for (String[] a : accounts) {
      Http.Response r = http.get("/api/v1/me", Http.basic(a[0], TestEnvironment.DEMO_PASSWORD));
      assertThat(r.status()).as(a[0]).isEqualTo(200);
      assertThat(r.json().get("username").asString()).isEqualTo(a[0]);
      assertThat(r.json().get("roles").get(0).asString()).isEqualTo(a[1]);
    }
    assertThat(http.get("/api/v1/me", Http.basic("admin", "wrong")).status()).isEqualTo(401);
    assertThat(http.get("/api/v1/me", Http.basic("nobody", TestEnvironment.DEMO_PASSWORD)).status()).isEqualTo(401);
  }

  @Test
  void formLoginGivesABrowserSession() {
    Http.Response page = http.get("/login");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).as("Gridwatch's own page").contains("id=\"username\"").contains("name=\"next\"").contains("/js/login.js");
    String cookie = cookie(page, "XSRF-TOKEN");
    String token = cookie.substring("XSRF-TOKEN=".length()); // what the page's script puts into _csrf
    Http.Response refused = http.postForm("/login", "username=planner&password=" + TestEnvironment.DEMO_PASSWORD, "Cookie", cookie);
    assertThat(refused.status()).as("no CSRF token").isEqualTo(403);
    Http.Response login = http.postForm("/login", "username=planner&password="
        + URLEncoder.encode(TestEnvironment.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token, "Cookie", cookie);
    assertThat(login.status()).isEqualTo(302);
    assertThat(login.header("Location")).doesNotContain("error");
    String session = cookie(login, "JSESSIONID");
    Http.Response me = http.get("/api/v1/me", "Cookie", session);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("username").asString()).isEqualTo("planner");
  }

  /** Signing in returns to the page named by {@code next}, only when it is a path on this site: no open redirect. */
  @Test
  void formLoginReturnsToThePageItCameFromAndNowhereElse() {
    java.util.Map<String, String> wanted = new java.util.LinkedHashMap<>();
    wanted.put("/console.html?case=2026-1#map", "/console.html?case=2026-1#map");
    wanted.put("//evil.example/x", "/");
    wanted.put("https://evil.example/", "/");
    wanted.put("/\\evil.example", "/");
    wanted.put("/login?error", "/");
    for (var e : wanted.entrySet()) {
      String[] page = org.gridwatch.support.FormLogin.loginPage(http);
      Http.Response login = http.postForm("/login", "username=planner&password="
          + URLEncoder.encode(TestEnvironment.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + page[0]
          + "&next=" + URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8), "Cookie", page[1]);
      assertThat(login.status()).as(e.getKey()).isEqualTo(302);
      assertThat(java.net.URI.create(login.header("Location")).getRawPath()
          + (java.net.URI.create(login.header("Location")).getRawQuery() == null ? "" : "?" + java.net.URI.create(login.header("Location")).getRawQuery())
          + (java.net.URI.create(login.header("Location")).getRawFragment() == null ? "" : "#" + java.net.URI.create(login.header("Location")).getRawFragment()))
          .as(e.getKey()).isEqualTo(e.getValue());
      assertThat(java.net.URI.create(login.header("Location")).getHost()).as(e.getKey()).isIn(null, "localhost");
    }
    String[] page = org.gridwatch.support.FormLogin.loginPage(http);
    Http.Response wrong = http.postForm("/login", "username=planner&password=wrong&_csrf=" + page[0] + "&next="
        + URLEncoder.encode("/planner.html", StandardCharsets.UTF_8), "Cookie", page[1]);
    assertThat(wrong.header("Location")).as("a wrong password keeps the page to return to").contains("/login?error").contains("next=%2Fplanner.html");
  }

  @Test
  void onlyABasicHeaderThatAuthenticatesSkipsCsrfOnASessionWrite() {
    org.gridwatch.support.FormLogin.Session s = org.gridwatch.support.FormLogin.signIn(http, "planner");
    String draft = "{\"name\":\"csrf probe\",\"kind\":\"reshape\",\"code\":\"370203014001001\",\"edit\":{}}";
    // A junk Bearer header does not turn the session into an API client: the forged write is refused for its missing token.
    Http.Response bearer = http.postJson("/api/v1/drafts", draft, "Cookie", s.cookies(), "Authorization", "Bearer junk");
    assertThat(bearer.status()).isEqualTo(403);
    assertThat(bearer.json().get("type").asString()).isEqualTo("/problems/csrf-token-missing");
    assertThat(bearer.json().get("detail").asString()).contains("X-XSRF-TOKEN");
    // A Basic header that does not authenticate is refused outright; it never rides on the session.
    Http.Response badBasic = http.postJson("/api/v1/drafts", draft, "Cookie", s.cookies(), "Authorization",
        Http.basic("planner", "wrong")[1]);
    assertThat(badBasic.status()).isEqualTo(401);
    // With the token the same session write reaches the handler.
    Http.Response withToken = http.postJson("/api/v1/drafts", draft, "Cookie", s.cookies(), "X-XSRF-TOKEN", s.csrf());
    assertThat(withToken.status()).isNotIn(401, 403);
  }

  @Test
  void cookiesAreSameSiteLaxAndPagesCarryAContentSecurityAndReferrerPolicy() {
    org.gridwatch.support.FormLogin.Session s = org.gridwatch.support.FormLogin.signIn(http, "planner");
    assertThat(s.setCookies()).filteredOn(c -> c.startsWith("JSESSIONID=")).allMatch(c -> c.contains("SameSite=Lax")
        || c.contains("SameSite=lax")).isNotEmpty();
    Http.Response page = http.get("/");
    assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("XSRF-TOKEN="))
        .allMatch(c -> c.contains("SameSite=Lax"));
    String csp = page.header("Content-Security-Policy");
    assertThat(csp).contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-eval");
    // Images: this server and the tile servers of every offered base map (each subdomain), nothing else.
    java.util.Set<String> hosts = new java.util.TreeSet<>();
    for (JsonNode map : http.get("/api/v1/config").json().path("baseMaps")) {
      for (JsonNode url : map.path("urls")) {
        String template = url.asString();
        String subdomains = template.contains("{s}") ? map.path("subdomains").asString() : "-";
        for (char c : subdomains.toCharArray()) {
          hosts.add("https://" + java.net.URI.create(template.replace("{s}", String.valueOf(c)).replaceAll("\\{[^}]*}", "0")).getHost());
        }
      }
    }
    assertThat(hosts).contains("https://tile.openstreetmap.org", "https://webrd04.is.autonavi.com", "https://t7.tianditu.gov.cn");
    String images = csp.replaceAll(".*img-src ([^;]*);.*", "$1");
    assertThat(new java.util.TreeSet<>(java.util.List.of(images.split(" "))))
        .isEqualTo(new java.util.TreeSet<>(java.util.stream.Stream.concat(java.util.stream.Stream.of("'self'", "data:", "blob:"), hosts.stream()).toList()));
    assertThat(page.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    assertThat(http.get("/api/v1/config").header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
  }

  @org.springframework.beans.factory.annotation.Autowired LoginThrottle throttle;

  @Test
  void wrongPasswordsMakeTheAccountWaitLongerAndLongerEvenForTheRightOne() {
    throttle.reset();
    try {
      String[] wrong = Http.basic("community", "wrong-password");
      for (int i = 0; i < 4; i++) assertThat(http.get("/api/v1/me", wrong).status()).as("attempt " + (i + 1)).isEqualTo(401);
      assertThat(http.get("/api/v1/me", wrong).status()).as("the fifth wrong password is still answered").isEqualTo(401);
      Http.Response locked = http.get("/api/v1/me", Http.basic("community", TestEnvironment.DEMO_PASSWORD));
      assertThat(locked.status()).as("even the right password waits now").isEqualTo(429);
      assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 900);
      assertThat(locked.contentType()).startsWith("application/problem+json");
      Http.Response zh = http.get("/api/v1/me", concat(Http.basic("community", "x"), "Accept-Language", "zh-CN"));
      assertThat(zh.status()).isEqualTo(429);
      assertThat(zh.json().get("title").asString()).isEqualTo("登录尝试过多");
      // Another account from the same address is not locked by these five.
      assertThat(http.get("/api/v1/me", Http.basic("police", TestEnvironment.DEMO_PASSWORD)).status()).isEqualTo(200);
      // A form login is throttled the same way.
      String[] page = org.gridwatch.support.FormLogin.loginPage(http);
      Http.Response form = http.postForm("/login", "username=community&password=x&_csrf=" + page[0], "Cookie", page[1]);
      assertThat(form.status()).isEqualTo(429);
    } finally {
      throttle.reset();
    }
    assertThat(http.get("/api/v1/me", Http.basic("community", TestEnvironment.DEMO_PASSWORD)).status()).isEqualTo(200);
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static String cookie(Http.Response r, String name) { return org.gridwatch.support.FormLogin.cookie(r, name); }
}
