package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.staff.Roster;
import org.gridwatch.support.Browser;
import org.gridwatch.support.Http;
import org.gridwatch.support.OnH2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17, the publishing page on a phone-sized window: a grid officer writes a notice for their grid (with markup in
 * it) and submits it; it waits for review and residents do not see it; the community's reviewer approves it in the
 * page's queue and residents of the grid see it, the markup as text. The language switch re-words the page.
 */
@OnH2
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class PublishPageBrowserTest {
  static ChromeDriver driver;
  @LocalServerPort int port;
  @Autowired Roster roster;
  @Autowired AreaCatalog areas;

  @BeforeAll
  static void startBrowser() throws Exception { driver = Browser.start(390, 844); }

  @AfterAll
  static void stopBrowser() { if (driver != null) driver.quit(); }

  String url(String path) { return "http://localhost:" + port + path; }

  void click(WebElement button) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
    button.click();
  }

  WebElement item(String title) {
    return Browser.waitFor(driver, 20).until(d -> d.findElements(By.cssSelector("ul.pubs > li")).stream()
        .filter(li -> li.findElement(By.tagName("h3")).getText().equals(title)).findFirst().orElse(null));
  }

  @Test
  void aGridOfficersNoticeIsReviewedInThePageAndThenShownToResidents() throws Exception {
    String grid = roster.scopeOf("gridworker").orElseThrow().grids().stream().sorted().findFirst().orElseThrow();
    String community = areas.now().find(grid).orElseThrow().parentCode();
    String reviewer = roster.scopeOf("community").orElseThrow().unitCode().equals(community) ? "community" : "operator";
    String title = "楼道堆物清理 <b>" + System.nanoTime() % 100000 + "</b>";
    String body = "本周六上午清理楼道堆物。<script>window.hacked = true</script>";
    Http http = new Http(port);

    Browser.signIn(driver, url(""), "gridworker");
    Browser.open(driver, url("/publish.html"));
    new Select(driver.findElement(By.name("kind"))).selectByValue("NOTICE");
    new Select(driver.findElement(By.name("area"))).selectByValue(grid);
    assertThat(driver.findElement(By.id("review-hint")).getText()).contains("审核");
    driver.findElement(By.name("title")).sendKeys(title);
    driver.findElement(By.name("body")).sendKeys(body);
    click(driver.findElement(By.id("submit")));
    WebElement mine = item(title);
    assertThat(mine.findElement(By.cssSelector(".tag.s-PENDING_REVIEW")).getText()).isEqualTo("待审核");
    assertThat(mine.findElement(By.cssSelector(".body")).getText()).isEqualTo(body);
    Browser.screenshot(driver, "publish-zh-phone");
    long id = Long.parseLong(mine.getAttribute("data-id"));
    assertThat(ids(http.get("/api/v1/publications?area=" + grid).json())).doesNotContain(id);

    Browser.signIn(driver, url(""), reviewer);
    Browser.open(driver, url("/publish.html"));
    WebElement queued = item(title);
    queued.findElement(By.name("note")).sendKeys("同意发布");
    click(queued.findElement(By.cssSelector("button[data-action=approve]")));
    Browser.waitFor(driver, 20).until(d -> ((ChromeDriver) d).findElements(By.cssSelector("ul.pubs > li[data-id='" + id + "']")).isEmpty()
        || !d.findElement(By.cssSelector("#tabs button[aria-selected=true]")).getText().startsWith("待审核"));
    JsonNode shown = http.get("/api/v1/publications?area=" + grid).json();
    assertThat(ids(shown)).contains(id);
    JsonNode read = http.get("/api/v1/publications/" + id).json();
    assertThat(read.get("body").asString()).isEqualTo(body);
    assertThat(read.get("title").asString()).isEqualTo(title);
    assertThat(((JavascriptExecutor) driver).executeScript("return window.hacked === true")).isEqualTo(false);

    // the language switch re-words the tabs and the form
    click(driver.findElement(By.id("lang")));
    Browser.waitFor(driver, 10).until(d -> d.findElement(By.id("tabs")).getText().contains("To review"));
    assertThat(driver.findElement(By.id("pub-form")).getText()).contains("Kind");
    Browser.screenshot(driver, "publish-en-phone");
    List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()).toList();
    assertThat(severe).as(severe.toString()).isEmpty();
  }

  static List<Long> ids(JsonNode list) { return list.findValues("id").stream().map(JsonNode::asLong).toList(); }
}
