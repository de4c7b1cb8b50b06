package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The resident's side of a case (issue 13) in headless Chromium on a phone: following a closed case through its
 * shared link, reading the resolution and its photo, rating it 不满意 and seeing it reopened for rework, as the API
 * says; and the intake form: a category must be chosen from a sorted list, "use my location" places the pin or says
 * why it cannot, and the form clears after sending, leaving the link to keep.
 */
@OnH2
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class ResidentFeedbackBrowserTest {
  static final String GRID = "370203014001001"; // the demo gridworker's grid
  static ChromeDriver driver;
  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser() throws Exception { driver = Browser.start(390, 844); }

  @AfterAll
  static void stopBrowser() { if (driver != null) driver.quit(); }

  String url(String path) { return "http://localhost:" + port + path; }

  static String[] as(String user) { return Http.basic(user, TestEnvironment.DEMO_PASSWORD); }

  static DemoFiles.Feature grid() {
    return DemoFiles.read("grids").stream().filter(g -> g.code().equals(GRID)).findFirst().orElseThrow();
  }

  static Point inside() { return new MaximumInscribedCircle(grid().geometry(), 1e-6).getCenter(); }

  /** Opens a page in {@code lang} with no base map (the tests have no internet) and waits until it is ready. */
  void open(String path, String lang) {
    driver.get(url(path));
    driver.executeScript("localStorage.setItem('gridwatch.lang', arguments[0]); localStorage.setItem('gridwatch.basemap', 'none')", lang);
    driver.navigate().refresh();
    Browser.waitFor(driver, 60).until(d -> "true".equals(((ChromeDriver) d).executeScript("return document.body.dataset.ready")));
  }

  static byte[] greenPng() throws Exception {
    BufferedImage img = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(30, 170, 60));
    g.fillRect(0, 0, 800, 600);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  void act(Http http, String id, String action, String body, String user) {
    Http.Response r = http.postJson("/api/v1/incidents/" + id + "/" + action, body, as(user));
    assertThat(r.status()).as(action + " " + r.body()).isEqualTo(200);
  }

  @Test
  void aResidentFollowsAClosedCaseByItsLinkSeesTheResultRatesItUnsatisfiedAndTheCaseIsReworked() throws Exception {
    Http http = new Http(port);
    Point p = inside();
    Http.Response reported = http.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"楼下垃圾桶满了\"}",
        p.getX(), p.getY()));
    assertThat(reported.status()).as(reported.body()).isEqualTo(201);
    String id = reported.json().get("id").asString(), token = reported.json().get("followToken").asString();
    act(http, id, "register", "{}", "operator");
    act(http, id, "dispatch", "{}", "operator");
    act(http, id, "start", "{}", "gridworker");
    Http.Response photo = http.upload("/api/v1/incidents/" + id + "/media", Map.of("kind", "AFTER"), "after.png", "image/png",
        greenPng(), as("gridworker"));
    assertThat(photo.status()).as(photo.body()).isEqualTo(201);
    act(http, id, "resolve", "{\"note\":\"已清运，垃圾桶已加装一个\"}", "gridworker");
    act(http, id, "verify", "{}", "operator");
    act(http, id, "close", "{}", "operator");

    driver.manage().deleteAllCookies();
    open("/report.html#case=" + id + "&token=" + token, "zh");
    Browser.waitFor(driver, 15).until(ExpectedConditions.textToBe(By.id("track-status"), "已结案"));
    assertThat(driver.findElement(By.id("track-resolution")).getText()).isEqualTo("已清运，垃圾桶已加装一个");
    assertThat(driver.findElement(By.id("track-unit")).getText()).as("the unit by name").contains(grid().name());
    WebElement after = Browser.waitFor(driver, 15).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#resolution-photos figure[data-kind='AFTER'] img")));
    Browser.waitFor(driver, 15).until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
        "return arguments[0].complete && arguments[0].naturalWidth > 0 && arguments[0].src.startsWith('blob:')", after)));
    String timeline = driver.findElement(By.id("track-timeline")).getText();
    assertThat(timeline).contains("您的反映已收到", "已结案").doesNotContain("gridworker").doesNotContain("RESOLVED");

    driver.findElement(By.xpath("//input[@name='rating'][@value='UNSATISFIED']/..")).click();
    driver.findElement(By.id("rate-comment")).sendKeys("第二天又满了");
    driver.executeScript("document.getElementById('feedback').scrollIntoView()");
    Browser.screenshot(driver, "resident-zh-phone");
    driver.findElement(By.id("rate-send")).click();

    Browser.waitFor(driver, 15).until(ExpectedConditions.visibilityOfElementLocated(By.id("feedback-result")));
    assertThat(driver.findElement(By.id("track-status")).getText()).isEqualTo("已派遣");
    assertThat(driver.findElement(By.cssSelector(".badge.rework")).getText()).isEqualTo("返工处理中");
    assertThat(driver.findElement(By.id("feedback-given")).getText()).contains("不满意", "第二天又满了");
    List<WebElement> steps = driver.findElements(By.cssSelector("#track-timeline li"));
    assertThat(steps.get(steps.size() - 1).getDomAttribute("data-type")).isEqualTo("REOPENED");
    assertThat(steps.get(steps.size() - 2).getDomAttribute("data-type")).isEqualTo("FEEDBACK");
    assertThat(driver.findElements(By.id("rate-form"))).as("rated once").isEmpty();

    JsonNode staff = http.get("/api/v1/incidents/" + id, as("operator")).json();
    assertThat(staff.get("status").asString()).isEqualTo("DISPATCHED");
    assertThat(staff.get("reopenings").asInt()).isEqualTo(1);
    assertThat(driver.findElement(By.id("track-deadline")).getText()).isNotEqualTo("—");

    // The language switch re-words what is on screen, the notice of the rating included.
    driver.findElement(By.id("lang")).click();
    Browser.waitFor(driver, 5).until(ExpectedConditions.textToBe(By.id("track-status"), "Dispatched"));
    assertThat(driver.findElement(By.id("feedback-result")).getText()).contains("rework");
    assertThat(driver.findElement(By.id("feedback-given")).getText()).contains("Unsatisfied");
    assertThat(driver.findElement(By.id("track-timeline")).getText()).contains("Reopened for rework");
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
    driver.executeScript("gridwatchReport.map.invalidateSize({animate: false}); document.getElementById('track-section').scrollIntoView()");
    Thread.sleep(1000); // the map redraws its areas for the wider window
    Browser.screenshot(driver, "resident-en");
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
  }

  @Test
  void theIntakeStartsWithNoCategoryUsesTheLocationAndClearsAfterSendingLeavingTheLinkToKeep() throws Exception {
    driver.manage().deleteAllCookies();
    open("/report.html", "en");
    Select category = new Select(driver.findElement(By.id("category")));
    assertThat(category.getFirstSelectedOption().getDomAttribute("value")).isEmpty();
    assertThat(category.getFirstSelectedOption().getText()).isEqualTo("Choose…");
    List<String> names = new ArrayList<>();
    category.getOptions().stream().skip(1).forEach(o -> names.add(o.getText()));
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(Collator.getInstance(Locale.ENGLISH));
    assertThat(names).hasSizeGreaterThan(5).isEqualTo(sorted);

    // Refused or unavailable: the page says so. Then a position inside the grid places the pin there.
    driver.executeCdpCommand("Emulation.setGeolocationOverride", Map.of());
    driver.findElement(By.id("use-location")).click();
    Browser.waitFor(driver, 20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("address-status"), "not available"));
    Point p = inside();
    driver.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of("geolocation")));
    driver.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", p.getY(), "longitude", p.getX(), "accuracy", 10));
    driver.findElement(By.id("use-location")).click();
    Browser.waitFor(driver, 20).until(ExpectedConditions.textToBe(By.id("pin-grid-code"), GRID));

    // Without a category the report is not sent.
    driver.findElement(By.id("description")).sendKeys("Street light out");
    driver.findElement(By.id("submit")).click();
    assertThat((Boolean) driver.executeScript("return document.getElementById('category').validity.valueMissing")).isTrue();
    assertThat(driver.findElements(By.id("new-case-id"))).isEmpty();
    category.selectByValue("MUNICIPAL_FACILITY");
    driver.findElement(By.id("submit")).click();
    String id = Browser.waitFor(driver, 15).until(ExpectedConditions.visibilityOfElementLocated(By.id("new-case-id"))).getText();
    String link = driver.findElement(By.id("follow-link")).getDomAttribute("href");
    assertThat(link).contains("/report.html#case=" + id + "&token=");
    assertThat(new Select(driver.findElement(By.id("category"))).getFirstSelectedOption().getDomAttribute("value")).isEmpty();
    assertThat(driver.findElement(By.id("description")).getDomProperty("value")).isEmpty();
    assertThat(driver.findElement(By.id("pin-grid")).getText()).isEqualTo("—");
    driver.executeScript("document.getElementById('result').scrollIntoView()");
    Browser.screenshot(driver, "resident-sent-en-phone");

    // The link, opened in a browser that never saw the case, shows it in full.
    driver.executeScript("localStorage.clear()");
    driver.manage().deleteAllCookies();
    open(link.substring(link.indexOf("/report.html")), "zh");
    Browser.waitFor(driver, 15).until(ExpectedConditions.textToBe(By.id("track-description"), "Street light out"));
    assertThat(driver.findElement(By.id("track-resolution")).getText()).isEqualTo("尚未处理完毕");
    assertThat(driver.findElement(By.id("track-unit")).getText()).as("not yet dispatched").isEqualTo("指挥中心（受理、派遣中）");
  }
}
