package org.gridwatch.bench.city;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.gridwatch.GridwatchApplication;
import org.gridwatch.incident.Categories;
import org.gridwatch.incident.WorkingCalendar;
import org.gridwatch.support.CleanPostgisFirst;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A city to measure on (issue 18, a benchmark tool, not demo data): Gridwatch itself cleans and migrates the city's
 * PostGIS database (Flyway) and makes its accounts, then the city is loaded with COPY — 20,000 grids in their
 * hierarchy, 2,000,000 buildings, 50,000 cameras, 3,000 patrol routes, 10,000,000 cases over ten years with their
 * history — each table's secondary indexes and foreign keys made again afterwards exactly as the migrations define
 * them. Seeded: the same city every time (relative to today). Settings: {@link CitySettings}
 * ({@code GRIDWATCH_CITY_SCALE=0.1} a tenth of everything). Run with
 * {@code ./mvnw -o -Pbench,city -pl server -DskipTests verify} (see docs/benchmarks.md).
 */
public final class CityGenerator {
  public static void main(String[] args) throws Exception {
    CitySettings s = CitySettings.fromEnvironment();
    System.out.printf("city at scale %.3f: %,d grids, %,d buildings, %,d cameras, %,d routes, %,d cases into %s%n", s.scale(),
        s.grids(), s.buildings(), s.cameras(), s.routes(), s.cases(), s.url());
    Timings timings = new Timings();
    long t = System.nanoTime();
    ConfigurableApplicationContext app = SpringApplication.run(new Class<?>[] {GridwatchApplication.class, CleanPostgisFirst.class},
        s.serverArgs("--server.port=0", "--gridwatch.test.clean-database=true", "--spring.flyway.clean-disabled=false"));
    try {
      timings.note(String.format("clean + Flyway migration + start, empty: %.1f s", (System.nanoTime() - t) / 1e9));
      DataSource db = app.getBean(DataSource.class);
      Instant now = app.getBean(Clock.class).instant().truncatedTo(ChronoUnit.SECONDS);
      Instant since = now.minus(3660, ChronoUnit.DAYS);
      long whole = System.nanoTime();
      t = System.nanoTime();
      CityAreas areas = new CityAreas(s.grids());
      timings.note(String.format("hierarchy built in memory (%,d areas, %,d grids): %.1f s", areas.all.size(), areas.grids.size(),
          (System.nanoTime() - t) / 1e9));
      CityPlaces places = new CityPlaces(areas, since);
      places.loadAreasAndBuildings(db, s.buildings(), timings);
      places.loadCameras(db, s.cameras(), timings);
      places.loadRoutes(db, s.routes(), timings);
      new CityCases(places, app.getBean(Categories.class), app.getBean(WorkingCalendar.class), now).load(db, s.cases(), timings);
      sequences(db);
      timings.note(String.format("whole load: %.1f s", (System.nanoTime() - whole) / 1e9));
      timings.note("database size: " + size(db));
    } finally {
      app.close();
    }
    timings.print();
  }

  /** Every table's own sequence past its highest id, so the server's next inserts never collide with the city's rows. */
  private static void sequences(DataSource db) throws Exception {
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      for (String table : new String[] {"area", "area_version", "building", "camera", "patrol_route"}) {
        st.execute("SELECT setval('" + table + "_seq', (SELECT coalesce(max(id), 0) + 1000 FROM " + table + "))");
      }
    }
  }

  private static String size(DataSource db) throws Exception {
    try (Connection c = db.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
