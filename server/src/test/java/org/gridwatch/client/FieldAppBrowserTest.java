package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.gridwatch.support.Browser;
import org.gridwatch.support.DemoFiles;
import org.gridwatch.support.Http;
import org.gridwatch.support.OnH2;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The grid worker's field app at phone size (390 × 844), as the worker thumbs through it: sign in, see the grid, take
 * a case dispatched to them from start to resolved with a note and a photo, and report what they find while the
 * phone has no signal — sent once, when it is back.
 */
@OnH2
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class FieldAppBrowserTest {
  static final String GRID = "370203014001001"; // the demo grid worker's grid
  static ChromeDriver driver;
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  static void startBrowser() throws Exception {
    driver = Browser.start(390, 844);
    // A desktop window is never narrower than 500 px, even headless: the phone's own viewport, as a phone reports it.
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
  }

  @AfterAll
  static void stopBrowser() { if (driver != null) driver.quit(); }

  /** Each test starts online, with no position granted: a test's own GPS fixes are the only ones. */
  @BeforeEach
  void onlineAndNoPosition() {
    driver.setNetworkConditions(new ChromiumNetworkConditions());
    driver.executeCdpCommand("Browser.resetPermissions", Map.of());
    driver.executeCdpCommand("Emulation.clearGeolocationOverride", Map.of());
  }

  String url(String path) { return "http://localhost:" + port + path; }

  static Point inside(String grid) {
    return new MaximumInscribedCircle(DemoFiles.read("grids").stream().filter(g -> g.code().equals(grid)).findFirst()
        .orElseThrow().geometry(), 1e-6).getCenter();
  }

  @Test
  void aGridWorkerSeesTheirGridAndTakesACaseDispatchedToThemFromStartToResolvedWithAPhoto() throws Exception {
    String id = caseDispatchedToTheGridWorker("楼道堆放杂物");
    signInOnTheFieldApp();
    assertThat(((Number) driver.executeScript("return window.innerWidth")).intValue()).as("a phone's width").isEqualTo(390);
    WebElement card = Browser.waitFor(driver, 20).until(ExpectedConditions.presenceOfElementLocated(caseCard(id)));
    assertThat(card.findElement(By.cssSelector(".case-status")).getText()).isEqualTo("已派遣");
    assertThat(card.getText()).contains("楼道堆放杂物");
    Browser.screenshot(driver, "field-cases-zh");

    tab("grids");
    Browser.waitFor(driver, 20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grid-list li[data-code='" + GRID + "']")));
    Browser.waitFor(driver, 20).until(d -> !d.findElements(By.cssSelector("#grids-map path.gw-my-grid")).isEmpty());
    assertThat(driver.findElements(By.cssSelector("#grids-map path.gw-my-case"))).as("the case, as a dot on the map").isNotEmpty();
    inEnglish("field-grids-en", By.id("me-card"), "Grid member");

    tab("cases");
    act(id, "start");
    click(By.id("act-confirm"));
    Browser.waitFor(driver, 20).until(d -> "IN_PROGRESS".equals(status(id)));
    Browser.waitFor(driver, 20).ignoring(StaleElementReferenceException.class).until(ExpectedConditions.textToBe(
        By.cssSelector("#case-list li[data-id='" + id + "'] .case-status"), "处理中"));

    act(id, "resolve");
    driver.findElement(By.id("act-note")).sendKeys("已清理楼道");
    driver.findElement(By.id("act-photos")).sendKeys(png("after").toString());
    Browser.waitFor(driver, 5).until(d -> !d.findElements(By.cssSelector("#act-previews img")).isEmpty());
    Browser.screenshot(driver, "field-resolve");
    click(By.id("act-confirm"));
    Browser.waitFor(driver, 30).until(d -> "RESOLVED".equals(status(id)));
    JsonNode seen = new Http(port).get("/api/v1/incidents/" + id, Http.basic("operator", TestEnvironment.DEMO_PASSWORD)).json();
    assertThat(seen.get("media")).hasSize(1);
    assertThat(seen.get("media").get(0).get("kind").asString()).isEqualTo("AFTER");
    assertThat(seen.get("history").toString()).contains("已清理楼道");
    // Resolved, the case leaves "my cases": nothing more for the worker to do on it.
    Browser.waitFor(driver, 20).until(ExpectedConditions.numberOfElementsToBe(caseCard(id), 0));
  }

  @Test
  void aPatrolReportMadeWithoutSignalIsKeptOnThePhoneAndSentOnceWhenTheSignalIsBack() throws Exception {
    signInOnTheFieldApp();
    tab("report");
    Point p = inside(GRID);
    driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""), "permissions", java.util.List.of("geolocation")));
    driver.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", p.getY(), "longitude", p.getX(), "accuracy", 8));
    click(By.id("report-locate"));
    Browser.waitFor(driver, 20).until(ExpectedConditions.textToBe(By.id("report-grid"), GRID));
    Browser.screenshot(driver, "field-report-zh");

    driver.setNetworkConditions(offline());
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBe(By.id("net-state"), "离线"));
    String words = "巡查发现井盖松动 " + System.nanoTime();
    new Select(driver.findElement(By.id("report-category"))).selectByValue("MUNICIPAL_FACILITY");
    driver.findElement(By.id("report-description")).sendKeys(words);
    driver.findElement(By.id("report-photos")).sendKeys(png("manhole").toString());
    click(By.id("report-submit"));
    // The report and its photo wait on the phone, and say so.
    Browser.waitFor(driver, 10).until(ExpectedConditions.attributeToBe(By.id("outbox-button"), "data-pending", "2"));
    assertThat(driver.findElement(By.cssSelector("#report-list .report-card")).getText()).contains("等待发送");
    click(By.id("outbox-button"));
    assertThat(driver.findElements(By.cssSelector("#outbox-list .outbox-item"))).hasSize(2);
    Browser.screenshot(driver, "field-outbox-offline");
    Thread.sleep(3000); // long enough for a retry, were one to be attempted while offline
    assertThat(cases(words)).isZero();

    driver.setNetworkConditions(new ChromiumNetworkConditions());
    Browser.waitFor(driver, 30).until(d -> cases(words) == 1);
    Browser.waitFor(driver, 30).until(ExpectedConditions.invisibilityOfElementLocated(By.id("outbox-button")));
    Thread.sleep(2000); // a second copy, were the outbox to send one, would arrive now
    assertThat(cases(words)).as("one case for one report").isEqualTo(1);
    String id = jdbc.queryForObject("select public_id from incident where description = ?", String.class, words);
    assertThat(jdbc.queryForObject("select channel from incident where public_id = ?", String.class, id)).isEqualTo("PATROL");
    assertThat(jdbc.queryForObject("select grid_code from incident where public_id = ?", String.class, id)).isEqualTo(GRID);
    JsonNode seen = new Http(port).get("/api/v1/incidents/" + id, Http.basic("operator", TestEnvironment.DEMO_PASSWORD)).json();
    assertThat(seen.get("media")).as("the photo taken offline, sent after its report").hasSize(1);
    tab("report");
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#report-list .report-card"), id));
  }

  @Test
  void aPatrolRecordsItsTrackInBatchesAndEndsWithItsLength() throws Exception {
    signInOnTheFieldApp();
    tab("patrol");
    click(By.id("patrol-start"));
    Browser.waitFor(driver, 20).until(d -> ((ChromeDriver) d).executeScript("return gridwatchField.screens.patrol.state().id") != null);
    // Thirty fixes 10 m and a second apart heading east, from the patrol's start on, as watchPosition hands them over
    // (6 m accuracy each: a brisk walk within what the fixes' own uncertainty allows).
    Point p = inside(GRID);
    long start = java.time.Instant.parse(String.valueOf(driver.executeScript("return gridwatchField.screens.patrol.state().startedAt"))).toEpochMilli();
    for (int i = 0; i < 30; i++) {
      driver.executeScript("gridwatchField.screens.patrol.addFix(arguments[0], arguments[1], 6, new Date(arguments[2]))",
          p.getX() + i * 0.000111, p.getY(), start + (i + 1) * 1000L);
    }
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBe(By.id("patrol-fixes"), "30"));
    assertThat(driver.findElement(By.cssSelector("#patrol-map path.gw-track"))).isNotNull();
    click(By.id("patrol-end"));
    Browser.waitFor(driver, 30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("patrol-status"), "巡查已结束"));
    inEnglish("field-patrol-en", By.id("patrol-status"), "Patrol ended");
    String id = String.valueOf(driver.executeScript("return gridwatchField.screens.patrol.state().id"));
    JsonNode patrol = new Http(port).get("/api/v1/patrols/" + id, Http.basic("gridworker", TestEnvironment.DEMO_PASSWORD)).json();
    assertThat(patrol.get("status").asString()).isEqualTo("ENDED");
    assertThat(driver.findElements(By.id("patrol-rejected"))).as("no fix refused").isEmpty();
    // 29 steps of about 10 m: what the server measured of the track the phone recorded.
    assertThat(patrol.get("lengthM").asDouble()).isBetween(250.0, 330.0);
    assertThat(Double.parseDouble(driver.findElement(By.id("patrol-length")).getText().replace(" m", ""))).isBetween(250.0, 330.0);
  }

  /** A resident reports in the worker's grid; the operator registers it and dispatches it to the worker by their person code. */
  String caseDispatchedToTheGridWorker(String words) {
    Http api = new Http(port);
    Point p = inside(GRID);
    String id = api.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"%s\"}",
        p.getX(), p.getY(), words)).json().get("id").asString();
    String person = api.get("/api/v1/me", Http.basic("gridworker", TestEnvironment.DEMO_PASSWORD)).json().get("person").get("code").asString();
    String[] operator = Http.basic("operator", TestEnvironment.DEMO_PASSWORD);
    Http.Response registered = api.postJson("/api/v1/incidents/" + id + "/register", "{}", operator);
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    Http.Response dispatched = api.postJson("/api/v1/incidents/" + id + "/dispatch", "{\"person\":\"" + person + "\"}", operator);
    assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
    return id;
  }

  /** Opens the field app signed out, in Chinese, and signs in on its own form, as the worker would on the phone. */
  void signInOnTheFieldApp() {
    driver.manage().deleteAllCookies();
    driver.get(url("/field.html"));
    driver.executeScript("localStorage.clear(); localStorage.setItem('gridwatch.lang', 'zh'); localStorage.setItem('gridwatch.basemap', 'none');"
        + " indexedDB.deleteDatabase('gridwatch-field')");
    driver.navigate().refresh();
    Browser.waitFor(driver, 60).until(d -> "true".equals(((ChromeDriver) d).executeScript("return document.body.dataset.ready")));
    Browser.waitFor(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-username"))).sendKeys("gridworker");
    driver.findElement(By.id("signin-password")).sendKeys(TestEnvironment.DEMO_PASSWORD);
    click(By.cssSelector("#signin-form button[type=submit]"));
    Browser.waitFor(driver, 20).until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs")));
  }

  /** The screen in English (the worker's language switch), photographed for the README, then back in Chinese. */
  void inEnglish(String screenshot, By element, String english) throws Exception {
    click(By.id("lang"));
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBePresentInElementLocated(element, english));
    Browser.screenshot(driver, screenshot);
    click(By.id("lang"));
    Browser.waitFor(driver, 10).until(d -> "zh-CN".equals(((ChromeDriver) d).executeScript("return document.documentElement.lang")));
  }

  void tab(String screen) {
    click(By.cssSelector("#tabs button[data-screen='" + screen + "']"));
    Browser.waitFor(driver, 10).until(d -> screen.equals(((ChromeDriver) d).executeScript("return document.body.dataset.screen")));
  }

  void act(String id, String action) {
    click(By.cssSelector("#case-list li[data-id='" + id + "'] button[data-action='" + action + "']"));
    Browser.waitFor(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("act-confirm")));
  }

  /**
   * Clicks once the element is there and clickable (lists are drawn again as answers arrive), scrolled to the middle
   * of the screen first as the worker's thumb would: ChromeDriver clicks a button still half under the tab bar.
   */
  void click(By by) {
    Browser.waitFor(driver, 20).ignoring(StaleElementReferenceException.class).until(d -> {
      WebElement e = ExpectedConditions.elementToBeClickable(by).apply(d);
      if (e == null) return false;
      driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
      e.click();
      return true;
    });
  }

  static By caseCard(String id) { return By.cssSelector("#case-list li[data-id='" + id + "']"); }

  String status(String id) { return jdbc.queryForObject("select status from incident where public_id = ?", String.class, id); }

  int cases(String words) {
    return jdbc.queryForObject("select count(*) from incident where description = ?", Integer.class, words);
  }

  static ChromiumNetworkConditions offline() {
    ChromiumNetworkConditions c = new ChromiumNetworkConditions();
    c.setOffline(true);
    c.setLatency(Duration.ZERO);
    return c;
  }

  /** A small PNG, as a phone's camera would hand one to the file input. */
  static Path png(String name) throws Exception {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(new Color(0x2e7d32));
    g.fillRect(0, 0, 64, 48);
    g.setColor(Color.WHITE);
    g.fillOval(16, 8, 32, 32);
    g.dispose();
    Path file = Files.createTempFile("gridwatch-" + name, ".png");
    ImageIO.write(image, "png", file.toFile());
    return file;
  }
}
