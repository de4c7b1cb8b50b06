package org.gridwatch.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.gridwatch.support.DemoFiles;
import org.gridwatch.support.ServerProcess;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Intake end to end (a harness, not a test): the packaged server in its own process on PostGIS, driven over
 * HTTP at a fixed offered load; the same reports inserted straight into PostGIS as the baseline; a run in
 * which the server is killed with -9 halfway and restarted, after which every acknowledged report must be in
 * the database; and the queue's first page with 100,000 open cases and the measures of one subdistrict.
 * Run with {@code ./mvnw -Pbench -DskipTests verify}; see docs/benchmarks.md.
 */
public final class IntakeBenchmark {
  static final int PORT = 18080;
  static final String[] CATEGORIES = {"SANITATION", "ROAD_NOT_CLEAN", "PROPERTY_MANAGEMENT", "NEIGHBOUR_DISPUTE", "MUNICIPAL_FACILITY"};

  final String url = env("GRIDWATCH_TEST_PG_URL", "jdbc:postgresql://localhost:5432/gridwatch_test");
  final String user = env("GRIDWATCH_TEST_PG_USER", "gridwatch");
  final String password = env("GRIDWATCH_TEST_PG_PASSWORD", "gridwatch");
  final int rate = Integer.parseInt(env("GRIDWATCH_BENCH_RATE", "300"));
  final int seconds = Integer.parseInt(env("GRIDWATCH_BENCH_SECONDS", "30"));
  final List<double[]> points = points(20_000);

  public static void main(String[] args) throws Exception {
    new IntakeBenchmark().run();
  }

  void run() throws Exception {
    System.out.printf("machine: %d cores, Java %s; offered load %d reports/s for %d s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), rate, seconds);
    Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration/postgresql").cleanDisabled(false)
        .load().clean();
    File log = new File("target/bench-server.log");
    ServerProcess server = new ServerProcess(PORT, log, "spring.datasource.url=" + url, "spring.datasource.username=" + user,
        "spring.datasource.password=" + password, "gridwatch.demo-password=bench", "gridwatch.map.tile-url=none",
        "gridwatch.data-dir=target/bench-data", "logging.level.root=WARN");
    server.start();
    try {
      measuresAndQueue("with the demo year of 50,000 cases");
      ceiling(server);
      sustained(server);
      baseline();
      killNine(server);
      topUpOpenCases(100_000);
      measuresAndQueue("with 100,000 open cases");
    } finally {
      server.stop();
    }
  }

  private void sustained(ServerProcess server) throws Exception {
    System.out.println();
    System.out.println("== Intake over HTTP: POST /api/v1/incidents (placement, duplicate check, commit), PostGIS");
    try (LoadGenerator generator = new LoadGenerator()) {
      generator.run("http://localhost:" + server.port + "/api/v1/incidents", rate / 2, 20, this::report, null); // warms the generator too
      LoadGenerator.Result r = generator.run("http://localhost:" + server.port + "/api/v1/incidents", rate, seconds,
          this::report, null);
      print(r);
      System.out.printf("acknowledged and found in PostGIS afterwards: %d of %d%n", present(r.acknowledged()), r.acknowledged().size());
    }
  }

  /** The measured intake ceiling (closed loop), not the accepted share of the offered load. */
  private double intakeCeiling;

  /**
   * How fast this machine can go at all: closed loops of 8 clients for 15 s, first on an endpoint that does
   * nothing (the HTTP stack, the security filters and the client on the same two cores), then on intake.
   */
  private void ceiling(ServerProcess server) throws Exception {
    System.out.println();
    System.out.println("== Ceilings, closed loop, 8 clients on the same machine (after 90 s of warm-up for the JIT)");
    String base = "http://localhost:" + server.port;
    closedLoop(base + "/api/v1/config", null, 15);
    closedLoop(base + "/api/v1/incidents", this::report, 90);
    double empty = closedLoop(base + "/api/v1/config", null, 15);
    double intake = closedLoop(base + "/api/v1/incidents", this::report, 15);
    intakeCeiling = intake;
    System.out.printf("GET /api/v1/config (does nothing): %,.0f requests/s; POST /api/v1/incidents: %,.0f reports/s%n", empty, intake);
  }

  static double closedLoop(String url, java.util.function.IntFunction<String> body, int seconds) throws Exception {
    java.util.concurrent.atomic.AtomicLong ok = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicInteger seq = new java.util.concurrent.atomic.AtomicInteger();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int t = 0; t < 8; t++) {
      pool.submit(() -> {
        HttpClient c = HttpClient.newHttpClient();
        while (System.nanoTime() < end) {
          HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
          if (body != null) b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.apply(seq.incrementAndGet())));
          if (c.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode() / 100 == 2) ok.incrementAndGet();
        }
        return null;
      });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 60L, java.util.concurrent.TimeUnit.SECONDS);
    return ok.get() / (double) seconds;
  }

  /** PostGIS alone storing the same reports: one INSERT and commit per report over 8 connections. */
  private void baseline() throws Exception {
    System.out.println();
    System.out.println("== Baseline: PostGIS alone, one INSERT + COMMIT per report, 8 JDBC connections, same machine");
    int n = rate * 10;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (Connection setup = DriverManager.getConnection(url, user, password); Statement s = setup.createStatement()) {
      s.execute("drop table if exists bench_reports");
      s.execute("create table bench_reports (id bigserial primary key, category varchar(30), location geometry(Point, 4326), "
          + "description varchar(4000), reported_at timestamptz default now())");
      s.execute("create index on bench_reports using gist (location)");
    }
    long start = System.nanoTime();
    List<Future<?>> jobs = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      jobs.add(pool.submit(() -> {
        try (Connection c = DriverManager.getConnection(url, user, password);
            PreparedStatement ps = c.prepareStatement("insert into bench_reports (category, location, description) values (?, ST_SetSRID(ST_MakePoint(?, ?), 4326), ?)")) {
          for (int i = thread; i < n; i += 8) {
            double[] p = points.get(i % points.size());
            ps.setString(1, CATEGORIES[i % CATEGORIES.length]);
            ps.setDouble(2, p[0]);
            ps.setDouble(3, p[1]);
            ps.setString(4, "bench");
            ps.executeUpdate();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : jobs) f.get();
    double perSecond = n / ((System.nanoTime() - start) / 1e9);
    pool.shutdown();
    System.out.printf("PostGIS alone: %,.0f inserts/s (closed loop, as fast as it goes) -> Gridwatch's intake ceiling of %,.0f/s is %.2fx of it%n",
        perSecond, intakeCeiling, intakeCeiling / perSecond);
  }

  private void killNine(ServerProcess server) throws Exception {
    System.out.println();
    System.out.println("== Durability: kill -9 halfway through a run, restart, look for every acknowledged report");
    int killRate = Math.max(50, rate * 2 / 3);
    LoadGenerator.Result r;
    try (LoadGenerator generator = new LoadGenerator()) {
      r = generator.run("http://localhost:" + server.port + "/api/v1/incidents", killRate, 20, this::report, () -> {
        try {
          server.kill9();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    System.out.printf("sent %d at %d/s, acknowledged %d before the kill, failed %d (connection refused after it)%n",
        r.sent(), killRate, r.accepted(), r.failed());
    server.start();
    long found = present(r.acknowledged());
    System.out.printf("after restart: %d of %d acknowledged reports are in PostGIS -> %s%n", found, r.acknowledged().size(),
        found == r.acknowledged().size() ? "none lost" : (r.acknowledged().size() - found) + " LOST");
  }

  private void measuresAndQueue(String when) throws Exception {
    System.out.println();
    System.out.println("== Reads " + when);
    HttpClient http = HttpClient.newHttpClient();
    String auth = session(http);
    long open;
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) filter (where status not in ('CLOSED','REJECTED','MERGED')), count(*) from incident")) {
      rs.next();
      open = rs.getLong(1);
      System.out.printf("cases: %,d (open %,d)%n", rs.getLong(2), open);
    }
    long queue = Timer.median(5, 21, () -> get(http, "/api/v1/incidents?limit=50", auth));
    long measures = Timer.median(5, 21, () -> get(http, "/api/v1/measures?level=subdistrict&code=370203014", auth));
    long queueSql;
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      queueSql = Timer.median(5, 21, () -> {
        try (ResultSet rs = s.executeQuery("select * from incident where status not in ('CLOSED','REJECTED','MERGED') "
            + "order by coalesce(deadline, '9999-12-31'::timestamptz), id limit 51")) {
          int n = 0;
          while (rs.next()) n++;
          return n;
        }
      });
    }
    System.out.printf("GET /api/v1/incidents?limit=50 (first page, most urgent first): median %s; the bare SQL in PostGIS %s%n",
        Timer.ms(queue), Timer.ms(queueSql));
    System.out.printf("GET /api/v1/measures for one subdistrict over a year: median %s%n", Timer.ms(measures));
  }

  private int get(HttpClient http, String path, String auth) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path)).header("Cookie", auth)
        .build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
    return r.body().length();
  }

  /**
   * Signs in once like the console does and returns the session cookie: with HTTP Basic every request would
   * pay for a BCrypt check (tens of milliseconds by design), which is not what the queue costs.
   */
  private static String session(HttpClient http) throws Exception {
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/login")).build(),
        HttpResponse.BodyHandlers.ofString());
    String xsrf = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0]).filter(c -> c.startsWith("XSRF-TOKEN="))
        .findFirst().orElseThrow();
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=operator&password=bench&_csrf=" + xsrf.substring("XSRF-TOKEN=".length())))
        .build(), HttpResponse.BodyHandlers.ofString());
    return login.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0]).filter(c -> c.startsWith("JSESSIONID="))
        .findFirst().orElseThrow(() -> new IllegalStateException("login failed: " + login.statusCode()));
  }

  /** Copies open cases (new ids and public ids) until there are {@code target} open ones. */
  private void topUpOpenCases(int target) throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      CaseCopies.topUp(s, "status not in ('CLOSED','REJECTED','MERGED')", target, true);
    }
  }

  private long present(Set<String> ids) throws Exception {
    long found = 0;
    try (Connection c = DriverManager.getConnection(url, user, password);
        PreparedStatement ps = c.prepareStatement("select count(*) from incident where public_id = any (?)")) {
      List<String> all = new ArrayList<>(ids);
      for (int i = 0; i < all.size(); i += 5000) {
        ps.setArray(1, c.createArrayOf("varchar", all.subList(i, Math.min(all.size(), i + 5000)).toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          found += rs.getLong(1);
        }
      }
    }
    return found;
  }

  private String report(int i) {
    double[] p = points.get(i % points.size());
    return String.format(Locale.ROOT, "{\"category\":\"%s\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},"
        + "\"description\":\"benchmark report %d\"}", CATEGORIES[i % CATEGORIES.length], p[0], p[1], i);
  }

  private static void print(LoadGenerator.Result r) {
    System.out.printf("sent %,d, accepted %,d (%.0f/s), failed %d; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        r.sent(), r.accepted(), r.acceptedPerSecond(), r.failed(), r.p50Micros() / 1000.0, r.p99Micros() / 1000.0,
        r.maxMicros() / 1000.0);
  }

  /** Random points inside the district, from the demo grid outlines. */
  static List<double[]> points(int n) {
    List<DemoFiles.Feature> grids = DemoFiles.read("grids");
    GeometryFactory gf = new GeometryFactory();
    SplittableRandom r = new SplittableRandom(11);
    List<double[]> out = new ArrayList<>();
    while (out.size() < n) {
      Geometry g = grids.get(r.nextInt(grids.size())).geometry();
      Envelope e = g.getEnvelopeInternal();
      double x = r.nextDouble(e.getMinX(), e.getMaxX()), y = r.nextDouble(e.getMinY(), e.getMaxY());
      if (g.contains(gf.createPoint(new Coordinate(x, y)))) out.add(new double[] {x, y});
    }
    return out;
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
