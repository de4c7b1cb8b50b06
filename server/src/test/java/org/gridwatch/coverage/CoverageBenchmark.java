package org.gridwatch.coverage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.gridwatch.GridwatchApplication;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.bench.LocateBenchmark;
import org.gridwatch.bench.Timer;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.groundnet.Mode;
import org.gridwatch.groundnet.RouteChanged;
import org.gridwatch.groundnet.RouteView;
import org.gridwatch.groundnet.Schedule;
import org.gridwatch.skynet.CameraChanged;
import org.gridwatch.skynet.CameraStatus;
import org.gridwatch.skynet.CameraType;
import org.gridwatch.skynet.CameraView;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Coverage benchmark (a harness, not a test): the in-memory engine against PostGIS doing the same unions and
 * intersections in the same run, for the Shibei demo (1,103 grids, 3,000 cameras, ~170 routes) and a generated
 * city (20,000 grids, 50,000 cameras, 3,000 routes); full recompute, one camera moved and one route moved. Run with
 * {@code ./mvnw -Pbench -DskipTests verify} (see docs/benchmarks.md); needs the PostGIS test database.
 */
public final class CoverageBenchmark {
  /** The demo district's time zone (the benchmark runs on the Shibei demo). */
  static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");
  static final Instant DAY = LocalDate.of(2026, 11, 25).atTime(10, 0).atZone(ZONE).toInstant();
  static final int MOVES = 40;

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext app = SpringApplication.run(GridwatchApplication.class,
        "--spring.profiles.active=test-postgis", "--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off");
    try {
      System.out.printf("machine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
          System.getProperty("os.arch"), System.getProperty("java.version"));
      DataSource db = app.getBean(DataSource.class);
      StoredInputs stored = app.getBean(StoredInputs.class);
      CoverageInputs district = new Fixed(stored.grids(), List.copyOf(stored.cameras()), List.copyOf(stored.routes()), stored.keyAreas());
      run("Shibei demo", district, db, 5);
      lineOfSight(district, app.getBean(org.gridwatch.area.AreaCatalog.class).now().buildings());
      if (args.length == 0 || !args[0].equals("district")) run("Generated city", city(20_000, 50_000, 3_000), db, 1);
    } finally {
      app.close();
    }
  }

  /** Fixed inputs: the stored district copied once, or a generated city. */
  record Fixed(List<AreaView> grids, Collection<CameraView> cameras, Collection<RouteView> routes, List<Geometry> keyAreas)
      implements CoverageInputs {
    @Override
    public Object gridsKey() { return grids; }
  }

  static void run(String title, CoverageInputs in, DataSource db, int runs) throws Exception {
    System.out.printf("%n== %s: %,d grids, %,d cameras, %,d routes (%,d running at 10:00)%n", title, in.grids().size(),
        in.cameras().size(), in.routes().size(), in.routes().stream().filter(r -> r.activeAt(DAY)).count());
    CoverageEngine engine = new CoverageEngine(in);
    double[] memory = new double[3];
    long full = Timer.median(runs > 1 ? 1 : 0, runs, () -> {
      engine.rebuild();
      sum(engine.parts(DAY), memory);
      return null;
    });
    System.out.printf("in memory, full recompute (grids, sectors, buffers, camera/patrol/combined cover): %s%n", Timer.ms(full));

    load(db, in);
    double[] sql = new double[3];
    long postgis = Timer.median(0, Math.min(runs, 3), () -> {
      postgisFull(db, sql);
      return null;
    });
    System.out.printf("PostGIS, the same unions and intersections in one SQL statement: %s -> in memory is %.1fx faster%n",
        Timer.ms(postgis), (double) postgis / full);
    System.out.printf("covered m², in memory vs PostGIS: cameras %,.0f / %,.0f, patrols %,.0f / %,.0f, combined %,.0f / %,.0f%n",
        memory[0], sql[0], memory[1], sql[1], memory[2], sql[2]);

    List<CameraView> cams = new ArrayList<>(in.cameras().stream().filter(CameraView::online).toList());
    SplittableRandom r = new SplittableRandom(7);
    timeMoves("one camera moved 60–120 m", "update the sector, recompute the touched grids", MOVES, () -> {
      CameraView before = cams.get(r.nextInt(cams.size()));
      CameraView after = moved(before, 60 + r.nextDouble() * 60, r.nextDouble() * 360);
      return new Move(() -> engine.cameraChanged(new CameraChanged(before, after)), () -> postgisMove(db, before, after),
          () -> engine.cameraChanged(new CameraChanged(after, before)), () -> postgisMove(db, after, before));
    });
    // Routes running at 10:00 moved 60 m one at a time: the engine updates the cached patrol cover of 10:00.
    List<RouteView> running = in.routes().stream().filter(x -> x.activeAt(DAY)).toList();
    engine.parts(DAY);
    SplittableRandom rr = new SplittableRandom(9);
    timeMoves("one running route moved 60 m", "update the line and its stored buffer, recompute the touched grids", 20, () -> {
      RouteView before = running.get(rr.nextInt(running.size()));
      double a = rr.nextDouble() * 2 * Math.PI;
      RouteView after = new RouteView(before.code(), before.name(), MetricProjection.toWgs84(
          org.locationtech.jts.geom.util.AffineTransformation.translationInstance(60 * Math.sin(a), 60 * Math.cos(a))
              .transform(MetricProjection.toMetres(before.line()))), before.teamCode(), before.mode(), before.widthM(),
          before.schedule(), before.synthetic(), ZONE);
      return new Move(() -> engine.routeChanged(new RouteChanged(before, after)), () -> postgisRouteMove(db, before, after),
          () -> engine.routeChanged(new RouteChanged(after, before)), () -> postgisRouteMove(db, after, before));
    });
  }

  interface Step {
    void run() throws Exception;
  }

  /** A change made in memory and in PostGIS (timed), and its undoing in both (not timed). */
  record Move(Step memory, Step postgis, Step undoMemory, Step undoPostgis) {}

  static void timeMoves(String what, String postgisWork, int n, java.util.concurrent.Callable<Move> next) throws Exception {
    long[] mem = new long[n], pg = new long[n];
    for (int i = 0; i < n; i++) {
      Move m = next.call();
      long s = System.nanoTime();
      m.memory().run();
      mem[i] = System.nanoTime() - s;
      s = System.nanoTime();
      m.postgis().run();
      pg[i] = System.nanoTime() - s;
      m.undoMemory().run();
      m.undoPostgis().run();
    }
    java.util.Arrays.sort(mem);
    java.util.Arrays.sort(pg);
    System.out.printf("%s (%d times), in memory: median %s, p90 %s%n", what, n, Timer.ms(mem[n / 2]), Timer.ms(mem[n * 9 / 10]));
    System.out.printf("  PostGIS (%s): median %s -> %.1fx%n", postgisWork, Timer.ms(pg[n / 2]), (double) pg[n / 2] / mem[n / 2]);
  }

  static void postgisRouteMove(DataSource db, RouteView before, RouteView after) throws Exception {
    WKBWriter wkb = new WKBWriter();
    byte[] oldLine = wkb.write(MetricProjection.toMetres(before.line())), newLine = wkb.write(MetricProjection.toMetres(after.line()));
    try (Connection c = db.getConnection()) {
      for (String update : List.of("update bench_cov_routes set line = ST_Multi(ST_GeomFromWKB(?, 4549)) where code = ?",
          "update bench_cov_buffers b set geom = ST_Buffer(ST_GeomFromWKB(?, 4549), r.width, 'quad_segs=8') from bench_cov_routes r"
              + " where r.code = b.code and b.code = ?")) {
        try (PreparedStatement ps = c.prepareStatement(update)) {
          ps.setBytes(1, newLine);
          ps.setString(2, after.code());
          ps.executeUpdate();
        }
      }
      String sql = "with t as (select g.id, g.geom from bench_cov_grids g where ST_DWithin(g.geom, ST_GeomFromWKB(?, 4549), ?)"
          + " or ST_DWithin(g.geom, ST_GeomFromWKB(?, 4549), ?)) select t.id, ST_Area(ST_Union(ST_Intersection(b.geom, t.geom)))"
          + " from t join bench_cov_buffers b on b.active and b.geom && t.geom and ST_Intersects(b.geom, t.geom) group by t.id";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setBytes(1, oldLine);
        ps.setDouble(2, before.widthM());
        ps.setBytes(3, newLine);
        ps.setDouble(4, after.widthM());
        try (ResultSet rs = ps.executeQuery()) { while (rs.next()) rs.getDouble(2); }
      }
    }
  }

  /** The same district with a footprint around every building: what line of sight costs, against no obstacles. */
  static void lineOfSight(CoverageInputs district, List<org.gridwatch.area.BuildingView> buildings) throws Exception {
    SplittableRandom r = new SplittableRandom(11);
    List<Geometry> footprints = new ArrayList<>();
    for (var b : buildings) {
      double[] c = MetricProjection.project(b.location().getX(), b.location().getY());
      double w = 8 + r.nextDouble() * 6, l = 15 + r.nextDouble() * 25;
      footprints.add(org.gridwatch.geo.Sector.METRIC.toGeometry(new Envelope(c[0] - l / 2, c[0] + l / 2, c[1] - w / 2, c[1] + w / 2)));
    }
    org.gridwatch.geo.LineOfSight los = new org.gridwatch.geo.LineOfSight(footprints);
    CoverageInputs clipped = new WithObstacles(district, los);
    CoverageEngine plain = new CoverageEngine(district), blocked = new CoverageEngine(clipped);
    double[] a = new double[3], b = new double[3];
    long without = Timer.median(1, 3, () -> { plain.rebuild(); sum(plain.parts(DAY), a); return null; });
    long with = Timer.median(1, 3, () -> { blocked.rebuild(); sum(blocked.parts(DAY), b); return null; });
    System.out.printf("%n== Line of sight: the district with %,d building footprints (synthetic, 8–14 × 15–40 m)%n", footprints.size());
    System.out.printf("full recompute without obstacles %s, with line of sight %s -> %.1fx the time; camera cover %,.0f -> %,.0f m²%n",
        Timer.ms(without), Timer.ms(with), (double) with / without, a[0], b[0]);
  }

  record WithObstacles(CoverageInputs base, org.gridwatch.geo.LineOfSight los) implements CoverageInputs {
    @Override public Object gridsKey() { return base.gridsKey(); }
    @Override public List<AreaView> grids() { return base.grids(); }
    @Override public Collection<CameraView> cameras() { return base.cameras(); }
    @Override public Collection<RouteView> routes() { return base.routes(); }
    @Override public List<Geometry> keyAreas() { return base.keyAreas(); }

    @Override
    public Polygon sight(CameraView c) {
      double[] xy = MetricProjection.project(c.lon(), c.lat());
      return los.visible(xy[0], xy[1], c.heading(), c.effectiveFov(), c.rangeM());
    }
  }

  static void sum(List<CoverageEngine.Parts> parts, double[] out) {
    java.util.Arrays.fill(out, 0);
    for (CoverageEngine.Parts p : parts) {
      out[0] += CoverageEngine.area(p.cameras());
      out[1] += CoverageEngine.area(p.patrols());
      out[2] += CoverageEngine.area(p.combined());
    }
  }

  // ---- PostGIS doing the same work ----

  static final String COVER_SQL = """
      with b as (select ST_Buffer(line, width, 'quad_segs=8') geom from bench_cov_routes where active),
      cam as (select g.id, ST_Union(ST_Intersection(s.geom, g.geom)) c from bench_cov_grids g
              join bench_cov_sectors s on s.geom && g.geom and ST_Intersects(s.geom, g.geom) %s group by g.id),
      pat as (select g.id, ST_Union(ST_Intersection(b.geom, g.geom)) p from bench_cov_grids g
              join b on b.geom && g.geom and ST_Intersects(b.geom, g.geom) %s group by g.id)
      select coalesce(sum(ST_Area(cam.c)), 0), coalesce(sum(ST_Area(pat.p)), 0),
             coalesce(sum(ST_Area(coalesce(ST_Union(cam.c, pat.p), cam.c, pat.p))), 0)
      from bench_cov_grids g left join cam on cam.id = g.id left join pat on pat.id = g.id %s""";

  static void postgisFull(DataSource db, double[] out) throws Exception {
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(COVER_SQL.formatted("", "", ""))) {
      rs.next();
      for (int i = 0; i < 3; i++) out[i] = rs.getDouble(i + 1);
    }
  }

  /** Replace one sector and recompute the camera cover of the grids its old or new sector touches. */
  static void postgisMove(DataSource db, CameraView before, CameraView after) throws Exception {
    WKBWriter wkb = new WKBWriter();
    String touched = "and g.id in (select g2.id from bench_cov_grids g2 where ST_Intersects(g2.geom, ST_GeomFromWKB(?, 4549))"
        + " or ST_Intersects(g2.geom, ST_GeomFromWKB(?, 4549)))";
    try (Connection c = db.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement("update bench_cov_sectors set geom = ST_GeomFromWKB(?, 4549) where code = ?")) {
        ps.setBytes(1, wkb.write(after.sectorMetres()));
        ps.setString(2, after.code());
        ps.executeUpdate();
      }
      String sql = "select g.id, ST_Area(ST_Union(ST_Intersection(s.geom, g.geom))) from bench_cov_grids g join bench_cov_sectors s"
          + " on s.geom && g.geom and ST_Intersects(s.geom, g.geom) " + touched + " group by g.id";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setBytes(1, wkb.write(before.sectorMetres()));
        ps.setBytes(2, wkb.write(after.sectorMetres()));
        try (ResultSet rs = ps.executeQuery()) { while (rs.next()) rs.getDouble(2); }
      }
    }
  }

  /** The same inputs in PostGIS, projected to EPSG:4549 by the same code, with GiST indexes. */
  static void load(DataSource db, CoverageInputs in) throws Exception {
    WKBWriter wkb = new WKBWriter();
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("drop table if exists bench_cov_grids, bench_cov_sectors, bench_cov_routes, bench_cov_buffers");
      s.execute("create table bench_cov_grids (id integer primary key, geom geometry(MultiPolygon, 4549))");
      s.execute("create table bench_cov_sectors (code text primary key, geom geometry(Polygon, 4549))");
      s.execute("create table bench_cov_routes (code text primary key, line geometry(MultiLineString, 4549), width float8, active boolean)");
      batch(c, "insert into bench_cov_grids values (?, ST_Multi(ST_GeomFromWKB(?, 4549)))", in.grids(), (ps, g, i) -> {
        ps.setInt(1, i);
        ps.setBytes(2, wkb.write(MetricProjection.toMetres(g.boundary())));
      });
      batch(c, "insert into bench_cov_sectors values (?, ST_GeomFromWKB(?, 4549))",
          in.cameras().stream().filter(CameraView::online).toList(), (ps, cam, i) -> {
            ps.setString(1, cam.code());
            ps.setBytes(2, wkb.write(cam.sectorMetres()));
          });
      batch(c, "insert into bench_cov_routes values (?, ST_Multi(ST_GeomFromWKB(?, 4549)), ?, ?)", List.copyOf(in.routes()),
          (ps, route, i) -> {
            ps.setString(1, route.code());
            ps.setBytes(2, wkb.write(MetricProjection.toMetres(route.line())));
            ps.setDouble(3, route.widthM());
            ps.setBoolean(4, route.activeAt(DAY));
          });
      // Stored buffers, kept up to date like the engine's, for the route-move comparison.
      s.execute("create table bench_cov_buffers as select code, ST_Buffer(line, width, 'quad_segs=8') geom, active from bench_cov_routes");
      for (String t : List.of("bench_cov_grids", "bench_cov_sectors", "bench_cov_buffers")) s.execute("create index on " + t + " using gist (geom)");
      s.execute("analyze bench_cov_grids; analyze bench_cov_sectors; analyze bench_cov_routes; analyze bench_cov_buffers");
    }
  }

  interface Binder<T> {
    void bind(PreparedStatement ps, T item, int index) throws Exception;
  }

  static <T> void batch(Connection c, String sql, List<T> items, Binder<T> binder) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < items.size(); i++) {
        binder.bind(ps, items.get(i), i);
        ps.addBatch();
        if (i % 2000 == 1999) ps.executeBatch();
      }
      ps.executeBatch();
    }
  }

  // ---- a generated city ----

  static CoverageInputs city(int gridCount, int cameraCount, int routeCount) {
    GeometryFactory gf = new GeometryFactory();
    List<AreaView> grids = new ArrayList<>();
    Envelope env = new Envelope();
    List<Geometry> cells = LocateBenchmark.syntheticCity(gridCount);
    for (int i = 0; i < cells.size(); i++) {
      Geometry cell = cells.get(i);
      if (!(cell instanceof Polygon p)) continue;
      env.expandToInclude(cell.getEnvelopeInternal());
      MultiPolygon mp = gf.createMultiPolygon(new Polygon[] {p});
      String code = String.format("9%014d", i);
      grids.add(new AreaView(code, AreaLevel.GRID, code, null, code.substring(0, 12), "residential", true, mp,
          MetricProjection.areaM2(mp), 0, 0, 1, Instant.EPOCH, "\"" + code + "\""));
    }
    SplittableRandom r = new SplittableRandom(50_000);
    List<CameraView> cameras = new ArrayList<>();
    for (int i = 0; i < cameraCount; i++) {
      boolean dome = r.nextDouble() < 0.3;
      cameras.add(new CameraView(String.format("BC%06d", i), "bench", r.nextDouble(env.getMinX(), env.getMaxX()),
          r.nextDouble(env.getMinY(), env.getMaxY()), dome ? CameraType.DOME : CameraType.FIXED, r.nextDouble() * 360,
          dome ? 360 : 40 + r.nextDouble() * 50, 30 + r.nextDouble() * 90, 6, r.nextDouble() < 0.96 ? CameraStatus.ONLINE
              : CameraStatus.OFFLINE, false, LocalDate.of(2024, 1, 1), null, true));
    }
    List<RouteView> routes = new ArrayList<>();
    Schedule day = new Schedule(List.of(new Schedule.Window(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(20, 0), 2)));
    Schedule night = new Schedule(List.of(new Schedule.Window(EnumSet.allOf(DayOfWeek.class), LocalTime.of(20, 0), LocalTime.of(8, 0), 1)));
    for (int i = 0; i < routeCount; i++) {
      double[] at = MetricProjection.project(r.nextDouble(env.getMinX(), env.getMaxX()), r.nextDouble(env.getMinY(), env.getMaxY()));
      int n = 5 + r.nextInt(6);
      Coordinate[] line = new Coordinate[n];
      double heading = r.nextDouble() * 2 * Math.PI;
      for (int k = 0; k < n; k++) {
        double[] ll = MetricProjection.unproject(at[0], at[1]);
        line[k] = new Coordinate(ll[0], ll[1]);
        heading += (r.nextDouble() - 0.5) * Math.PI / 2;
        double step = 150 + r.nextDouble() * 250;
        at = new double[] {at[0] + step * Math.sin(heading), at[1] + step * Math.cos(heading)};
      }
      Mode mode = Mode.values()[r.nextInt(Mode.values().length)];
      routes.add(new RouteView(String.format("BR%05d", i), "bench", gf.createMultiLineString(
          new org.locationtech.jts.geom.LineString[] {gf.createLineString(line)}), null, mode, mode.defaultWidth(),
          r.nextDouble() < 0.6 ? day : night, true, ZONE));
    }
    return new Fixed(grids, cameras, routes, List.of());
  }

  static CameraView moved(CameraView c, double metres, double bearingDeg) {
    double[] xy = MetricProjection.project(c.lon(), c.lat());
    double a = Math.toRadians(bearingDeg);
    double[] ll = MetricProjection.unproject(xy[0] + metres * Math.sin(a), xy[1] + metres * Math.cos(a));
    return new CameraView(c.code(), c.name(), ll[0], ll[1], c.type(), c.heading(), c.fov(), c.rangeM(), c.mountHeightM(),
        c.status(), c.keyArea(), c.installDate(), c.gridCode(), c.synthetic());
  }

}
