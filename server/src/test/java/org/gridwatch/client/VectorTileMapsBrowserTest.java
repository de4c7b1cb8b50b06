package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridwatch.support.Browser;
import org.gridwatch.support.DemoFiles;
import org.gridwatch.support.Http;
import org.gridwatch.support.OnH2;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18: the maps draw their grids from vector tiles ({@code /tiles/grids/{z}/{x}/{y}.mvt}), never from the GeoJSON
 * grids collection, and a click on a drawn grid still opens that grid, answered by the API — on the main map, the
 * console and (on a phone) the portal. What the pointer hits is checked to be a tile's feature, so the click really
 * passes through the vector layer to the page's own handler.
 */
@OnH2
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class VectorTileMapsBrowserTest {
  /** The area codes drawn in the loaded tiles of a VectorGrid layer (its features are keyed by code). */
  private static final String DRAWN = "const layer = %s; const keys = new Set();"
      + " for (const tile of Object.values(layer._vectorTiles || {})) Object.keys(tile._features || {}).forEach(k => keys.add(k));"
      + " return [...keys];";

  @LocalServerPort int port;
  ChromeDriver driver;

  @AfterEach
  void stop() { if (driver != null) driver.quit(); }

  String url(String path) { return "http://localhost:" + port + path; }

  static Point deepInside(DemoFiles.Feature f) { return new MaximumInscribedCircle(f.geometry(), 1e-6).getCenter(); }

  @SuppressWarnings("unchecked")
  List<String> drawn(String layerExpression) {
    return (List<String>) driver.executeScript(DRAWN.formatted(layerExpression));
  }

  @SuppressWarnings("unchecked")
  List<String> requested() {
    return (List<String>) driver.executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
  }

  /** Centres the map on the grid at zoom 16, waits until the tiles drew it, and checks what lies under its point. */
  Point showGrid(String map, String gridLayer, DemoFiles.Feature grid) throws Exception {
    Point p = deepInside(grid);
    driver.executeScript(map + ".setView([arguments[1], arguments[0]], 16, {animate: false})", p.getX(), p.getY());
    Browser.waitFor(driver, 30).until(d -> drawn(gridLayer).contains(grid.code()));
    Thread.sleep(300); // the tile's SVG is in the page by the next frame
    List<String> asked = requested();
    assertThat(asked).as("grids come from their vector tiles").anyMatch(u -> u.matches(".*/tiles/grids/16/\\d+/\\d+\\.mvt$"));
    assertThat(asked).as("not from the GeoJSON collection").noneMatch(u -> u.contains("/ogcapi/collections/grids/items"));
    Object hit = driver.executeScript("const pt = " + map + ".latLngToContainerPoint([arguments[1], arguments[0]]);"
        + " const box = " + map + ".getContainer().getBoundingClientRect();"
        + " const el = document.elementFromPoint(box.left + pt.x, box.top + pt.y);"
        + " return el && el.closest('.leaflet-tile') ? el.getAttribute('class') : null", p.getX(), p.getY());
    assertThat((String) hit).as("the pointer is on a grid drawn from a tile").contains("gw-grid");
    return p;
  }

  @Test
  void theMainMapDrawsItsAreasFromTilesAndAClickedGridIsAnsweredByTheApi() throws Exception {
    driver = Browser.start(1400, 900);
    Browser.open(driver, url("/"));
    Browser.waitFor(driver, 30).until(d -> drawn("gridwatch.areas.tiles.subdistricts.layer").size() == 22);
    DemoFiles.Feature grid = DemoFiles.read("grids").get(517);
    Point p = showGrid("gridwatch.map", "gridwatch.areas.tiles.grids.layer", grid);
    Browser.clickMap(driver, "gridwatch.map", p.getX(), p.getY());
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBe(By.id("grid-code"), grid.code()));
    assertThat(driver.findElement(By.id("info")).getText()).contains(grid.name());
    // the selected grid's outline is asked of the OGC API after the panel shows its code: wait for it, then count it
    Browser.waitFor(driver, 10).until(d -> !d.findElements(By.cssSelector("path.gw-selected")).isEmpty());
    assertThat(driver.findElements(By.cssSelector("path.gw-selected"))).as("the grid's own outline, from the API").hasSize(1);
  }

  @Test
  void theConsoleDrawsItsGridsFromTilesAndAClickedGridIsAnsweredByTheApi() throws Exception {
    driver = Browser.start(1400, 900);
    Browser.signIn(driver, url(""), "operator");
    Browser.open(driver, url("/console.html"));
    DemoFiles.Feature grid = DemoFiles.read("grids").get(301);
    Point p = showGrid("gridwatchConsole.map", "gridwatchConsole.gridTiles.layer", grid);
    Browser.clickMap(driver, "gridwatchConsole.map", p.getX(), p.getY());
    Browser.waitFor(driver, 10).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector(".grid-popup[data-grid='" + grid.code() + "']")));
    assertThat(driver.findElement(By.cssSelector(".grid-popup")).getText()).contains(grid.name());
  }

  /**
   * The console's open cases and cameras are tile layers (/tiles/cases, /tiles/cameras), not the case map or camera
   * APIs; a click on a drawn case opens that case's popup and its panel, a click on a drawn camera that camera's
   * popup, both answered by the API.
   */
  @Test
  void theConsoleDrawsCasesAndCamerasFromTilesAndAClickedCaseOrCameraOpensItsPopup() throws Exception {
    String[] operator = Http.basic("operator", TestEnvironment.DEMO_PASSWORD);
    Http http = new Http(port);
    JsonNode someCase = http.get("/api/v1/incidents?limit=1&status=open", operator).json().get("items").get(0);
    String id = someCase.get("id").asString();
    double caseLon = someCase.at("/location/coordinates/0").asDouble(), caseLat = someCase.at("/location/coordinates/1").asDouble();
    JsonNode camera = apart(http.get("/api/v1/cameras", operator).json());
    String code = camera.get("code").asString();

    driver = Browser.start(1400, 900);
    Browser.signIn(driver, url(""), "operator");
    Browser.open(driver, url("/console.html"));
    Browser.waitFor(driver, 30).until(d -> !drawn("gridwatchConsole.caseTiles.layer").isEmpty());
    assertThat(requested()).as("zoomed out, the open cases per grid come from their tiles")
        .anyMatch(u -> u.matches(".*/tiles/cases/\\d+/\\d+/\\d+\\.mvt$")).noneMatch(u -> u.contains("/api/v1/incidents/map"));

    driver.executeScript("gridwatchConsole.map.setView([arguments[1], arguments[0]], 17, {animate: false})", caseLon, caseLat);
    Browser.waitFor(driver, 30).until(d -> drawn("gridwatchConsole.caseTiles.layer").contains(id));
    Thread.sleep(300);
    assertThat(requested()).anyMatch(u -> u.matches(".*/tiles/cases/17/\\d+/\\d+\\.mvt$"))
        .noneMatch(u -> u.contains("/api/v1/incidents/map"));
    Browser.clickMap(driver, "gridwatchConsole.map", caseLon, caseLat);
    Browser.waitFor(driver, 10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".case-popup[data-case='" + id + "']")));
    Browser.waitFor(driver, 10).until(d -> d.findElements(By.cssSelector("#queue li.selected[data-id='" + id + "']")).size() == 1
        || d.findElement(By.id("detail")).getText().contains(id));
    assertThat(driver.findElements(By.cssSelector(".grid-popup"))).as("the click was the case's, not the grid's").isEmpty();

    // the case layer off (the switch), so that nothing lies over the camera
    driver.executeScript("gridwatchConsole.map.removeLayer(gridwatchConsole.caseTiles.layer); gridwatchConsole.map.closePopup();"
        + " gridwatchConsole.map.setView([arguments[1], arguments[0]], 17, {animate: false})", camera.get("lon").asDouble(), camera.get("lat").asDouble());
    Browser.waitFor(driver, 30).until(d -> drawn("gridwatchConsole.cameraTiles.layer").contains(code));
    Thread.sleep(300);
    assertThat(requested()).anyMatch(u -> u.matches(".*/tiles/cameras/17/\\d+/\\d+\\.mvt$")).noneMatch(u -> u.endsWith("/api/v1/cameras"));
    Browser.clickMap(driver, "gridwatchConsole.map", camera.get("lon").asDouble(), camera.get("lat").asDouble());
    Browser.waitFor(driver, 10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".camera-popup[data-camera='" + code + "']")));
    Browser.screenshot(driver, "console-camera-popup");
  }

  /** A camera with no other camera within about 40 m (at zoom 17, some 30 pixels), so that a click finds it alone. */
  static JsonNode apart(JsonNode cameras) {
    for (JsonNode c : cameras) {
      boolean alone = true;
      for (JsonNode o : cameras) {
        if (o == c) continue;
        double dx = (o.get("lon").asDouble() - c.get("lon").asDouble()) * 90_000, dy = (o.get("lat").asDouble() - c.get("lat").asDouble()) * 111_000;
        if (dx * dx + dy * dy < 40 * 40) { alone = false; break; }
      }
      if (alone) return c;
    }
    throw new AssertionError("every camera has a neighbour within 40 m");
  }

  @Test
  void thePortalOnAPhoneDrawsItsGridsFromTilesAndAClickedGridOpensItsCard() throws Exception {
    driver = Browser.start(390, 844);
    Browser.open(driver, url("/portal.html"));
    DemoFiles.Feature grid = DemoFiles.read("grids").get(88);
    Point p = showGrid("gridwatchPortal.map", "gridwatchPortal.areas.tiles.grids.layer", grid);
    Browser.clickMap(driver, "gridwatchPortal.map", p.getX(), p.getY());
    Browser.waitFor(driver, 15).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#grid-card[data-grid='" + grid.code() + "']")));
  }
}
