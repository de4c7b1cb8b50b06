package org.gridwatch.patrol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.gridwatch.GridwatchApplication;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.bench.Timer;
import org.gridwatch.coverage.WalkedTiming;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.groundnet.RouteView;
import org.gridwatch.groundnet.Routes;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Patrol benchmark (a harness, not a test), on the embedded default with the demo (test-h2 profile; {@code postgis} as
 * the first argument runs it on the test PostGIS):
 * <ul>
 *   <li>ingest of batches of 100 GPS fixes through the service (judged, stored in one JDBC batch, check-ins, one
 *   transaction), beside the baseline: a plain JDBC batch insert of the same 100 rows in one transaction;</li>
 *   <li>walked-coverage recompute for the demo district with every demo route walked once (about 170 tracks), from
 *   scratch and after one more track, beside the baseline: the planned patrol cover of every grid with all routes running.</li>
 * </ul>
 * Run with {@code ./mvnw -B -Pbench -DskipTests verify} with the other harnesses, or alone as docs/benchmarks.md shows.
 */
public final class PatrolBenchmark {
  static final int BATCH = 100, WARMUPS = 30, BATCHES = 300;

  public static void main(String[] args) throws Exception {
    String profile = args.length > 0 && args[0].equals("postgis") ? "test-postgis" : "test-h2";
    ConfigurableApplicationContext app = SpringApplication.run(GridwatchApplication.class,
        "--spring.profiles.active=" + profile, "--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off");
    try {
      System.out.printf("machine: %d cores, %s, Java %s, store: %s%n", Runtime.getRuntime().availableProcessors(),
          System.getProperty("os.arch"), System.getProperty("java.version"), profile);
      ingest(app);
      walked(app);
    } finally {
      app.close();
    }
  }

  static void ingest(ConfigurableApplicationContext app) throws Exception {
    Patrols patrols = app.getBean(Patrols.class);
    FixIngest ingest = app.getBean(FixIngest.class);
    TransactionTemplate tx = app.getBean(TransactionTemplate.class);
    DataSource db = app.getBean(DataSource.class);
    Authentication worker = new UsernamePasswordAuthenticationToken("gridworker", null,
        List.of(new SimpleGrantedAuthority("ROLE_GRID_WORKER")));
    var grid = app.getBean(AreaCatalog.class).now().level(AreaLevel.GRID).get(0);
    Coordinate c = grid.boundary().getInteriorPoint().getCoordinate();
    double[] origin = MetricProjection.project(c.x, c.y);
    long patrol = patrols.start(worker, new PatrolRequests.Start(null, null, null), null).id();
    long scratch = patrols.start(worker, new PatrolRequests.Start(null, null, null), null).id();
    Instant t0 = Instant.now();
    long[] service = new long[BATCHES], plain = new long[BATCHES];
    int seq = 0;
    for (int b = -WARMUPS; b < BATCHES; b++) {
      // A slow walk: 1 m and 1 ms apart with 5 m accuracy is never too fast; every fix is accepted.
      List<PatrolRequests.Point> points = new ArrayList<>();
      for (int i = 0; i < BATCH; i++, seq++) {
        int row = (seq / 200) % 200, col = seq % 200; // back and forth, 1 m a step
        double[] ll = MetricProjection.unproject(origin[0] + (row % 2 == 0 ? col : 199 - col), origin[1] + row);
        points.add(new PatrolRequests.Point(ll[0], ll[1], t0.plusMillis(seq + 1).toString(), 5.0));
      }
      long s = System.nanoTime();
      var answer = ingest.add(patrol, worker, new PatrolRequests.Points(points), null);
      long took = System.nanoTime() - s;
      if (answer.accepted() != BATCH) throw new IllegalStateException("rejected: " + answer.rejected());
      int first = seq;
      s = System.nanoTime();
      tx.executeWithoutResult(st -> plainInsert(db, scratch, first, points));
      long base = System.nanoTime() - s;
      if (b >= 0) {
        service[b] = took;
        plain[b] = base;
      }
    }
    Arrays.sort(service);
    Arrays.sort(plain);
    long ms = service[BATCHES / 2], mp = plain[BATCHES / 2];
    System.out.printf("%n== patrol-point ingest, batches of %d fixes (median of %d after %d warm-ups)%n", BATCH, BATCHES, WARMUPS);
    System.out.printf("service (judge, store, check-ins, one transaction): %s per batch = %,.0f points/s%n", Timer.ms(ms),
        Timer.perSecond(BATCH, ms));
    System.out.printf("baseline, plain JDBC batch insert of the same rows: %s per batch = %,.0f points/s -> ratio %.2fx%n",
        Timer.ms(mp), Timer.perSecond(BATCH, mp), (double) ms / mp);
  }

  /** The baseline: the same rows into another patrol's points (same table, keys and indexes), nothing checked. */
  private static void plainInsert(DataSource db, long scratch, int first, List<PatrolRequests.Point> points) {
    try (var s = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(db).prepareStatement(
        "insert into patrol_point (patrol_id, seq, lon, lat, fix_at, accuracy) values (?, ?, ?, ?, ?, ?)")) {
      int seq = first;
      for (PatrolRequests.Point p : points) {
        s.setLong(1, scratch);
        s.setInt(2, seq++);
        s.setDouble(3, p.lon());
        s.setDouble(4, p.lat());
        s.setObject(5, java.time.OffsetDateTime.parse(p.at()).withOffsetSameInstant(ZoneOffset.UTC));
        s.setDouble(6, p.accuracy());
        s.addBatch();
      }
      s.executeBatch();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void walked(ConfigurableApplicationContext app) throws Exception {
    WalkedTiming timing = new WalkedTiming(app);
    List<RouteView> routes = app.getBean(Routes.class).all();
    List<WalkedTrack> tracks = new ArrayList<>();
    long id = 1;
    for (RouteView r : routes) {
      LineString first = (LineString) r.line().getGeometryN(0);
      tracks.add(new WalkedTrack(id++, r.code(), Geometries.FACTORY.createLineString(first.getCoordinates()), r.widthM(), Instant.now()));
    }
    int[] n = new int[2];
    long walked = Timer.median(2, 7, () -> n[0] = timing.walkedFromScratch(tracks));
    long planned = Timer.median(2, 7, () -> n[1] = timing.plannedFromScratch(routes));
    System.out.printf("%n== walked-coverage recompute, demo district, %d tracks (every route walked once) (median of 7)%n", tracks.size());
    System.out.printf("walked cover from scratch: %s (%d grids walked)%n", Timer.ms(walked), n[0]);
    System.out.printf("baseline, planned patrol cover of all routes from scratch: %s (%d grids) -> ratio %.2fx%n", Timer.ms(planned), n[1],
        (double) walked / planned);
    List<WalkedTrack> oneMore = new ArrayList<>(tracks);
    oneMore.add(new WalkedTrack(id, tracks.get(0).routeCode(), tracks.get(0).track(), tracks.get(0).widthM(), Instant.now()));
    long[] inc = new long[7];
    for (int i = 0; i < inc.length; i++) {
      WalkedTiming.WalkedCoverageRun warm = timing.warm(tracks);
      long s = System.nanoTime();
      warm.cover(oneMore);
      inc[i] = System.nanoTime() - s;
    }
    Arrays.sort(inc);
    System.out.printf("one more track ended, incremental: %s -> %.0fx faster than from scratch%n", Timer.ms(inc[3]),
        (double) walked / inc[3]);
  }
}
