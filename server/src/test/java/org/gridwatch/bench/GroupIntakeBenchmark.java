package org.gridwatch.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.gridwatch.support.ServerProcess;

/**
 * Group-committed intake (issue 18; a harness, not a test), on PostGIS, in one run with the same number of
 * concurrent clients throughout:
 * (a) PostgreSQL's own rate of one INSERT + COMMIT per row into a table like {@code incident}, as fast as it goes;
 * (b) reports accepted per second over HTTP with the group-committing writer, closed loop;
 * (c) latency at a fixed 80 % of (a), open loop (measured from when each request was due), and at 80 % of (b);
 * (d) the same with the writer switched off ({@code gridwatch.intake.group.enabled=false}: one transaction per report).
 * Also the mean reports per commit in (b), from the rows' transaction ids. Run with {@code ./mvnw -Pbench verify} or
 * alone; see docs/benchmarks.md.
 */
public final class GroupIntakeBenchmark {
  private static final String[] CATEGORIES = IntakeBenchmark.CATEGORIES;

  private final String url = env("GRIDWATCH_TEST_PG_URL", "jdbc:postgresql://localhost:5432/gridwatch_test");
  private final String user = env("GRIDWATCH_TEST_PG_USER", "gridwatch");
  private final String password = env("GRIDWATCH_TEST_PG_PASSWORD", "gridwatch");
  private final int clients = Integer.parseInt(env("GRIDWATCH_BENCH_CLIENTS", "16"));
  private final int warmup = Integer.parseInt(env("GRIDWATCH_BENCH_WARMUP", "60"));
  private final int seconds = Integer.parseInt(env("GRIDWATCH_BENCH_SECONDS", "20"));
  private final List<double[]> points = IntakeBenchmark.points(20_000);

  public static void main(String[] args) throws Exception {
    new GroupIntakeBenchmark().run();
  }

  void run() throws Exception {
    System.out.printf("machine: %d cores (shared), Java %s; %d concurrent clients; %d s warm-up, %d s per measure%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), clients, warmup, seconds);
    String running = System.getenv("GRIDWATCH_BENCH_RUNNING_PORT");
    if (running == null || running.isBlank()) {
      Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration/postgresql").cleanDisabled(false)
          .load().clean();
    }
    double postgres = postgresAlone();
    System.out.printf("(a) PostgreSQL alone, one INSERT + COMMIT per row, %d connections: %,.0f rows/s%n", clients, postgres);

    if (running != null && !running.isBlank()) { // a server already started (with the writer on): (b) and (c) only
      System.out.println();
      System.out.println("== (b) group-committing writer, the running server on port " + running);
      measure("http://localhost:" + running.strip() + "/api/v1/incidents", postgres);
      return;
    }
    double group = intake("(b) group-committing writer", true, postgres);
    double single = intake("(d) one transaction per report (writer off)", false, postgres);
    System.out.printf("%nsummary: group writer %,.0f reports/s = %.2fx PostgreSQL's %,.0f rows/s; one transaction per report "
        + "%,.0f reports/s = %.2fx; group vs one-per-report %.2fx%n", group, group / postgres, postgres, single, single / postgres,
        group / single);
  }

  /** Starts the server with the writer on or off, warms it up, and measures the ceiling and the latency at fixed loads. */
  private double intake(String name, boolean groupWriter, double postgres) throws Exception {
    System.out.println();
    System.out.println("== " + name);
    ServerProcess server = new ServerProcess(ServerProcess.freePort(), new File("target/bench-group-intake-server.log"),
        "spring.datasource.url=" + url, "spring.datasource.username=" + user, "spring.datasource.password=" + password,
        "gridwatch.data-dir=" + Files.createTempDirectory("gridwatch-bench"), "gridwatch.demo-data.incidents=100",
        "gridwatch.demo-password=bench", "gridwatch.map.tile-url=none", "logging.level.root=WARN",
        "gridwatch.intake.group.enabled=" + groupWriter);
    server.start();
    try {
      return measure("http://localhost:" + server.port + "/api/v1/incidents", postgres);
    } finally {
      server.stop();
    }
  }

  /** Warms the server up, then its ceiling (closed loop) and the latency at 80 % of PostgreSQL's rate and of its own. */
  private double measure(String intake, double postgres) throws Exception {
    {
      closedLoop(intake, warmup);
      long firstId = maxIncidentId();
      double ceiling = closedLoop(intake, seconds);
      System.out.printf("accepted, closed loop, %d clients: %,.0f reports/s (%.2fx PostgreSQL alone); %.1f reports per commit%n",
          clients, ceiling, ceiling / postgres, reportsPerCommit(firstId));
      // the server's floor: what the same clients get from an endpoint that reads and writes nothing
      String nothing = intake.replace("/api/v1/incidents", "/api/v1/config");
      double floor = closedLoop(nothing, seconds, n -> HttpRequest.newBuilder(URI.create(nothing)).GET().build());
      System.out.printf("the HTTP floor, GET /api/v1/config (reads nothing), closed loop, %d clients: %,.0f requests/s "
          + "(%.2fx PostgreSQL alone)%n", clients, floor, floor / postgres);
      try (LoadGenerator generator = new LoadGenerator()) {
        // the sustainable load first: an overload leaves a backlog that would spoil whatever is measured after it
        for (double share : new double[] {0.8 * ceiling, 0.8 * postgres}) {
          int rate = (int) Math.max(10, Math.round(share));
          LoadGenerator.Result r = generator.run(intake, rate, seconds, this::report, null);
          System.out.printf("offered %,d/s (%s): accepted %,d of %,d (%.0f/s), failed %d; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
              rate, share == 0.8 * postgres ? "80 % of PostgreSQL alone" : "80 % of this ceiling", r.accepted(), r.sent(),
              r.acceptedPerSecond(), r.failed(), r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, r.maxMicros() / 1000.0);
        }
      }
      return ceiling;
    }
  }

  /** Rows made since {@code firstId} divided by the distinct transactions that wrote them (PostgreSQL's xmin). */
  private double reportsPerCommit(long firstId) throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*), count(distinct xmin::text) from incident where id > " + firstId)) {
      rs.next();
      return rs.getLong(2) == 0 ? 0 : rs.getLong(1) / (double) rs.getLong(2);
    }
  }

  private long maxIncidentId() throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from incident")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Reports per second a closed loop of {@code clients} gets accepted (2xx), each client waiting for its answer. */
  private double closedLoop(String url, int forSeconds) throws Exception {
    return closedLoop(url, forSeconds, n -> HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(report(n))).build());
  }

  /** Requests per second a closed loop of {@code clients} gets answered 2xx, each client sending {@code request(n)}. */
  private double closedLoop(String url, int forSeconds, java.util.function.IntFunction<HttpRequest> requestFor) throws Exception {
    return ClosedLoop.answeredPerSecond(clients, forSeconds, 0, requestFor);
  }

  /** PostgreSQL alone: {@code clients} connections, each one INSERT + COMMIT per row, for the measured time. */
  private double postgresAlone() throws Exception {
    try (Connection setup = DriverManager.getConnection(url, user, password); Statement s = setup.createStatement()) {
      s.execute("drop table if exists bench_reports");
      s.execute("drop sequence if exists bench_reports_number");
      s.execute("create sequence bench_reports_number");
      s.execute("create table bench_reports (id bigserial primary key, public_id varchar(30) not null unique, "
          + "category_code varchar(40) not null, status varchar(20) not null, grid_code varchar(20), "
          + "location geometry(Point, 4326) not null, description varchar(4000), reported_at timestamptz not null)");
      s.execute("create index on bench_reports using gist (location)");
      s.execute("create index on bench_reports (status, reported_at)");
    }
    AtomicLong rows = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int t = 0; t < clients; t++) {
        int thread = t;
        jobs.add(pool.submit(() -> {
          try (Connection c = DriverManager.getConnection(url, user, password); PreparedStatement ps = c.prepareStatement(
              "insert into bench_reports (public_id, category_code, status, grid_code, location, description, reported_at) "
                  + "values ('B-' || nextval('bench_reports_number'), ?, 'REPORTED', ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), ?, now())")) {
            for (int i = thread; System.nanoTime() < end; i += clients) {
              double[] p = points.get(i % points.size());
              ps.setString(1, CATEGORIES[i % CATEGORIES.length]);
              ps.setString(2, "G" + (i % 1000));
              ps.setDouble(3, p[0]);
              ps.setDouble(4, p[1]);
              ps.setString(5, "benchmark report " + i);
              ps.executeUpdate();
              rows.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : jobs) f.get();
    } finally {
      pool.shutdownNow();
    }
    // dropped again: Flyway will not migrate a schema that holds tables it did not make
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute("drop table bench_reports");
      s.execute("drop sequence bench_reports_number");
    }
    return rows.get() / (double) seconds;
  }

  private String report(int i) {
    double[] p = points.get(i % points.size());
    return String.format(Locale.ROOT, "{\"category\":\"%s\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},"
        + "\"description\":\"benchmark report %d\"}", CATEGORIES[i % CATEGORIES.length], p[0], p[1], i);
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
