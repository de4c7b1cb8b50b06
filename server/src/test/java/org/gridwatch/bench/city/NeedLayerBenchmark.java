package org.gridwatch.bench.city;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.gridwatch.area.DistrictProfile;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The needs layer on a generated city (issue 18 §3, part H5): {@code GET /api/v1/needs?level=grid|community|subdistrict}
 * for its default period (the last 365 days, whole days) over HTTP, beside the bare SQL of the direct count of the same
 * period grouped by the level's column, in the same run. Before timing, every served area's case count is checked equal
 * to the direct count (a fast wrong answer is no figure). Starts Gridwatch on {@code GRIDWATCH_CITY_PG_URL}: a build
 * with the need tally migrates V25_2 at its first start there (the start time includes the backfill). Not CI; reads only.
 * Run it with main's classes for "before" and this branch's for "after".
 */
public final class NeedLayerBenchmark {
  public static void main(String[] args) throws Exception {
    CitySettings.fromEnvironment().withServer(NeedLayerBenchmark::run);
  }

  private static void run(ConfigurableApplicationContext app, int port, String password) throws Exception {
    DataSource db = app.getBean(DataSource.class);
    ZoneId zone = app.getBean(DistrictProfile.class).timeZone();
    LocalDate today = LocalDate.now(app.getBean(Clock.class).withZone(zone));
    Instant start = today.minusDays(364).atStartOfDay(zone).toInstant(), end = today.plusDays(1).atStartOfDay(zone).toInstant();
    Client planner = new Client(port, "planner", password);
    try (Connection c = db.getConnection(); var st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT count(*), (SELECT count(*) FROM incident WHERE reported_at >= '" + start
          + "' AND reported_at < '" + end + "' AND duplicate_of IS NULL AND merged_into IS NULL),"
          + " (SELECT count(*) FROM pg_tables WHERE tablename = 'need_tally') FROM incident")) {
        rs.next();
        System.out.printf("cases %,d; counted in the layer's period %s – %s: %,d; need_tally %s%n", rs.getLong(1), start, end,
            rs.getLong(2), rs.getLong(3) == 1 ? "present" : "absent (before)");
      }
      for (String level : new String[] {"grid", "community", "subdistrict"}) {
        try (PreparedStatement direct = c.prepareStatement("SELECT " + level + "_code, count(*) FROM incident WHERE reported_at >= ?"
            + " AND reported_at < ? AND duplicate_of IS NULL AND merged_into IS NULL GROUP BY " + level + "_code")) {
          direct.setTimestamp(1, Timestamp.from(start));
          direct.setTimestamp(2, Timestamp.from(end));
          String url = "/api/v1/needs?level=" + level;
          exact(level, planner.get(url), direct);
          Latencies served = Latencies.of(3, 15, () -> planner.get(url)), base = Latencies.of(3, 15, () -> count(direct));
          System.out.printf("%-60s %s%n", "GET " + url, served.text());
          System.out.printf("%-60s %s   ratio %.2fx   target < 1000 ms (median) %s%n", "  baseline: direct count, bare SQL",
              base.text(), served.median() / base.median(), served.median() < 1000 ? "met" : "not met");
        }
      }
    }
  }

  /** The served cases per area equal the direct count's (for the areas served), or the benchmark stops. */
  private static void exact(String level, String body, PreparedStatement direct) throws Exception {
    Map<String, Long> counted = new HashMap<>();
    try (ResultSet rs = direct.executeQuery()) {
      while (rs.next()) counted.put(rs.getString(1), rs.getLong(2));
    }
    long areas = 0, total = 0;
    for (JsonNode a : JsonMapper.builder().build().readTree(body).get("areas")) {
      long served = a.get("cases").asLong(), want = counted.getOrDefault(a.get("code").asString(), 0L);
      if (served != want) throw new IllegalStateException(level + " " + a.get("code").asString() + ": served " + served + ", direct " + want);
      areas++;
      total += served;
    }
    System.out.printf("%s: %,d areas, %,d cases served, each equal to the direct count%n", level, areas, total);
  }

  private static int count(PreparedStatement ps) throws Exception {
    int n = 0;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) n++;
    }
    return n;
  }
}
