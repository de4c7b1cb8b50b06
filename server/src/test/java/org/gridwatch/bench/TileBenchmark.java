package org.gridwatch.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 * Vector tiles (issue 18), a harness, not a test: warm tile latency over HTTP (median, p95, p99) for every layer at
 * zooms 12 to 16, the in-memory encoder beside PostGIS {@code ST_AsMVT} (a second server on the same database with
 * {@code gridwatch.tiles.encoder=postgis}) in the same run; a revalidation (If-None-Match → 304); and the bytes of a
 * district view's grid tiles (z12, z13) against the GeoJSON grids layer.
 *
 * <p>Database: {@code GRIDWATCH_BENCH_PG_URL} (e.g. part C's city database; left as it is), else the test suite's
 * {@code GRIDWATCH_TEST_PG_URL} (wiped and the demo imported first). User and password: {@code GRIDWATCH_BENCH_USER}
 * ({@code admin}) and {@code GRIDWATCH_BENCH_PASSWORD} (the test profile's demo password). Tiles per layer and zoom:
 * {@code GRIDWATCH_BENCH_TILES} (40).
 */
public final class TileBenchmark {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final int ROUNDS = 5;

  public static void main(String[] args) throws Exception {
    String given = System.getenv("GRIDWATCH_BENCH_PG_URL");
    List<String> common = new ArrayList<>(List.of("--spring.profiles.active=test-postgis", "--server.port=0",
        "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
    if (given != null) common.add("--spring.datasource.url=" + given);
    ConfigurableApplicationContext memory = start(common, given == null, "memory");
    ConfigurableApplicationContext postgis = start(common, false, "postgis");
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
    return SpringApplication.run(GridwatchApplication.class, a.toArray(String[]::new));
  }

  private final String auth = "Basic " + Base64.getEncoder().encodeToString((env("GRIDWATCH_BENCH_USER", "admin") + ":"
      + env("GRIDWATCH_BENCH_PASSWORD", "test-demo-password")).getBytes(StandardCharsets.UTF_8));

  private void run(ConfigurableApplicationContext memory, ConfigurableApplicationContext postgis) throws Exception {
    System.out.printf("machine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.arch"), System.getProperty("java.version"));
    String m = base(memory), p = base(postgis);
    awaitReady(m);
    awaitReady(p);
    AreaCatalog catalog = memory.getBean(AreaCatalog.class);
    List<AreaView> grids = catalog.now().level(AreaLevel.GRID);
    System.out.printf("%,d grids, %,d buildings%n", grids.size(), catalog.now().buildings().size());
    int perZoom = Integer.parseInt(env("GRIDWATCH_BENCH_TILES", "40"));

    System.out.println();
    System.out.println("== Warm tile latency over HTTP, ms (each tile fetched twice to warm, then " + ROUNDS + " rounds)");
    System.out.println("layer         z   tiles | memory median   p95   p99 | ST_AsMVT median   p95   p99 | ratio (median)");
    for (TileLayer layer : TileLayer.values()) {
      for (int z = 12; z <= 16; z++) {
        if (z < layer.minZoom() || z > layer.maxZoom()) continue;
        List<String> paths = tiles(grids, layer, z, perZoom);
        double[] a = latencies(m, paths), b = latencies(p, paths);
        System.out.printf("%-12s %2d %7d | %13.2f %5.2f %5.2f | %15.2f %5.2f %5.2f | %.2fx%n", layer.path(), z, paths.size(),
            pct(a, 50), pct(a, 95), pct(a, 99), pct(b, 50), pct(b, 95), pct(b, 99), pct(b, 50) / pct(a, 50));
      }
    }

    System.out.println();
    System.out.println("== Revalidation: If-None-Match with the current tag (memory encoder), ms");
    List<String> some = tiles(grids, TileLayer.GRIDS, 14, perZoom);
    double[] full = latencies(m, some), revalidated = revalidations(m, some);
    System.out.printf("grids z14, %d tiles: 200 median %.2f, 304 median %.2f (p95 %.2f)%n", some.size(), pct(full, 50),
        pct(revalidated, 50), pct(revalidated, 95));

    System.out.println();
    System.out.println("== A district view: every grid tile covering the district vs the GeoJSON grids layer");
    Envelope district = new Envelope();
    for (AreaView d : catalog.now().level(AreaLevel.DISTRICT)) district.expandToInclude(d.boundary().getEnvelopeInternal());
    byte[] geojson = get(m + "/ogcapi/collections/grids/items?limit=100000", null).body();
    System.out.printf("GeoJSON grids layer: %,d bytes (%,d gzipped)%n", geojson.length, gzip(geojson));
    for (int z = 12; z <= 13; z++) {
      TileAddress nw = TileAddress.containing(district.getMinX(), district.getMaxY(), z);
      TileAddress se = TileAddress.containing(district.getMaxX(), district.getMinY(), z);
      long bytes = 0, zipped = 0;
      int count = 0;
      for (int x = nw.x(); x <= se.x(); x++) {
        for (int y = nw.y(); y <= se.y(); y++) {
          byte[] b = get(m + "/tiles/grids/" + z + "/" + x + "/" + y + ".mvt", null).body();
          bytes += b.length;
          zipped += gzip(b);
          count++;
        }
      }
      System.out.printf("grid tiles z%d: %d tiles, %,d bytes (%,d gzipped) -> %.1f%% of the GeoJSON (%.1f%% gzipped)%n", z, count,
          bytes, zipped, 100.0 * bytes / geojson.length, 100.0 * zipped / gzip(geojson));
    }
  }

  /** Waits until a server has finished its start-up work (the demo import on an empty database). */
  private void awaitReady(String base) throws Exception {
    for (int i = 0; i < 1200; i++) {
      if (new String(get(base + "/api/v1/status", null).body(), StandardCharsets.UTF_8).contains("\"ready\":true")) return;
      Thread.sleep(500);
    }
    throw new IllegalStateException(base + " did not become ready");
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

  private double[] latencies(String base, List<String> paths) throws Exception {
    for (int w = 0; w < 2; w++) for (String path : paths) check(get(base + path, null));
    double[] ms = new double[paths.size() * ROUNDS];
    int k = 0;
    for (int r = 0; r < ROUNDS; r++) {
      for (String path : paths) {
        long s = System.nanoTime();
        check(get(base + path, null));
        ms[k++] = (System.nanoTime() - s) / 1e6;
      }
    }
    return ms;
  }

  private double[] revalidations(String base, List<String> paths) throws Exception {
    List<String> tags = new ArrayList<>();
    for (String path : paths) tags.add(get(base + path, null).headers().firstValue("ETag").orElseThrow());
    double[] ms = new double[paths.size() * ROUNDS];
    int k = 0;
    for (int r = 0; r < ROUNDS; r++) {
      for (int i = 0; i < paths.size(); i++) {
        long s = System.nanoTime();
        HttpResponse<byte[]> res = get(base + paths.get(i), tags.get(i));
        ms[k++] = (System.nanoTime() - s) / 1e6;
        if (res.statusCode() != 304) throw new IllegalStateException(paths.get(i) + ": " + res.statusCode());
      }
    }
    return ms;
  }

  private static void check(HttpResponse<byte[]> r) {
    if (r.statusCode() != 200 && r.statusCode() != 204) throw new IllegalStateException(r.uri() + ": " + r.statusCode());
  }

  private HttpResponse<byte[]> get(String url, String ifNoneMatch) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth);
    if (ifNoneMatch != null) b.header("If-None-Match", ifNoneMatch);
    return CLIENT.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static double pct(double[] values, int p) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v[Math.min(v.length - 1, (int) Math.ceil(p / 100.0 * v.length) - 1)];
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
