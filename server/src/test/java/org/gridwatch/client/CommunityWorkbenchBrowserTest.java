package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gridwatch.support.Browser;
import org.gridwatch.support.Http;
import org.gridwatch.support.OnH2;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14, the community workbench (社区工作台) as the demo's community staff member sees it: the community's service
 * points on the map, a point's popup, the deserts of a chosen service with the residents the API counts, a layer whose
 * endpoint fails shown as unavailable, the language switch re-wording the page.
 */
@OnH2
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class CommunityWorkbenchBrowserTest {
  static ChromeDriver driver;
  static final String[] COMMUNITY = Http.basic("community", TestEnvironment.DEMO_PASSWORD);
  /** How the page words the kinds of service point, in Chinese and English (the product's vocabulary, issue 14 §2). */
  static final Map<String, List<String>> POINT_KINDS = Map.of(
      "COMMUNITY_SERVICE_CENTRE", List.of("社区服务中心", "Community service centre"),
      "PARTY_SERVICE_CENTRE", List.of("党群服务中心", "Party service centre"),
      "PARTY_MEMBER_STUDIO", List.of("党员工作室", "Party member's studio"),
      "MEDIATION_ROOM", List.of("调解室", "Mediation room"),
      "POLICE_ROOM", List.of("警务室", "Police room"),
      "LEGAL_SERVICE_POINT", List.of("法律服务点", "Legal service point"),
      "ELDERLY_CARE_STATION", List.of("养老驿站", "Elderly care station"));
  @LocalServerPort int port;
  Http http;

  @BeforeAll
  static void startBrowser() throws Exception { driver = Browser.start(1400, 900); }

  @AfterAll
  static void stopBrowser() { if (driver != null) driver.quit(); }

  @BeforeEach
  void communityStaffOpenTheWorkbench() {
    http = new Http(port);
    Browser.signIn(driver, url(""), "community");
    Browser.open(driver, url("/community.html"));
    waitUntilLoaded();
  }

  String url(String path) { return "http://localhost:" + port + path; }

  void waitUntilLoaded() {
    Browser.waitFor(driver, 60).until(d -> Boolean.TRUE.equals(driver.executeScript("const s = gridwatchWorkbench.store.sources;"
        + "return Object.keys(s).length > 0 && Object.values(s).every(x => x.status !== 'loading')")));
  }

  String community() { return http.get("/api/v1/me", COMMUNITY).json().get("person").get("unitCode").asString(); }

  Set<String> gridsOf(String community) {
    Set<String> codes = new TreeSet<>();
    for (JsonNode f : http.get("/ogcapi/collections/grids/items?limit=1000&community=" + community).json().get("features")) {
      codes.add(f.get("properties").get("code").asString());
    }
    return codes;
  }

  JsonNode servicePoints() {
    JsonNode points = http.get("/api/v1/service-points?area=" + community(), COMMUNITY).json();
    assertThat(points.size()).as("the demo has service points in every community").isPositive();
    return points;
  }

  @SuppressWarnings("unchecked")
  Set<String> shown(String css) {
    return new TreeSet<>((List<String>) driver.executeScript("return [...document.querySelectorAll(arguments[0])]"
        + ".map(e => e.dataset.id)", css));
  }

  /** Clicks a service point's marker on the map, as a person would, and answers its popup. */
  WebElement openPopup(JsonNode point) {
    driver.executeScript("gridwatchWorkbench.map.setView([arguments[1], arguments[0]], 18, {animate: false})",
        point.get("lon").asDouble(), point.get("lat").asDouble());
    String id = point.get("id").asString();
    driver.findElement(By.cssSelector(".gw-service-point span[data-id='" + id + "']")).click();
    return Browser.waitFor(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".leaflet-popup .popup.service-point[data-id='" + id + "']")));
  }

  @Test
  void theMapShowsTheCommunitysServicePointsAndClickingOneShowsItsPopup() {
    JsonNode points = servicePoints();
    Set<String> expected = new TreeSet<>();
    points.forEach(p -> expected.add(p.get("id").asString()));
    assertThat(shown(".gw-service-point span[data-id]")).isEqualTo(expected);

    JsonNode point = points.get(0);
    WebElement popup = openPopup(point);
    assertThat(popup.getText()).contains(point.get("name").asString(), POINT_KINDS.get(point.get("kind").asString()).get(0));
    JsonNode hours = point.get("openingHours");
    if (!hours.isEmpty()) assertThat(popup.getText()).contains(hours.get(0).get("from").asString().substring(0, 5));
    JsonNode runBy = point.get("organisation");
    if (runBy != null && !runBy.isNull()) assertThat(popup.getText()).contains(runBy.get("name").asString());
  }

  @Test
  void choosingAServiceShowsItsDesertsWithTheResidentsAffectedTheApiCounts() {
    Set<String> grids = gridsOf(community());
    @SuppressWarnings("unchecked")
    List<String> services = (List<String>) driver.executeScript(
        "return [...document.querySelectorAll('#service option')].map(o => o.value).filter(Boolean)");
    // The first service with a desert in this community, by the API's own answer.
    String service = null;
    Map<String, Integer> affected = new TreeMap<>();
    for (String s : services) {
      JsonNode deserts = http.get("/api/v1/services/deserts?distance=500&service=" + s).json();
      for (JsonNode g : deserts.get("grids")) {
        if (grids.contains(g.get("code").asString())) affected.put(g.get("code").asString(), g.get("residentsAffected").asInt());
      }
      if (!affected.isEmpty()) {
        service = s;
        break;
      }
    }
    assertThat(service).as("some service has a desert in the demo community").isNotNull();
    int total = affected.values().stream().mapToInt(Integer::intValue).sum();

    new Select(driver.findElement(By.id("service"))).selectByValue(service);
    WebElement shownTotal = Browser.waitFor(driver, 30).until(ExpectedConditions.visibilityOfElementLocated(By.id("desert-total")));
    assertThat(shownTotal.getDomAttribute("data-value")).isEqualTo(String.valueOf(total));
    @SuppressWarnings("unchecked")
    List<String> rows = (List<String>) driver.executeScript("return [...document.querySelectorAll('#list tr[data-grid]')].map(r => r.dataset.grid)");
    assertThat(new TreeSet<>(rows)).isEqualTo(affected.keySet());
    assertThat(driver.findElements(By.cssSelector("path.gw-desert"))).as("each desert grid shaded on the map").hasSize(affected.size());
  }

  @Test
  void aLayerWhoseEndpointFailsIsShownUnavailableAndThePageGoesOn() {
    driver.executeScript("const real = window.fetch; window.fetch = (url, o) => String(url).startsWith('/api/v1/bookings?')"
        + " ? Promise.resolve(new Response('{}', {status: 500, headers: {'Content-Type': 'application/problem+json'}})) : real(url, o);"
        + "gridwatchWorkbench.store.sources = {}; gridwatchWorkbench.choose(gridwatchWorkbench.store.community.code)");
    waitUntilLoaded();
    assertThat(driver.findElements(By.cssSelector("#map-legend [data-unavailable='bookings']"))).hasSize(1);
    driver.findElement(By.cssSelector("#tabs button[data-tab='bookings']")).click();
    assertThat(driver.findElement(By.id("list")).getText()).contains("暂不可用");
    Set<String> expected = new TreeSet<>();
    servicePoints().forEach(p -> expected.add(p.get("id").asString()));
    assertThat(shown(".gw-service-point span[data-id]")).as("the other layers still drawn").isEqualTo(expected);
  }

  @Test
  void theLanguageSwitchRewordsThePageAndTheOpenPopup() throws Exception {
    JsonNode point = servicePoints().get(0);
    List<String> kind = POINT_KINDS.get(point.get("kind").asString());
    openPopup(point);
    assertThat(driver.findElement(By.cssSelector("header h1 [data-i18n='workbench']")).getText()).isEqualTo("社区工作台");
    Browser.screenshot(driver, "community-zh");
    driver.findElement(By.id("lang")).click();
    Browser.waitFor(driver, 5).until(ExpectedConditions.textToBe(By.cssSelector("header h1 [data-i18n='workbench']"), "Community workbench"));
    // The point's own name stays as recorded; the page's words (labels, the kind) follow the language.
    assertThat(driver.findElement(By.cssSelector(".leaflet-popup .popup.service-point dl")).getText())
        .contains("Kind\n" + kind.get(1), "Opening hours").doesNotContain("类型", "开放时间");
    assertThat(driver.findElement(By.cssSelector("#tabs button[data-tab='servicePoints']")).getText()).startsWith("Points");
    assertThat(driver.findElement(By.id("map-legend")).getText()).contains("Service points").doesNotContain("服务点位");
    assertThat(driver.findElement(By.id("figures")).getText()).contains("Volunteers").doesNotContain("志愿者");
    assertThat(new Select(driver.findElement(By.id("service"))).getOptions().get(1).getText()).isEqualTo("Meal assistance");
    var size = driver.manage().window().getSize();
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      Browser.screenshot(driver, "community-en-phone");
    } finally {
      driver.manage().window().setSize(size);
      driver.findElement(By.id("lang")).click();
    }
  }
}
