package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.support.Browser;
import org.gridwatch.support.OnH2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The planner's split, merge, drafts, history and auto-balance tools in headless Chromium, as a planner clicks
 * them. On an in-memory database of its own: splits and merges cannot be undone.
 */
@OnH2
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:gridwatch-planner-edit;DB_CLOSE_DELAY=-1")
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class PlannerRestructureBrowserTest extends InBrowser {
  @LocalServerPort int port;
  @Autowired AreaCatalog areas;

  void open() {
    String base = "http://localhost:" + port;
    Browser.signIn(driver, base, "planner");
    Browser.open(driver, base + "/planner.html");
  }

  void mode(String mode) { driver.findElement(By.cssSelector(".modes button[data-mode=" + mode + "]")).click(); }

  void show(Geometry g, int zoom) {
    var c = g.getEnvelopeInternal().centre();
    driver.executeScript("gridwatchPlanner.map.setView([arguments[1], arguments[0]], arguments[2], {animate: false})", c.x, c.y, zoom);
  }

  /** Whether the map shows the area: drawn from the tiles now, or among the past outlines read for the view. */
  boolean shown(String code) {
    return Boolean.TRUE.equals(driver.executeScript("return gridwatchPlanner.shownCodes().includes(arguments[0])", code));
  }

  int committed() {
    Object n = driver.executeScript("return document.body.dataset.committed || '0'");
    return Integer.parseInt((String) n);
  }

  /** A grid a straight east-west line through its middle cuts in exactly two. */
  AreaView cleanlySplittable() {
    for (AreaView g : areas.now().level(AreaLevel.GRID).subList(200, 600)) {
      Envelope e = g.boundary().getEnvelopeInternal();
      double y = g.boundary().getInteriorPoint().getY();
      Geometry line = g.boundary().getFactory().createLineString(new Coordinate[] {new Coordinate(e.getMinX() - 0.0003, y),
          new Coordinate(e.getMaxX() + 0.0003, y)});
      if (g.boundary().getNumGeometries() == 1 && g.boundary().intersection(line).getNumGeometries() == 1 && e.getWidth() > 0.002) return g;
    }
    throw new AssertionError("no grid to split");
  }

  @Test
  void aPlannerSplitsAGridByDrawingALineThenMergesTwoNeighboursAndBrowsesHistory() throws Exception {
    open();
    AreaView g = cleanlySplittable();
    mode("split");
    show(g.boundary(), 16);
    var inside = g.boundary().getInteriorPoint();
    Browser.clickMap(driver, "gridwatchPlanner.map", inside.getX(), inside.getY());
    Envelope e = g.boundary().getEnvelopeInternal();
    Browser.clickMap(driver, "gridwatchPlanner.map", e.getMinX() - 0.0003, inside.getY());
    Browser.clickMap(driver, "gridwatchPlanner.map", e.getMaxX() + 0.0003, inside.getY());
    driver.findElement(By.id("finish-line")).click();
    Browser.waitFor(driver, 20).until(d -> driver.findElements(By.cssSelector("#preview tr[data-code^='new-']")).size() == 2);
    assertThat(driver.findElement(By.cssSelector("#preview tr[data-code='" + g.code() + "']")).getText()).contains("→");
    Browser.screenshot(driver, "planner-split-preview");
    driver.findElement(By.id("commit")).click();
    confirmIfAsked();
    Browser.waitFor(driver, 20).until(d -> committed() == 1);
    assertThat(areas.now().find(g.code())).as("the split grid is retired").isEmpty();
    List<AreaView> halves = areas.now().children(g.parentCode()).stream().filter(a -> a.boundary().intersects(inside) || a.boundary()
        .getInteriorPoint().distance(inside) < 0.01).filter(a -> a.code().compareTo(g.code()) > 0 && a.name().startsWith(g.name())).toList();
    assertThat(halves).as("two new grids named after the old one").hasSize(2);
    assertThat(halves.stream().mapToInt(AreaView::households).sum()).isEqualTo(g.households());
    Browser.waitFor(driver, 20).until(d -> !shown(g.code()) && halves.stream().allMatch(h -> shown(h.code())));

    AreaView a = areas.now().level(AreaLevel.GRID).get(700);
    AreaView b = areas.now().children(a.parentCode()).stream()
        .filter(n -> !n.code().equals(a.code()) && n.boundary().intersection(a.boundary()).getLength() > 0.0005).findFirst().orElseThrow();
    mode("merge");
    show(a.boundary().union(b.boundary()), 16);
    Browser.clickMap(driver, "gridwatchPlanner.map", a.boundary().getInteriorPoint().getX(), a.boundary().getInteriorPoint().getY());
    Browser.clickMap(driver, "gridwatchPlanner.map", b.boundary().getInteriorPoint().getX(), b.boundary().getInteriorPoint().getY());
    Browser.waitFor(driver, 20).until(d -> driver.findElements(By.cssSelector("#preview tr[data-code='new-1']")).size() == 1);
    assertThat(driver.findElement(By.cssSelector("#preview tr[data-code='new-1']")).getText()).contains(String.valueOf(a.households() + b.households()));
    assertThat(driver.findElement(By.id("impact")).getText()).as("the staff the merged grid would have").contains("新建 1");
    driver.findElement(By.id("commit")).click();
    confirmIfAsked();
    Browser.waitFor(driver, 20).until(d -> committed() == 2);
    assertThat(areas.now().find(a.code())).isEmpty();
    assertThat(areas.now().find(b.code())).isEmpty();

    // History: the first notch is the district as loaded, with the three retired grids back on the map.
    driver.executeScript("const s = document.getElementById('history'); s.value = '0'; s.dispatchEvent(new Event('input'));"
        + " s.dispatchEvent(new Event('change'))");
    Browser.waitFor(driver, 20).until(d -> !"now".equals(driver.executeScript("return document.body.dataset.historyShown || 'now'")));
    // The past outlines are read for the view: the merged pair is in view, and the split grid once the planner pans to it.
    Browser.waitFor(driver, 20).until(d -> shown(a.code()) && shown(b.code()));
    show(g.boundary(), 16);
    Browser.waitFor(driver, 20).until(d -> shown(g.code()));
    assertThat(driver.findElement(By.id("history-at")).getText()).isNotEqualTo("现在");
  }

  @Test
  void aPlannerSavesADraftCommitsItFromTheListAndAsksForABalancedGrouping() throws Exception {
    open();
    AreaView g = areas.now().level(AreaLevel.GRID).get(900);
    AreaView community = areas.now().find(g.parentCode()).orElseThrow();
    var ring = ((org.locationtech.jts.geom.Polygon) g.boundary().getGeometryN(0)).getExteriorRing().getCoordinates();
    int k = -1;
    for (int i = 0; i < ring.length - 1 && k < 0; i++) {
      if (community.boundary().getBoundary().distance(g.boundary().getFactory().createPoint(ring[i])) > 0.0001) k = i;
    }
    show(g.boundary(), 17);
    var inside = g.boundary().getInteriorPoint();
    Browser.clickMap(driver, "gridwatchPlanner.map", inside.getX(), inside.getY());
    WebElement handle = Browser.waitFor(driver, 10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".vertex-" + k)));
    new Actions(driver).dragAndDropBy(handle, 12, 9).perform();
    Browser.waitFor(driver, 20).until(d -> driver.findElements(By.cssSelector("#preview tr[data-code]")).size() >= 2);
    driver.findElement(By.id("draft-name")).sendKeys("东边挪一点");
    driver.findElement(By.id("save-draft")).click();
    WebElement draft = Browser.waitFor(driver, 20).until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//ul[@id='edit-drafts']/li[contains(., '东边挪一点')]")));
    assertThat(areas.now().find(g.code()).orElseThrow().etag()).as("a draft saves no outline").isEqualTo(g.etag());
    Browser.screenshot(driver, "planner-draft");
    draft.findElement(By.cssSelector(".commit-draft")).click();
    confirmIfAsked();
    Browser.waitFor(driver, 20).until(d -> committed() == 1);
    assertThat(areas.now().find(g.code()).orElseThrow().etag()).as("the draft's edit is now stored").isNotEqualTo(g.etag());
    Browser.waitFor(driver, 10).until(d -> driver.findElements(By.xpath("//ul[@id='edit-drafts']/li[contains(., '东边挪一点')]")).isEmpty());

    mode("balance");
    Browser.clickMap(driver, "gridwatchPlanner.map", inside.getX(), inside.getY());
    driver.findElement(By.id("propose")).click();
    Browser.waitFor(driver, 30).until(d -> driver.executeScript("return document.body.dataset.proposed") != null);
    int proposed = Integer.parseInt((String) driver.executeScript("return document.body.dataset.proposed"));
    assertThat(proposed).isBetween(1, 40);
    assertThat(driver.findElement(By.id("preview")).getText()).contains("在区间内");
    Browser.screenshot(driver, "planner-balance");
    driver.findElement(By.id("draft-name")).sendKeys("社区均衡");
    driver.findElement(By.id("save-draft")).click();
    WebElement balanced = Browser.waitFor(driver, 20).until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//ul[@id='edit-drafts']/li[contains(., '社区均衡')]")));
    balanced.findElement(By.cssSelector(".commit-draft")).click();
    confirmIfAsked();
    Browser.waitFor(driver, 30).until(d -> committed() == 2);
    assertThat(areas.now().children(community.code())).as("the community regrouped as proposed").hasSize(proposed);
  }

  @Test
  void aPlannerMergesTwoCommunitiesAndTheirGridsFollow() throws Exception {
    open();
    AreaView a = null, b = null;
    for (AreaView c : areas.now().level(AreaLevel.COMMUNITY).subList(20, 60)) {
      var n = areas.now().children(c.parentCode()).stream()
          .filter(x -> !x.code().equals(c.code()) && x.boundary().intersection(c.boundary()).getLength() > 0.002).findFirst();
      if (n.isPresent()) {
        a = c;
        b = n.get();
        break;
      }
    }
    int grids = areas.now().children(a.code()).size() + areas.now().children(b.code()).size();
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("level"))).selectByValue("communities");
    String first = a.code();
    Browser.waitFor(driver, 20).until(d -> shown(first));
    mode("merge");
    var box = a.boundary().union(b.boundary()).getEnvelopeInternal();
    driver.executeScript("gridwatchPlanner.map.fitBounds([[arguments[1], arguments[0]], [arguments[3], arguments[2]]], {animate: false})",
        box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY());
    Browser.clickMap(driver, "gridwatchPlanner.map", a.boundary().getInteriorPoint().getX(), a.boundary().getInteriorPoint().getY());
    Browser.clickMap(driver, "gridwatchPlanner.map", b.boundary().getInteriorPoint().getX(), b.boundary().getInteriorPoint().getY());
    Browser.waitFor(driver, 30).until(d -> driver.findElements(By.cssSelector("#preview tr[data-code='new-1']")).size() >= 1);
    Browser.screenshot(driver, "planner-community-merge");
    driver.findElement(By.id("commit")).click();
    confirmIfAsked();
    Browser.waitFor(driver, 30).until(d -> committed() == 1);
    assertThat(areas.now().find(a.code())).isEmpty();
    var inA = a.boundary().getInteriorPoint();
    AreaView merged = areas.now().level(AreaLevel.COMMUNITY).stream().filter(c -> c.parentCode().equals(first.substring(0, 9))
        && c.boundary().covers(inA)).findFirst().orElseThrow();
    assertThat(areas.now().children(merged.code())).as("the grids re-created in the new community").hasSize(grids);
  }

  /**
   * A commit with warnings (e.g. a grid outside the household band) asks first: the planner confirms in the dialog.
   * Waits briefly for the answer: either the dialog opens or the commit went through without warnings.
   */
  private void confirmIfAsked() {
    long before = committed();
    Browser.waitFor(driver, 20).until(d -> committed() > before || !d.findElements(By.cssSelector("#confirm-dialog[open]")).isEmpty());
    List<WebElement> dialog = driver.findElements(By.cssSelector("#confirm-dialog[open]"));
    if (!dialog.isEmpty()) dialog.get(0).findElement(By.cssSelector("button.confirm")).click();
  }
}
