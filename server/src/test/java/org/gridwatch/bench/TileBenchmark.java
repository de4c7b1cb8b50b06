package org.gridwatch.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.gridwatch.GridwatchApplication;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.tiles.TileAddress;
import org.gridwatch.tiles.TileLayer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Vector tiles (issue 18), a harness, not a test. Two Gridwatch servers on one database, started together: one
 * drawing tiles in memory ({@code gridwatch.tiles.encoder=memory}), one with PostGIS {@code ST_AsMVT}
 * ({@code postgis}, the baseline). In this order, each figure beside its baseline from the same run:
 * <ol>
 * <li>first paint of the district map (index.html at 1280×800, the zoom at which it fits the district, as Leaflet's
 * fitBounds picks it): the TileJSONs, every tile of the page's area layers in view and the labels it asks, six at a
 * time as a browser does, signed in by the form once (a session cookie, as the pages are); cold (the servers' first requests), warm (kept bytes) and revalidated (every tile 304);
 * <li>per layer (all seven) and zoom 12–16 inside the layer's range: the tiles holding interior points of grids spread
 * over the district; cold (first request, drawn: {@code X-Tile-Cache: miss}), warm (kept: {@code hit}) and the 304;
 * <li>the bytes of every tile of a layer covering the district at one zoom against the JSON the pages used to load.
 * </ol>
 *
 * <p>Database: {@code GRIDWATCH_BENCH_PG_URL} (e.g. a generated city; read only: no demo import, no clean, and the
 * servers are started with Flyway off so that nothing is migrated there), else the test suite's
 * {@code GRIDWATCH_TEST_PG_URL} (wiped and the demo imported first). User and password: {@code GRIDWATCH_BENCH_USER}
 * ({@code admin}) and {@code GRIDWATCH_BENCH_PASSWORD} (the test profile's demo password; a generated city's is
 * {@code city-demo-password}). Tiles per layer and zoom: {@code GRIDWATCH_BENCH_TILES} (20).
 */
public final class TileBenchmark {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final int ROUNDS = 3;
  /** The district map page's own lower zooms per area layer (web js/layers.js MIN_ZOOM). */
  private static final Map<String, Integer> PAGE_MIN_ZOOM = Map.of("subdistricts", 0, "communities", 12, "grids", 13, "buildings", 16);
  private static final int VIEW_W = 1280, VIEW_H = 800;

  public static void main(String[] args) throws Exception {
    String given = System.getenv("GRIDWATCH_BENCH_PG_URL");
    List<String> common = new ArrayList<>(List.of("--spring.profiles.active=test-postgis", "--server.port=0",
        "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
    if (given != null) {
      common.addAll(List.of("--spring.datasource.url=" + given, "--gridwatch.demo-data.enabled=false",
          "--spring.flyway.enabled=false", "--gridwatch.escalation.enabled=false",
          "--gridwatch.demo-password=" + env("GRIDWATCH_BENCH_PASSWORD", "test-demo-password"),
          "--gridwatch.privacy.key=Y2l0eS1iZW5jaG1hcmstb25seS1rZXktMzItYnl0ZXM="));
    }
    // The first start cleans and imports the demo when no database is given; the second must wait for it.
    ConfigurableApplicationContext memory, postgis;
    if (given == null) {
      memory = start(common, true, "memory");
      postgis = start(common, false, "postgis");
    } else {
      ExecutorService two = Executors.newFixedThreadPool(2);
      Future<ConfigurableApplicationContext> m = two.submit(() -> start(common, false, "memory"));
      Future<ConfigurableApplicationContext> p = two.submit(() -> start(common, false, "postgis"));
      memory = m.get();
      postgis = p.get();
      two.shutdown();
    }
    try {
      new TileBenchmark().run(memory, postgis);
    } finally {
      postgis.close();
      memory.close();
    }
  }

  private static ConfigurableApplicationContext start(List<String> common, boolean clean, String encoder) {
    List<String> a = new ArrayList<>(common);
    a.add("--gridwatch.test.clean-database=" + clean);
    a.add("--gridwatch.tiles.encoder=" + encoder);
    long s = System.nanoTime();
    ConfigurableApplicationContext app = SpringApplication.run(GridwatchApplication.class, a.toArray(String[]::new));
    System.out.printf("server (%s) started in %.1f s%n", encoder, (System.nanoTime() - s) / 1e9);
    return app;
  }

  /** The session cookie per server: signed in once through the form, as the pages are (Basic would pay BCrypt per request). */
  private final Map<String, String> sessions = new java.util.concurrent.ConcurrentHashMap<>();
  private final ExecutorService browser = Executors.newFixedThreadPool(6); // a browser's connections per host

  private void run(ConfigurableApplicationContext memory, ConfigurableApplicationContext postgis) throws Exception {
    System.out.printf("machine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.arch"), System.getProperty("java.version"));
    String m = base(memory), p = base(postgis);
    awaitReady(m);
    awaitReady(p);
    signIn(m);
    signIn(p);
    AreaCatalog catalog = memory.getBean(AreaCatalog.class);
    List<AreaView> grids = catalog.now().level(AreaLevel.GRID);
    Envelope district = new Envelope();
    for (AreaView d : catalog.now().level(AreaLevel.DISTRICT)) district.expandToInclude(d.boundary().getEnvelopeInternal());
    System.out.printf("%,d grids, %,d buildings; district %s%n", grids.size(), catalog.now().buildings().size(), district);
    int perZoom = Integer.parseInt(env("GRIDWATCH_BENCH_TILES", "20"));
    try {
      firstPaint(m, p, district);
      perLayer(m, p, grids, perZoom);
      bytes(m, district);
    } finally {
      browser.shutdown();
    }
  }

  // ---- 1. first paint of the district map

  private void firstPaint(String m, String p, Envelope district) throws Exception {
    int z = fitZoom(district);
    List<String> requests = firstPaintRequests(district, z);
    System.out.println();
    System.out.printf("== First paint of the district map: %dx%d at zoom %d (fits the district), %d requests, 6 at a time, ms%n",
        VIEW_W, VIEW_H, z, requests.size());
    System.out.println("server   | cold (first ever) | warm median  max (5) | revalidated median  max (5) | bytes");
    for (String[] server : new String[][] {{"memory", m}, {"ST_AsMVT", p}}) {
      Paint cold = paint(server[1], requests, null);
      double[] warm = new double[5], again = new double[5];
      Paint last = cold;
      for (int i = 0; i < 5; i++) warm[i] = (last = paint(server[1], requests, null)).ms();
      for (int i = 0; i < 5; i++) again[i] = paint(server[1], requests, last.tags()).ms();
      System.out.printf("%-8s | %17.1f | %11.1f %5.1f | %18.1f %5.1f | %,d (%d tiles drawn cold, %d kept warm)%n", server[0],
          cold.ms(), pct(warm, 50), pct(warm, 100), pct(again, 50), pct(again, 100), cold.bytes(), cold.misses(), last.hits());
    }
  }

  /** What the page asks at zoom z centred on the district: district, TileJSONs, tiles in view per area layer, labels. */
  private static List<String> firstPaintRequests(Envelope district, int z) {
    List<String> out = new ArrayList<>(List.of("/api/v1/district"));
    for (String layer : PAGE_MIN_ZOOM.keySet()) out.add("/tiles/" + layer + ".json");
    double px = x(district.centre().x, z), py = y(district.centre().y, z); // the view's centre in world pixels
    int x0 = (int) Math.floor((px - VIEW_W / 2.0) / 256), x1 = (int) Math.floor((px + VIEW_W / 2.0) / 256);
    int y0 = (int) Math.floor((py - VIEW_H / 2.0) / 256), y1 = (int) Math.floor((py + VIEW_H / 2.0) / 256);
    for (Map.Entry<String, Integer> l : PAGE_MIN_ZOOM.entrySet()) {
      TileLayer layer = TileLayer.byPath(l.getKey()).orElseThrow();
      if (z < l.getValue() || z < layer.minZoom()) continue;
      for (int x = x0; x <= x1; x++) for (int y = y0; y <= y1; y++) out.add("/tiles/" + l.getKey() + "/" + z + "/" + x + "/" + y + ".mvt");
    }
    // labels: the view padded by half on every side (js/layers.js relabel), subdistricts up to 14, grids from 13
    double w = lon(px - VIEW_W, z), e = lon(px + VIEW_W, z), n = lat(py - VIEW_H, z), s = lat(py + VIEW_H, z);
    String bbox = String.format(java.util.Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", w, s, e, n);
    if (z <= 14) out.add("/api/v1/areas/labels?level=subdistricts&bbox=" + bbox);
    if (z == 15) out.add("/api/v1/areas/labels?level=communities&bbox=" + bbox);
    if (z >= 13) out.add("/api/v1/areas/labels?level=grids&bbox=" + bbox);
    return out;
  }

  /** Leaflet's fitBounds zoom: the largest whole zoom at which the district fits the view. */
  private static int fitZoom(Envelope d) {
    for (int z = 18; z > 0; z--) {
      double w = (x(d.getMaxX(), z) - x(d.getMinX(), z)), h = (y(d.getMinY(), z) - y(d.getMaxY(), z));
      if (w <= VIEW_W && h <= VIEW_H) return z;
    }
    return 1;
  }

  private static double x(double lon, int z) { return (lon + 180) / 360 * 256 * (1L << z); }

  private static double y(double lat, int z) {
    double r = Math.toRadians(lat);
    return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * 256 * (1L << z);
  }

  private static double lon(double px, int z) { return px / (256.0 * (1L << z)) * 360 - 180; }

  private static double lat(double py, int z) {
    double n = Math.PI - 2 * Math.PI * py / (256.0 * (1L << z));
    return Math.toDegrees(Math.atan(Math.sinh(n)));
  }

  private record Paint(double ms, long bytes, int misses, int hits, Map<String, String> tags) {}

  private Paint paint(String base, List<String> paths, Map<String, String> tags) throws Exception {
    long s = System.nanoTime();
    List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
    for (String path : paths) {
      Callable<HttpResponse<byte[]>> ask = () -> get(base + path, tags == null ? null : tags.get(path));
      answers.add(browser.submit(ask));
    }
    long bytes = 0;
    int misses = 0, hits = 0;
    Map<String, String> seen = new java.util.HashMap<>();
    for (int i = 0; i < paths.size(); i++) {
      HttpResponse<byte[]> r = answers.get(i).get();
      if (r.statusCode() != 200 && r.statusCode() != 204 && r.statusCode() != 304) throw new IllegalStateException(paths.get(i) + ": " + r.statusCode());
      bytes += r.body().length;
      String kept = r.headers().firstValue("X-Tile-Cache").orElse("");
      if (kept.equals("miss")) misses++;
      if (kept.equals("hit")) hits++;
      int k = i;
      r.headers().firstValue("ETag").ifPresent(t -> seen.put(paths.get(k), t));
    }
    return new Paint((System.nanoTime() - s) / 1e6, bytes, misses, hits, seen);
  }

  // ---- 2. per layer and zoom

  private void perLayer(String m, String p, List<AreaView> grids, int perZoom) throws Exception {
    System.out.println();
    System.out.println("== Tiles per layer and zoom over HTTP, ms: cold = first request (drawn), warm = kept bytes ("
        + ROUNDS + " rounds), 304 = revalidation (" + ROUNDS + " rounds)");
    System.out.println("layer         z tiles | memory cold med  p95 | warm med  p95 |  304 med | ST_AsMVT cold med  p95 | warm med  p95 | cold ST/mem | warm÷cold (mem)");
    for (TileLayer layer : TileLayer.values()) {
      for (int z = 12; z <= 16; z++) {
        if (z < layer.minZoom() || z > layer.maxZoom()) continue;
        List<String> paths = tiles(grids, layer, z, perZoom);
        Run a = measure(m, paths), b = measure(p, paths);
        System.out.printf("%-12s %2d %5d | %13.1f %5.1f | %8.1f %5.1f | %8.1f | %17.1f %5.1f | %8.1f %5.1f | %10.2fx | %.2f%n",
            layer.path(), z, paths.size(), pct(a.cold(), 50), pct(a.cold(), 95), pct(a.warm(), 50), pct(a.warm(), 95),
            pct(a.revalidated(), 50), pct(b.cold(), 50), pct(b.cold(), 95), pct(b.warm(), 50), pct(b.warm(), 95),
            pct(b.cold(), 50) / pct(a.cold(), 50), pct(a.warm(), 50) / pct(a.cold(), 50));
      }
    }
  }

  private record Run(double[] cold, double[] warm, double[] revalidated) {}

  private Run measure(String base, List<String> paths) throws Exception {
    double[] cold = new double[paths.size()], warm = new double[paths.size() * ROUNDS], again = new double[paths.size() * ROUNDS];
    List<String> tags = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      long s = System.nanoTime();
      HttpResponse<byte[]> r = get(base + paths.get(i), null);
      cold[i] = (System.nanoTime() - s) / 1e6;
      check(r);
      tags.add(r.headers().firstValue("ETag").orElseThrow());
    }
    int k = 0, j = 0;
    for (int round = 0; round < ROUNDS; round++) {
      for (int i = 0; i < paths.size(); i++) {
        long s = System.nanoTime();
        HttpResponse<byte[]> r = get(base + paths.get(i), null);
        warm[k++] = (System.nanoTime() - s) / 1e6;
        check(r);
        s = System.nanoTime();
        HttpResponse<byte[]> n = get(base + paths.get(i), tags.get(i));
        again[j++] = (System.nanoTime() - s) / 1e6;
        if (n.statusCode() != 304) tags.set(i, n.headers().firstValue("ETag").orElse(tags.get(i))); // changed meanwhile
      }
    }
    return new Run(cold, warm, again);
  }

  /** Tiles holding the interior points of grids spread over the district (distinct, at most {@code limit}). */
  private static List<String> tiles(List<AreaView> grids, TileLayer layer, int z, int limit) {
    Set<String> out = new LinkedHashSet<>();
    int step = Math.max(1, grids.size() / (limit * 3));
    for (int i = 0; i < grids.size() && out.size() < limit; i += step) {
      Point at = grids.get(i).boundary().getInteriorPoint();
      TileAddress t = TileAddress.containing(at.getX(), at.getY(), z);
      out.add("/tiles/" + layer.path() + "/" + z + "/" + t.x() + "/" + t.y() + ".mvt");
    }
    return new ArrayList<>(out);
  }

  // ---- 3. bytes against what the pages used to load

  private void bytes(String m, Envelope district) throws Exception {
    System.out.println();
    System.out.println("== Bytes: every tile of a layer covering the district at one zoom vs the JSON pages used to load (raw, gzipped)");
    String bbox = String.format(java.util.Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", district.getMinX(), district.getMinY(), district.getMaxX(), district.getMaxY());
    compare(m, district, "grids", 12, "/ogcapi/collections/grids/items?limit=100000");
    compare(m, district, "grids", 13, "/ogcapi/collections/grids/items?limit=100000");
    compare(m, district, "coverage", 12, "/api/v1/coverage/grids");
    compare(m, district, "cases", 12, "/api/v1/incidents/map?zoom=12&bbox=" + bbox);
    compare(m, district, "cameras", 12, "/api/v1/cameras");
  }

  private void compare(String m, Envelope district, String layer, int z, String api) throws Exception {
    byte[] json = get(m + api, null).body();
    TileAddress nw = TileAddress.containing(district.getMinX(), district.getMaxY(), z);
    TileAddress se = TileAddress.containing(district.getMaxX(), district.getMinY(), z);
    long bytes = 0, zipped = 0;
    int count = 0;
    for (int x = nw.x(); x <= se.x(); x++) {
      for (int y = nw.y(); y <= se.y(); y++) {
        byte[] b = get(m + "/tiles/" + layer + "/" + z + "/" + x + "/" + y + ".mvt", null).body();
        bytes += b.length;
        zipped += gzip(b);
        count++;
      }
    }
    System.out.printf("%-9s z%d: %4d tiles, %,11d bytes (%,10d gzipped) | %s: %,11d bytes (%,10d gzipped) | tiles ÷ JSON %.2f (%.2f gzipped)%n",
        layer, z, count, bytes, zipped, api.replaceAll("\\?.*", ""), json.length, gzip(json), (double) bytes / json.length,
        (double) zipped / gzip(json));
  }

  // ---- HTTP

  /** Waits until a server has finished its start-up work (the demo import on an empty database). */
  private void awaitReady(String base) throws Exception {
    for (int i = 0; i < 3600; i++) {
      if (new String(get(base + "/api/v1/status", null).body(), StandardCharsets.UTF_8).contains("\"ready\":true")) return;
      Thread.sleep(500);
    }
    throw new IllegalStateException(base + " did not become ready");
  }

  private static void check(HttpResponse<byte[]> r) {
    if (r.statusCode() != 200 && r.statusCode() != 204) throw new IllegalStateException(r.uri() + ": " + r.statusCode());
  }

  private void signIn(String base) throws Exception {
    HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
    String xsrf = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0]).filter(c -> c.startsWith("XSRF-TOKEN="))
        .findFirst().orElseThrow();
    String user = env("GRIDWATCH_BENCH_USER", "admin"), password = env("GRIDWATCH_BENCH_PASSWORD", "test-demo-password");
    HttpResponse<String> login = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password + "&_csrf="
            + xsrf.substring("XSRF-TOKEN=".length())))
        .build(), HttpResponse.BodyHandlers.ofString());
    sessions.put(base, login.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0])
        .filter(c -> c.startsWith("JSESSIONID=") || c.startsWith("SESSION=")).findFirst()
        .orElseThrow(() -> new IllegalStateException(user + " could not sign in: " + login.statusCode())));
  }

  private HttpResponse<byte[]> get(String url, String ifNoneMatch) throws Exception {
    String base = url.substring(0, url.indexOf('/', "http://".length()));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (sessions.containsKey(base)) b.header("Cookie", sessions.get(base));
    if (ifNoneMatch != null) b.header("If-None-Match", ifNoneMatch);
    return CLIENT.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static double pct(double[] values, int p) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v[Math.max(0, Math.min(v.length - 1, (int) Math.ceil(p / 100.0 * v.length) - 1))];
  }

  private static int gzip(byte[] b) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(b);
    }
    return out.size();
  }

  private static String base(ConfigurableApplicationContext app) {
    return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
