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
 * Two call sets: the page of the previous round (camera layers once; per window grids with outlines, gaps, routes and
 * the district figures as GeoJSON) and the lean page (outlines, routes and camera layers once; per window only
 * {@code /api/v1/coverage/window}, figures without geometry). Bytes are as sent without compression. The baseline, measured in the same run, is building
 * the coverage engine from the stored inputs plus one window's parts from scratch: what a first request cost when
 * nothing was kept. Run with {@code ./mvnw -Pbench -DskipTests verify} or alone (see docs/benchmarks.md); the data
 * directory ({@code GRIDWATCH_BENCH_PLANNING_DIR}, default {@code target/bench-planning}) keeps the demo between runs;
 * {@code GRIDWATCH_BENCH_PASSWORD} (default {@code bench}) is the demo password it was imported with.
 */
public final class PlanningBenchmark {
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

  /** The calls of the page before this round: every window layer as GeoJSON, plus the summary. */
  private static List<String> oldPage(String w, boolean first) {
    List<String> calls = new ArrayList<>(List.of(items("grid-coverage", w), items("coverage-gaps", w), items("patrol-routes", w),
        "/api/v1/coverage/summary?level=district&window=" + w));
    if (first) calls.addAll(List.of(items("camera-coverage", null), items("cameras", null)));
    return calls;
  }

  /** The page now: per window only the figures without geometry; outlines, routes and camera layers once. */
  private static List<String> leanPage(String w, boolean first) {
    List<String> calls = new ArrayList<>(List.of("/api/v1/coverage/window?window=" + w));
    if (first) calls.addAll(List.of(items("grids", null), items("patrol-routes", w), items("camera-coverage", null), items("cameras", null)));
    return calls;
  }

  private static String items(String collection, String window) {
    return "/ogcapi/collections/" + collection + "/items?limit=10000" + (window == null ? "" : "&window=" + window);
  }

  private void run(ConfigurableApplicationContext app) throws Exception {
    System.out.println("\n== first load (10:00), as the page makes it, right after start-up");
    timed(List.of("/api/v1/me")); // what the browser asks before the page's calls: the server's first request is not theirs
    long[] lean = firstLoad(leanPage("10:00", true), 1);
    long[] old = firstLoad(oldPage("10:00", true), 4);
    long[] lean2 = firstLoad(leanPage("10:00", true), 1);
    long baseline = baseline(app);
    System.out.printf("baseline (same run): engine built from the stored inputs + one window's parts from scratch: %s%n", ms(baseline));
    report("old page: first figures (grid-coverage, gaps, routes, summary)", old[0], old[2], baseline);
    report("old page: every call answered", old[1], old[3], baseline);
    report("lean page: first figures (/coverage/window)", lean[0], lean[2], baseline);
    report("lean page: every call answered (outlines, routes, cameras)", lean[1], lean[3], baseline);
    report("lean page again, after the old page: first figures", lean2[0], lean2[2], baseline);
    report("lean page again, after the old page: every call answered", lean2[1], lean2[3], baseline);

    List<String> oldWindows = List.of("23:00", "06:00", "14:30", "19:45", "02:15");
    List<String> leanWindows = List.of("23:15", "06:15", "14:45", "20:00", "02:30");
    System.out.println("\n== a window change, a window not asked before (median of 5 windows each)");
    report("old page's calls (every window layer again)", median(oldWindows, w -> timed(oldPage(w, false))), baseline);
    report("lean page's call (/coverage/window)", median(leanWindows, w -> timed(leanPage(w, false))), baseline);

    System.out.println("\n== a window change back to a window asked before (median of 5)");
    report("old page's calls", median(oldWindows, w -> timed(oldPage(w, false))), baseline);
    report("lean page's call", median(leanWindows, w -> timed(leanPage(w, false))), baseline);

    System.out.println("\n== one call each, a new window (median of 3 windows)");
    for (String c : List.of("grid-coverage", "coverage-gaps", "patrol-routes", "camera-coverage", "cameras", "grids")) {
      List<String> windows = List.of("03:" + (10 + c.length()), "04:" + (10 + c.length()), "05:" + (10 + c.length()));
      boolean perWindow = List.of("grid-coverage", "coverage-gaps", "patrol-routes").contains(c);
      report(c, median(windows, w -> timed(List.of(items(c, perWindow ? w : null)))), baseline);
    }
    report("summary", median(List.of("07:05", "07:20", "07:35"), w -> timed(List.of("/api/v1/coverage/summary?level=district&window=" + w))), baseline);
    report("/coverage/window", median(List.of("08:05", "08:20", "08:35"), w -> timed(List.of("/api/v1/coverage/window?window=" + w))), baseline);
    org.gridwatch.incident.IncidentSearch cases = app.getBean(org.gridwatch.incident.IncidentSearch.class);
    Coverage coverage = app.getBean(Coverage.class);
    report("in it: Coverage.grids, a new window (no HTTP)", median(List.of("11:05", "11:20", "11:35"), w -> {
      long t = System.nanoTime();
      int n = coverage.grids(coverage.at(w)).size();
      return new long[] {System.nanoTime() - t, n};
    }), baseline);
    report("in it: Coverage.grids, a window seen (no HTTP)", median(List.of("11:05", "11:20", "11:35"), w -> {
      long t = System.nanoTime();
      int n = coverage.grids(coverage.at(w)).size();
      return new long[] {System.nanoTime() - t, n};
    }), baseline);
    tools.jackson.databind.json.JsonMapper json = app.getBean(tools.jackson.databind.json.JsonMapper.class);
    org.gridwatch.groundnet.Routes routes = app.getBean(org.gridwatch.groundnet.Routes.class);
    report("in it: a seen window's answer built (no HTTP)", median(List.of("11:05", "11:20", "11:35"), w -> {
      long t = System.nanoTime();
      Instant when = coverage.at(w);
      List<GridFigures> figures = coverage.grids(when);
      WindowFigures answer = WindowFigures.of(when, figures,
          coverage.rollup(org.gridwatch.area.AreaLevel.DISTRICT, null, figures).get(0), routes.all());
      return new long[] {System.nanoTime() - t, answer.grids().size()};
    }), baseline);
    report("in it: and written as JSON (no HTTP)", median(List.of("11:05", "11:20", "11:35"), w -> {
      Instant when = coverage.at(w);
      List<GridFigures> figures = coverage.grids(when);
      WindowFigures answer = WindowFigures.of(when, figures,
          coverage.rollup(org.gridwatch.area.AreaLevel.DISTRICT, null, figures).get(0), routes.all());
      long t = System.nanoTime();
      int n = json.writeValueAsBytes(answer).length;
      return new long[] {System.nanoTime() - t, n};
    }), baseline);
    report("in it: the 90-day case query", median(List.of("08:50", "09:05", "09:20"), w -> {
      long t = System.nanoTime();
      int n = cases.reportedSince(coverage.at(w).minus(Coverage.CASE_WINDOW)).size();
      return new long[] {System.nanoTime() - t, n};
    }), baseline);
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

  private interface Timed { long[] at(String window) throws Exception; }

  /** The median time of the calls over the windows, with the bytes of that run: {nanos, bytes}. */
  private static long[] median(List<String> windows, Timed work) throws Exception {
    List<long[]> t = new ArrayList<>();
    for (String w : windows) t.add(work.at(w));
    t.sort(java.util.Comparator.comparingLong(r -> r[0]));
    return t.get(t.size() / 2);
  }

  private static void report(String what, long[] timedBytes, long baseline) { report(what, timedBytes[0], timedBytes[1], baseline); }

  private static void report(String what, long nanos, long bytes, long baseline) {
    System.out.printf("%-62s %10s  %6.3f× baseline  %,8d kB%n", what, ms(nanos), nanos / (double) baseline, bytes / 1024);
  }

  /**
   * Every call of a first load in parallel: {when the first {@code figureCalls} calls (the figures) were in, when all
   * were, their bytes, all bytes}.
   */
  private long[] firstLoad(List<String> calls, int figureCalls) throws Exception {
    long t = System.nanoTime();
    List<CompletableFuture<long[]>> answers = new ArrayList<>();
    for (String c : calls) answers.add(get(c).thenApply(n -> new long[] {System.nanoTime(), n}));
    long figuresIn = 0, allIn = 0, figureBytes = 0, bytes = 0;
    for (int i = 0; i < answers.size(); i++) {
      long[] a = answers.get(i).get();
      if (i < figureCalls) { figuresIn = Math.max(figuresIn, a[0]); figureBytes += a[1]; }
      allIn = Math.max(allIn, a[0]);
      bytes += a[1];
    }
    return new long[] {figuresIn - t, allIn - t, figureBytes, bytes};
  }

  /** The calls in parallel, as the page makes them: {nanos until the last answered, bytes}. */
  private long[] timed(List<String> calls) throws Exception {
    long t = System.nanoTime();
    List<CompletableFuture<Integer>> answers = new ArrayList<>();
    for (String c : calls) answers.add(get(c));
    long bytes = 0;
    for (CompletableFuture<Integer> f : answers) bytes += f.get();
    return new long[] {System.nanoTime() - t, bytes};
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
