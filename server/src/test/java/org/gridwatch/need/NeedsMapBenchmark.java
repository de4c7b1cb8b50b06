package org.gridwatch.need;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.gridwatch.GridwatchApplication;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.bench.Timer;
import org.gridwatch.support.Http;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The needs map over a year of 1,000,000 cases on PostGIS (issue 15): starts Gridwatch on the test suite's PostGIS
 * database ({@code GRIDWATCH_TEST_PG_URL}, wiped and given the demo), adds 1,000,000 synthetic cases spread over the
 * last 365 days and every grid (one {@code INSERT … SELECT generate_series}, copying a demo case's other columns), then
 * times {@code GET /api/v1/needs?level=grid} (all categories, and one category) over HTTP, signed in as a planner,
 * beside the plain {@code SELECT grid_code, count(*) … GROUP BY grid_code} over the same rows in the same run. Medians
 * of 11 runs after 3 warm-ups. The added cases are deleted at the end.
 */
public final class NeedsMapBenchmark {
  static final int CASES = 1_000_000;
  static final String PREFIX = "BN";

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext app = SpringApplication.run(GridwatchApplication.class,
        "--spring.profiles.active=test-postgis", "--server.port=0", "--logging.level.root=WARN",
        "--spring.main.banner-mode=off", "--gridwatch.demo-data.cameras=300");
    try {
      new NeedsMapBenchmark().run(app);
    } finally {
      app.close();
    }
  }

  private void run(ConfigurableApplicationContext app) throws Exception {
    System.out.printf("machine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.arch"), System.getProperty("java.version"));
    DataSource db = app.getBean(DataSource.class);
    ZoneId zone = app.getBean(DistrictProfile.class).timeZone();
    LocalDate today = LocalDate.now(zone);
    Timestamp start = Timestamp.from(today.minusDays(364).atStartOfDay(zone).toInstant());
    Timestamp end = Timestamp.from(today.plusDays(1).atStartOfDay(zone).toInstant());
    try (Connection c = db.getConnection()) {
      System.out.println("PostgreSQL: " + c.getMetaData().getDatabaseProductVersion());
      long loaded = System.nanoTime();
      load(c, start, end);
      System.out.printf("loaded %,d cases over %s..%s in %s (INSERT … SELECT generate_series, then ANALYZE)%n", CASES,
          today.minusDays(364), today, Timer.ms(System.nanoTime() - loaded));
      try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM incident WHERE reported_at >= ? AND reported_at < ?")) {
        p.setTimestamp(1, start);
        p.setTimestamp(2, end);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          System.out.printf("cases in the year: %,d (the demo's and the added)%n", rs.getLong(1));
        }
      }
      explain(c, start, end);

      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      Http http = new Http(port);
      String[] planner = Http.basic("planner", app.getEnvironment().getProperty("gridwatch.demo-password"));
      String period = "&from=" + today.minusDays(364) + "&to=" + today;
      int[] areas = new int[1];
      long all = Timer.median(3, 11, () -> {
        Http.Response r = http.get("/api/v1/needs?level=grid" + period, planner);
        if (r.status() != 200) throw new IllegalStateException(r.status() + " " + r.body());
        areas[0] = r.json().get("areas").size();
        return null;
      });
      long one = Timer.median(3, 11, () -> {
        Http.Response r = http.get("/api/v1/needs?level=grid&category=SANITATION" + period, planner);
        if (r.status() != 200) throw new IllegalStateException(r.status() + " " + r.body());
        return null;
      });
      long baseline = Timer.median(3, 11, () -> groupBy(c, start, end, null));
      long baselineOne = Timer.median(3, 11, () -> groupBy(c, start, end, "SANITATION"));
      System.out.println();
      System.out.println("== The needs map, district at grid level, a year (" + areas[0] + " grids)");
      System.out.printf("GET /api/v1/needs?level=grid, all categories : %s median   baseline GROUP BY %s   ratio %.2f×%n",
          Timer.ms(all), Timer.ms(baseline), (double) all / baseline);
      System.out.printf("GET /api/v1/needs?level=grid&category=…      : %s median   baseline GROUP BY %s   ratio %.2f×%n",
          Timer.ms(one), Timer.ms(baselineOne), (double) one / baselineOne);
      System.out.println("target: under 500 ms " + (all < 500_000_000L && one < 500_000_000L ? "✔" : "✘"));
    } finally {
      try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
        int gone = s.executeUpdate("DELETE FROM incident WHERE public_id LIKE '" + PREFIX + "-%'");
        System.out.printf("removed the %,d added cases%n", gone);
      }
    }
  }

  /** One million cases: a demo case's other columns, a grid (with its community and subdistrict), a category and a time each. */
  private static void load(Connection c, Timestamp start, Timestamp end) throws Exception {
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getColumns(null, null, "incident", null)) {
      while (rs.next()) columns.add(rs.getString("COLUMN_NAME"));
    }
    String select = columns.stream().map(col -> switch (col) {
      case "id" -> "9000000000000 + g";
      case "public_id" -> "'" + PREFIX + "-' || g";
      case "grid_code" -> "a.grid_code";
      case "community_code" -> "a.community_code";
      case "subdistrict_code" -> "a.subdistrict_code";
      case "category_code" -> "(ARRAY['SANITATION','NEIGHBOUR_DISPUTE','ELDERLY_CARE','PROPERTY_MANAGEMENT','ROAD_NOT_CLEAN',"
          + "'MUNICIPAL_FACILITY','HOUSEKEEPING','DELIVERY'])[1 + (g * 7) % 8]";
      case "reported_at" -> "?::timestamptz + (random() * (?::timestamptz - ?::timestamptz))";
      case "duplicate_of", "merged_into" -> "NULL";
      default -> "t." + col;
    }).collect(Collectors.joining(", "));
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bench_need_grid");
      s.execute("CREATE TEMP TABLE bench_need_grid AS SELECT row_number() OVER (ORDER BY g.code) - 1 AS i, g.code AS grid_code,"
          + " m.code AS community_code, m.parent_code AS subdistrict_code FROM area g JOIN area m ON m.code = g.parent_code"
          + " WHERE g.level = 'GRID' AND g.retired_at IS NULL");
    }
    int grids;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM bench_need_grid")) {
      rs.next();
      grids = rs.getInt(1);
    }
    String sql = "INSERT INTO incident (" + String.join(", ", columns) + ") SELECT " + select
        + " FROM generate_series(1, " + CASES + ") g"
        + " JOIN bench_need_grid a ON a.i = (g::bigint * 7919) % " + grids
        + " CROSS JOIN (SELECT * FROM incident WHERE public_id NOT LIKE '" + PREFIX + "-%' ORDER BY id LIMIT 1) t";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setTimestamp(1, start);
      p.setTimestamp(2, end);
      p.setTimestamp(3, start);
      p.executeUpdate();
    }
    try (Statement s = c.createStatement()) {
      s.execute("VACUUM ANALYZE incident");
    }
  }

  private static long groupBy(Connection c, Timestamp start, Timestamp end, String category) throws Exception {
    String sql = "SELECT grid_code, count(*) FROM incident WHERE reported_at >= ? AND reported_at < ?"
        + (category == null ? "" : " AND category_code = ?") + " GROUP BY grid_code";
    long n = 0;
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setTimestamp(1, start);
      p.setTimestamp(2, end);
      if (category != null) p.setString(3, category);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) n += rs.getLong(2);
      }
    }
    return n;
  }

  private static void explain(Connection c, Timestamp start, Timestamp end) throws Exception {
    String sql = "EXPLAIN (ANALYZE, BUFFERS) SELECT grid_code, count(*) FROM incident WHERE reported_at >= ? AND reported_at < ?"
        + " AND duplicate_of IS NULL AND merged_into IS NULL GROUP BY grid_code";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setTimestamp(1, start);
      p.setTimestamp(2, end);
      try (ResultSet rs = p.executeQuery()) {
        System.out.println("plan of the needs map's case count:");
        while (rs.next()) System.out.println("  " + rs.getString(1));
      }
    }
  }
}
