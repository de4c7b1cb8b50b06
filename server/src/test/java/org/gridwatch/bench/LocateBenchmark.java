package org.gridwatch.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.gridwatch.GridwatchApplication;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.geo.index.PolygonCoverageIndex;
import org.gridwatch.support.Http;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Locate and layer benchmarks (a harness, not a test): the in-memory locator against PostGIS doing the same
 * work in the same run, on the Shibei demo and on a generated city of 20,000 grids; and serving the full
 * grids layer warm. Run with {@code ./mvnw -Pbench -DskipTests verify} (see docs/benchmarks.md); needs the
 * PostGIS database of the test suite ({@code GRIDWATCH_TEST_PG_URL}, default localhost/gridwatch_test).
 */
public final class LocateBenchmark {
  static final int POINTS = 1_000_000;
  static final int PER_POINT_QUERIES = 5_000;
  static final int JOIN_POINTS = 100_000;

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext app = SpringApplication.run(GridwatchApplication.class,
        "--spring.profiles.active=test-postgis", "--server.port=0", "--logging.level.root=WARN",
        "--spring.main.banner-mode=off");
    try {
      new LocateBenchmark().run(app);
    } finally {
      app.close();
    }
  }

  private void run(ConfigurableApplicationContext app) throws Exception {
    System.out.printf("machine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.arch"), System.getProperty("java.version"));
    AreaCatalog catalog = app.getBean(AreaCatalog.class);
    DataSource db = app.getBean(DataSource.class);
    List<AreaView> grids = catalog.now().level(AreaLevel.GRID);
    Envelope district = catalog.now().level(AreaLevel.DISTRICT).get(0).boundary().getEnvelopeInternal();
    long built = System.nanoTime();
    PolygonCoverageIndex<AreaView> shibei = new PolygonCoverageIndex<>(grids, AreaView::boundary,
        Comparator.comparing(AreaView::code));
    System.out.println("index build, Shibei: " + Timer.ms(System.nanoTime() - built));
    Geometry districtShape = catalog.now().level(AreaLevel.DISTRICT).get(0).boundary();
    section("Shibei demo: " + grids.size() + " grids, points inside the district", shibei, district,
        org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(districtShape), db, "area_version");

    List<Geometry> city = syntheticCity(20_000);
    Envelope cityEnv = new Envelope();
    city.forEach(g -> cityEnv.expandToInclude(g.getEnvelopeInternal()));
    loadCity(db, city);
    built = System.nanoTime();
    java.util.Map<Geometry, Integer> order = new java.util.IdentityHashMap<>();
    for (int i = 0; i < city.size(); i++) order.put(city.get(i), i);
    PolygonCoverageIndex<Geometry> cityIndex = new PolygonCoverageIndex<>(city, g -> g, Comparator.comparingInt(order::get));
    System.out.println("index build, city scale: " + Timer.ms(System.nanoTime() - built));
    section("City scale: " + city.size() + " generated grids", cityIndex, cityEnv, null, db, "bench_city");

    layer(app, db);
  }

  private <T> void section(String title, PolygonCoverageIndex<T> index, Envelope env,
      org.locationtech.jts.geom.prep.PreparedGeometry within, DataSource db, String table) throws Exception {
    System.out.println();
    System.out.println("== " + title);
    double[] xs = new double[POINTS], ys = new double[POINTS];
    SplittableRandom r = new SplittableRandom(1);
    GeometryFactory gf = new GeometryFactory();
    for (int i = 0; i < POINTS; ) {
      xs[i] = r.nextDouble(env.getMinX(), env.getMaxX());
      ys[i] = r.nextDouble(env.getMinY(), env.getMaxY());
      if (within == null || within.contains(gf.createPoint(new Coordinate(xs[i], ys[i])))) i++;
    }
    long one = Timer.median(3, 7, () -> locateAll(index, xs, ys, 0, POINTS));
    double oneRate = Timer.perSecond(POINTS, one);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    long two = Timer.median(3, 7, () -> {
      Future<Integer> a = pool.submit(() -> locateAll(index, xs, ys, 0, POINTS / 2));
      Future<Integer> b = pool.submit(() -> locateAll(index, xs, ys, POINTS / 2, POINTS));
      return a.get() + b.get();
    });
    pool.shutdown();
    double twoRate = Timer.perSecond(POINTS, two);
    System.out.printf("in-memory locator, 1 thread : %,12.0f locates/s%n", oneRate);
    System.out.printf("in-memory locator, 2 threads: %,12.0f locates/s%n", twoRate);

    double perPoint = perPointQueries(db, table, xs, ys);
    System.out.printf("PostGIS, one query per point: %,11.0f locates/s   -> in-memory (1 thread) is %,.0fx faster%n",
        perPoint, oneRate / perPoint);
    double join = setBasedJoin(db, table, xs, ys);
    System.out.printf("PostGIS, set-based join     : %,11.0f locates/s   -> in-memory (1 thread) is %,.1fx faster%n",
        join, oneRate / join);
  }

  private static <T> int locateAll(PolygonCoverageIndex<T> index, double[] xs, double[] ys, int from, int to) {
    int found = 0;
    for (int i = from; i < to; i++) if (index.indexOf(xs[i], ys[i]) >= 0) found++;
    return found;
  }

  private static String gridFilter(String table) {
    return table.equals("area_version")
        ? "from area_version v join area a on a.id = v.area_id where v.valid_to is null and a.level = 'GRID' and "
        : "from bench_city v where ";
  }

  private static double perPointQueries(DataSource db, String table, double[] xs, double[] ys) throws Exception {
    String sql = "select v.id " + gridFilter(table)
        + "v.boundary && ST_SetSRID(ST_MakePoint(?, ?), 4326) and ST_Contains(v.boundary, ST_SetSRID(ST_MakePoint(?, ?), 4326))";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      long t = Timer.median(1, 3, () -> {
        for (int i = 0; i < PER_POINT_QUERIES; i++) {
          ps.setDouble(1, xs[i]); ps.setDouble(2, ys[i]); ps.setDouble(3, xs[i]); ps.setDouble(4, ys[i]);
          try (ResultSet rs = ps.executeQuery()) { while (rs.next()) rs.getLong(1); }
        }
        return null;
      });
      return Timer.perSecond(PER_POINT_QUERIES, t);
    }
  }

  private static double setBasedJoin(DataSource db, String table, double[] xs, double[] ys) throws Exception {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("drop table if exists bench_points");
      s.execute("create table bench_points (id integer primary key, geom geometry(Point, 4326))");
      try (PreparedStatement ps = c.prepareStatement("insert into bench_points values (?, ST_SetSRID(ST_MakePoint(?, ?), 4326))")) {
        for (int i = 0; i < JOIN_POINTS; i++) {
          ps.setInt(1, i); ps.setDouble(2, xs[i]); ps.setDouble(3, ys[i]);
          ps.addBatch();
          if (i % 5000 == 4999) ps.executeBatch();
        }
        ps.executeBatch();
      }
      s.execute("create index on bench_points using gist (geom)");
      s.execute("analyze bench_points");
      String sql = "select count(*) from bench_points p join (select v.id, v.boundary " + gridFilter(table)
          + "true) v on v.boundary && p.geom and ST_Contains(v.boundary, p.geom)";
      long t = Timer.median(1, 3, () -> {
        try (ResultSet rs = s.executeQuery(sql)) { rs.next(); return rs.getLong(1); }
      });
      s.execute("drop table bench_points");
      return Timer.perSecond(JOIN_POINTS, t);
    }
  }

  /** A city of n Voronoi grids over about 45 × 35 km around Qingdao (seeded). */
  public static List<Geometry> syntheticCity(int n) {
    GeometryFactory gf = new GeometryFactory(new PrecisionModel(), 4326);
    SplittableRandom r = new SplittableRandom(20_000);
    List<Coordinate> sites = new ArrayList<>();
    Envelope env = new Envelope(120.10, 120.60, 36.00, 36.32);
    for (int i = 0; i < n; i++) sites.add(new Coordinate(r.nextDouble(env.getMinX(), env.getMaxX()), r.nextDouble(env.getMinY(), env.getMaxY())));
    VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
    vb.setSites(sites);
    vb.setClipEnvelope(env);
    Geometry cells = vb.getDiagram(gf);
    Geometry frame = gf.toGeometry(env);
    List<Geometry> out = new ArrayList<>();
    for (int i = 0; i < cells.getNumGeometries(); i++) {
      Geometry g = cells.getGeometryN(i).intersection(frame);
      g.setSRID(4326);
      out.add(g);
    }
    return out;
  }

  private static void loadCity(DataSource db, List<Geometry> city) throws Exception {
    WKBWriter wkb = new WKBWriter();
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("drop table if exists bench_city");
      s.execute("create table bench_city (id integer primary key, boundary geometry(Polygon, 4326))");
      try (PreparedStatement ps = c.prepareStatement("insert into bench_city values (?, ST_SetSRID(ST_GeomFromWKB(?), 4326))")) {
        for (int i = 0; i < city.size(); i++) {
          ps.setInt(1, i);
          ps.setBytes(2, wkb.write(city.get(i)));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      s.execute("create index on bench_city using gist (boundary)");
      s.execute("analyze bench_city");
    }
  }

  private static void layer(ConfigurableApplicationContext app, DataSource db) throws Exception {
    System.out.println();
    System.out.println("== Serving the full grids layer (all items, GeoJSON), warm");
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    Http http = new Http(port);
    int[] bytes = new int[1];
    long served = Timer.median(20, 51, () -> {
      Http.Response r = http.get("/ogcapi/collections/grids/items?limit=10000");
      if (r.status() != 200) throw new IllegalStateException("status " + r.status());
      bytes[0] = r.body().length();
      return null;
    });
    String sql = "select json_build_object('type', 'FeatureCollection', 'features', json_agg(json_build_object("
        + "'type', 'Feature', 'id', a.code, 'geometry', ST_AsGeoJSON(v.boundary, 7)::json, 'properties', json_build_object("
        + "'code', a.code, 'name', a.name, 'households', v.households, 'residents', v.residents, 'area_m2', v.area_m2)) "
        + "order by a.code))::text from area a join area_version v on v.area_id = a.id where v.valid_to is null and a.level = 'GRID'";
    long postgis;
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      postgis = Timer.median(5, 21, () -> { try (ResultSet rs = s.executeQuery(sql)) { rs.next(); return rs.getString(1).length(); } });
    }
    System.out.printf("GET /ogcapi/collections/grids/items?limit=10000: median %s (%,d characters over HTTP)%n",
        Timer.ms(served), bytes[0]);
    System.out.printf("PostGIS building the same collection with ST_AsGeoJSON + json_agg: median %s -> %.1fx%n",
        Timer.ms(postgis), (double) postgis / served);
  }
}
