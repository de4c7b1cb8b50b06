package org.gridwatch.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.gridwatch.support.DemoFiles;
import org.gridwatch.support.ServerProcess;

/**
 * The price of durability (a harness, not a test): the packaged server's intake ceiling, closed loop with 8
 * clients, on the embedded default as it was (H2's default WRITE_DELAY of 500 ms: commits acknowledged before
 * they are written), as it is now (WRITE_DELAY=0: every commit written first) and on PostGIS, in the same run on
 * the same machine, each with a small fresh demo. Also the time each first start took. See docs/benchmarks.md.
 */
public final class DurabilityPriceBenchmark {
  private static final String[] CATEGORIES = {"SANITATION", "ROAD_NOT_CLEAN", "PROPERTY_MANAGEMENT", "MUNICIPAL_FACILITY"};
  private final int warmup = Integer.parseInt(env("GRIDWATCH_BENCH_WARMUP", "20"));
  private final int seconds = Integer.parseInt(env("GRIDWATCH_BENCH_SECONDS", "20"));
  private final List<String> bodies = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    new DurabilityPriceBenchmark().run();
  }

  void run() throws Exception {
    int i = 0;
    for (DemoFiles.Feature g : DemoFiles.read("grids")) {
      var p = g.geometry().getInteriorPoint();
      bodies.add(String.format(Locale.ROOT, "{\"category\":\"%s\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},"
          + "\"description\":\"benchmark report\"}", CATEGORIES[i++ % CATEGORIES.length], p.getX(), p.getY()));
    }
    System.out.printf("machine: %d cores (shared), Java %s; closed loop, 8 clients, %d s warm-up then %d s measured%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), warmup, seconds);
    String pgUrl = env("GRIDWATCH_TEST_PG_URL", "jdbc:postgresql://localhost:5432/gridwatch_test");
    String pgUser = env("GRIDWATCH_TEST_PG_USER", "gridwatch"), pgPassword = env("GRIDWATCH_TEST_PG_PASSWORD", "gridwatch");
    double before = measure("H2GIS file, H2 default write delay (before the fix)",
        "spring.datasource.url=jdbc:h2:file:${gridwatch.data-dir}/gridwatch;DB_CLOSE_ON_EXIT=FALSE");
    double after = measure("H2GIS file, WRITE_DELAY=0 (the embedded default now)");
    Flyway.configure().dataSource(pgUrl, pgUser, pgPassword).locations("classpath:db/migration/postgresql").cleanDisabled(false)
        .load().clean();
    double postgis = measure("PostGIS (same machine)", "spring.datasource.url=" + pgUrl, "spring.datasource.username=" + pgUser,
        "spring.datasource.password=" + pgPassword);
    System.out.printf("%nprice of durability on the embedded default: %.2fx the reports/s of before; "
        + "embedded now vs PostGIS: %.2fx; before vs PostGIS: %.2fx%n", after / before, after / postgis, before / postgis);
  }

  private double measure(String name, String... properties) throws Exception {
    Path dir = Files.createTempDirectory("gridwatch-bench");
    List<String> props = new ArrayList<>(List.of("gridwatch.data-dir=" + dir, "gridwatch.demo-data.incidents=100",
        "gridwatch.demo-password=bench", "gridwatch.map.tile-url=none", "logging.level.root=WARN"));
    props.addAll(List.of(properties));
    ServerProcess server = new ServerProcess(ServerProcess.freePort(), new File("target/bench-durability-server.log"),
        props.toArray(String[]::new));
    long t0 = System.nanoTime();
    server.start();
    double firstStart = (System.nanoTime() - t0) / 1e9;
    try {
      String url = "http://localhost:" + server.port + "/api/v1/incidents";
      IntakeBenchmark.closedLoop(url, n -> bodies.get(n % bodies.size()), warmup);
      double perSecond = IntakeBenchmark.closedLoop(url, n -> bodies.get(n % bodies.size()), seconds);
      System.out.printf("%-55s first start (small demo) %5.1f s; POST /api/v1/incidents %,6.0f reports/s%n", name, firstStart, perSecond);
      return perSecond;
    } finally {
      server.stop();
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
