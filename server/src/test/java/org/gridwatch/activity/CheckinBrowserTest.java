package org.gridwatch.activity;

import org.gridwatch.support.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.security.Accounts;
import org.gridwatch.security.Role;
import org.gridwatch.staff.Roster;
import org.gridwatch.support.Browser;
import org.gridwatch.support.Http;
import org.gridwatch.support.OnH2;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The page an activity's QR code opens, on a phone in headless Chromium: the volunteer, signed in with their own
 * account, signs in and out from where the phone is and reads the hours credited; the language switch rewords what is
 * on screen; from 2 km away the page says how far, and nothing is stored.
 */
@OnH2
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class CheckinBrowserTest {
  static ChromeDriver driver;
  @Autowired AreaCatalog areas;
  @Autowired Roster roster;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired Accounts accounts;
  @Autowired MovableClock clock;
  @LocalServerPort int port;

  @org.junit.jupiter.api.AfterEach
  void realTimeAgain() { clock.reset(); }

  @BeforeAll
  static void startBrowser() throws Exception { driver = Browser.start(390, 844); }

  @AfterAll
  static void stopBrowser() { if (driver != null) driver.quit(); }

  String url(String path) { return "http://localhost:" + port + path; }

  JsonNode activity(Http http, Point at) {
    Instant now = clock.instant();
    Http.Response r = http.postJson("/api/v1/activities", String.format(Locale.ROOT,
        "{\"title\": \"邻居节（测试）\", \"kind\": \"NEIGHBOUR_FESTIVAL\", \"starts\": \"%s\", \"ends\": \"%s\", \"lon\": %.7f, \"lat\": %.7f}",
        now, now.plusSeconds(3 * 3600), at.getX(), at.getY()), Http.basic("community", TestEnvironment.DEMO_PASSWORD));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  void open(JsonNode activity, String lang) {
    String link = activity.get("signInUrl").asString();
    driver.get(url(link.substring(link.indexOf("/checkin.html"))));
    driver.executeScript("localStorage.setItem('gridwatch.lang', arguments[0]); localStorage.setItem('gridwatch.basemap', 'none')", lang);
    driver.navigate().refresh();
    Browser.waitFor(driver, 30).until(d -> "true".equals(((ChromeDriver) d).executeScript("return document.body.dataset.ready")));
  }

  void at(double lon, double lat) {
    driver.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("geolocation")));
    driver.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", lat, "longitude", lon, "accuracy", 10));
  }

  @Test
  void aVolunteerSignsInAndOutOnTheSpotAndReadsTheHours() throws Exception {
    ActivityFixtures fixtures = new ActivityFixtures(jdbc, tx, accounts);
    String community = roster.scopeOf("community").orElseThrow().unitCode();
    AreaView grid = areas.now().children(community).stream().filter(a -> a.level() == AreaLevel.GRID).findFirst().orElseThrow();
    Point place = grid.boundary().getInteriorPoint();
    Http http = new Http(port);
    JsonNode activity = activity(http, place);
    String user = fixtures.account("vol", Role.VOLUNTEER);
    long volunteer = fixtures.volunteer("王测试", grid.code(), user, List.of(), List.of());
    Browser.signIn(driver, url(""), user);

    at(place.getX(), place.getY());
    open(activity, "zh");
    assertThat(driver.findElement(By.id("who")).getText()).contains("王测试");
    assertThat(driver.findElement(By.id("activity-title")).getText()).isEqualTo("邻居节（测试）");
    driver.findElement(By.id("sign-in")).click();
    Browser.waitFor(driver, 20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已签到"));
    Browser.screenshot(driver, "checkin-zh-phone");
    clock.advance(Duration.ofMinutes(50));
    driver.findElement(By.id("sign-out")).click();
    Browser.waitFor(driver, 20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已签退"));
    assertThat(driver.findElement(By.id("status")).getText()).contains("50 分钟").contains("计 1 小时");
    driver.findElement(By.id("lang")).click();
    assertThat(driver.findElement(By.id("status")).getText()).contains("Signed out").contains("50 minutes").contains("credited 1 h");
    assertThat(driver.findElement(By.id("activity-kind")).getText()).isEqualTo("Neighbour festival");
    Browser.screenshot(driver, "checkin-en-phone");
    JsonNode row = http.get("/api/v1/activities/" + activity.get("id").asLong(), Http.basic("admin", TestEnvironment.DEMO_PASSWORD))
        .json().get("attendance").get(0);
    assertThat(row.get("volunteer").asLong()).isEqualTo(volunteer);
    assertThat(row.get("hours").decimalValue()).isEqualByComparingTo("1");

    // Two kilometres away: the page says how far, and nothing is stored.
    JsonNode second = activity(http, place);
    double[] xy = MetricProjection.project(place.getX(), place.getY());
    double[] far = MetricProjection.unproject(xy[0], xy[1] + 2000);
    at(far[0], far[1]);
    open(second, "en");
    driver.findElement(By.id("sign-in")).click();
    Browser.waitFor(driver, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
    assertThat(driver.findElement(By.id("problem")).getText()).matches("You are (199\\d|200\\d) m from the activity's place; sign in within 200 m\\.");
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
    Browser.screenshot(driver, "checkin-en-desktop");
    driver.findElement(By.id("lang")).click();
    assertThat(driver.findElement(By.id("problem")).getText()).startsWith("您距活动地点");
    Browser.screenshot(driver, "checkin-zh-desktop");
    assertThat(http.get("/api/v1/activities/" + second.get("id").asLong(), Http.basic("admin", TestEnvironment.DEMO_PASSWORD))
        .json().get("attendance")).isEmpty();
  }
}
