package org.gridwatch.bench.city;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The year's measures and the needs layer on a generated city (issue 18 §3, "Ten million cases"), each over HTTP beside
 * the bare SQL of the direct count it used to be, in the same run: the district's measures for the last 365 days
 * (period ends mid-day, so the tally's whole days plus two edges counted directly), one subdistrict's, and the grid
 * needs layer. Before timing, it checks the served measures equal the direct count (due, closed, closed on time,
 * breached, transferred: summed from the SQL). Starts Gridwatch on {@code GRIDWATCH_CITY_PG_URL} (migrations run at
 * the start, so the first start on a city builds the tally: the start time includes it). Not CI; reads only.
 */
public final class TallyBenchmark {
  public static void main(String[] args) throws Exception {
    CitySettings.fromEnvironment().withServer((app, port, password) -> new TallyBenchmark().run(app, port, password));
  }

  private void run(ConfigurableApplicationContext app, int port, String password) throws Exception {
    DataSource db = app.getBean(DataSource.class);
    Instant now = app.getBean(Clock.class).instant();
    Instant from = now.minusSeconds(365L * 86400);
    Timestamp f = Timestamp.from(from), to = Timestamp.from(now);
    Client operator = new Client(port, "operator", password), planner = new Client(port, "planner", password);
    String subdistrict;
    try (Connection c = db.getConnection(); var st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE reported_at >= now() - interval '365 days'),"
          + " (SELECT count(*) FROM case_tally), (SELECT min(subdistrict_code) FROM incident) FROM incident")) {
        rs.next();
        System.out.printf("cases %,d; reported in the last 365 days %,d; case_tally rows %,d%n", rs.getLong(1), rs.getLong(2), rs.getLong(3));
        subdistrict = rs.getString(4);
      }
      String period = "&from=" + from + "&to=" + now;
      String district = "/api/v1/measures?level=district" + period;
      String sub = "/api/v1/measures?level=subdistrict&code=" + subdistrict + period;
      String subSql = CityBenchmark.MEASURES_SQL.replace("GROUP BY", "AND i.subdistrict_code = '" + subdistrict + "' GROUP BY");
      try (PreparedStatement measures = c.prepareStatement(CityBenchmark.MEASURES_SQL); PreparedStatement subMeasures = c.prepareStatement(subSql);
          PreparedStatement needs = c.prepareStatement(CityBenchmark.NEEDS_SQL)) {
        for (PreparedStatement p : new PreparedStatement[] {measures, subMeasures, needs}) {
          p.setTimestamp(1, f);
          p.setTimestamp(2, to);
        }
        exact("district", operator.get(district), measures);
        exact("subdistrict " + subdistrict, operator.get(sub), subMeasures);
        row("district measures, last 365 days (GET " + district.substring(0, district.indexOf('&')) + ")",
            Latencies.of(3, 15, () -> operator.get(district)), "direct count: the same sums GROUP BY category",
            Latencies.of(3, 15, () -> drain(measures)), 500);
        row("subdistrict measures, last 365 days (level=subdistrict&code=" + subdistrict + ")",
            Latencies.of(3, 15, () -> operator.get(sub)), "direct count of the subdistrict", Latencies.of(3, 15, () -> drain(subMeasures)), 500);
        row("needs layer, grids, a year (GET /api/v1/needs?level=grid)", Latencies.of(3, 15, () -> planner.get("/api/v1/needs?level=grid")),
            "SELECT grid_code, count(*) GROUP BY grid_code", Latencies.of(3, 15, () -> drain(needs)), 1000);
      }
    }
  }

  /** The served overall figures equal the direct count's sums, or the benchmark stops (a fast wrong answer is no figure). */
  private static void exact(String what, String body, PreparedStatement direct) throws Exception {
    JsonNode overall = JsonMapper.builder().build().readTree(body).get("overall");
    long due = 0, closed = 0, onTime = 0, transferred = 0, breached = 0;
    try (ResultSet rs = direct.executeQuery()) {
      while (rs.next()) {
        due += rs.getLong(2);
        closed += rs.getLong(3);
        onTime += rs.getLong(4);
        transferred += rs.getLong(11);
        breached += rs.getLong(12);
      }
    }
    boolean same = overall.get("due").asLong() == due && overall.get("closed").asLong() == closed
        && overall.get("transferred").asLong() == transferred && overall.get("breached").asLong() == breached
        && Math.abs(overall.get("onTimeClosureRate").asDouble() - Math.round(onTime * 10000.0 / due) / 10000.0) < 1e-9;
    System.out.printf("%s: served due %,d closed %,d transferred %,d breached %,d; direct count due %,d closed %,d transferred %,d"
        + " breached %,d: %s%n", what, overall.get("due").asLong(), overall.get("closed").asLong(), overall.get("transferred").asLong(),
        overall.get("breached").asLong(), due, closed, transferred, breached, same ? "equal" : "DIFFERENT");
    if (!same) throw new IllegalStateException(what + ": the served measures differ from the direct count");
  }

  private static void row(String what, Latencies served, String baseline, Latencies base, double targetMs) {
    System.out.printf("%-80s %s%n", what, served.text());
    System.out.printf("%-80s %s   ratio %.2fx   target < %.0f ms (median) %s%n", "  baseline: " + baseline, base.text(),
        served.median() / base.median(), targetMs, served.median() < targetMs ? "met" : "not met");
  }

  private static int drain(PreparedStatement ps) throws Exception {
    int n = 0;
    try (ResultSet rs = ps.executeQuery()) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) rs.getObject(i);
        n++;
      }
    }
    return n;
  }
}
