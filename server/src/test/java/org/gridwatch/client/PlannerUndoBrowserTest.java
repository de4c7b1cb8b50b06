package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.support.Browser;
import org.gridwatch.support.Http;
import org.gridwatch.support.OnH2;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.locationtech.jts.geom.Geometry;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 13 in headless Chromium: a planner splits a grid, the commit asks first with the warning in Chinese, the
 * answer lists the two new grids with working links, and Undo brings the old grid back (on the map and in the API).
 * On the edit database, like the other edits that change codes.
 */
@OnH2
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:gridwatch-edit;DB_CLOSE_DELAY=-1")
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class PlannerUndoBrowserTest extends InBrowser {
  @LocalServerPort int port;
  @Autowired AreaCatalog areas;

  @Test
  void aSplitAsksFirstInChineseListsTheNewGridsAndUndoRestoresTheOutline() throws Exception {
    String base = "http://localhost:" + port;
    Http http = new Http(port);
    String[] planner = Http.basic("planner", TestEnvironment.DEMO_PASSWORD);
    AreaView g = null;
    double x = 0;
    for (AreaView candidate : areas.now().level(AreaLevel.GRID).subList(500, 600)) {
      x = candidate.boundary().getInteriorPoint().getX();
      var e = candidate.boundary().getEnvelopeInternal();
      String line = String.format(Locale.ROOT, "{\"line\":{\"type\":\"LineString\",\"coordinates\":[[%.7f,%.7f],[%.7f,%.7f]]}}",
          x, e.getMinY() - 0.0005, x, e.getMaxY() + 0.0005);
      Http.Response preview = http.postJson("/api/v1/areas/" + candidate.code() + "/split/preview", line, planner);
      if (preview.status() == 200 && preview.body().contains("households-outside-band")) {
        g = candidate;
        break;
      }
    }
    assertThat(g).as("a grid whose halves fall outside the household band").isNotNull();
    var e = g.boundary().getEnvelopeInternal();
    var inside = g.boundary().getInteriorPoint();

    Browser.signIn(driver, base, "planner");
    Browser.open(driver, base + "/planner.html");
    driver.findElement(By.cssSelector(".modes button[data-mode=split]")).click();
    driver.executeScript("gridwatchPlanner.map.fitBounds([[arguments[1], arguments[0]], [arguments[3], arguments[2]]], {animate: false})",
        e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
    Browser.clickMap(driver, "gridwatchPlanner.map", inside.getX(), inside.getY());
    Browser.waitFor(driver, 10).until(d -> driver.executeScript("return gridwatchPlanner.selected && gridwatchPlanner.selected.id") != null);
    for (double y : new double[] {e.getMinY() - 0.0005, e.getMaxY() + 0.0005}) {
      driver.executeScript("gridwatchPlanner.map.fire('click', {latlng: L.latLng(arguments[1], arguments[0])})", x, y);
    }
    driver.findElement(By.id("finish-line")).click();
    Browser.waitFor(driver, 20).until(d -> driver.findElements(By.cssSelector("#preview tr[data-code]")).size() >= 3);

    driver.findElement(By.id("commit")).click();
    WebElement dialog = Browser.waitFor(driver, 20).until(d -> {
      WebElement el = driver.findElement(By.id("confirm-dialog"));
      return el.getAttribute("open") != null ? el : null;
    });
    String asked = dialog.findElement(By.cssSelector("ul")).getText();
    assertThat(asked).as("the warning in Chinese").contains("新网格").contains("户，超出").doesNotContain("households");
    assertThat(areas.now().find(g.code())).as("nothing committed before confirming").isPresent();
    Browser.screenshot(driver, "planner-confirm");
    dialog.findElement(By.cssSelector("button.confirm")).click();
    Browser.waitFor(driver, 30).until(d -> "1".equals(driver.executeScript("return document.body.dataset.committed"))
        && !driver.findElements(By.cssSelector("#outcome ul.created a")).isEmpty());

    List<WebElement> created = driver.findElements(By.cssSelector("#outcome ul.created a"));
    assertThat(created).hasSize(2);
    for (WebElement a : created) {
      assertThat(areas.now().find(a.getAttribute("data-code"))).isPresent();
      assertThat(http.get(a.getAttribute("href").replace(base, ""), planner).status()).as("the link works").isEqualTo(200);
    }
    assertThat(driver.findElement(By.cssSelector("#outcome ul.retired")).getText()).contains(g.code());
    assertThat(areas.now().find(g.code())).isEmpty();
    Browser.screenshot(driver, "planner-committed");

    driver.findElement(By.id("undo")).click();
    Browser.waitFor(driver, 30).until(d -> driver.executeScript("return document.body.dataset.reverted") != null);
    Geometry back = areas.now().find(g.code()).orElseThrow().boundary();
    assertThat(MetricProjection.areaM2(back.symDifference(g.boundary()))).as("the API has the old outline again").isLessThan(0.5);
    for (WebElement a : driver.findElements(By.cssSelector("#outcome ul.retired a"))) {
      assertThat(areas.now().find(a.getAttribute("data-code"))).as("the halves are retired").isEmpty();
    }
    String code = g.code();
    Browser.waitFor(driver, 20).until(d -> Boolean.TRUE.equals(driver.executeScript("return gridwatchPlanner.shownCodes().includes(arguments[0])", code)));
    for (WebElement a : driver.findElements(By.cssSelector("#outcome ul.retired a"))) {
      assertThat(driver.executeScript("return gridwatchPlanner.shownCodes().includes(arguments[0])", a.getAttribute("data-code")))
          .as("the map no longer draws the half " + a.getAttribute("data-code")).isEqualTo(false);
    }
  }
}
