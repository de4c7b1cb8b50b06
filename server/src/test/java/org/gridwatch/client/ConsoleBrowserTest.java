package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The operators' console and the resident page in headless Chromium, as their users click through them. */
@OnH2
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class ConsoleBrowserTest {
  static ChromeDriver driver;
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  static void startBrowser() throws Exception { driver = Browser.start(1500, 900); }

  @AfterAll
  static void stopBrowser() { if (driver != null) driver.quit(); }

  String url(String path) { return "http://localhost:" + port + path; }

  void signInAs(String user) { Browser.signIn(driver, url(""), user); }

  void open(String path) { Browser.open(driver, url(path)); }

  static Point inside(String grid) {
    return new MaximumInscribedCircle(DemoFiles.read("grids").stream().filter(g -> g.code().equals(grid)).findFirst()
        .orElseThrow().geometry(), 1e-6).getCenter();
  }

  @Test
  void aNewCaseAppearsLiveAndTheOperatorRegistersAndDispatchesIt() throws Exception {
    String id = caseReportedWhileTheOperatorWatches("370203014002001", "垃圾桶满了");
    By row = By.cssSelector("#queue li[data-id='" + id + "']");
    assertThat(driver.findElement(row).getAttribute("class")).contains("fresh");
    driver.findElement(row).click();
    clickAction("register", "立案");
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBe(By.id("case-status"), "已立案"));
    clickAction("dispatch", "派遣");
    pickTheDefault();
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBe(By.id("case-status"), "已派遣"));
    assertThat(driver.findElement(By.id("case-unit")).getText()).contains("370203014002001");
    assertThat(jdbc.queryForObject("select status from incident where public_id = ?", String.class, id)).isEqualTo("DISPATCHED");
    // The timeline in the UI language (issue 13): no event codes on screen.
    assertThat(driver.findElement(By.cssSelector("#detail .timeline")).getText()).contains("立案").contains("派遣")
        .doesNotContain("REGISTERED").doesNotContain("DISPATCHED");
    Browser.screenshot(driver, "console");
  }

  /** On a 1280-wide desktop the map between the queue and the case is narrow: the legend starts folded and opens on a click. */
  @Test
  void onANarrowMapTheLegendStartsFoldedAndOpensWhenClicked() throws Exception {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
    try {
      signInAs("operator");
      open("/console.html");
      By legend = By.cssSelector("#map-legend details");
      Browser.waitFor(driver, 20).until(ExpectedConditions.presenceOfElementLocated(legend));
      assertThat(driver.findElement(legend).getAttribute("open")).as("folded on a map %s px wide",
          driver.findElement(By.id("map")).getSize().getWidth()).isNull();
      assertThat(driver.findElement(By.id("map-legend")).getText()).doesNotContain("已超时的案件");
      driver.findElement(By.cssSelector("#map-legend summary")).click();
      assertThat(driver.findElement(legend).getAttribute("open")).isNotNull();
      assertThat(driver.findElement(By.id("map-legend")).getText()).contains("已超时的案件", "选中的案件");
    } finally {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1500, 900));
    }
  }

  @Test
  void theLiveEchoOfAnOperatorsOwnActionDoesNotTakeTheNextButtonOrTheNoteAway() throws Exception {
    String id = caseReportedWhileTheOperatorWatches("370203014002002", "路灯不亮");
    driver.findElement(By.cssSelector("#queue li[data-id='" + id + "']")).click();
    clickAction("register", "立案");
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBe(By.id("case-status"), "已立案"));
    // The operator reaches for the next button and types a note while the live echo of "register" comes back.
    WebElement dispatch = driver.findElement(By.cssSelector("#detail .actions button[data-action='dispatch']"));
    driver.findElement(By.id("action-note")).sendKeys("已电话联系报告人");
    Thread.sleep(1000);
    // The echo, for certain: what the live stream does for an event about the selected case.
    driver.executeAsyncScript("const done = arguments[arguments.length - 1]; gridwatchConsole.showCase(arguments[0], false).then(() => done())", id);
    assertThat(driver.findElement(By.id("action-note")).getAttribute("value")).as("the note being typed").isEqualTo("已电话联系报告人");
    dispatch.click(); // the very button found before the echo: still on the page
    pickTheDefault();
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBe(By.id("case-status"), "已派遣"));
  }

  @Test
  void aSupervisedOverdueCaseShowsItsRedLightAndTheSupervisedMark() throws Exception {
    String id = caseReportedWhileTheOperatorWatches("370203014002003", "井盖缺失");
    Http api = new Http(port);
    String[] operator = Http.basic("operator", TestEnvironment.DEMO_PASSWORD);
    for (String[] step : new String[][] {{"register", "{}"}, {"dispatch", "{}"}, {"supervise", "{\"note\":\"请今日处理完毕\"}"}}) {
      Http.Response r = api.postJson("/api/v1/incidents/" + id + "/" + step[0], step[1], operator);
      assertThat(r.status()).as(step[0] + " " + r.body()).isEqualTo(200);
    }
    // Its time limit ran out: a minute before the earliest deadline of any case, so that it heads the queue.
    java.sql.Timestamp earliest = jdbc.queryForObject("select min(deadline) from incident", java.sql.Timestamp.class);
    java.time.Instant due = java.time.Instant.now().minusSeconds(3600);
    if (earliest != null && earliest.toInstant().isBefore(due)) due = earliest.toInstant().minusSeconds(60);
    jdbc.update("update incident set deadline = ? where public_id = ?", java.sql.Timestamp.from(due), id);
    open("/console.html");
    By row = By.cssSelector("#queue li[data-id='" + id + "']");
    WebElement li = Browser.waitFor(driver, 15).until(ExpectedConditions.presenceOfElementLocated(row));
    assertThat(li.findElement(By.cssSelector(".light")).getAttribute("data-light")).isEqualTo("RED");
    assertThat(li.findElement(By.cssSelector(".supervised-mark")).getText()).isEqualTo("督办");
    li.click();
    Browser.waitFor(driver, 10).until(ExpectedConditions.attributeToBe(By.id("case-light"), "data-light", "RED"));
    assertThat(driver.findElement(By.id("case-light")).getText()).contains("红灯");
    assertThat(driver.findElement(By.id("case-supervised")).getText()).isEqualTo("督办");
    assertThat(driver.findElement(By.id("light-legend")).getText()).contains("红灯", "督办");
    driver.findElement(By.id("lang")).click();
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-light"), "Red"));
    assertThat(driver.findElement(By.id("case-supervised")).getText()).isEqualTo("Supervised");
    assertThat(driver.findElement(By.id("light-legend")).getText()).contains("Red: overdue");
    driver.findElement(By.id("lang")).click(); // back to Chinese for the other tests
    Browser.screenshot(driver, "console-supervised");
  }

  /** An operator opens the console and waits for the live stream; a resident then reports a case in {@code grid}, which the queue shows. */
  String caseReportedWhileTheOperatorWatches(String grid, String description) {
    signInAs("operator");
    open("/console.html");
    Browser.waitFor(driver, 10).until(ExpectedConditions.attributeToBe(By.id("live-state"), "class", "live-on"));
    Point p = inside(grid);
    String id = new Http(port).postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"%s\"}",
        p.getX(), p.getY(), description)).json().get("id").asString();
    Browser.waitFor(driver, 15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#queue li[data-id='" + id + "']")));
    return id;
  }

  /** In the dispatch picker, the first candidate: the category's default (issue 12). */
  void pickTheDefault() {
    By first = By.cssSelector("#picker .candidates li:first-child button");
    WebElement b = Browser.waitFor(driver, 10).until(ExpectedConditions.elementToBeClickable(first));
    assertThat(b.getText()).contains("默认");
    b.click();
  }

  /** Clicks an action button; the case panel is drawn again when the live event arrives, so a button found a
   * moment ago may have been replaced: find it again until the click lands. */
  void clickAction(String action, String label) {
    By button = By.cssSelector("#detail .actions button[data-action='" + action + "']");
    Browser.waitFor(driver, 10).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
      WebElement b = ExpectedConditions.elementToBeClickable(button).apply(d);
      if (b == null) return false;
      assertThat(b.getText()).isEqualTo(label);
      b.click();
      return true;
    });
  }

  @Test
  void theConsoleNeedsALogin() {
    driver.manage().deleteAllCookies();
    driver.get(url("/console.html"));
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue"), "登录"));
  }

  /** A resident opens the report page and clicks the map inside the grid; the page names the grid. */
  void openReportAndDropPinIn(String grid) throws Exception {
    driver.manage().deleteAllCookies();
    open("/report.html");
    Point p = inside(grid);
    driver.executeScript("gridwatchReport.map.setView([arguments[1], arguments[0]], 17, {animate: false})", p.getX(), p.getY());
    Browser.clickMap(driver, "gridwatchReport.map", p.getX(), p.getY());
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBe(By.id("pin-grid-code"), grid));
  }

  @Test
  void aResidentDropsAPinSeesTheGridSendsTheReportAndFollowsIt() throws Exception {
    String grid = "370203021001001";
    openReportAndDropPinIn(grid);
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("category"))).selectByValue("MUNICIPAL_FACILITY");
    driver.findElement(By.id("description")).sendKeys("路灯不亮");
    driver.findElement(By.id("contact-phone")).sendKeys("13700002222");
    driver.findElement(By.id("submit")).click();
    String id = Browser.waitFor(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("new-case-id"))).getText();
    assertThat(id).startsWith("GW-");
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBe(By.id("track-status"), "已上报"));
    assertThat(jdbc.queryForObject("select grid_code from incident where public_id = ?", String.class, id)).isEqualTo(grid);
    assertThat(jdbc.queryForObject("select reporter_phone from incident where public_id = ?", String.class, id)).isEqualTo("13700002222");
    assertThat(driver.findElement(By.id("track-result")).getText()).doesNotContain("13700002222");
    // The reporter sees their own words (this browser keeps the follow code); shown once, on the page.
    String token = driver.findElement(By.id("new-follow-token")).getText();
    assertThat(token).hasSizeGreaterThanOrEqualTo(22);
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBe(By.id("track-description"), "路灯不亮"));
    // Someone else, with the case number only, sees status and an approximate place, not the words.
    driver.executeScript("localStorage.clear()");
    open("/report.html");
    driver.findElement(By.id("track-id")).sendKeys(id);
    driver.findElement(By.cssSelector("#track-form button[type=submit]")).click();
    Browser.waitFor(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("track-approximate")));
    assertThat(driver.findElements(By.id("track-description"))).isEmpty();
    assertThat(driver.findElement(By.id("track-result")).getText()).doesNotContain("路灯不亮");
    // With the follow code typed in, the whole case again.
    driver.findElement(By.id("track-token")).sendKeys(token);
    driver.findElement(By.cssSelector("#track-form button[type=submit]")).click();
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBe(By.id("track-description"), "路灯不亮"));
  }

  @Test
  void aResidentWhoPublishesTheirWordsSeesThemMaskedForEveryone() throws Exception {
    String grid = "370203021001001";
    openReportAndDropPinIn(grid);
    // The category list starts on "请选择" (issue 13): a category is chosen, never taken by default.
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("category"))).selectByValue("MUNICIPAL_FACILITY");
    driver.findElement(By.id("description")).sendKeys("井盖丢了，请联系13712345678");
    driver.findElement(By.id("public-text")).click();
    driver.findElement(By.id("submit")).click();
    String id = Browser.waitFor(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("new-case-id"))).getText();
    driver.executeScript("localStorage.clear()");
    open("/report.html");
    driver.findElement(By.id("track-id")).sendKeys(id);
    driver.findElement(By.cssSelector("#track-form button[type=submit]")).click();
    String shown = Browser.waitFor(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("track-description"))).getText();
    assertThat(shown).startsWith("井盖丢了").doesNotContain("13712345678").contains("137");
    Browser.screenshot(driver, "report-published-masked");
  }
}
