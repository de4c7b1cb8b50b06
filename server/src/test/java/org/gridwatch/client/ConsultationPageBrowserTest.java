package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, the consultation hall (议事厅): community staff take a resident's topic through the 三事制 loop in the page —
 * accept it, convene a case into it from the console, plan a meeting, record attendance below the quorum (no decision
 * possible) and with it, decide by vote, add a task, give evidence, mark it done and verify it — and the case shows
 * resolved with the decision; the decision, published, is what a signed-out reader sees. The test makes its own
 * council (a compound council serving a grid) with three voting members, so the demo's bodies and other tests' rows
 * change nothing it counts.
 */
@OnH2
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class ConsultationPageBrowserTest {
  static ChromeDriver driver;
  static final String[] STAFF = Http.basic("community", TestEnvironment.DEMO_PASSWORD);
  static final String[] OPERATOR = Http.basic("operator", TestEnvironment.DEMO_PASSWORD);
  static final String[] RESIDENT = Http.basic("resident", TestEnvironment.DEMO_PASSWORD);
  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser() throws Exception { driver = Browser.start(1400, 1000); }

  @AfterAll
  static void stopBrowser() { if (driver != null) driver.quit(); }

  String url(String path) { return "http://localhost:" + port + path; }

  record Council(long id, String grid, List<Long> members) {}

  /** A compound council of the community serving one of its grids (the first grid without one), with 3 voting members. */
  Council council(Http http, String community) {
    LocalDate since = LocalDate.now().minusYears(1);
    for (String grid : DemoFiles.read("grids").stream().map(g -> g.code()).filter(c -> c.startsWith(community)).sorted().toList()) {
      Http.Response made = http.postJson("/api/v1/bodies", String.format(Locale.ROOT,
          "{\"kind\":\"COMPOUND_COUNCIL\",\"name\":\"测试议事会 %d\",\"areaKind\":\"GRID\",\"area\":\"%s\",\"constitutedOn\":\"%s\"}",
          System.nanoTime(), grid, since), STAFF);
      if (made.status() == 409) continue;
      assertThat(made.status()).as(made.body()).isEqualTo(201);
      long id = made.json().get("id").asLong();
      List<Long> members = List.of("甲", "乙", "丙").stream().map(n -> http.postJson("/api/v1/bodies/" + id + "/members",
          String.format(Locale.ROOT, "{\"name\":\"测试成员%s\",\"role\":\"MEMBER\",\"voting\":true,\"termFrom\":\"%s\"}", n, since), STAFF))
          .map(r -> { assertThat(r.status()).as(r.body()).isEqualTo(201); return r.json().get("id").asLong(); }).toList();
      return new Council(id, grid, members);
    }
    throw new AssertionError("a grid of " + community + " without a compound council of its own");
  }

  void click(String css) {
    WebElement button = Browser.waitFor(driver, 15).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
    button.click();
  }

  String topicStatus() {
    return Browser.waitFor(driver, 15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#topic-title .tag")))
        .getAttribute("class");
  }

  void waitForTopicStatus(String status) {
    Browser.waitFor(driver, 20).until(d -> !d.findElements(By.cssSelector("#topic-title .tag.s-" + status)).isEmpty());
  }

  void openTopic(String community, long topic) {
    Browser.open(driver, url("/consultation.html#community=" + community + "&topic=" + topic));
    Browser.waitFor(driver, 20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#topic-title[data-topic='" + topic + "']")));
  }

  void planMeeting(Council council, String title) {
    click("#topic-actions button[data-act='meeting']");
    WebElement form = Browser.waitFor(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("meeting-form")));
    WebElement name = form.findElement(By.name("title"));
    name.clear();
    name.sendKeys(title);
    Point p = ConsoleBrowserTest.inside(council.grid());
    driver.executeScript("gridwatchConsultation.map.setView([arguments[1], arguments[0]], 16, {animate: false})", p.getX(), p.getY());
    Browser.clickMap(driver, "gridwatchConsultation.map", p.getX(), p.getY());
    Browser.waitFor(driver, 10).until(d -> !d.findElement(By.id("meeting-place")).getText().isBlank());
    form.findElement(By.name("placeName")).sendKeys("测试议事点");
    form.findElement(By.cssSelector("button[type=submit]")).click();
    Browser.waitFor(driver, 15).until(d -> d.findElements(By.id("meeting-form")).isEmpty()
        && d.findElements(By.cssSelector("#topic-meetings li")).stream().anyMatch(li -> li.getText().contains(title)));
  }

  /** Ticks the given members present; answers whether the page says the quorum is met. */
  boolean recordAttendance(List<Long> present) {
    click("#topic-actions button[data-act='attendance']");
    WebElement form = Browser.waitFor(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("attendance-form")));
    for (Long member : present) form.findElement(By.cssSelector("input[name='present'][value='" + member + "']")).click();
    boolean met = "true".equals(form.findElement(By.id("quorum-live")).getAttribute("data-met"));
    form.findElement(By.cssSelector("button[type=submit]")).click();
    Browser.waitFor(driver, 15).until(d -> d.findElements(By.id("attendance-form")).isEmpty());
    return met;
  }

  @Test
  void communityStaffTakeATopicThroughTheLoopAndTheCaseResolvesWithTheDecision() throws Exception {
    Http http = new Http(port);
    String community = http.get("/api/v1/me", STAFF).json().at("/person/unitCode").asString();
    Council council = council(http, community);
    String title = "测试议题：楼道堆物清理 " + System.nanoTime();
    Http.Response proposed = http.postJson("/api/v1/topics", String.format(Locale.ROOT,
        "{\"title\":\"%s\",\"description\":\"楼道堆放杂物，影响通行（测试）\",\"source\":\"RESIDENT_PROPOSAL\",\"body\":%d}",
        title, council.id()), RESIDENT);
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    long topic = proposed.json().get("id").asLong();
    Point p = ConsoleBrowserTest.inside(council.grid());
    String caseId = http.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"NEIGHBOUR_DISPUTE\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"楼道堆物引发邻里纠纷（测试）\"}",
        p.getX(), p.getY())).json().get("id").asString();
    assertThat(http.postJson("/api/v1/incidents/" + caseId + "/register", "{}", OPERATOR).status()).isEqualTo(200);

    // Accept the resident's topic in the page.
    Browser.signIn(driver, url(""), "community");
    openTopic(community, topic);
    assertThat(topicStatus()).contains("s-PROPOSED");
    assertThat(driver.findElement(By.id("topic-source")).getText()).isEqualTo("居民提议");
    click("#topic-actions button[data-act='accept']");
    waitForTopicStatus("ACCEPTED");

    // Convene the case into it from the console: the case shows in consultation with its clock paused.
    Browser.open(driver, url("/console.html#case=" + caseId));
    Browser.waitFor(driver, 20).until(ExpectedConditions.presenceOfElementLocated(By.id("case-status")));
    click("#detail .actions button[data-action='convene']");
    WebElement convene = Browser.waitFor(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("convene-form")));
    new Select(convene.findElement(By.name("topic"))).selectByValue(String.valueOf(topic));
    convene.findElement(By.cssSelector("button[type=submit]")).click();
    Browser.waitFor(driver, 15).until(ExpectedConditions.textToBe(By.id("case-status"), "协商中"));
    assertThat(driver.findElement(By.id("case-paused")).getText()).contains("时限暂停");
    assertThat(http.get("/api/v1/incidents/" + caseId, OPERATOR).json().get("status").asString()).isEqualTo("IN_CONSULTATION");
    Browser.screenshot(driver, "console-in-consultation-zh");

    // A meeting below the quorum (1 of 3 voting members) cannot decide: the page offers no decision, the API refuses one.
    openTopic(community, topic);
    assertThat(driver.findElements(By.cssSelector("#topic-cases li[data-case='" + caseId + "']"))).hasSize(1);
    planMeeting(council, "测试会议一");
    assertThat(recordAttendance(council.members().subList(0, 1))).isFalse();
    Browser.waitFor(driver, 15).until(d -> !d.findElements(By.cssSelector("#topic-meetings .quorum.no")).isEmpty());
    assertThat(driver.findElements(By.cssSelector("#topic-actions button[data-act='decision']"))).isEmpty();
    long lowMeeting = http.get("/api/v1/topics/" + topic, STAFF).json().get("meetings").get(0).asLong();
    Http.Response refused = http.postJson("/api/v1/decisions", String.format(Locale.ROOT,
        "{\"meeting\":%d,\"topic\":%d,\"text\":\"清理楼道\",\"method\":\"VOTE\",\"votes\":[{\"member\":%d,\"choice\":\"FOR\"}]}",
        lowMeeting, topic, council.members().get(0)), STAFF);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("type").asString()).endsWith("/no-quorum");

    // A second meeting with all three present has its quorum; the vote (2 for, 1 against) adopts the decision.
    planMeeting(council, "测试会议二");
    assertThat(recordAttendance(council.members())).isTrue();
    Browser.waitFor(driver, 15).until(d -> !d.findElements(By.cssSelector("#topic-meetings .quorum.ok")).isEmpty());
    click("#topic-actions button[data-act='decision']");
    WebElement decide = Browser.waitFor(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("decision-form")));
    String decisionText = "一周内清理楼道堆物，物业公司负责清运（测试）";
    decide.findElement(By.name("text")).sendKeys(decisionText);
    List<String> choices = List.of("FOR", "FOR", "AGAINST");
    for (int i = 0; i < 3; i++) {
      decide.findElement(By.cssSelector("input[name='vote-" + council.members().get(i) + "'][value='" + choices.get(i) + "']")).click();
    }
    Browser.screenshot(driver, "consultation-vote-zh");
    decide.findElement(By.cssSelector("button[type=submit]")).click();
    waitForTopicStatus("DECIDED");
    assertThat(driver.findElement(By.id("topic-decision")).getAttribute("data-adopted")).isEqualTo("true");

    // A task, its evidence, done, verified: the topic is carried out and the case resolved with the decision.
    click("#topic-actions button[data-act='task']");
    WebElement task = Browser.waitFor(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("task-form")));
    task.findElement(By.name("title")).sendKeys("清运楼道杂物");
    new Select(task.findElement(By.name("ownerKind"))).selectByValue("PROPERTY_COMPANY");
    task.findElement(By.name("ownerName")).sendKeys("测试物业公司");
    task.findElement(By.cssSelector("button[type=submit]")).click();
    Browser.waitFor(driver, 15).until(d -> !d.findElements(By.cssSelector("#topic-tasks li[data-status='OPEN']")).isEmpty());
    click("#topic-tasks button[data-task-act='evidence']");
    WebElement evidence = Browser.waitFor(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("evidence-form")));
    evidence.findElement(By.name("note")).sendKeys("已清运，楼道畅通");
    evidence.findElement(By.cssSelector("button[type=submit]")).click();
    Browser.waitFor(driver, 15).until(d -> d.findElements(By.id("evidence-form")).isEmpty());
    click("#topic-tasks button[data-task-act='done']");
    Browser.waitFor(driver, 15).until(d -> !d.findElements(By.cssSelector("#topic-tasks li[data-status='DONE']")).isEmpty());
    click("#topic-tasks button[data-task-act='verify']");
    waitForTopicStatus("CARRIED_OUT");
    JsonNode resolved = http.get("/api/v1/incidents/" + caseId, OPERATOR).json();
    assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
    Browser.open(driver, url("/console.html#case=" + caseId));
    Browser.waitFor(driver, 15).until(ExpectedConditions.textToBe(By.id("case-status"), "已处置"));
    assertThat(driver.findElement(By.cssSelector("#detail ol.timeline")).getText()).contains(decisionText);

    // Published, the decision is what a signed-out reader sees.
    openTopic(community, topic);
    click("#topic-actions button[data-act='publish']");
    Browser.waitFor(driver, 15).until(d -> d.findElements(By.cssSelector("#topic-actions button[data-act='publish']")).isEmpty());
    Browser.screenshot(driver, "consultation-topic-zh");
    driver.manage().deleteAllCookies();
    Browser.open(driver, url("/consultation.html#community=" + community));
    Browser.waitFor(driver, 20).until(d -> d.findElements(By.cssSelector("#list li[data-decision]")).stream()
        .anyMatch(li -> li.getText().contains(decisionText)));
    assertThat(driver.findElements(By.cssSelector("#tabs button[data-tab='topics']"))).isEmpty();
    assertThat(driver.findElement(By.id("list")).getText()).doesNotContain("测试成员");
    Browser.screenshot(driver, "consultation-public-zh");
  }
}
