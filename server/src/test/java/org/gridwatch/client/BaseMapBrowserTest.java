package org.gridwatch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gridwatch.geo.ChineseWebCrs;
import org.gridwatch.support.Browser;
import org.gridwatch.support.DemoFiles;
import org.gridwatch.support.Http;
import org.gridwatch.support.OnH2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * The base-map switch on every page, and AMap's GCJ-02: overlays drawn on the shifted position, clicks shifted
 * back. Tiles cannot load here (no internet), so the tests look at what is drawn, not at the tiles.
 */
@OnH2
@EnabledIf("org.gridwatch.support.TestEnvironment#browserAvailable")
class BaseMapBrowserTest {
  static final List<String> PAGES = List.of("/", "/report.html", "/console.html", "/planning.html", "/planner.html");
  static ChromeDriver driver;
  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser() throws Exception { driver = Browser.start(1280, 800); }

  @AfterAll
  static void stopBrowser() { if (driver != null) driver.quit(); }

  String url(String path) { return "http://localhost:" + port + path; }

  /** Opens a page with the base map {@code baseMap} remembered from an earlier visit. */
  void open(String path, String baseMap, String lang) {
    driver.get(url(path));
    driver.executeScript("localStorage.setItem('gridwatch.lang', arguments[0]); localStorage.setItem('gridwatch.basemap', arguments[1])", lang, baseMap);
    driver.navigate().refresh();
    Browser.waitFor(driver, 90).until(d -> "true".equals(driver.executeScript("return document.body.dataset.ready")));
    Browser.waitFor(driver, 60).until(d -> driver.executeScript("return document.body.dataset.busy") == null);
  }

  Object js(String script, Object... args) { return driver.executeScript(script, args); }

  long count(String css) { return (Long) js("return document.querySelectorAll(arguments[0]).length", css); }

  JsonNode config() { return new Http(port).get("/api/v1/config").json(); }

  int featureCount(String collection) { return new Http(port).get("/ogcapi/collections/" + collection + "/items?limit=10000").json().path("features").size(); }

  @Test
  void everyPageOffersTheConfiguredBaseMapsAndWithNoneStillDrawsTheAreas() {
    List<String> ids = new ArrayList<>(), names = new ArrayList<>();
    for (JsonNode m : config().path("baseMaps")) {
      ids.add(m.path("id").asString());
      names.add(m.path("name").asString());
    }
    assertThat(ids).containsExactly("osm", "tianditu-vector", "tianditu-imagery", "amap", "none");
    int subdistricts = featureCount("subdistricts"), grids = featureCount("grids");
    Browser.signIn(driver, url(""), "admin");
    for (String page : PAGES) {
      open(page, "none", "zh");
      assertThat(js("return [...document.querySelectorAll('.gw-basemap-switch input[data-basemap]')].map(i => i.dataset.basemap)"))
          .as(page).isEqualTo(ids);
      String switchText = (String) js("return document.querySelector('.gw-basemap-switch').textContent");
      assertThat(switchText).as(page).contains(names);
      assertThat(js("return document.querySelector('.gw-basemap-switch input[data-basemap=none]').checked")).as(page).isEqualTo(true);
      assertThat(count(".leaflet-tile-pane .leaflet-tile")).as(page + ": no base-map tiles with none").isZero();
      if (page.equals("/planning.html")) {
        // From vector tiles: every grid of the district is drawn (each path says its code).
        Browser.waitFor(driver, 30).until(d -> drawnCodes("path.gw-coverage") == grids);
      } else if (page.equals("/planner.html")) {
        // From vector tiles too: every grid of the district is drawn (each path says its code).
        Browser.waitFor(driver, 30).until(d -> drawnCodes("path.gw-grid") == grids);
      } else {
        Browser.waitFor(driver, 30).until(d -> drawnCodes("path.gw-subdistrict") == subdistricts);
      }
      if (page.equals("/report.html")) {
        js("gridwatchReport.map.setZoom(14, {animate: false})");
        Browser.waitFor(driver, 10).until(d -> count("path.gw-grid") > 50);
        assertThat(count("path.gw-community")).as("the report page draws communities too").isGreaterThan(10);
      }
    }
  }

  /** How many areas the paths matching {@code css} draw (vector tiles cut an area into pieces, each saying its code). */
  long drawnCodes(String css) {
    return ((Number) js("return new Set([...document.querySelectorAll(arguments[0])].map(p => p.dataset.code).filter(Boolean)).size", css)).longValue();
  }

  /**
   * Every drawn vertex of an area on a page's map, turned back into lon/lat by plain Web Mercator (AMap's tile grid): from
   * the vector tiles at the map's zoom (a vertex at the tile's position plus its place in the tile) or a GeoJSON layer.
   */
  static final String DRAWN_VERTICES = """
      const map = gridwatchBaseMap.map, zoom = map.getZoom(), code = arguments[0], out = [];
      const add = p => { const ll = L.CRS.EPSG3857.pointToLatLng(p, zoom); out[out.length - 1].push([ll.lng, ll.lat]); };
      map.eachLayer(l => {
        if (l._vectorTiles) {
          for (const [key, r] of Object.entries(l._vectorTiles)) {
            const f = r._features && r._features[code], tile = l._tiles[key];
            if (!f || !tile || tile.coords.z !== zoom || !tile.el._leaflet_pos) continue;
            const base = tile.el._leaflet_pos.add(l._level.origin);
            (f.feature._parts || []).forEach(ring => { out.push([]); ring.forEach(p => add(base.add(p))); });
          }
        } else if (l.feature && l.feature.id === code && l._rings) {
          l._rings.forEach(ring => { out.push([]); ring.forEach(p => add(p.add(map.getPixelOrigin()))); });
        }
      });
      return out;""";

  /** The drawn rings of an area (tile pieces or GeoJSON rings), each a list of [lon, lat]. */
  @SuppressWarnings("unchecked")
  List<List<List<Number>>> drawnVertices(String code) { return (List<List<List<Number>>>) js(DRAWN_VERTICES, code); }

  /**
   * How far a point lies from the drawn outline, in degrees (to its nearest segment: tiles drop vertices that lie on a
   * straight edge to within a fraction of a pixel, so a vertex of the outline need not be a drawn vertex).
   */
  static double nearest(List<List<List<Number>>> rings, double[] point) {
    double best = Double.POSITIVE_INFINITY;
    for (List<List<Number>> ring : rings) {
      for (int i = 0; i < ring.size(); i++) {
        List<Number> a = ring.get(i), b = ring.get((i + 1) % ring.size());
        best = Math.min(best, org.locationtech.jts.algorithm.Distance.pointToSegment(
            new org.locationtech.jts.geom.Coordinate(point[0], point[1]),
            new org.locationtech.jts.geom.Coordinate(a.get(0).doubleValue(), a.get(1).doubleValue()),
            new org.locationtech.jts.geom.Coordinate(b.get(0).doubleValue(), b.get(1).doubleValue())));
      }
    }
    return best;
  }

  /**
   * Every vertex of the outline whose WGS84 place lies in the view (the map's own bounds) is drawn where expected, within
   * {@code tolerance} degrees; tiles off screen are not loaded, so vertices there are not asked for.
   */
  void assertDrawnAt(String code, List<double[]> wgs84, List<double[]> expected, double tolerance) throws InterruptedException {
    Browser.waitFor(driver, 20).until(d -> !drawnVertices(code).isEmpty());
    Thread.sleep(500); // every tile in view drawn
    List<List<List<Number>>> drawn = drawnVertices(code);
    int checked = 0;
    for (int i = 0; i < expected.size(); i++) {
      if (!Boolean.TRUE.equals(js("return gridwatch.map.getBounds().pad(-0.05).contains([arguments[1], arguments[0]])",
          wgs84.get(i)[0], wgs84.get(i)[1]))) continue;
      assertThat(nearest(drawn, expected.get(i))).as("vertex " + i + " drawn where expected").isLessThan(tolerance);
      checked++;
    }
    assertThat(checked).as("vertices in view").isPositive();
  }

  List<double[]> outline(String code) {
    JsonNode ring = new Http(port).get("/ogcapi/collections/grids/items/" + code).json().path("geometry").path("coordinates").get(0);
    if (ring.get(0).get(0).isArray()) ring = ring.get(0); // a MultiPolygon: its first polygon's outer ring
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < ring.size() - 1; i++) points.add(new double[] {ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()});
    return points;
  }


  void chooseInSwitch(String baseMap) {
    js("gridwatchBaseMap.control().expand()");
    driver.findElement(By.cssSelector(".gw-basemap-switch input[data-basemap='" + baseMap + "']")).click();
    Browser.waitFor(driver, 5).until(d -> baseMap.equals(js("return gridwatchBaseMap.current()")));
  }

  @Test
  void withAmapAGridIsDrawnOnItsGcj02PositionAndBackOnWgs84WithoutABaseMap() throws Exception {
    DemoFiles.Feature grid = DemoFiles.read("grids").get(233);
    List<double[]> wgs84 = outline(grid.code());
    List<double[]> gcj02 = wgs84.stream().map(p -> ChineseWebCrs.wgs84ToGcj02(p[0], p[1])).toList();
    open("/", "none", "zh");
    Point inside = new MaximumInscribedCircle(grid.geometry(), 1e-6).getCenter();
    // Zoom 18, the tiles' own: a vertex is placed to 1/16 of a pixel of extent 4096 and simplified by about a quarter
    // pixel (0.15 m), well inside 1e-5° (about 1 m); the GCJ-02 shift is hundreds of metres.
    js("gridwatch.map.setView([arguments[1], arguments[0]], 18, {animate: false})", inside.getX(), inside.getY());
    assertDrawnAt(grid.code(), wgs84, wgs84, 1e-5);

    chooseInSwitch("amap");
    assertDrawnAt(grid.code(), wgs84, gcj02, 1e-5);
    assertThat(Math.abs(gcj02.get(0)[0] - wgs84.get(0)[0]) + Math.abs(gcj02.get(0)[1] - wgs84.get(0)[1]))
        .as("the shift is hundreds of metres, so the comparison can tell them apart").isGreaterThan(2e-3);
    assertThat(js("return localStorage.getItem('gridwatch.basemap')")).isEqualTo("amap");

    chooseInSwitch("none");
    assertDrawnAt(grid.code(), wgs84, wgs84, 1e-5);
  }

  @Test
  void aClickOnTheAmapMapLocatesTheSameGridAsOnAWgs84Map() {
    DemoFiles.Feature grid = DemoFiles.read("grids").get(517);
    Point p = new MaximumInscribedCircle(grid.geometry(), 1e-6).getCenter();
    open("/", "amap", "zh");
    js("gridwatch.map.setView([arguments[1], arguments[0]], 16, {animate: false})", p.getX(), p.getY());
    // Where the point is drawn on AMap is hundreds of pixels from where plain Web Mercator would put it.
    Number apart = (Number) js("""
        const map = gridwatch.map, ll = L.latLng(arguments[1], arguments[0]);
        return map.project(ll).distanceTo(L.CRS.EPSG3857.latLngToPoint(ll, map.getZoom()));""", p.getX(), p.getY());
    assertThat(apart.doubleValue()).isGreaterThan(100);
    Browser.clickMap(driver, "gridwatch.map", p.getX(), p.getY());
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBe(By.id("grid-code"), grid.code()));
    @SuppressWarnings("unchecked")
    List<Number> located = (List<Number>) js("return gridwatch.lastPlacement.location.coordinates");
    assertThat(located.get(0).doubleValue()).as("the click went to the API in WGS84").isCloseTo(p.getX(), org.assertj.core.data.Offset.offset(5e-5));
    assertThat(located.get(1).doubleValue()).isCloseTo(p.getY(), org.assertj.core.data.Offset.offset(5e-5));

    open("/report.html", "amap", "zh");
    js("gridwatchReport.map.setView([arguments[1], arguments[0]], 16, {animate: false})", p.getX(), p.getY());
    Browser.clickMap(driver, "gridwatchReport.map", p.getX(), p.getY());
    Browser.waitFor(driver, 10).until(ExpectedConditions.textToBe(By.id("pin-grid-code"), grid.code()));
  }

  /** Screenshots (server/target/screenshots/basemap-*) of every page with the switch open, for people to look at. */
  @Test
  void theOpenSwitchFitsTheScreenOnDesktopAndPhoneInBothLanguages() throws Exception {
    Browser.signIn(driver, url(""), "admin");
    try {
      for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(size[0], size[1]));
        for (String lang : List.of("zh", "en")) {
          for (String page : PAGES) {
            open(page, "amap", lang);
            js("gridwatchBaseMap.control().expand()");
            String where = page + " " + lang + " " + size[0];
            @SuppressWarnings("unchecked")
            List<Number> box = (List<Number>) js("const r = document.querySelector('.gw-basemap-switch').getBoundingClientRect(),"
                + " m = document.getElementById('map').getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, m.left, m.top, m.right, m.bottom]");
            assertThat(box.get(0).doubleValue()).as(where + ": inside the map").isGreaterThanOrEqualTo(box.get(4).doubleValue());
            assertThat(box.get(1).doubleValue()).as(where).isGreaterThanOrEqualTo(box.get(5).doubleValue());
            assertThat(box.get(2).doubleValue()).as(where).isLessThanOrEqualTo(box.get(6).doubleValue());
            assertThat(box.get(3).doubleValue()).as(where).isLessThanOrEqualTo(box.get(7).doubleValue());
            String text = driver.findElement(By.cssSelector(".gw-basemap-switch")).getText();
            assertThat(text).as(where).contains(lang.equals("zh") ? List.of("高德地图", "天地图 影像", "无底图") : List.of("AMap", "Tianditu imagery", "No base map"));
            String name = page.equals("/") ? "index" : page.substring(1, page.indexOf('.'));
            Browser.screenshot(driver, "basemap-" + name + "-" + lang + "-" + (size[0] > 500 ? "desktop" : "phone"));
          }
        }
      }
    } finally {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
    }
  }

  /** On every page, with AMap, a grid is drawn where its GCJ-02 coordinates fall on AMap's tile grid. */
  @Test
  void everyPageDrawsTheGridsOnAmapShifted() {
    DemoFiles.Feature grid = DemoFiles.read("grids").get(402);
    double[] first = outline(grid.code()).get(0);
    double[] shifted = ChineseWebCrs.wgs84ToGcj02(first[0], first[1]);
    Point inside = new MaximumInscribedCircle(grid.geometry(), 1e-6).getCenter();
    Browser.signIn(driver, url(""), "admin");
    for (String page : PAGES) {
      open(page, "amap", "zh");
      js("gridwatchBaseMap.map.setView([arguments[1], arguments[0]], 17, {animate: false})", inside.getX(), inside.getY());
      Browser.waitFor(driver, 20).until(d -> !drawnVertices(grid.code()).isEmpty());
      // At zoom 17 a drawn vertex is within a fraction of a pixel (under 1 m, from tiles or GeoJSON); the shift is about 500 m.
      assertThat(nearest(drawnVertices(grid.code()), shifted)).as(page).isLessThan(1e-5);
    }
  }

  /** A vertex dragged on AMap reaches the API as the WGS84 point under the mouse, not AMap's GCJ-02 one. */
  @Test
  void aVertexDraggedOnAmapIsSentBackInWgs84() {
    DemoFiles.Feature grid = DemoFiles.read("grids").get(610);
    double[] vertex = outline(grid.code()).get(0);
    double[] drawnAt = ChineseWebCrs.wgs84ToGcj02(vertex[0], vertex[1]);
    Point inside = new MaximumInscribedCircle(grid.geometry(), 1e-6).getCenter();
    Browser.signIn(driver, url(""), "planner");
    open("/planner.html", "amap", "zh");
    js("gridwatchPlanner.map.setView([arguments[1], arguments[0]], 18, {animate: false})", inside.getX(), inside.getY());
    Browser.clickMap(driver, "gridwatchPlanner.map", inside.getX(), inside.getY());
    var handle = Browser.waitFor(driver, 10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".vertex-0")));
    js("gridwatchPlanner.map.panTo(arguments[0], {animate: false})", List.of(vertex[1], vertex[0]));
    // Every request body the page sends, to read the outline it asks a preview for.
    js("window.sent = []; const send = window.fetch; window.fetch = (u, o) => { sent.push([String(u), o && o.body]); return send(u, o); }");
    new org.openqa.selenium.interactions.Actions(driver).dragAndDropBy(handle, 14, 10).perform();
    Browser.waitFor(driver, 10).until(d -> js("return sent.some(([u]) => u.endsWith('/preview'))").equals(true));
    @SuppressWarnings("unchecked")
    List<Number> sentVertex = (List<Number>) js("return JSON.parse(sent.find(([u]) => u.endsWith('/preview'))[1]).coordinates[0][0]");
    // Where the mouse let go, on AMap's tile grid (plain Web Mercator over GCJ-02), and that point in WGS84.
    @SuppressWarnings("unchecked")
    List<Number> dropped = (List<Number>) js("""
        const z = gridwatchPlanner.map.getZoom(), p = L.CRS.EPSG3857.latLngToPoint(L.latLng(arguments[1], arguments[0]), z);
        const ll = L.CRS.EPSG3857.pointToLatLng(p.add(L.point(14, 10)), z); return [ll.lng, ll.lat];""", drawnAt[0], drawnAt[1]);
    double[] expected = ChineseWebCrs.gcj02ToWgs84(dropped.get(0).doubleValue(), dropped.get(1).doubleValue());
    // A pixel at zoom 18 is about 0.5 m (6e-6°); the drag lands within a pixel or two.
    assertThat(sentVertex.get(0).doubleValue()).isCloseTo(expected[0], org.assertj.core.data.Offset.offset(2e-5));
    assertThat(sentVertex.get(1).doubleValue()).isCloseTo(expected[1], org.assertj.core.data.Offset.offset(2e-5));
    assertThat(Math.abs(sentVertex.get(0).doubleValue() - dropped.get(0).doubleValue())
        + Math.abs(sentVertex.get(1).doubleValue() - dropped.get(1).doubleValue())).as("not AMap's own coordinates").isGreaterThan(2e-3);
  }
}
