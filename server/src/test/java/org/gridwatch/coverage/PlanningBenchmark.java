package org.gridwatch.coverage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.gridwatch.GridwatchApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Planning-view benchmark (a harness, not a test): the HTTP calls the planning page makes, timed as the page makes
 * them (in parallel), on the demo on the embedded default, right after start-up and then for time-window changes.
 * Two call sets: the page as it was (every layer again for every window) and the page as it is (camera layers once;
 * per window only grids, gaps, routes and the district figures). The baseline, measured in the same run, is building
 * the coverage engine from the stored inputs plus one window's parts from scratch: what a first request cost when
 * nothing was kept. Run with {@code ./mvnw -Pbench -DskipTests verify} or alone (see docs/benchmarks.md); the data
 * directory ({@code GRIDWATCH_BENCH_PLANNING_DIR}, default {@code target/bench-planning}) keeps the demo between runs;
 * {@code GRIDWATCH_BENCH_PASSWORD} (default {@code bench}) is the demo password it was imported with.
 */
public final class PlanningBenchmark {
  private static final String WINDOW_LAYERS = "grid-coverage,coverage-gaps,patrol-routes";
  private static final String STATIC_LAYERS = "camera-coverage,cameras";

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private static final String PASSWORD = System.getenv().getOrDefault("GRIDWATCH_BENCH_PASSWORD", "bench");
  private final String auth = "Basic " + Base64.getEncoder().encodeToString(("police:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

  private PlanningBenchmark(int port) { this.base = "http://localhost:" + port; }

  public static void main(String[] args) throws Exception {
    String dir = System.getenv().getOrDefault("GRIDWATCH_BENCH_PLANNING_DIR", "target/bench-planning");
    long started = System.nanoTime();
    ConfigurableApplicationContext app = SpringApplication.run(GridwatchApplication.class, "--server.port=0",
        "--gridwatch.data-dir=" + dir, "--gridwatch.demo-password=" + PASSWORD, "--gridwatch.map.default-provider=none",
        "--gridwatch.escalation.enabled=false", "--logging.level.root=WARN", "--spring.main.banner-mode=off");
    long ready = System.nanoTime() - started;
    try {
      System.out.printf("machine: %d cores, Java %s; start to ready %s (start-up includes what it builds)%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), ms(ready));
      PlanningBenchmark b = new PlanningBenchmark(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
      b.run(app);
    } finally {
      app.close();
    }
  }

  private void run(ConfigurableApplicationContext app) throws Exception {
    System.out.println("\n== first load (10:00), as the page makes it, right after start-up");
    long[] load = firstLoad("10:00");
    long first = load[0], firstAll = load[1];
    System.out.printf("first figures (grid-coverage and summary answered) %s; every call answered %s%n", ms(first), ms(firstAll));

    long baseline = baseline(app);
    System.out.printf("baseline (same run): engine built from the stored inputs + one window's parts from scratch: %s%n", ms(baseline));
    System.out.printf("first figures %s = %.2f× baseline; whole first load %s = %.2f× baseline%n", ms(first),
        first / (double) baseline, ms(firstAll), firstAll / (double) baseline);

    System.out.println("\n== a window change, a window not asked before (median of 5 windows each)");
    long oldNew = median(List.of("23:00", "06:00", "14:30", "19:45", "02:15"),
        w -> timed(null, w, WINDOW_LAYERS + "," + STATIC_LAYERS, true));
    long newNew = median(List.of("23:15", "06:15", "14:45", "20:00", "02:30"), w -> timed(null, w, WINDOW_LAYERS, true));
    report("old page's calls (every layer again)", oldNew, baseline);
    report("new page's calls (camera layers kept)", newNew, baseline);

    System.out.println("\n== a window change back to a window asked before (median of 5)");
    long oldBack = median(List.of("23:00", "06:00", "14:30", "19:45", "02:15"),
        w -> timed(null, w, WINDOW_LAYERS + "," + STATIC_LAYERS, true));
    long newBack = median(List.of("23:15", "06:15", "14:45", "20:00", "02:30"), w -> timed(null, w, WINDOW_LAYERS, true));
    report("old page's calls", oldBack, baseline);
    report("new page's calls", newBack, baseline);

    System.out.println("\n== one call each, a new window (median of 3 windows)");
    for (String c : (WINDOW_LAYERS + "," + STATIC_LAYERS).split(",")) {
      List<String> windows = List.of("03:" + (10 + c.length()), "04:" + (10 + c.length()), "05:" + (10 + c.length()));
      report(c, median(windows, w -> timed(null, w, c, false)), baseline);
    }
    report("summary", median(List.of("07:05", "07:20", "07:35"), w -> timed(null, w, "", true)), baseline);
  }

  /** Engine build plus one window's parts, with nothing kept (a fresh engine on the stored inputs). */
  private static long baseline(ConfigurableApplicationContext app) {
    StoredInputs stored = app.getBean(StoredInputs.class);
    Instant night = app.getBean(Coverage.class).at("21:40");
    long t = System.nanoTime();
    CoverageEngine fresh = new CoverageEngine(stored);
    fresh.state().parts(night);
    return System.nanoTime() - t;
  }

  private interface Timed { long at(String window) throws Exception; }

  private static long median(List<String> windows, Timed work) throws Exception {
    List<Long> t = new ArrayList<>();
    for (String w : windows) t.add(work.at(w));
    t.sort(null);
    return t.get(t.size() / 2);
  }

  private static void report(String what, long nanos, long baseline) {
    System.out.printf("%-44s %10s  %6.3f× baseline%n", what, ms(nanos), nanos / (double) baseline);
  }

  /** Every call of the first load in parallel: when the figures (grids and summary) were in, and when all were. */
  private long[] firstLoad(String window) throws Exception {
    long t = System.nanoTime();
    List<CompletableFuture<Long>> figures = new ArrayList<>(), rest = new ArrayList<>();
    for (String c : (WINDOW_LAYERS + "," + STATIC_LAYERS).split(",")) {
      String path = "/ogcapi/collections/" + c + "/items?limit=10000" + (WINDOW_LAYERS.contains(c) ? "&window=" + window : "");
      (c.equals("grid-coverage") ? figures : rest).add(get(path).thenApply(n -> System.nanoTime()));
    }
    figures.add(get("/api/v1/coverage/summary?level=district&window=" + window).thenApply(n -> System.nanoTime()));
    long figuresIn = 0, allIn = 0;
    for (CompletableFuture<Long> f : figures) figuresIn = Math.max(figuresIn, f.get());
    allIn = figuresIn;
    for (CompletableFuture<Long> f : rest) allIn = Math.max(allIn, f.get());
    return new long[] {figuresIn - t, allIn - t};
  }

  /** The collections named (comma-separated) and, when asked, the district summary, in parallel as the page asks. */
  private long timed(String label, String window, String collections, boolean summary) throws Exception {
    List<CompletableFuture<Integer>> calls = new ArrayList<>();
    long t = System.nanoTime();
    for (String c : collections.split(",")) {
      if (c.isBlank()) continue;
      boolean perWindow = WINDOW_LAYERS.contains(c);
      calls.add(get("/ogcapi/collections/" + c + "/items?limit=10000" + (perWindow ? "&window=" + window : "")));
    }
    if (summary) calls.add(get("/api/v1/coverage/summary?level=district&window=" + window));
    int bytes = 0;
    for (CompletableFuture<Integer> f : calls) bytes += f.get();
    long took = System.nanoTime() - t;
    if (label != null) System.out.printf("%-44s %10s  (%,d kB)%n", label, ms(took), bytes / 1024);
    return took;
  }

  private CompletableFuture<Integer> get(String path) {
    HttpRequest r = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
        .header("Accept", "application/geo+json, application/json").build();
    return http.sendAsync(r, HttpResponse.BodyHandlers.ofByteArray()).thenApply(resp -> {
      if (resp.statusCode() != 200) throw new IllegalStateException(path + " answered " + resp.statusCode());
      return resp.body().length;
    });
  }

  private static String ms(long nanos) { return String.format("%.0f ms", nanos / 1e6); }
}
