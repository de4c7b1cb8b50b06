package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.gridwatch.geo.Crs;
import org.gridwatch.support.Browser;
import org.gridwatch.support.DemoFiles;
import org.gridwatch.support.OnH2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The map page in real headless Chromium: what a command-centre operator sees and clicks. */
@OnH2
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class MapPageBrowserTest {
  static ChromeDriver driver;
  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser() throws Exception { driver = Browser.start(1400, 900); }

  @AfterAll
  static void stopBrowser() { if (driver != null) driver.quit(); }

  @BeforeEach
  void openMap() {
    driver.manage().deleteAllCookies();
    driver.get("http://localhost:" + port + "/");
    driver.executeScript("localStorage.clear(); localStorage.setItem('gridwatch.lang', 'zh')");
    driver.navigate().refresh();
    Browser.waitFor(driver, 30).until(d -> "true".equals(((ChromeDriver) d).executeScript("return document.body.dataset.ready")));
  }

  static Point deepInside(DemoFiles.Feature f) { return new MaximumInscribedCircle(f.geometry(), 1e-6).getCenter(); }

  double zoom() { return ((Number) driver.executeScript("return gridwatch.map.getZoom()")).doubleValue(); }

  long drawnCodes(String level) { return ((Number) driver.executeScript("return gridwatch.areas.drawnKeys(arguments[0]).length", level)).longValue(); }

  long count(String css) { return (Long) driver.executeScript("return document.querySelectorAll(arguments[0]).length", css); }

  @Test
  void theDistrictIsDrawnWithItsSubdistrictsAndGridsAppearAsYouZoomIn() throws Exception {
    Browser.waitFor(driver, 30).until(d -> drawnCodes("subdistricts") == 22); // from vector tiles: pieces per tile, 22 codes
    Browser.screenshot(driver, "map-district");
    for (int clicks = 0; clicks < 3 && zoom() < 14; clicks++) {
      double before = zoom();
      driver.findElement(By.cssSelector(".leaflet-control-zoom-in")).click();
      Browser.waitFor(driver, 5).until(d -> zoom() > before);
    }
    assertThat(zoom()).isGreaterThanOrEqualTo(14);
    Browser.waitFor(driver, 10).until(d -> count("path.gw-grid") > 100);
    assertThat(count("path.gw-community")).isGreaterThan(20);
    driver.findElement(By.cssSelector("input[data-basemap=osm]")).click();
    assertThat(driver.findElement(By.cssSelector(".leaflet-control-attribution")).getText()).contains("OpenStreetMap");
    assertThat(driver.findElement(By.cssSelector(".legend")).getText()).contains("图例");
    Browser.screenshot(driver, "map-zoomed");
  }

  /** The page is named by the deployment's district (GET /api/v1/district), in both languages; the client knows none. */
  @Test
  void theHeaderAndSearchNameTheDistrictTheServerServes() {
    String name = DemoFiles.read("district").get(0).name(), code = DemoFiles.read("district").get(0).code();
    assertThat(driver.findElement(By.cssSelector("h1 small")).getText()).isEqualTo(name);
    assertThat(driver.findElement(By.id("search")).getAttribute("placeholder")).contains(code);
    assertThat(driver.findElement(By.cssSelector(".legend")).getText()).as("grid fill follows the household band 300-500")
        .contains("< 300").contains("300–400").contains("400–500").contains("≥ 500");
    driver.findElement(By.id("lang")).click();
    try {
      assertThat(driver.findElement(By.cssSelector("h1 small")).getText()).as("the English name, or the Chinese one when none")
          .isNotBlank().doesNotContain("·");
      assertThat(driver.findElement(By.id("search")).getAttribute("placeholder")).startsWith("e.g. " + code);
    } finally {
      driver.findElement(By.id("lang")).click();
    }
  }

  @Test
  void clickingAPointShowsItsGridAndTheChainUpToTheDistrict() throws Exception {
    DemoFiles.Feature grid = DemoFiles.read("grids").get(517);
    Point p = deepInside(grid);
    driver.executeScript("gridwatch.map.setView([arguments[1], arguments[0]], 16, {animate: false})", p.getX(), p.getY());
    Thread.sleep(300);
    Browser.clickMap(driver, "gridwatch.map", p.getX(), p.getY());
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBe(By.id("grid-code"), grid.code()));
    String panel = driver.findElement(By.id("info")).getText();
    assertThat(panel).contains(grid.name()).contains(grid.parentCode()).contains("市北区");
    assertThat(count("path.gw-selected")).isEqualTo(1);
    assertThat(count("path.gw-located")).isEqualTo(1);
    Browser.screenshot(driver, "map-clicked");
  }

  @Test
  void coordinatesInGcj02LandInTheSameGridAsTheirWgs84Original() {
    DemoFiles.Feature grid = DemoFiles.read("grids").get(301);
    Point p = deepInside(grid);
    double[] gcj = Crs.GCJ02.fromWgs84(p.getX(), p.getY());
    driver.findElement(By.id("lon")).sendKeys(String.format(Locale.ROOT, "%.7f", gcj[0]));
    driver.findElement(By.id("lat")).sendKeys(String.format(Locale.ROOT, "%.7f", gcj[1]));
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("crs"))).selectByValue("GCJ02");
    driver.findElement(By.cssSelector("#coord-form button[type=submit]")).click();
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBe(By.id("grid-code"), grid.code()));
    assertThat(count("path.gw-located")).isEqualTo(1);
  }

  @Test
  void aPointOutsideTheDistrictSaysSo() {
    driver.findElement(By.id("lon")).sendKeys("120.2");
    driver.findElement(By.id("lat")).sendKeys("36.3");
    driver.findElement(By.cssSelector("#coord-form button[type=submit]")).click();
    Browser.waitFor(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#info .problem")));
    assertThat(driver.findElement(By.cssSelector("#info .problem")).getText()).contains("不在市北区内");
  }

  @Test
  void searchByNameOrCodeAndSwitchToEnglish() {
    DemoFiles.Feature community = DemoFiles.read("communities").get(12);
    driver.findElement(By.id("search")).sendKeys(community.code());
    By first = By.cssSelector("#search-results li[data-code='" + community.code() + "']");
    Browser.waitFor(driver, 10).until(ExpectedConditions.elementToBeClickable(first)).click();
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("info"), community.name()));
    driver.findElement(By.id("lang")).click();
    assertThat(driver.findElement(By.cssSelector("header h1")).getText()).contains("Gridwatch grid management");
    assertThat(driver.findElement(By.cssSelector(".leaflet-control-layers")).getText()).contains("No base map");
  }

  @Test
  void withNoBaseMapTheDistrictIsStillDrawn() throws Exception {
    driver.findElements(By.cssSelector(".leaflet-control-layers-base label")).stream()
        .filter(l -> l.getText().contains("无底图")).findFirst().orElseThrow().click();
    Browser.waitFor(driver, 30).until(d -> drawnCodes("subdistricts") == 22);
    assertThat(count(".leaflet-tile-pane .leaflet-tile")).as("no base-map tiles; the areas' vector tiles lie in their own pane").isZero();
    Browser.screenshot(driver, "map-no-basemap");
  }

  /**
   * Labels never overprint each other nor run off the map, and none is hidden without cause: each hidden label would
   * overlap one shown or be cut by the map's edge.
   * At the opening zoom the English names of 22 subdistricts do not all fit, on a desktop (two collided at the south
   * end) as on a phone; the more populous keep theirs.
   */
  static void assertLabelsDoNotOverprint(ChromeDriver d, String where) {
    @SuppressWarnings("unchecked")
    List<Number> found = (List<Number>) d.executeScript("""
        const boxes = [...document.querySelectorAll('.gw-label')].map(el => ({
          shown: !el.classList.contains('gw-label-hidden'), r: el.firstElementChild.getBoundingClientRect() }));
        // within g px of each other (a negative g: overlapping by more than -g px)
        const near = (a, b, g) => a.left < b.right + g && a.right + g > b.left && a.top < b.bottom + g && a.bottom + g > b.top;
        const shown = boxes.filter(b => b.shown), hidden = boxes.filter(b => !b.shown);
        let overprinted = 0, needless = 0;
        shown.forEach((a, i) => shown.slice(i + 1).forEach(b => { if (near(a.r, b.r, -1)) overprinted++; }));
        const m = document.getElementById('map').getBoundingClientRect();
        const inside = r => r.left >= m.left && r.right <= m.right && r.top >= m.top && r.bottom <= m.bottom;
        shown.forEach(b => { if (!inside(b.r)) overprinted++; }); // cut by the map's edge
        hidden.forEach(h => { if (inside(h.r) && !shown.some(s => near(h.r, s.r, 3))) needless++; });
        return [shown.length, hidden.length, overprinted, needless];""");
    assertThat(found.get(0).intValue()).as("labels shown %s", where).isGreaterThan(5);
    assertThat(found.get(2).intValue()).as("pairs of shown labels that overprint, and labels cut by the edge, %s (%s shown, %s hidden)", where, found.get(0), found.get(1)).isZero();
    assertThat(found.get(3).intValue()).as("labels hidden with room to show them %s", where).isZero();
  }

  static long subdistrictLabels(ChromeDriver d, String pattern) {
    return (Long) d.executeScript("return [...document.querySelectorAll('.gw-label.subdistrict')]"
        + ".filter(el => new RegExp(arguments[0]).test(el.textContent)).length", pattern);
  }

  @Test
  void theDistrictsLabelsDoNotOverprintInEitherLanguage() {
    Browser.waitFor(driver, 30).until(d -> subdistrictLabels(driver, "街道") >= 20);
    assertLabelsDoNotOverprint(driver, "zh desktop");
    driver.findElement(By.id("lang")).click();
    Browser.waitFor(driver, 30).until(d -> subdistrictLabels(driver, "Subdistrict") >= 20);
    assertLabelsDoNotOverprint(driver, "en desktop");
    for (int clicks = 0; clicks < 2; clicks++) {
      double before = zoom();
      driver.findElement(By.cssSelector(".leaflet-control-zoom-in")).click();
      Browser.waitFor(driver, 5).until(d -> zoom() > before);
    }
    Browser.waitFor(driver, 30).until(d -> (Long) driver.executeScript("return document.querySelectorAll('.gw-label').length") > 0);
    assertLabelsDoNotOverprint(driver, "en desktop, zoomed in twice");
  }

  /** A phone: the legend starts folded (open, it covered a third of the map) and opens when tapped; labels still fit. */
  @Test
  void onAPhoneTheLegendStartsFoldedAndTheLabelsFit() throws Exception {
    ChromeDriver phone = Browser.start(390, 844);
    try {
      Browser.open(phone, "http://localhost:" + port + "/");
      By legend = By.cssSelector("#map-legend details");
      assertThat(phone.findElement(legend).getAttribute("open")).as("folded on a phone").isNull();
      assertThat(phone.findElement(By.id("map-legend")).getText()).contains("图例").doesNotContain("街道界线");
      Browser.waitFor(phone, 30).until(d -> subdistrictLabels(phone, "街道") >= 5);
      assertLabelsDoNotOverprint(phone, "zh phone");
      phone.findElement(By.id("lang")).click();
      Browser.waitFor(phone, 30).until(d -> subdistrictLabels(phone, "Subdistrict") >= 5);
      assertLabelsDoNotOverprint(phone, "en phone");
      assertThat(phone.findElement(legend).getAttribute("open")).as("still folded after the language switch").isNull();
      phone.findElement(By.cssSelector("#map-legend summary")).click();
      assertThat(phone.findElement(legend).getAttribute("open")).isNotNull();
      assertThat(phone.findElement(By.id("map-legend")).getText()).contains("Subdistrict boundary", "Selected grid");
      Browser.screenshot(phone, "map-phone-en-legend-open");
      phone.findElement(By.id("lang")).click();
      Browser.waitFor(phone, 10).until(d -> phone.findElement(By.id("map-legend")).getText().contains("街道界线"));
      assertThat(phone.findElement(legend).getAttribute("open")).as("opened by the user, kept open across the switch").isNotNull();
    } finally {
      phone.quit();
    }
  }
}
