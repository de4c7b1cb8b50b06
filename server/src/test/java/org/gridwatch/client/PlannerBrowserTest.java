package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.support.Browser;
import org.gridwatch.support.Http;
import org.gridwatch.support.OnH2;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The planner's view in headless Chromium: drag a grid's vertex, read the preview, commit, see the neighbour change (the
 * tiles of its outline drawn again without a reload).
 */
@OnH2
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class PlannerBrowserTest extends InBrowser {
  @LocalServerPort int port;
  @Autowired AreaCatalog areas;

  /** The outline(s) the tiles draw for an area: the SVG paths saying its code, in tile order. */
  String drawn(String code) {
    return (String) driver.executeScript("return [...document.querySelectorAll('#map path[data-code=\"' + arguments[0] + '\"]')]"
        + ".map(p => p.closest('.leaflet-tile').style.transform + p.getAttribute('d')).sort().join('|')", code);
  }

  @Test
  void aPlannerMovesABoundarySeesThePreviewCommitsAndTheNeighbourChanges() throws Exception {
    String base = "http://localhost:" + port;
    Browser.signIn(driver, base, "planner");
    Browser.open(driver, base + "/planner.html");
    AreaView g = areas.now().level(AreaLevel.GRID).get(450);
    AreaView community = areas.now().find(g.parentCode()).orElseThrow();
    Coordinate[] ring = ((Polygon) g.boundary().getGeometryN(0)).getExteriorRing().getCoordinates();
    int k = -1;
    for (int i = 0; i < ring.length - 1 && k < 0; i++) {
      if (community.boundary().getBoundary().distance(g.boundary().getFactory().createPoint(ring[i])) > 0.0001) k = i;
    }
    assertThat(k).as("a vertex inside the community").isNotNegative();
    driver.executeScript("gridwatchPlanner.map.setView([arguments[1], arguments[0]], 18, {animate: false})", ring[k].x, ring[k].y);
    var inside = g.boundary().getInteriorPoint();
    driver.executeScript("gridwatchPlanner.map.setView([arguments[1], arguments[0]], 17, {animate: false})", inside.getX(), inside.getY());
    Browser.clickMap(driver, "gridwatchPlanner.map", inside.getX(), inside.getY());
    WebElement handle = Browser.waitFor(driver, 10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".vertex-" + k)));
    new Actions(driver).dragAndDropBy(handle, 14, 10).perform();
    Browser.waitFor(driver, 20).until(d -> driver.findElements(By.cssSelector("#preview tr[data-code]")).size() >= 2);
    List<String> touched = new ArrayList<>();
    driver.findElements(By.cssSelector("#preview tr[data-code]")).forEach(r -> touched.add(r.getAttribute("data-code")));
    assertThat(touched).contains(g.code());
    String neighbourCode = touched.stream().filter(c -> !c.equals(g.code())).findFirst().orElseThrow();
    AreaView neighbour = areas.now().find(neighbourCode).orElseThrow();
    assertThat(areas.now().find(g.code()).orElseThrow().boundary().equalsExact(g.boundary())).as("a preview saves nothing").isTrue();
    Browser.screenshot(driver, "planner-preview");

    // The neighbour as the tiles draw it now, to see it drawn anew after the commit (without a reload).
    String drawnBefore = drawn(neighbourCode);
    String tilesBefore = (String) driver.executeScript("return document.body.dataset.tilesVersion");
    assertThat(drawnBefore).as("the neighbour is drawn from the tiles").isNotEmpty();
    driver.findElement(By.id("commit")).click();
    // A grid outside the household band after the move asks first (issue 13): the planner confirms.
    Browser.waitFor(driver, 20).until(d -> "1".equals(driver.executeScript("return document.body.dataset.committed"))
        || driver.findElement(By.id("confirm-dialog")).getAttribute("open") != null);
    if (driver.findElement(By.id("confirm-dialog")).getAttribute("open") != null) {
      driver.findElement(By.cssSelector("#confirm-dialog button.confirm")).click();
    }
    Browser.waitFor(driver, 20).until(d -> "1".equals(driver.executeScript("return document.body.dataset.committed")));
    Geometry after = areas.now().find(neighbourCode).orElseThrow().boundary();
    assertThat(MetricProjection.areaM2(after.symDifference(neighbour.boundary()))).as("the neighbour's outline changed").isGreaterThan(1);
    Browser.waitFor(driver, 20).until(d -> !tilesBefore.equals(driver.executeScript("return document.body.dataset.tilesVersion")));
    Browser.waitFor(driver, 20).until(d -> !drawn(neighbourCode).isEmpty() && !drawn(neighbourCode).equals(drawnBefore));

    // Put both back: the rest of the suite uses the demo outlines as its oracle.
    Http http = new Http(port);
    String[] planner = Http.basic("planner", TestEnvironment.DEMO_PASSWORD);
    assertThat(http.postJson("/api/v1/areas/" + g.code() + "/reshape?confirm=true", GeoJson.toJson(g.boundary()), planner).status()).isEqualTo(200);
    assertThat(http.postJson("/api/v1/areas/" + neighbourCode + "/reshape?confirm=true", GeoJson.toJson(neighbour.boundary()), planner).status()).isEqualTo(200);
    for (AreaView original : List.of(g, neighbour)) {
      Geometry back = areas.now().find(original.code()).orElseThrow().boundary();
      assertThat(MetricProjection.areaM2(back.symDifference(original.boundary()))).isLessThan(2.0);
    }
  }
}
