package org.gridwatch.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.gridwatch.GridwatchApplication;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.support.FormLogin;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes on one database, as behind a load balancer: node 1 is a second application started here on the test's
 * database, node 2 is the test's own server. A browser signs in on node 1, node 1 goes away, and the same cookies on
 * node 2 are still signed in, may write (the CSRF token still holds) and sign out; a page that sent a browser to sign
 * in on node 1 is where node 2 returns it after signing in.
 */
abstract class SessionsAcrossNodesContract {
  private static final String PLANNER = "planner";

  @Autowired Environment env;
  @Autowired JdbcTemplate jdbc;
  @Autowired AreaCatalog areas;
  @LocalServerPort int port;

  @Test
  void aBrowserSignedInOnANodeThatWentAwayStaysSignedInOnTheOther() {
    FormLogin.Session signedIn;
    String waiting;
    String[] loginPage;
    int node1Port;
    try (ConfigurableApplicationContext node1 = startNode1()) {
      node1Port = Integer.parseInt(node1.getEnvironment().getProperty("local.server.port"));
      Http one = new Http(node1Port);
      signedIn = FormLogin.signIn(one, PLANNER);
      assertThat(one.get("/api/v1/me", signedIn.headers()).json().get("username").asString()).isEqualTo(PLANNER);
      // Another browser asks node 1 for a planner's page and is sent to sign in: where it was going is in its session.
      Http.Response sent = one.get("/api/v1/drafts", "Accept", "text/html");
      assertThat(sent.status()).isEqualTo(302);
      assertThat(URI.create(sent.header("Location")).getPath()).isEqualTo("/login");
      waiting = FormLogin.cookie(sent, "JSESSIONID");
      loginPage = FormLogin.loginPage(one);
    }
    assertThatThrownBy(() -> new Http(node1Port).get("/api/v1/me")).as("node 1 is gone").isInstanceOf(RuntimeException.class);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?", Integer.class, PLANNER))
        .as("the session is in the database").isPositive();

    Http two = new Http(port);
    Http.Response me = two.get("/api/v1/me", signedIn.headers());
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("username").asString()).isEqualTo(PLANNER);

    AreaView grid = areas.now().level(AreaLevel.GRID).get(0);
    String draft = "{\"name\":\"saved on node 2\",\"kind\":\"reshape\",\"code\":\"" + grid.code() + "\",\"edit\":"
        + GeoJson.toJson(grid.boundary()) + "}";
    Http.Response forged = two.postJson("/api/v1/drafts", draft, "Cookie", signedIn.cookies());
    assertThat(forged.status()).as("a session write still needs its token").isEqualTo(403);
    Http.Response saved = two.postJson("/api/v1/drafts", draft, signedIn.headers());
    assertThat(saved.status()).as(saved.body()).isEqualTo(201);
    assertThat(saved.json().get("createdBy").asString()).isEqualTo(PLANNER);
    assertThat(two.delete("/api/v1/drafts/" + saved.json().get("id").asString(), signedIn.headers()).status()).isLessThan(300);

    // The browser sent to sign in on node 1 signs in on node 2 and lands on the page it asked node 1 for.
    Http.Response login = two.postForm("/login", "username=" + PLANNER + "&password="
        + URLEncoder.encode(TestEnvironment.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + loginPage[0],
        "Cookie", waiting + "; " + loginPage[1]);
    assertThat(login.status()).isEqualTo(302);
    assertThat(URI.create(login.header("Location")).getPath()).isEqualTo("/api/v1/drafts");

    // Signing out on node 2 ends the session node 1 started, for every node.
    Http.Response out = two.postForm("/logout", "_csrf=" + signedIn.csrf(), "Cookie", signedIn.cookies());
    assertThat(out.status()).as("signed out (an API-style client gets 204, a browser page a redirect)").isIn(204, 302);
    assertThat(two.get("/api/v1/me", signedIn.headers()).status()).isEqualTo(401);
  }

  /** A second application on this test's database and profile; it neither cleans nor reseeds what the test's node holds. */
  private ConfigurableApplicationContext startNode1() {
    return new SpringApplicationBuilder(GridwatchApplication.class).profiles(env.getActiveProfiles())
        .run("--server.port=0", "--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
            "--gridwatch.test.clean-database=false", "--spring.main.banner-mode=off", "--logging.level.root=WARN");
  }
}
