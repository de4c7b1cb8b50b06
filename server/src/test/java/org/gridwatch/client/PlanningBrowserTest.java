package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.support.Browser;
import org.gridwatch.support.Http;
import org.gridwatch.support.OnH2;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The police planning view in headless Chromium: the time slider, placing a camera, drawing a route, suggestions. */
@OnH2
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class PlanningBrowserTest extends InBrowser {
  @LocalServerPort int port;
  @Autowired AreaCatalog areas;
  Http http;
  String[] police;

  @BeforeEach
  void signIn() {
    http = new Http(port);
    police = Http.basic("police", TestEnvironment.DEMO_PASSWORD);
    Browser.signIn(driver, url(""), "police");
    Browser.open(driver, url("/planning.html"));
    waitUntilIdle();
  }

  String url(String path) { return "http://localhost:" + port + path; }

  void waitUntilIdle() {
    Browser.waitFor(driver, 60).until(d -> driver.executeScript("return document.body.dataset.busy") == null);
  }

  /** A grid with room for more cover by day, and a point well inside it. */
  AreaView poorlyCoveredGrid() {
    JsonNode grids = http.get("/api/v1/coverage/grids?window=10:00", police).json().get("grids");
    for (JsonNode g : grids) {
      if (g.get("combinedCoverage").asDouble() < 0.4 && g.get("areaM2").asDouble() > 60_000) {
        return areas.now().find(g.get("gridCode").asString()).orElseThrow();
      }
    }
    throw new AssertionError("no grid under 40 % by day");
  }

  /** The grid most covered by cameras. */
  AreaView wellWatchedGrid() {
    JsonNode best = null;
    for (JsonNode g : http.get("/api/v1/coverage/grids?window=10:00", police).json().get("grids")) {
      if (best == null || g.get("cameraCoverage").asDouble() > best.get("cameraCoverage").asDouble()) best = g;
    }
    return areas.now().find(best.get("gridCode").asString()).orElseThrow();
  }

  static Point deepInside(AreaView grid) { return new MaximumInscribedCircle(grid.boundary(), 1e-6).getCenter(); }

  double[] combinedBeforeAfter(String grid) {
    By cell = By.cssSelector("#whatif tr[data-grid='" + grid + "'] td.combined");
    String text = Browser.waitFor(driver, 20).until(ExpectedConditions.visibilityOfElementLocated(cell)).getText();
    String[] parts = text.replace("%", "").split("→");
    return new double[] {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())};
  }

  void zoomTo(Point p) {
    driver.executeScript("gridwatchPlanning.map.setView([arguments[1], arguments[0]], 17, {animate: false})", p.getX(), p.getY());
  }

  @Test
  void placingACameraShowsTheGridsCoverageRiseAndSavingKeepsIt() throws Exception {
    AreaView grid = poorlyCoveredGrid();
    Point p = deepInside(grid);
    double storedBefore = gridCoverage(grid.code());
    zoomTo(p);
    driver.findElement(By.id("place-camera")).click();
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("c-type"))).selectByValue("DOME");
    driver.findElement(By.id("c-range")).clear();
    driver.findElement(By.id("c-range")).sendKeys("60");
    Browser.clickMap(driver, "gridwatchPlanning.map", p.getX(), p.getY());
    double[] change = combinedBeforeAfter(grid.code());
    assertThat(change[0]).isCloseTo(storedBefore * 100, org.assertj.core.api.Assertions.within(0.06));
    assertThat(change[1]).as("combined coverage with the draft").isGreaterThan(change[0] + 1);
    assertThat(driver.findElement(By.id("drafts")).getText()).contains("新摄像头");
    assertThat(gridCoverage(grid.code())).as("a draft saves nothing").isEqualTo(storedBefore);
    Browser.screenshot(driver, "planning-what-if");

    driver.findElement(By.id("save-drafts")).click();
    Browser.waitFor(driver, 20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "已保存"));
    waitUntilIdle();
    assertThat(gridCoverage(grid.code())).isCloseTo(change[1] / 100, org.assertj.core.api.Assertions.within(0.0006));
    List<String> planned = new java.util.ArrayList<>();
    for (JsonNode c : http.get("/api/v1/cameras", police).json()) if (c.get("code").asString().startsWith("PLAN-C")) planned.add(c.get("code").asString());
    assertThat(planned).hasSize(1);
    Object shown = driver.executeScript("return gridwatchPlanning.grids.get(arguments[0]).combinedCoverage", grid.code());
    assertThat(((Number) shown).doubleValue()).as("the map shows the saved cover").isEqualTo(gridCoverage(grid.code()));
    assertThat(http.delete("/api/v1/cameras/" + planned.get(0), police).status()).isEqualTo(204);
  }

  @Test
  void theTimeSliderMovesPatrolCoverageBetweenDayAndNight() throws Exception {
    String day = driver.findElement(By.id("sum-patrolCoverage")).getText();
    Browser.screenshot(driver, "planning-day");
    driver.findElement(By.cssSelector("button[data-window='23:00']")).click();
    Browser.waitFor(driver, 60).until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("sum-patrolCoverage"), day)));
    waitUntilIdle();
    assertThat(driver.findElement(By.id("window-label")).getText()).isEqualTo("23:00");
    double night = Double.parseDouble(driver.findElement(By.id("sum-patrolCoverage")).getText().replace("%", ""));
    assertThat(night).isLessThan(Double.parseDouble(day.replace("%", "")));
    JsonNode summary = http.get("/api/v1/coverage/summary?level=district&window=23:00", police).json().get(0);
    assertThat(night).isCloseTo(summary.get("patrolCoverage").asDouble() * 100, org.assertj.core.api.Assertions.within(0.06));
    long inactive = (Long) driver.executeScript("return gridwatchPlanning.routes.filter(r => !r.properties.active).length");
    assertThat(inactive).as("routes not patrolling at 23:00").isPositive();
    Browser.screenshot(driver, "planning-night");
  }

  @Test
  void drawingARouteShowsItsPatrolCoverBeforeSaving() {
    AreaView grid = poorlyCoveredGrid();
    Point p = deepInside(grid);
    zoomTo(p);
    driver.findElement(By.id("draw-route")).click();
    double step = 0.0008;
    for (double dx : new double[] {-step, 0, step}) Browser.clickMap(driver, "gridwatchPlanning.map", p.getX() + dx, p.getY());
    driver.findElement(By.id("finish-route")).click();
    By cell = By.cssSelector("#whatif tr[data-grid='" + grid.code() + "'] td:nth-child(3)");
    String patrol = Browser.waitFor(driver, 20).until(ExpectedConditions.visibilityOfElementLocated(cell)).getText();
    String[] parts = patrol.replace("%", "").split("→");
    assertThat(Double.parseDouble(parts[1].trim())).isGreaterThan(Double.parseDouble(parts[0].trim()));
    driver.findElement(By.id("discard-drafts")).click();
    Browser.waitFor(driver, 5).until(ExpectedConditions.textToBe(By.id("whatif"), ""));
  }

  @Test
  void aSuggestedSiteCanBeTakenAsADraftCamera() {
    driver.findElement(By.id("k")).clear();
    driver.findElement(By.id("k")).sendKeys("3");
    driver.findElement(By.id("suggest")).click();
    Browser.waitFor(driver, 30).until(d -> driver.findElements(By.cssSelector("#suggestions button.accept")).size() == 3);
    assertThat(driver.findElement(By.id("suggest-summary")).getText()).contains("1 - 1/e");
    assertThat(driver.findElements(By.cssSelector("path.gw-suggestion"))).as("the sites drawn on the map").hasSize(3);
    driver.findElements(By.cssSelector("#suggestions button.accept")).get(0).click();
    Browser.waitFor(driver, 20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#whatif tr[data-grid]")));
    assertThat(driver.findElement(By.id("drafts")).getText()).contains("DOME").contains("60");
  }

  @Test
  void importingFootprintsClipsTheSectorsAndClearingThemRestoresCoverage() throws Exception {
    AreaView grid = wellWatchedGrid();
    double before = cameraCoverage(grid.code());
    // A building covering the whole grid's envelope, less a margin: every camera looking into it is cut short.
    var box = grid.boundary().getEnvelopeInternal();
    double w = box.getMinX() + box.getWidth() * 0.3, e = box.getMaxX() - box.getWidth() * 0.3;
    double s = box.getMinY() + box.getHeight() * 0.3, n = box.getMaxY() - box.getHeight() * 0.3;
    String geojson = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"B1\"},"
        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}},".formatted(w, s, e, s, e, n, w, n, w, s)
        + "{\"type\":\"Feature\",\"properties\":{\"code\":\"B2\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[120.35,36.09]}}]}";
    java.nio.file.Path file = java.nio.file.Files.createTempFile("footprints", ".geojson");
    java.nio.file.Files.writeString(file, geojson);
    driver.findElement(By.id("obstacle-file")).sendKeys(file.toAbsolutePath().toString());
    Browser.waitFor(driver, 30).until(ExpectedConditions.textToBe(By.id("obstacle-count"), "1"));
    assertThat(driver.findElement(By.id("toast")).getText()).contains("已导入 1").contains("拒绝 1").contains("features[1].geometry");
    waitUntilIdle();
    double clipped = cameraCoverage(grid.code());
    Object shown = driver.executeScript("return gridwatchPlanning.grids.get(arguments[0]).cameraCoverage", grid.code());
    assertThat(((Number) shown).doubleValue()).isEqualTo(clipped);
    driver.findElement(By.id("clear-obstacles")).click();
    Browser.waitFor(driver, 30).until(ExpectedConditions.textToBe(By.id("obstacle-count"), "0"));
    waitUntilIdle();
    assertThat(clipped).as("a building in the middle of a watched grid hides part of it").isLessThan(before);
    assertThat(cameraCoverage(grid.code())).isEqualTo(before);
  }

  @Test
  void theFirstFiguresAreTheApisAndAWindowChangeShowsTheNewWindows() throws Exception {
    assertDistrictFiguresShown("10:00");
    assertGridFiguresHeld("10:00");
    Browser.screenshot(driver, "planning-first");

    driver.executeScript("const s = document.getElementById('window'); s.value = '135'; s.dispatchEvent(new Event('change'))");
    Browser.waitFor(driver, 60).until(d -> "02:15".equals(driver.executeScript("return document.body.dataset.window")));
    assertThat(driver.findElement(By.id("window-label")).getText()).isEqualTo("02:15");
    assertDistrictFiguresShown("02:15");
    assertGridFiguresHeld("02:15");
    assertThat(driver.findElement(By.id("plan-status")).getText()).contains("02:15");
  }

  @Test
  void theGapLayerIsFetchedWhenTurnedOnAndFollowsTheWindow() {
    assertThat(driver.executeScript("return gridwatchPlanning.layers.gaps.getLayers().length")).as("off: not fetched").isEqualTo(0L);
    driver.executeScript("gridwatchPlanning.map.addLayer(gridwatchPlanning.layers.gaps)");
    assertGapsShown("10:00");
    driver.findElement(By.cssSelector("button[data-window='23:00']")).click();
    Browser.waitFor(driver, 60).until(d -> "23:00".equals(driver.executeScript("return document.body.dataset.window")));
    assertGapsShown("23:00");
  }

  void assertGapsShown(String window) {
    JsonNode gaps = http.get("/ogcapi/collections/coverage-gaps/items?limit=10000&window=" + window, police).json();
    java.util.Set<String> expected = new java.util.TreeSet<>();
    for (JsonNode f : gaps.get("features")) expected.add(f.get("id").asString());
    assertThat(expected).isNotEmpty();
    Browser.waitFor(driver, 60).until(d -> expected.equals(new java.util.TreeSet<>((List<?>) driver.executeScript(
        "return gridwatchPlanning.gapsWindow === arguments[0] ? gridwatchPlanning.layers.gaps.getLayers().map(l => l.feature.id) : []", window))));
  }

  /** For people to look at (docs/img/planning-zh.png): by day, suggestions drawn, a grid opened; at phone size; in English. */
  @Test
  void screenshots() throws Exception {
    driver.findElement(By.cssSelector("button[data-window='10:00']")).click();
    Browser.waitFor(driver, 60).until(d -> "10:00".equals(driver.executeScript("return document.body.dataset.window")));
    driver.findElement(By.id("suggest")).click();
    Browser.waitFor(driver, 60).until(d -> "shown".equals(driver.executeScript("return document.body.dataset.suggestions")));
    AreaView grid = poorlyCoveredGrid();
    Point p = deepInside(grid);
    driver.executeScript("gridwatchPlanning.map.setView([arguments[1], arguments[0]], 15, {animate: false})", p.getX(), p.getY());
    Browser.clickMap(driver, "gridwatchPlanning.map", p.getX(), p.getY());
    Browser.waitFor(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".grid-figures")));
    Browser.screenshot(driver, "planning-zh");
    driver.findElement(By.id("lang")).click();
    Browser.waitFor(driver, 5).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".grid-figures"), "Camera coverage"));
    Browser.screenshot(driver, "planning-en");
    driver.findElement(By.id("lang")).click();
    var size = driver.manage().window().getSize();
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      Browser.screenshot(driver, "planning-zh-phone");
    } finally {
      driver.manage().window().setSize(size);
    }
  }

  /** The district panel shows exactly the API's figures for the window (as the page rounds them). */
  void assertDistrictFiguresShown(String window) {
    JsonNode s = http.get("/api/v1/coverage/summary?level=district&window=" + window, police).json().get(0);
    for (String k : List.of("cameraCoverage", "patrolCoverage", "combinedCoverage")) {
      // the API's share rounded to one decimal by the page (JavaScript's toFixed, whose halves follow the binary value,
      // so 35.05 may show as 35.0 where Java would print 35.1)
      String shown = driver.findElement(By.id("sum-" + k)).getText();
      assertThat(shown).as(k + " at " + window).matches("\\d{1,3}\\.\\d%");
      assertThat(Double.parseDouble(shown.substring(0, shown.length() - 1))).as(k + " at " + window)
          .isCloseTo(s.get(k).asDouble() * 100, org.assertj.core.api.Assertions.within(0.0501));
    }
    assertThat(driver.findElement(By.id("sum-casesInGaps")).getText()).isEqualTo(s.get("casesInGaps90d").asString());
  }

  /** Every grid's figures the map is drawn with are the API's for the window. */
  void assertGridFiguresHeld(String window) {
    JsonNode grids = http.get("/api/v1/coverage/grids?window=" + window, police).json().get("grids");
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> held = (java.util.Map<String, Object>) driver.executeScript(
        "return Object.fromEntries([...gridwatchPlanning.grids].map(([k, v]) => [k, [v.combinedCoverage, v.patrolCoverage, v.casesInGaps90d]]))");
    assertThat(held).hasSize(grids.size());
    for (JsonNode g : grids) {
      List<?> h = (List<?>) held.get(g.get("gridCode").asString());
      assertThat(((Number) h.get(0)).doubleValue()).isEqualTo(g.get("combinedCoverage").asDouble());
      assertThat(((Number) h.get(1)).doubleValue()).isEqualTo(g.get("patrolCoverage").asDouble());
      assertThat(((Number) h.get(2)).intValue()).isEqualTo(g.get("casesInGaps90d").asInt());
    }
  }

  @Test
  void clickingAGridUnderARouteOpensItsFiguresWithEveryLayerOn() {
    String code = (String) driver.executeScript("return gridwatchPlanning.routes.find(r => r.properties.active).properties.code");
    JsonNode route = http.get("/api/v1/routes/" + code, police).json();
    JsonNode first = route.get("geometry").get("coordinates");
    if (route.get("geometry").get("type").asString().equals("MultiLineString")) first = first.get(0);
    double lon = (first.get(0).get(0).asDouble() + first.get(1).get(0).asDouble()) / 2;
    // A few metres beside the line: on the route's strip, where the routes' canvas lies over the grid.
    double lat = (first.get(0).get(1).asDouble() + first.get(1).get(1).asDouble()) / 2 + 0.00006;
    driver.executeScript("gridwatchPlanning.map.setView([arguments[1], arguments[0]], 16, {animate: false})", lon, lat);
    String grid = areas.now().level(AreaLevel.GRID).stream()
        .filter(g -> g.boundary().contains(g.boundary().getFactory().createPoint(new org.locationtech.jts.geom.Coordinate(lon, lat))))
        .findFirst().map(AreaView::code).orElseThrow();
    Browser.clickMap(driver, "gridwatchPlanning.map", lon, lat);
    By popup = By.cssSelector(".grid-figures[data-grid='" + grid + "']");
    Browser.waitFor(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(popup));
    JsonNode figures = http.get("/api/v1/coverage/grids/" + grid + "?window=10:00", police).json();
    // the page rounds to one decimal with toFixed, which rounds a half differently from Java's format: compared as a number
    String shown = driver.findElement(By.cssSelector(".grid-figures dd[data-figure='combinedCoverage']")).getText();
    assertThat(shown).endsWith("%");
    assertThat(Double.parseDouble(shown.replace("%", "")))
        .isCloseTo(figures.get("combinedCoverage").asDouble() * 100, org.assertj.core.data.Offset.offset(0.0501));
  }

  @Test
  void aDraftRouteThatRunsAtAnotherTimeSaysWhyItAddsNothingInBothLanguages() {
    AreaView grid = poorlyCoveredGrid();
    Point p = deepInside(grid);
    zoomTo(p);
    driver.findElement(By.id("draw-route")).click();
    driver.executeScript("document.getElementById('r-start').value = '01:00'; document.getElementById('r-end').value = '02:00'");
    for (double dx : new double[] {-0.0006, 0.0006}) Browser.clickMap(driver, "gridwatchPlanning.map", p.getX() + dx, p.getY());
    driver.findElement(By.id("finish-route")).click();
    By why = By.cssSelector("#whatif .adds-nothing[data-reason='not-running']");
    String zh = Browser.waitFor(driver, 20).until(ExpectedConditions.visibilityOfElementLocated(why)).getText();
    assertThat(zh).contains("10:00").contains("不在巡逻排班内");
    driver.findElement(By.id("lang")).click();
    Browser.waitFor(driver, 5).until(ExpectedConditions.textToBePresentInElementLocated(why, "no patrol is scheduled"));
    assertThat(driver.findElement(By.cssSelector("#summary dt")).getText()).isEqualTo("Camera coverage");
    driver.findElement(By.id("lang")).click();
    driver.findElement(By.id("discard-drafts")).click();
  }

  double gridCoverage(String grid) { return figure(grid, "combinedCoverage"); }

  double cameraCoverage(String grid) { return figure(grid, "cameraCoverage"); }

  double figure(String grid, String name) {
    return http.get("/api/v1/coverage/grids/" + grid + "?window=10:00", police).json().get(name).asDouble();
  }
}
