package org.gridwatch.bench.city;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.gridwatch.GridwatchApplication;
import org.gridwatch.support.CleanPostgisFirst;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The reads of the command centre at city scale (issue 18 §3), each beside the bare SQL giving the same answer in the
 * same run: the queue's first page, a case's detail, the district's measures for a year, the needs layer and the
 * coverage layer, over HTTP against the running server, warm (median, p95, p99). Runs on the generated city
 * ({@link CityGenerator}, {@code GRIDWATCH_CITY_PG_URL}) and on the suite's demo on PostGIS ({@code GRIDWATCH_TEST_PG_URL},
 * cleaned and seeded by the {@code test-postgis} profile); {@code GRIDWATCH_BENCH_ON=city} or {@code demo} runs one.
 * Also times the server's start on each. A harness, not a test: nothing asserts on a time.
 */
public final class CityBenchmark {
  record Row(String what, Latencies served, String baselineName, Latencies baseline, double targetMs) {}

  public static void main(String[] args) throws Exception {
    String on = System.getenv().getOrDefault("GRIDWATCH_BENCH_ON", "city,demo");
    System.out.printf("machine: %d cores, Java %s (shared by other work: trust ratios more than absolute times)%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    for (String target : on.split(",")) {
      boolean city = target.strip().equals("city");
      CitySettings s = CitySettings.fromEnvironment();
      long t = System.nanoTime();
      ConfigurableApplicationContext app = city
          ? SpringApplication.run(GridwatchApplication.class, s.serverArgs("--server.port=0"))
          : SpringApplication.run(new Class<?>[] {GridwatchApplication.class, CleanPostgisFirst.class}, new String[] {"--spring.profiles.active=test-postgis",
              "--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off"});
      try {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        double started = ready(port, t);
        String password = city ? s.demoPassword() : app.getEnvironment().getProperty("gridwatch.demo-password");
        new CityBenchmark().run(city ? "city" : "demo", app, port, password, started);
      } finally {
        app.close();
      }
    }
  }

  /** Seconds from the start until {@code /api/v1/status} says ready (the start-up steps run after the port opens). */
  private static double ready(int port, long startedNanos) throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    while (true) {
      var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/status")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200 && r.body().contains("\"ready\":true")) return (System.nanoTime() - startedNanos) / 1e9;
      Thread.sleep(200);
    }
  }

  private void run(String name, ConfigurableApplicationContext app, int port, String password, double started) throws Exception {
    DataSource db = app.getBean(DataSource.class);
    Instant now = app.getBean(Clock.class).instant();
    Timestamp yearAgo = Timestamp.from(now.minusSeconds(365L * 86400)), to = Timestamp.from(now);
    Client operator = new Client(port, "operator", password), planner = new Client(port, "planner", password);
    List<Row> rows = new ArrayList<>();
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      System.out.println();
      System.out.println("== " + name + ": " + sizes(st));
      System.out.printf("server start until ready: %.1f s%n", started);

      // The floor: a signed-in request that reads nothing, so the figures below can be read against this machine's load.
      System.out.printf("floor: GET /api/v1/status signed in (no database work): %s%n",
          Latencies.of(10, 100, () -> operator.get("/api/v1/status")).text());

      String queueSql = "SELECT * FROM incident WHERE status IN ('REPORTED','REGISTERED','DISPATCHED','IN_PROGRESS','RESOLVED',"
          + "'VERIFIED','RETURNED','PARKED','IN_CONSULTATION') ORDER BY deadline NULLS LAST, id LIMIT 51";
      rows.add(new Row("queue, first page (GET /api/v1/incidents?limit=50)", Latencies.of(10, 100, () -> operator.get("/api/v1/incidents?limit=50")),
          "SELECT open cases ORDER BY deadline LIMIT 51", Latencies.of(10, 100, () -> count(st, queueSql)), 100));

      String publicId;
      long id;
      try (ResultSet rs = st.executeQuery("SELECT public_id, id FROM incident ORDER BY id OFFSET (SELECT count(*) / 2 FROM incident) LIMIT 1")) {
        rs.next();
        publicId = rs.getString(1);
        id = rs.getLong(2);
      }
      try (PreparedStatement one = c.prepareStatement("SELECT * FROM incident WHERE public_id = ?");
          PreparedStatement events = c.prepareStatement("SELECT * FROM incident_event WHERE incident_id = ? ORDER BY at, id")) {
        one.setString(1, publicId);
        events.setLong(1, id);
        rows.add(new Row("case detail (GET /api/v1/incidents/" + publicId + ")", Latencies.of(10, 100, () -> operator.get("/api/v1/incidents/" + publicId)),
            "SELECT the case + its events", Latencies.of(10, 100, () -> count(one) + count(events)), 50));
      }

      try (PreparedStatement measures = c.prepareStatement(MEASURES_SQL); PreparedStatement needs = c.prepareStatement(NEEDS_SQL)) {
        measures.setTimestamp(1, yearAgo);
        measures.setTimestamp(2, to);
        needs.setTimestamp(1, yearAgo);
        needs.setTimestamp(2, to);
        rows.add(new Row("district measures, last 365 days (GET /api/v1/measures?level=district)",
            Latencies.of(3, 15, () -> operator.get("/api/v1/measures?level=district")),
            "SELECT the same sums GROUP BY category", Latencies.of(3, 15, () -> count(measures)), 500));
        rows.add(new Row("needs layer, grids, a year (GET /api/v1/needs?level=grid)", Latencies.of(3, 15, () -> planner.get("/api/v1/needs?level=grid")),
            "SELECT grid_code, count(*) GROUP BY grid_code", Latencies.of(3, 15, () -> count(needs)), 1000));
      }
      long first = System.nanoTime();
      planner.get("/api/v1/coverage/grids");
      System.out.printf("coverage layer, first request after start (engine built, window computed): %.1f s%n", (System.nanoTime() - first) / 1e9);
      rows.add(new Row("coverage layer (GET /api/v1/coverage/grids)", Latencies.of(3, 15, () -> planner.get("/api/v1/coverage/grids")),
          "SELECT the grids, cameras and routes it is computed from", Latencies.of(3, 15, () -> count(st, COVERAGE_INPUTS)), 1000));
    }
    System.out.println();
    for (Row r : rows) {
      System.out.printf("%-72s %s%n", r.what(), r.served().text());
      System.out.printf("%-72s %s   ratio %.1fx   target < %.0f ms (median) %s%n", "  baseline: " + r.baselineName(), r.baseline().text(),
          r.served().median() / r.baseline().median(), r.targetMs(), r.served().median() < r.targetMs() ? "✔" : "✘");
    }
  }

  /** The measures' sums over the district's cases reported in a year, as Measures computes them (per category). */
  static final String MEASURES_SQL = "SELECT i.category_code, count(*) FILTER (WHERE i.status NOT IN ('REJECTED','MERGED','TRANSFERRED')), "
      + "count(i.closed_at), count(*) FILTER (WHERE i.closed_at IS NOT NULL AND i.closed_on_time), count(i.dispatched_at), "
      + "count(i.resolved_at), count(*) FILTER (WHERE i.resolved_at IS NOT NULL AND i.reopenings > 0), "
      + "sum(extract(epoch FROM i.resolved_at - i.dispatched_at)) FILTER (WHERE i.resolved_at IS NOT NULL), "
      + "count(*) FILTER (WHERE i.closed_at IS NOT NULL AND i.category_code = 'NEIGHBOUR_DISPUTE'), "
      + "count(*) FILTER (WHERE i.closed_at IS NOT NULL AND i.category_code = 'NEIGHBOUR_DISPUTE' AND i.settled_in_grid), "
      + "count(*) FILTER (WHERE i.status = 'TRANSFERRED'), count(*) FILTER (WHERE i.breached AND i.status <> 'TRANSFERRED'), "
      + "count(f.rating), count(*) FILTER (WHERE f.rating IN ('SATISFIED','BASICALLY_SATISFIED')) "
      + "FROM incident i LEFT JOIN incident_feedback f ON f.incident_id = i.id WHERE i.reported_at >= ? AND i.reported_at < ? "
      + "GROUP BY i.category_code";
  static final String NEEDS_SQL = "SELECT grid_code, count(*) FROM incident WHERE reported_at >= ? AND reported_at < ? "
      + "AND duplicate_of IS NULL AND merged_into IS NULL GROUP BY grid_code";
  static final String COVERAGE_INPUTS = "SELECT (SELECT count(*) FROM area_version v JOIN area a ON a.id = v.area_id WHERE v.valid_to IS NULL "
      + "AND a.level = 'GRID' AND ST_NPoints(v.boundary) > 0), (SELECT count(*) FROM camera WHERE ST_X(location) > 0), "
      + "(SELECT count(*) FROM patrol_route WHERE ST_NPoints(geometry) > 0)";

  private static int count(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) { return drain(rs); }
  }

  private static int count(PreparedStatement ps) throws Exception {
    try (ResultSet rs = ps.executeQuery()) { return drain(rs); }
  }

  private static int drain(ResultSet rs) throws Exception {
    int n = 0, columns = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      for (int i = 1; i <= columns; i++) rs.getObject(i);
      n++;
    }
    return n;
  }

  private static String sizes(Statement st) throws Exception {
    try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM area a JOIN area_version v ON v.area_id = a.id AND v.valid_to IS NULL "
        + "WHERE a.level = 'GRID'), (SELECT count(*) FROM building), (SELECT count(*) FROM camera), (SELECT count(*) FROM patrol_route), "
        + "(SELECT count(*) FROM incident), (SELECT count(*) FROM incident WHERE status NOT IN ('CLOSED','REJECTED','MERGED','TRANSFERRED')), "
        + "(SELECT count(*) FROM incident_event)")) {
      rs.next();
      return String.format("%,d grids, %,d buildings, %,d cameras, %,d routes, %,d cases (%,d open), %,d events", rs.getLong(1), rs.getLong(2),
          rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7));
    }
  }
}
