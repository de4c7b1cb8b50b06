package org.gridwatch.bench.city;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.gridwatch.groundnet.Mode;
import org.gridwatch.groundnet.Schedule;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.WKTWriter;

/**
 * Loads the city's places with COPY: areas and their current boundary versions, buildings (seeded points inside
 * each grid, households summed up the hierarchy), cameras near buildings and patrol routes between buildings of a
 * community. Keeps every building's point and grid for the cases ({@link #lon}, {@link #lat}, {@link #gridOf}).
 */
final class CityPlaces {
  private static final GeometryFactory GF = new GeometryFactory();
  private static final String[] CAMERA_TYPES = {"FIXED", "FIXED", "FIXED", "PTZ", "DOME", "MINI_DOME"};

  final CityAreas areas;
  final Instant since;
  double[] lon, lat;
  int[] gridOf;

  CityPlaces(CityAreas areas, Instant since) {
    this.areas = areas;
    this.since = since;
  }

  /** Buildings first (their households make the areas'), then the areas. Answers the rows per table. */
  void loadAreasAndBuildings(DataSource db, int buildings, Timings timings) throws Exception {
    List<CityAreas.Area> grids = areas.grids;
    lon = new double[buildings];
    lat = new double[buildings];
    gridOf = new int[buildings];
    java.util.Map<String, long[]> people = new java.util.HashMap<>(); // code -> households, residents
    SplittableRandom r = new SplittableRandom(2_000_000);
    try (Connection c = db.getConnection()) {
      TableLoad load = new TableLoad(c, "building").strip();
      long t = System.nanoTime();
      try (Connection copy = db.getConnection();
          CopyRows rows = new CopyRows(copy, "building", "id, code, name, location, households, residents, synthetic")) {
        int b = 0;
        for (int g = 0; g < grids.size(); g++) {
          int want = (int) ((long) buildings * (g + 1) / grids.size()) - b;
          CityAreas.Area grid = grids.get(g);
          PreparedGeometry inside = PreparedGeometryFactory.prepare(grid.boundary());
          Envelope e = grid.boundary().getEnvelopeInternal();
          for (int k = 0; k < want; k++, b++) {
            double x, y;
            do {
              x = r.nextDouble(e.getMinX(), e.getMaxX());
              y = r.nextDouble(e.getMinY(), e.getMaxY());
            } while (!inside.contains(GF.createPoint(new org.locationtech.jts.geom.Coordinate(x, y))));
            lon[b] = x;
            lat[b] = y;
            gridOf[b] = g;
            int households = r.nextInt(4, 120), residents = (int) Math.round(households * r.nextDouble(2.2, 3.0));
            add(people, grid, households, residents);
            rows.row(b + 1, "CB" + (b + 1), "合成楼栋" + (b + 1) + "号", point(x, y), households, residents, true);
          }
        }
      }
      timings.copied("building", buildings, t);
      timings.indexed("building", load.rebuild());
    }
    loadAreas(db, people, timings);
  }

  private void add(java.util.Map<String, long[]> people, CityAreas.Area grid, int households, int residents) {
    String code = grid.code();
    for (int len : new int[] {15, 12, 9, 6}) {
      long[] p = people.computeIfAbsent(code.substring(0, len), k -> new long[2]);
      p[0] += households;
      p[1] += residents;
    }
  }

  private void loadAreas(DataSource db, java.util.Map<String, long[]> people, Timings timings) throws Exception {
    long t = System.nanoTime();
    WKTWriter wkt = new WKTWriter();
    try (Connection c = db.getConnection()) {
      try (CopyRows rows = new CopyRows(c, "area", "id, code, level, name, name_en, parent_code, synthetic, created_at")) {
        long id = 0;
        for (CityAreas.Area a : areas.all) rows.row(++id, a.code(), a.level(), a.name(), a.nameEn(), a.parent(), true, since);
      }
      try (CopyRows rows = new CopyRows(c, "area_version",
          "id, area_id, version, valid_from, boundary, area_m2, households, residents")) {
        long id = 0;
        for (CityAreas.Area a : areas.all) {
          long[] p = people.getOrDefault(a.code(), new long[2]);
          ++id;
          rows.row(id, id, 1, since, "SRID=4326;" + wkt.write(a.boundary()), CityAreas.squareMetres(a.boundary()), p[0], p[1]);
        }
      }
      timings.copied("area + area_version", areas.all.size(), t);
      try (var s = c.createStatement()) { s.execute("ANALYZE area"); s.execute("ANALYZE area_version"); }
    }
  }

  void loadCameras(DataSource db, int cameras, Timings timings) throws Exception {
    SplittableRandom r = new SplittableRandom(50_000);
    long t = System.nanoTime();
    try (Connection c = db.getConnection(); CopyRows rows = new CopyRows(c, "camera", "id, code, name, location, type, heading, fov, "
        + "range_m, mount_height_m, status, key_area, install_date, grid_code, synthetic, version, updated_at")) {
      for (int i = 0; i < cameras; i++) {
        int b = r.nextInt(lon.length);
        String type = CAMERA_TYPES[r.nextInt(CAMERA_TYPES.length)];
        boolean round = type.equals("DOME") || type.equals("PTZ");
        double x = r.nextDouble();
        String status = x < 0.95 ? "ONLINE" : x < 0.98 ? "OFFLINE" : "FAULT";
        rows.row(i + 1, "CC" + (i + 1), "合成摄像机" + (i + 1), point(lon[b], lat[b]), type, (double) r.nextInt(0, 360),
            round ? 360.0 : (double) r.nextInt(45, 100), (double) r.nextInt(30, round ? 80 : 120), 4.0 + r.nextInt(0, 6),
            status, r.nextDouble() < 0.2, LocalDate.of(2016, 1, 1).plusDays(r.nextInt(3650)),
            areas.grids.get(gridOf[b]).code(), true, 0, since);
      }
    }
    timings.copied("camera", cameras, t);
    try (Connection c = db.getConnection(); var s = c.createStatement()) { s.execute("ANALYZE camera"); }
  }

  void loadRoutes(DataSource db, int routes, Timings timings) throws Exception {
    SplittableRandom r = new SplittableRandom(3_000);
    EnumSet<DayOfWeek> everyDay = EnumSet.allOf(DayOfWeek.class);
    String schedule = new Schedule(List.of(new Schedule.Window(everyDay, LocalTime.of(8, 0), LocalTime.of(11, 30), 2),
        new Schedule.Window(everyDay, LocalTime.of(14, 0), LocalTime.of(17, 30), 2))).toJson();
    long t = System.nanoTime();
    try (Connection c = db.getConnection(); CopyRows rows = new CopyRows(c, "patrol_route",
        "id, code, name, geometry, mode, width_m, schedule, synthetic, version, updated_at")) {
      for (int i = 0; i < routes; i++) {
        // A walk through the buildings of one grid and its neighbours: consecutive buildings lie in the same grid.
        int start = r.nextInt(lon.length - 200);
        StringBuilder line = new StringBuilder("SRID=4326;MULTILINESTRING((");
        for (int k = 0; k < 6; k++) {
          int b = start + k * r.nextInt(5, 30);
          if (k > 0) line.append(", ");
          line.append(lon[b]).append(' ').append(lat[b]);
        }
        line.append("))");
        Mode mode = Mode.values()[r.nextInt(Mode.values().length)];
        rows.row(i + 1, "CR" + (i + 1), "合成巡逻线路" + (i + 1), line.toString(), mode.name(), mode.defaultWidth(), schedule,
            true, 0, since);
      }
    }
    timings.copied("patrol_route", routes, t);
  }

  static String point(double x, double y) { return "SRID=4326;POINT(" + x + " " + y + ")"; }
}
