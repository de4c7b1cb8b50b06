package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12: an operator dispatches a case to a person chosen in the console's candidate picker; that person, on a phone,
 * finds it in their queue and handles it; the operator sees every hop in the timeline.
 */
@OnH2
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class DispatchBrowserTest {
  static final String GRID = "370203014001001";
  static ChromeDriver desk;
  static ChromeDriver phone;
  @LocalServerPort int port;

  @BeforeAll
  static void startBrowsers() throws Exception {
    desk = Browser.start(1500, 900);
    phone = Browser.start(390, 844);
  }

  @AfterAll
  static void stopBrowsers() {
    if (desk != null) desk.quit();
    if (phone != null) phone.quit();
  }

  String url(String path) { return "http://localhost:" + port + path; }

  @Test
  void theOperatorSendsACaseToAChosenWorkerWhoHandlesItOnTheirPhone() throws Exception {
    Http api = new Http(port);
    String worker = api.get("/api/v1/me", Http.basic("gridworker", TestEnvironment.DEMO_PASSWORD)).json().at("/person/code").asString();
    Point p = ConsoleBrowserTest.inside(GRID);
    Browser.signIn(desk, url(""), "operator");
    Browser.open(desk, url("/console.html"));
    Browser.waitFor(desk, 10).until(ExpectedConditions.attributeToBe(By.id("live-state"), "class", "live-on"));
    String id = api.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"MUNICIPAL_FACILITY\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"井盖松动\"}",
        p.getX(), p.getY())).json().get("id").asString();
    By row = By.cssSelector("#queue li[data-id='" + id + "']");
    Browser.waitFor(desk, 15).until(ExpectedConditions.presenceOfElementLocated(row)).click();
    click(desk, "#detail .actions button[data-action='register']");
    Browser.waitFor(desk, 10).until(ExpectedConditions.textToBe(By.id("case-status"), "已立案"));
    click(desk, "#detail .actions button[data-action='dispatch']");

    // The picker: the category's default (the community, for a municipal facility) first, the worker with their workload.
    WebElement first = Browser.waitFor(desk, 10).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#picker .candidates li:first-child button")));
    assertThat(first.getAttribute("data-code")).isEqualTo(GRID.substring(0, 12));
    assertThat(first.getText()).contains("默认");
    WebElement chosen = desk.findElement(By.cssSelector("#picker button[data-code='" + worker + "']"));
    assertThat(chosen.getText()).contains("专职网格员").containsPattern("在办 \\d+");
    Browser.screenshot(desk, "console-dispatch-picker");
    desk.findElement(By.id("lang")).click(); // the picker in English, then back
    click(desk, "#detail .actions button[data-action='dispatch']");
    Browser.waitFor(desk, 10).until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("#picker .candidates li:first-child button"), "default"));
    assertThat(desk.findElement(By.cssSelector("#picker button[data-code='" + worker + "']")).getText()).contains("full-time grid member", "on hand");
    Browser.screenshot(desk, "console-dispatch-picker-en");
    desk.findElement(By.id("lang")).click();
    click(desk, "#detail .actions button[data-action='dispatch']");
    Browser.waitFor(desk, 10).ignoring(StaleElementReferenceException.class).until(d -> {
      d.findElement(By.cssSelector("#picker button[data-code='" + worker + "']")).click();
      return true;
    });
    Browser.waitFor(desk, 10).until(ExpectedConditions.textToBe(By.id("case-status"), "已派遣"));
    assertThat(desk.findElement(By.id("case-assignee")).getText()).contains(worker);

    // The worker, on a phone: the case is in their queue ("我的案件") with its actions.
    Browser.signIn(phone, url(""), "gridworker");
    Browser.open(phone, url("/console.html"));
    assertThat(phone.findElement(By.id("f-mine")).isSelected()).isTrue();
    WebElement queued = Browser.waitFor(phone, 15).until(ExpectedConditions.presenceOfElementLocated(row));
    assertThat(queued.getText()).contains(desk.findElement(By.id("case-assignee")).getText().replaceAll(" \\(.*", ""));
    Browser.screenshot(phone, "console-worker-queue-phone");
    phone.findElement(By.id("lang")).click();
    Browser.waitFor(phone, 10).until(ExpectedConditions.textToBe(By.cssSelector("label.mine span[data-i18n]"), "My cases"));
    Browser.screenshot(phone, "console-worker-queue-phone-en");
    phone.findElement(By.id("lang")).click();
    phone.findElement(row).click();
    click(phone, "#detail .actions button[data-action='start']");
    Browser.waitFor(phone, 10).until(ExpectedConditions.textToBe(By.id("case-status"), "处理中"));
    phone.findElement(By.id("action-note")).sendKeys("已紧固井盖");
    click(phone, "#detail .actions button[data-action='resolve']");
    Browser.waitFor(phone, 10).until(ExpectedConditions.textToBe(By.id("case-status"), "已处置"));
    Browser.screenshot(phone, "console-worker-phone");

    // The operator sees the hops: to the worker, started, resolved.
    desk.executeAsyncScript("const done = arguments[arguments.length - 1]; gridwatchConsole.showCase(arguments[0], false).then(() => done())", id);
    Browser.waitFor(desk, 10).until(ExpectedConditions.textToBe(By.id("case-status"), "已处置"));
    String timeline = desk.findElement(By.cssSelector("#detail .timeline")).getText();
    assertThat(timeline).contains("派往").contains("(" + worker + ")").contains("开始处理").contains("处置反馈").contains("已紧固井盖")
        .doesNotContain("STARTED").doesNotContain("RESOLVED"); // the timeline in the UI language (issue 13)
    Browser.screenshot(desk, "console-dispatch-timeline");
    desk.findElement(By.id("lang")).click();
    Browser.waitFor(desk, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#detail .timeline"), "→ to "));
    assertThat(desk.findElement(By.id("detail")).getText()).contains("Assigned to");
    Browser.screenshot(desk, "console-dispatch-timeline-en");
    desk.findElement(By.id("lang")).click();
  }

  @Test
  void aCaseTheWorkerSentBackShowsItsReasonInTheQueueAndTheOperatorReroutesIt() throws Exception {
    Http api = new Http(port);
    String[] operator = Http.basic("operator", TestEnvironment.DEMO_PASSWORD), worker = Http.basic("gridworker", TestEnvironment.DEMO_PASSWORD);
    String person = api.get("/api/v1/me", worker).json().at("/person/code").asString();
    Point p = ConsoleBrowserTest.inside(GRID);
    String id = api.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"化粪池外溢\"}",
        p.getX(), p.getY())).json().get("id").asString();
    for (String[] step : new String[][] {{"register", "{}", "o"}, {"dispatch", "{\"person\":\"" + person + "\"}", "o"},
        {"return", "{\"note\":\"化粪池归物业和市政管网，非网格能处理\"}", "w"}}) {
      Http.Response r = api.postJson("/api/v1/incidents/" + id + "/" + step[0], step[1], step[2].equals("o") ? operator : worker);
      assertThat(r.status()).as(step[0] + " " + r.body()).isEqualTo(200);
    }
    Browser.signIn(desk, url(""), "operator");
    Browser.open(desk, url("/console.html"));
    new org.openqa.selenium.support.ui.Select(desk.findElement(By.id("f-status"))).selectByValue("RETURNED");
    By row = By.cssSelector("#queue li[data-id='" + id + "']");
    // The open list drawn first is replaced by the returned one: read and click the row as it is drawn last.
    String reason = Browser.waitFor(desk, 15).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> d.findElement(row).findElement(By.cssSelector(".reason")).getText());
    assertThat(reason).contains("退单理由").contains("非网格能处理");
    Browser.waitFor(desk, 15).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
      d.findElement(row).click();
      return true;
    });
    Browser.waitFor(desk, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-return-reason"), "非网格能处理"));
    WebElement reroute = desk.findElement(By.cssSelector("#detail .actions button[data-action='dispatch']"));
    assertThat(reroute.getText()).isEqualTo("改派");
    Browser.screenshot(desk, "console-returned");
    reroute.click();
    String community = GRID.substring(0, 12);
    Browser.waitFor(desk, 10).ignoring(StaleElementReferenceException.class).until(d -> {
      d.findElement(By.cssSelector("#picker button[data-code='" + community + "']")).click();
      return true;
    });
    Browser.waitFor(desk, 10).until(ExpectedConditions.textToBe(By.id("case-status"), "已派遣"));
    assertThat(desk.findElements(By.id("case-return-reason"))).isEmpty();
    assertThat(desk.findElement(By.cssSelector("#detail .timeline")).getText()).contains("改派").contains("(" + community + ")");
  }

  /** Clicks a button of the case panel, finding it again if a live redraw replaced it. */
  static void click(ChromeDriver driver, String css) {
    Browser.waitFor(driver, 10).ignoring(StaleElementReferenceException.class).until(d -> {
      WebElement b = ExpectedConditions.elementToBeClickable(By.cssSelector(css)).apply(d);
      if (b == null) return false;
      b.click();
      return true;
    });
  }
}
