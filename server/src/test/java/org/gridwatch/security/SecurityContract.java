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
    Matcher token = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(token.find()).as(page.body()).isTrue();
    String cookie = cookie(page, "XSRF-TOKEN");
    Http.Response refused = http.postForm("/login", "username=planner&password=" + TestEnvironment.DEMO_PASSWORD, "Cookie", cookie);
    assertThat(refused.status()).as("no CSRF token").isEqualTo(403);
    Http.Response login = http.postForm("/login", "username=planner&password="
        + URLEncoder.encode(TestEnvironment.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1), "Cookie", cookie);
    assertThat(login.status()).isEqualTo(302);
    assertThat(login.header("Location")).doesNotContain("error");
    String session = cookie(login, "JSESSIONID");
    Http.Response me = http.get("/api/v1/me", "Cookie", session);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("username").asString()).isEqualTo("planner");
  }

  static String cookie(Http.Response r, String name) {
    return r.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0]).filter(c -> c.startsWith(name + "="))
        .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie in " + r.headers()));
  }
}
