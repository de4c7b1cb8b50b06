package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.support.Browser;
import org.gridwatch.support.Http;
import org.gridwatch.support.OnH2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 18 §2 on the planner: its map reads vector tiles, never a whole level's outlines as GeoJSON (20,000 grids would
 * be some 15 MB), on a desktop and a phone, in Chinese and English; a click on a grid drawn from the tiles selects the
 * grid the locate API names for that point, and the labels come from the labels API.
 */
@OnH2
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class PlannerTilesBrowserTest extends InBrowser {
  /** Every request the page made for a level's items without a bbox: a whole level as GeoJSON. */
  static final String WHOLE_LEVEL_READS = "return performance.getEntriesByType('resource').map(e => e.name)"
      + ".filter(u => /\\/ogcapi\\/collections\\/(grids|communities|subdistricts)\\/items(\\?|$)/.test(u) && !/[?&]bbox=/.test(u))";
  static final String READS = "return performance.getEntriesByType('resource').map(e => e.name).filter(u => u.includes(arguments[0])).length";

  @LocalServerPort int port;
  @Autowired AreaCatalog areas;

  @Test
  void thePlannerDrawsTilesNotAWholeLevelAndAClickSelectsTheGridUnderIt() throws Exception {
    String base = "http://localhost:" + port;
    Http http = new Http(port);
    Browser.signIn(driver, base, "planner");
    List<AreaView> grids = areas.now().level(AreaLevel.GRID);
    int n = 0;
    AreaView last = null;
    try {
      for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
        driver.manage().window().setSize(new Dimension(size[0], size[1]));
        for (String lang : List.of("zh", "en")) {
          String where = lang + " " + size[0];
          open(base, lang);
          Browser.waitFor(driver, 30).until(d -> ((Number) driver.executeScript("return gridwatchPlanner.shownCodes().length")).intValue() > 100);
          AreaView g = grids.get(150 + 97 * n++);
          last = g;
          var inside = g.boundary().getInteriorPoint();
          String located = http.get("/api/v1/locate?lon=" + inside.getX() + "&lat=" + inside.getY()).json().at("/grid/code").asString();
          assertThat(located).as("the locate API's grid at the point").isEqualTo(g.code());
          driver.executeScript("gridwatchPlanner.map.setView([arguments[1], arguments[0]], 17, {animate: false})", inside.getX(), inside.getY());
          Browser.waitFor(driver, 20).until(d -> !driver.findElements(By.cssSelector("#map path.gw-grid[data-code='" + g.code() + "']")).isEmpty());
          Browser.clickMap(driver, "gridwatchPlanner.map", inside.getX(), inside.getY());
          Browser.waitFor(driver, 20).until(d -> !driver.findElements(By.cssSelector("#selected b.code")).isEmpty());
          assertThat(driver.findElement(By.cssSelector("#selected b.code")).getText()).as(where + ": the grid clicked").isEqualTo(located);
          assertThat(driver.findElement(By.id("selected")).getText()).as(where).contains(g.households() + (lang.equals("zh") ? " 户数" : " Households"));
          Browser.waitFor(driver, 20).until(d -> !driver.findElements(By.cssSelector(".gw-vertex")).isEmpty());
          Browser.waitFor(driver, 20).until(d -> !driver.findElements(By.cssSelector(".planner-label")).isEmpty());
          assertThat(driver.findElement(By.cssSelector(".planner-legend")).getText()).as(where)
              .contains(lang.equals("zh") ? "网格户数" : "Grid households");
          assertThat(((Number) driver.executeScript(READS, "/tiles/grids/")).intValue()).as(where + ": grid tiles read").isPositive();
          assertThat(((Number) driver.executeScript(READS, "/api/v1/areas/labels?level=grids")).intValue()).as(where + ": labels read").isPositive();
          assertThat(driver.executeScript(WHOLE_LEVEL_READS)).as(where + ": no whole level as GeoJSON").isEqualTo(List.of());
          Browser.screenshot(driver, "planner-tiles-" + lang + "-" + (size[0] > 500 ? "desktop" : "phone"));
        }
      }
    } finally {
      driver.manage().window().setSize(new Dimension(1500, 950));
    }

    // Another level is drawn from its own tiles, again without reading the level whole.
    AreaView community = areas.now().find(last.parentCode()).orElseThrow();
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("level"))).selectByValue("communities");
    Browser.waitFor(driver, 20).until(d -> Boolean.TRUE.equals(driver.executeScript(
        "return gridwatchPlanner.shownCodes().includes(arguments[0])", community.code())));
    assertThat(((Number) driver.executeScript(READS, "/tiles/communities/")).intValue()).isPositive();
    assertThat(driver.executeScript(WHOLE_LEVEL_READS)).as("no whole level as GeoJSON").isEqualTo(List.of());
  }

  private void open(String base, String lang) {
    driver.get(base + "/planner.html");
    driver.executeScript("localStorage.setItem('gridwatch.lang', arguments[0])", lang);
    driver.navigate().refresh();
    Browser.waitFor(driver, 60).until(d -> "true".equals(driver.executeScript("return document.body.dataset.ready")));
  }
}
