package org.gridwatch.bench.city;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the city lives and how big it is: {@code GRIDWATCH_CITY_PG_URL} (default localhost/gridwatch_city),
 * {@code GRIDWATCH_CITY_PG_USER}/{@code _PASSWORD} (default gridwatch), {@code GRIDWATCH_CITY_SCALE} (1.0 the whole
 * city: 20,000 grids, 2,000,000 buildings, 50,000 cameras, 3,000 routes, 10,000,000 cases; 0.1 a tenth of each),
 * {@code GRIDWATCH_CITY_CASES} (the number of cases, when it should not follow the scale).
 */
record CitySettings(String url, String user, String password, double scale, long casesWanted, String demoPassword) {
  static CitySettings fromEnvironment() {
    return new CitySettings(env("GRIDWATCH_CITY_PG_URL", "jdbc:postgresql://localhost:5432/gridwatch_city"),
        env("GRIDWATCH_CITY_PG_USER", "gridwatch"), env("GRIDWATCH_CITY_PG_PASSWORD", "gridwatch"),
        Double.parseDouble(env("GRIDWATCH_CITY_SCALE", "1.0")), Long.parseLong(env("GRIDWATCH_CITY_CASES", "-1")),
        env("GRIDWATCH_CITY_DEMO_PASSWORD", "city-demo-password"));
  }

  int grids() { return (int) Math.round(20_000 * scale); }
  int buildings() { return (int) Math.round(2_000_000 * scale); }
  int cameras() { return (int) Math.round(50_000 * scale); }
  int routes() { return (int) Math.round(3_000 * scale); }
  /** {@code GRIDWATCH_CITY_CASES} when set (a full city with fewer cases), else 10,000,000 times the scale. */
  long cases() { return casesWanted >= 0 ? casesWanted : Math.round(10_000_000 * scale); }

  /** Gridwatch on the city: no demo data, the demo accounts with a known password, quiet. */
  String[] serverArgs(String... more) {
    List<String> a = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
        "--spring.datasource.password=" + password, "--gridwatch.demo-data.enabled=false",
        "--gridwatch.demo-password=" + demoPassword, "--logging.level.root=WARN", "--spring.main.banner-mode=off",
        "--gridwatch.data-dir=target/city-data",
        // A fixed key for sealed personal data: the city has none, and no key file is written.
        "--gridwatch.privacy.key=Y2l0eS1iZW5jaG1hcmstb25seS1rZXktMzItYnl0ZXM="));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  /** What a harness reads after starting Gridwatch on the city. */
  public interface OnCity {
    void run(org.springframework.context.ConfigurableApplicationContext app, int port, String demoPassword) throws Exception;
  }

  /**
   * Starts Gridwatch on the city (migrations run at the start, so a first start after an upgrade includes them),
   * prints how long until its port opened, runs {@code body}, and stops it.
   */
  public void withServer(OnCity body) throws Exception {
    long t = System.nanoTime();
    var app = org.springframework.boot.SpringApplication.run(org.gridwatch.GridwatchApplication.class, serverArgs("--server.port=0"));
    try {
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      System.out.printf("server start (migrations included) until the port opened: %.1f s%n", (System.nanoTime() - t) / 1e9);
      body.run(app, port, demoPassword());
    } finally {
      app.close();
    }
  }
}
