package org.gridwatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gridwatch.GridwatchApplication;
import org.gridwatch.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the planner's page loads (issue 18 §2), a harness, not a test: one Gridwatch server, headless Chromium at
 * 1280×800 with a fresh profile per load (a cold cache), signed in as a planner through the form. Per page and round:
 * the bytes over the wire of every request the page made until it is ready and quiet (1.5 s without a new request),
 * grouped (tiles, whole-level or bbox GeoJSON, labels, buildings, code, the rest), and the first paint of the areas
 * (from navigation start until an area path — the level's or, zoomed out, the subdistricts' guide — is in the map, polled every 10 ms).
 *
 * <p>The baseline in the same run: the planner as it was before it read tiles, when {@code GRIDWATCH_BENCH_BEFORE}
 * names that version's static folder (e.g. {@code /work/main/web/src/main/resources/static} before the merge): its
 * {@code planner.html} and {@code js/} are served beside the current ones as {@code /js/before/planner.html} and
 * {@code /js/before/*.js}. Without it, the baseline is the whole grid level as GeoJSON read by the page's own fetch.
 *
 * <p>Database: {@code GRIDWATCH_BENCH_PG_URL} (read only: Flyway off, no demo import), else the test suite's
 * {@code GRIDWATCH_TEST_PG_URL} (wiped and the demo imported first). {@code GRIDWATCH_BENCH_USER} ({@code planner}),
 * {@code GRIDWATCH_BENCH_PASSWORD} (the test profile's demo password; a generated city's is {@code city-demo-password}),
 * {@code GRIDWATCH_BENCH_ROUNDS} (3), {@code GRIDWATCH_BENCH_STATIC} (a static folder served ahead of the built one, e.g. the
 * working tree's {@code web/src/main/resources/static}).
 */
public final class PlannerPageBenchmark {
  /** Per request: its path and query, bytes over the wire (body as sent, compressed or not) and decoded. */
  private static final String ENTRIES = "return performance.getEntriesByType('resource')"
      + ".map(e => [e.name.replace(location.origin, ''), e.encodedBodySize, e.decodedBodySize])";
  private static final String[] GROUPS = {"tiles", "whole-level GeoJSON", "bbox GeoJSON", "one area", "labels", "buildings", "code", "other"};

  public static void main(String[] args) throws Exception {
    String given = System.getenv("GRIDWATCH_BENCH_PG_URL");
    Path statics = Files.createTempDirectory("planner-before");
    String before = System.getenv("GRIDWATCH_BENCH_BEFORE");
    if (before != null) copyBefore(Path.of(before), statics);
    String current = System.getenv("GRIDWATCH_BENCH_STATIC") == null ? "" : "file:" + System.getenv("GRIDWATCH_BENCH_STATIC") + "/,";
    List<String> a = new ArrayList<>(List.of("--spring.profiles.active=test-postgis", "--server.port=0",
        "--logging.level.root=WARN", "--spring.main.banner-mode=off", "--gridwatch.test.clean-database=" + (given == null),
        "--spring.web.resources.static-locations=" + current + "classpath:/static/,file:" + statics + "/"));
    if (given != null) {
      a.addAll(List.of("--spring.datasource.url=" + given, "--gridwatch.demo-data.enabled=false",
          "--spring.flyway.enabled=false", "--gridwatch.escalation.enabled=false",
          "--gridwatch.demo-password=" + env("GRIDWATCH_BENCH_PASSWORD", "test-demo-password"),
          "--gridwatch.privacy.key=Y2l0eS1iZW5jaG1hcmstb25seS1rZXktMzItYnl0ZXM="));
    }
    long s = System.nanoTime();
    ConfigurableApplicationContext app = SpringApplication.run(GridwatchApplication.class, a.toArray(String[]::new));
    System.out.printf("server started in %.1f s on %s%n", (System.nanoTime() - s) / 1e9, given == null ? "the demo" : given);
    try {
      new PlannerPageBenchmark().run("http://localhost:" + app.getEnvironment().getProperty("local.server.port"), before != null);
    } finally {
      app.close();
    }
  }

  /** The earlier planner beside the current one: its page pointing at its own copy of the scripts. */
  private static void copyBefore(Path from, Path to) throws Exception {
    Path js = to.resolve("js").resolve("before"); // under /js/**, which anyone may read

    Files.createDirectories(js);
    try (Stream<Path> files = Files.list(from.resolve("js"))) {
      for (Path f : files.toList()) Files.copy(f, js.resolve(f.getFileName()));
    }
    Files.writeString(js.resolve("planner.html"), Files.readString(from.resolve("planner.html")).replace("/js/", "/js/before/"));
  }

  private void run(String base, boolean before) throws Exception {
    int rounds = Integer.parseInt(env("GRIDWATCH_BENCH_ROUNDS", "3"));
    String baselinePage = before ? "/js/before/planner.html" : null;
    List<Load> now = new ArrayList<>(), then = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      // alternate which goes first, so neither always meets a colder server
      if (r % 2 == 1 && before) then.add(load(base, baselinePage));
      now.add(load(base, "/planner.html"));
      if (r % 2 == 0 && before) then.add(load(base, baselinePage));
    }
    Load n = median(now);
    System.out.println("planner.html (tiles), median of " + rounds + ": " + n);
    if (before) {
      Load b = median(then);
      System.out.println("before (whole level as GeoJSON), median of " + rounds + ": " + b);
      System.out.printf("ratio before/now: bytes %.1f×, first paint of the areas %.2f×%n",
          b.bytes() / (double) n.bytes(), b.firstPaintMs() / n.firstPaintMs());
    } else {
      long[] whole = wholeLevel(base);
      System.out.printf("baseline: the whole grid level as GeoJSON, %,d bytes over the wire in %d ms; ratio %.1f× the page's bytes%n",
          whole[0], whole[1], whole[0] / (double) n.bytes());
    }
  }

  /** One load of a page in a fresh browser. */
  private Load load(String base, String page) throws Exception {
    ChromeDriver driver = Browser.start(1280, 800);
    try {
      signIn(driver, base);
      driver.get(base + page);
      double paint = ((Number) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
          + " (function poll() { if (document.querySelector('#map path[data-code], #map path.gw-grid')) done(performance.now());"
          + " else if (performance.now() > 150000) done(-1); else setTimeout(poll, 10); })()"))
          .doubleValue();
      if (paint < 0) {
        throw new IllegalStateException(page + ": no area drawn in 150 s; at " + driver.getCurrentUrl() + ": "
            + driver.executeScript("return document.body.innerText.slice(0, 300)"));
      }
      Browser.waitFor(driver, 120).until(d -> "true".equals(driver.executeScript("return document.body.dataset.ready")));
      long seen = -1;
      while (true) { // quiet: no new request for 1.5 s
        long n = ((Number) driver.executeScript("return performance.getEntriesByType('resource').length")).longValue();
        if (n == seen) break;
        seen = n;
        Thread.sleep(1500);
      }
      @SuppressWarnings("unchecked")
      List<List<Object>> entries = (List<List<Object>>) driver.executeScript(ENTRIES);
      Map<String, long[]> groups = new LinkedHashMap<>();
      for (String g : GROUPS) groups.put(g, new long[3]);
      long total = 0;
      for (List<Object> e : entries) {
        long[] g = groups.get(group((String) e.get(0)));
        long bytes = ((Number) e.get(1)).longValue();
        g[0]++;
        g[1] += bytes;
        g[2] += ((Number) e.get(2)).longValue();
        total += bytes;
      }
      return new Load(page, total, paint, groups, entries.size());
    } finally {
      driver.quit();
    }
  }

  private static String group(String url) {
    if (url.startsWith("/tiles/")) return "tiles";
    if (url.matches("/ogcapi/collections/(grids|communities|subdistricts)/items(\\?.*)?")) return url.contains("bbox=") ? "bbox GeoJSON" : "whole-level GeoJSON";
    if (url.matches("/ogcapi/collections/(grids|communities|subdistricts)/items/.*")) return "one area";
    if (url.startsWith("/api/v1/areas/labels")) return "labels";
    if (url.startsWith("/ogcapi/collections/buildings")) return "buildings";
    if (url.matches(".*\\.(js|css|mjs)(\\?.*)?$") || url.startsWith("/webjars/") || url.startsWith("/vendor/")) return "code";
    return "other";
  }

  /** The whole grid level as GeoJSON, read by the page's fetch (every page of 10,000): bytes over the wire and ms. */
  private long[] wholeLevel(String base) throws Exception {
    ChromeDriver driver = Browser.start(1280, 800);
    try {
      signIn(driver, base);
      driver.get(base + "/api/v1/status");
      @SuppressWarnings("unchecked")
      List<Number> r = (List<Number>) driver.executeAsyncScript("const done = arguments[arguments.length - 1]; const t = performance.now();"
          + " (async () => { let url = '/ogcapi/collections/grids/items?limit=10000';"
          + " while (url) { const page = await (await fetch(url)).json(); const next = (page.links || []).find(l => l.rel === 'next'); url = next && next.href; }"
          + " const bytes = performance.getEntriesByType('resource').filter(e => e.name.includes('/ogcapi/')).reduce((s, e) => s + e.encodedBodySize, 0);"
          + " done([bytes, performance.now() - t]); })()");
      return new long[] {r.get(0).longValue(), r.get(1).longValue()};
    } finally {
      driver.quit();
    }
  }

  private static void signIn(ChromeDriver driver, String base) {
    driver.manage().timeouts().scriptTimeout(java.time.Duration.ofMinutes(5));
    driver.get(base + "/login");
    driver.findElement(By.id("username")).sendKeys(env("GRIDWATCH_BENCH_USER", "planner"));
    driver.findElement(By.id("password")).sendKeys(env("GRIDWATCH_BENCH_PASSWORD", "test-demo-password"));
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    Browser.waitFor(driver, 60).until(d -> !d.getCurrentUrl().contains("/login"));
  }

  private static Load median(List<Load> loads) {
    List<Load> sorted = new ArrayList<>(loads);
    sorted.sort(java.util.Comparator.comparingDouble(Load::firstPaintMs));
    return sorted.get(sorted.size() / 2);
  }

  private record Load(String page, long bytes, double firstPaintMs, Map<String, long[]> groups, int requests) {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(String.format("%s: %,d bytes over the wire in %d requests, first paint of the areas %.0f ms;",
          page, bytes, requests, firstPaintMs));
      groups.forEach((g, v) -> { if (v[0] > 0) sb.append(String.format(" %s %d req %,d B (%,d decoded);", g, v[0], v[1], v[2])); });
      return sb.toString();
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
