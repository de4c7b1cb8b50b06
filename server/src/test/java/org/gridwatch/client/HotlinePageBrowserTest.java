package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17, part E: the 12345 hotline page on part D's API. A ticket the hotline sends with only an address nobody can
 * place waits in "to be located"; the operator opens it, clicks its place on the map and locates it (the case is
 * created), signs it, and once the case is resolved replies (回单) and records the follow-up call (回访) — the lists and
 * the measures follow each step. The console shows the case's ticket number and deadlines, linked back to the page.
 * A phone-sized English view is checked too.
 */
@OnH2
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class HotlinePageBrowserTest {
  static ChromeDriver driver;
  static final String[] OPERATOR = Http.basic("operator", TestEnvironment.DEMO_PASSWORD);
  static final String[] GRIDWORKER = Http.basic("gridworker", TestEnvironment.DEMO_PASSWORD);
  static final Set<String> RESOLVED_OR_LATER = Set.of("RESOLVED", "VERIFIED", "CLOSED");
  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser() throws Exception { driver = Browser.start(1400, 950); }

  @AfterAll
  static void stopBrowser() { if (driver != null) driver.quit(); }

  String url(String path) { return "http://localhost:" + port + path; }

  /** A ticket as the hotline sends it, entered by an operator; answers the POST's reply. */
  Http.Response postTicket(Http http, String number, String address) {
    Instant received = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    return http.postJson("/api/v1/hotline/tickets", String.format(Locale.ROOT,
        "{\"ticketNumber\":\"%s\",\"receivedAt\":\"%s\",\"dueBy\":\"%s\",\"requestType\":\"COMPLAINT\","
            + "\"content\":\"楼下夜间施工噪音扰民（测试）<script>window.pwned=1</script>\",\"address\":\"%s\","
            + "\"caller\":{\"name\":\"测试来电人\",\"phone\":\"13800001234\"}}",
        number, received, received.plus(3, ChronoUnit.DAYS), address), OPERATOR);
  }

  void click(String css) {
    WebElement button = Browser.waitFor(driver, 15).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
    button.click();
  }

  void waitForTicketStatus(String number, java.util.function.Predicate<String> status) {
    Browser.waitFor(driver, 20).until(d -> {
      var title = d.findElements(By.cssSelector("#ticket-title[data-ticket='" + number + "']"));
      return !title.isEmpty() && status.test(title.get(0).getAttribute("data-status"));
    });
  }

  String caseStatus(Http http, String caseId) {
    return http.get("/api/v1/incidents/" + caseId, OPERATOR).json().get("status").asString();
  }

  /** Takes the case on from wherever the hotline's intake left it to RESOLVED, as the command centre and the grid do. */
  void resolve(Http http, String caseId) {
    for (int step = 0; step < 6 && !RESOLVED_OR_LATER.contains(caseStatus(http, caseId)); step++) {
      String status = caseStatus(http, caseId);
      String[] who = status.equals("DISPATCHED") || status.equals("IN_PROGRESS") ? GRIDWORKER : OPERATOR;
      String action = switch (status) {
        case "REPORTED" -> "register";
        case "REGISTERED", "RETURNED" -> "dispatch";
        case "DISPATCHED" -> "start";
        default -> "resolve";
      };
      Http.Response r = http.postJson("/api/v1/incidents/" + caseId + "/" + action, "{\"note\":\"已协调停止夜间施工（测试）\"}", who);
      assertThat(r.status()).as(action + " " + r.body()).isEqualTo(200);
    }
    assertThat(caseStatus(http, caseId)).isIn(RESOLVED_OR_LATER);
  }

  /** The sum over the measures table's rows of a measure's numerator (or denominator) as the page shows it. */
  long shownSum(String measure, String which) {
    return driver.findElements(By.cssSelector("#measures-table td[data-measure='" + measure + "']")).stream()
        .map(td -> td.getAttribute("data-" + which)).filter(v -> v != null && !v.isBlank()).mapToLong(Long::parseLong).sum();
  }

  void showMeasuresByArea() {
    click("#tab-measures");
    Browser.waitFor(driver, 20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#measures-table[data-by='department']")));
    new Select(driver.findElement(By.cssSelector("#measures-form select[name='by']"))).selectByValue("area");
    Browser.waitFor(driver, 20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#measures-table[data-by='area']")));
  }

  @Test
  void aTicketWithOnlyAnUnplaceableAddressIsLocatedByAMapClickSignedRepliedAndVisited() throws Exception {
    Http http = new Http(port);
    String number = "T" + System.nanoTime();
    Http.Response posted = postTicket(http, number, "测试虚构路9999号（无此地址）");
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    assertThat(posted.json().get("located").asBoolean()).isFalse();

    Browser.signIn(driver, url(""), "operator");
    Browser.open(driver, url("/hotline.html"));
    By queued = By.cssSelector("#list-locate li[data-ticket='" + number + "']");
    Browser.waitFor(driver, 20).until(ExpectedConditions.presenceOfElementLocated(queued));
    driver.findElement(queued).click();

    // Locate it by a click on the map: the case is created and the ticket leaves the queue.
    WebElement locate = Browser.waitFor(driver, 15).until(ExpectedConditions.visibilityOfElementLocated(By.id("locate-form")));
    assertThat(driver.findElement(By.id("ticket-content")).getText()).as("the content shown as text").contains("<script>");
    assertThat(driver.executeScript("return window.pwned === undefined")).isEqualTo(true);
    assertThat(locate.findElement(By.id("locate-here")).isEnabled()).isFalse();
    Point p = ResidentFeedbackBrowserTest.inside();
    driver.executeScript("gridwatchHotline.map.setView([arguments[1], arguments[0]], 17, {animate: false})", p.getX(), p.getY());
    Browser.clickMap(driver, "gridwatchHotline.map", p.getX(), p.getY());
    Browser.waitFor(driver, 10).until(d -> d.findElement(By.id("locate-here")).isEnabled());
    Browser.screenshot(driver, "hotline-locate-zh");
    click("#locate-here");
    waitForTicketStatus(number, s -> !s.equals("TO_LOCATE"));
    WebElement caseLink = Browser.waitFor(driver, 15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ticket-case a")));
    String caseId = caseLink.getText().trim();
    assertThat(caseLink.getAttribute("href")).endsWith("/console.html#case=" + caseId);
    assertThat(http.get("/api/v1/hotline/tickets/" + number, OPERATOR).json().get("caseId").asString()).isEqualTo(caseId);
    assertThat(http.get("/api/v1/incidents/" + caseId, OPERATOR).json().get("gridCode").asString())
        .isEqualTo(ResidentFeedbackBrowserTest.GRID);

    // 签收: the signing time shows, on time.
    click("#ticket-actions button[data-step='sign']");
    Browser.waitFor(driver, 15).until(ExpectedConditions.presenceOfElementLocated(By.id("ticket-signed-at")));
    assertThat(driver.findElement(By.id("ticket-signed-at")).getText()).doesNotContain("超时签收");
    click("#ticket-back");
    click("#tab-open");
    Browser.waitFor(driver, 15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#list-open li[data-ticket='" + number + "']")));
    assertThat(driver.findElements(queued)).isEmpty();

    // The measures before the reply and the follow-up call.
    showMeasuresByArea();
    long visitedBefore = shownSum("visitRate", "num");

    // The case resolved by the grid: 回单 with its result, then 回访 satisfied; the ticket leaves the open list.
    resolve(http, caseId);
    Browser.open(driver, url("/hotline.html#ticket=" + number));
    waitForTicketStatus(number, s -> true);
    click("#ticket-actions button[data-step='reply']");
    WebElement reply = Browser.waitFor(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-form")));
    new Select(reply.findElement(By.name("result"))).selectByValue("SOLVED");
    reply.findElement(By.name("text")).sendKeys("已协调施工方停止夜间施工。");
    reply.findElement(By.cssSelector("button[type=submit]")).click();
    Browser.waitFor(driver, 15).until(d -> !d.findElements(By.cssSelector("#ticket-history li[data-type='REPLIED']")).isEmpty());
    click("#ticket-actions button[data-step='visit']");
    WebElement visit = Browser.waitFor(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("visit-form")));
    new Select(visit.findElement(By.name("result"))).selectByValue("SATISFIED");
    visit.findElement(By.name("note")).sendKeys("来电人表示满意");
    visit.findElement(By.cssSelector("button[type=submit]")).click();
    Browser.waitFor(driver, 15).until(d -> !d.findElements(By.cssSelector("#ticket-history li[data-type='VISITED']")).isEmpty());
    assertThat(driver.findElements(By.cssSelector("#ticket-actions button"))).as("nothing left to do").isEmpty();
    Browser.screenshot(driver, "hotline-visited-zh");
    click("#ticket-back");
    click("#tab-open");
    Browser.waitFor(driver, 15).until(d -> d.findElements(By.cssSelector("#list-open li[data-ticket='" + number + "']")).isEmpty());
    showMeasuresByArea();
    Browser.waitFor(driver, 15).until(d -> shownSum("visitRate", "num") == visitedBefore + 1);

    // The console: the case carries its ticket number and deadlines, linked to the hotline page.
    Browser.open(driver, url("/console.html#case=" + caseId));
    WebElement ticket = Browser.waitFor(driver, 20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-hotline a")));
    assertThat(ticket.getText()).isEqualTo(number);
    assertThat(ticket.getAttribute("href")).endsWith("/hotline.html#ticket=" + number);
    assertThat(driver.findElement(By.id("case-hotline-due-by")).getText()).isNotBlank();
    assertThat(driver.findElements(By.id("hotline-link"))).as("the nav link for the command centre").hasSize(1);
  }

  @Test
  void aReturnNeedsItsReasonAndThePageSaysWhichField() {
    Http http = new Http(port);
    String number = "T" + System.nanoTime();
    assertThat(postTicket(http, number, "测试虚构路8888号（无此地址）").status()).isEqualTo(201);
    Point p = ResidentFeedbackBrowserTest.inside();
    Http.Response located = http.postJson("/api/v1/hotline/tickets/" + number + "/locate",
        String.format(Locale.ROOT, "{\"lon\":%.7f,\"lat\":%.7f}", p.getX(), p.getY()), OPERATOR);
    assertThat(located.status()).as(located.body()).isBetween(200, 201);
    Browser.signIn(driver, url(""), "operator");
    Browser.open(driver, url("/hotline.html#ticket=" + number));
    click("#ticket-actions button[data-step='return']");
    WebElement form = Browser.waitFor(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("return-form")));
    form.findElement(By.cssSelector("button[type=submit]")).click();
    Browser.waitFor(driver, 10).until(d -> !d.findElement(By.id("step-problem")).getText().isBlank());
    assertThat(driver.findElement(By.id("step-problem")).getText()).as("the field named").contains("reason");
    assertThat(http.get("/api/v1/hotline/tickets/" + number, OPERATOR).json().get("status").asString())
        .as("nothing changed").isNotIn("RETURN_REQUESTED", "RETURNED");
  }

  @Test
  void onAPhoneInEnglishThePageShowsTheListsWithoutScriptErrors() throws Exception {
    ChromeDriver phone = Browser.start(390, 844);
    try {
      Browser.signIn(phone, url(""), "operator");
      phone.get(url("/hotline.html"));
      phone.executeScript("localStorage.setItem('gridwatch.lang', 'en'); localStorage.setItem('gridwatch.basemap', 'none')");
      phone.navigate().refresh();
      Browser.waitFor(phone, 60).until(d -> "true".equals(((ChromeDriver) d).executeScript("return document.body.dataset.ready")));
      assertThat(phone.findElement(By.id("tab-locate")).getText()).startsWith("To locate");
      assertThat(phone.findElement(By.id("tab-open")).getText()).startsWith("Open tickets");
      phone.findElement(By.id("lang")).click();
      Browser.waitFor(phone, 5).until(d -> d.findElement(By.id("tab-locate")).getText().startsWith("待定位"));
      phone.findElement(By.id("lang")).click();
      Browser.screenshot(phone, "hotline-en-phone");
      // Script errors only: a resource the test has no network for (a tile) is not the page's fault.
      for (LogEntry entry : phone.manage().logs().get(LogType.BROWSER)) {
        if (entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
          assertThat(entry.getMessage()).contains("Failed to load resource");
        }
      }
    } finally {
      phone.quit();
    }
  }
}
