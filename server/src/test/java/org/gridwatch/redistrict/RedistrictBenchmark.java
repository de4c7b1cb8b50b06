package org.gridwatch.redistrict;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.gridwatch.GridwatchApplication;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.bench.CaseCopies;
import org.gridwatch.bench.Timer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Reshape preview and commit with 1,000,000 cases in PostGIS (a harness, not a test): a typical edit — a grid
 * takes a 30 m strip from a neighbour — on 20 grids, each previewed, committed and put back; beside PostGIS
 * doing the same overlays and household sums (preview) and the same writes (commit) in SQL. Run with
 * {@code ./mvnw -Pbench -DskipTests verify}; needs the PostGIS test database.
 */
public final class RedistrictBenchmark {
  static final long CASES = 1_000_000;
  static final int EDITS = 20;

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext app = SpringApplication.run(GridwatchApplication.class,
        "--spring.profiles.active=test-postgis", "--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off");
    try {
      DataSource db = app.getBean(DataSource.class);
      try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
        long started = System.nanoTime();
        CaseCopies.topUp(s, "true", CASES, false);
        ResultSet rs = s.executeQuery("select count(*), count(*) filter (where status not in ('CLOSED','REJECTED','MERGED')) from incident");
        rs.next();
        System.out.printf("cases in PostGIS: %,d (%,d open), copied in %s%n", rs.getLong(1), rs.getLong(2), Timer.ms(System.nanoTime() - started));
      }
      List<Edit> edits = run(app.getBean(AreaCatalog.class), app.getBean(EditPreview.class), app.getBean(EditCommit.class), db);
      restructure(app.getBean(AreaCatalog.class), app.getBean(EditPreview.class), app.getBean(EditCommit.class), db, edits);
    } finally {
      app.close();
    }
  }

  record Edit(AreaView grid, AreaView neighbour, Geometry grown) {}

  static List<Edit> run(AreaCatalog catalog, EditPreview preview, EditCommit commit, DataSource db) throws Exception {
    List<Edit> edits = new ArrayList<>();
    List<AreaView> grids = catalog.now().level(AreaLevel.GRID);
    for (int i = 0; edits.size() < EDITS && i < grids.size(); i += 53) {
      AreaView g = grids.get(i);
      catalog.now().children(g.parentCode()).stream()
          .filter(n -> !n.code().equals(g.code()) && n.boundary().intersection(g.boundary()).getLength() > 0.0005).findFirst()
          .ifPresent(n -> edits.add(new Edit(g, n, g.boundary().union(n.boundary().intersection(g.boundary().buffer(0.0003))))));
    }
    long[] pre = new long[edits.size()], com = new long[edits.size()], sqlPre = new long[edits.size()], sqlCom = new long[edits.size()];
    int moved = 0;
    for (Edit e : edits) {
      preview.reshape(e.grid().code(), e.grown()); // warm-up
      openCasesIn(db, e, 40);
    }
    for (int i = 0; i < edits.size(); i++) {
      Edit e = edits.get(i);
      long s = System.nanoTime();
      preview.reshape(e.grid().code(), e.grown());
      pre[i] = System.nanoTime() - s;
      s = System.nanoTime();
      sqlPreview(db, e);
      sqlPre[i] = System.nanoTime() - s;
      s = System.nanoTime();
      moved += commit.reshape(e.grid().code(), e.grown(), null, new EditCommit.Actor("bench", "PLANNER", true)).casesMoved().size();
      com[i] = System.nanoTime() - s;
      commit.reshape(e.grid().code(), e.grid().boundary(), null, new EditCommit.Actor("bench", "PLANNER", true)); // put back, untimed
      s = System.nanoTime();
      sqlCommit(db, e);
      sqlCom[i] = System.nanoTime() - s;
    }
    for (long[] t : List.of(pre, com, sqlPre, sqlCom)) Arrays.sort(t);
    int n = edits.size();
    System.out.printf("%n== Reshape a grid (a 30 m strip from a neighbour), %d edits, %,d open cases re-homed in all%n", n, moved);
    System.out.printf("preview, in memory: median %s, max %s   (target <= 300 ms)%n", Timer.ms(pre[n / 2]), Timer.ms(pre[n - 1]));
    System.out.printf("  PostGIS, same overlays and household sums in SQL: median %s -> %.1fx%n", Timer.ms(sqlPre[n / 2]),
        (double) sqlPre[n / 2] / pre[n / 2]);
    System.out.printf("commit (lock, recompute, versions, cases, catalog reload): median %s, max %s   (target <= 1 s)%n",
        Timer.ms(com[n / 2]), Timer.ms(com[n - 1]));
    System.out.printf("  PostGIS, same writes in one SQL transaction (versions, re-placing open cases): median %s -> %.2fx%n",
        Timer.ms(sqlCom[n / 2]), (double) sqlCom[n / 2] / com[n / 2]);
    return edits;
  }

  /**
   * Splits (a line through the middle) and merges (with the neighbour) of other grids, previewed and committed,
   * beside PostGIS splitting or uniting the same outlines and summing households (preview), and doing the same
   * writes — old versions closed, new areas and versions added, open cases re-placed — rolled back (commit).
   */
  static void restructure(AreaCatalog catalog, EditPreview preview, EditCommit commit, DataSource db, List<Edit> edits) throws Exception {
    int n = edits.size() / 2;
    long[][] t = new long[8][n];
    for (int i = 0; i < n; i++) {
      Edit split = edits.get(i), merge = edits.get(n + i);
      var line = lineThrough(split.grid().boundary());
      var cut = new Split.Cut(line, null);
      long s = System.nanoTime();
      preview.split(split.grid().code(), cut);
      t[0][i] = System.nanoTime() - s;
      s = System.nanoTime();
      sqlOutlines(db, "select ST_Area(g::geography), (select coalesce(sum(households), 0) from building b where ST_Covers(g, b.location))"
          + " from (select (ST_Dump(ST_Split(boundary, ST_GeomFromWKB(?, 4326)))).geom g from area a join area_version v on v.area_id = a.id"
          + " where a.code = ? and v.valid_to is null) x", new WKBWriter().write(line), split.grid().code());
      t[1][i] = System.nanoTime() - s;
      s = System.nanoTime();
      List<String> pair = List.of(merge.grid().code(), merge.neighbour().code());
      preview.merge(pair);
      t[2][i] = System.nanoTime() - s;
      s = System.nanoTime();
      sqlOutlines(db, "select ST_Area(g::geography), (select coalesce(sum(households), 0) from building b where ST_Covers(g, b.location))"
          + " from (select ST_Union(boundary) g from area a join area_version v on v.area_id = a.id where a.code in (?, ?)"
          + " and v.valid_to is null) x", pair.get(0), pair.get(1));
      t[3][i] = System.nanoTime() - s;
      s = System.nanoTime();
      commit.split(split.grid().code(), cut, null, new EditCommit.Actor("bench", "PLANNER", true));
      t[4][i] = System.nanoTime() - s;
      s = System.nanoTime();
      sqlReplace(db, List.of(split.grid().code()), 2);
      t[5][i] = System.nanoTime() - s;
      s = System.nanoTime();
      commit.merge(pair, new EditCommit.Actor("bench", "PLANNER", true));
      t[6][i] = System.nanoTime() - s;
      s = System.nanoTime();
      sqlReplace(db, pair, 1);
      t[7][i] = System.nanoTime() - s;
    }
    for (long[] x : t) Arrays.sort(x);
    String[] what = {"split preview", "merge preview", "split commit", "merge commit"};
    System.out.printf("%n== Split (a line through the middle) and merge (with a neighbour), %d each%n", n);
    for (int k = 0; k < 4; k++) {
      System.out.printf("%s: median %s, max %s; PostGIS doing the same in SQL: median %s -> %.2fx%n", what[k], Timer.ms(t[2 * k][n / 2]),
          Timer.ms(t[2 * k][n - 1]), Timer.ms(t[2 * k + 1][n / 2]), (double) t[2 * k + 1][n / 2] / t[2 * k][n / 2]);
    }
  }

  static org.locationtech.jts.geom.LineString lineThrough(Geometry g) {
    var e = g.getEnvelopeInternal();
    double y = g.getInteriorPoint().getY();
    return g.getFactory().createLineString(new org.locationtech.jts.geom.Coordinate[] {
        new org.locationtech.jts.geom.Coordinate(e.getMinX() - 0.001, y), new org.locationtech.jts.geom.Coordinate(e.getMaxX() + 0.001, y)});
  }

  static void sqlOutlines(DataSource db, String sql, Object... args) throws Exception {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
      try (ResultSet rs = ps.executeQuery()) { while (rs.next()) rs.getDouble(1); }
    }
  }

  /** The writes of a split or merge in SQL, rolled back: old versions closed and areas retired, new areas, cases moved. */
  static void sqlReplace(DataSource db, List<String> old, int created) throws Exception {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      try {
        String in = "('" + String.join("','", old) + "')";
        s.execute("select id from area where code = '" + old.get(0).substring(0, 12) + "' for update");
        s.execute("update area_version v set valid_to = clock_timestamp() from area a where a.id = v.area_id and a.code in " + in
            + " and v.valid_to is null");
        for (int k = 0; k < created; k++) {
          String code = "9" + old.get(0).substring(1, 12) + String.format("%03d", 900 + k);
          s.execute("insert into area (id, code, level, name, parent_code, kind, synthetic, created_at) select nextval('area_seq'), '"
              + code + "', level, name, parent_code, kind, synthetic, clock_timestamp() from area where code = '" + old.get(0) + "'");
          s.execute("insert into area_version (id, area_id, version, valid_from, boundary, area_m2, households, residents)"
              + " select nextval('area_version_seq'), (select id from area where code = '" + code + "'), 1, clock_timestamp(), boundary,"
              + " area_m2, households, residents from area_version v join area a on a.id = v.area_id where a.code = '" + old.get(0)
              + "' order by version desc limit 1");
        }
        s.execute("update incident set grid_code = '9" + old.get(0).substring(1, 12) + "900' where grid_code in " + in
            + " and status not in ('CLOSED','REJECTED','MERGED')");
      } finally {
        c.rollback();
      }
    }
  }

  /** Open cases at random points of the strip that changes hands, reported in the neighbour: they must move. */
  static void openCasesIn(DataSource db, Edit e, int n) throws Exception {
    String sql = "insert into incident (id, public_id, kind, category_code, channel, status, priority, location, input_lon, input_lat,"
        + " input_crs, description, grid_code, community_code, subdistrict_code, district_code, boundary_version, level, unit_code,"
        + " stage_started_at, deadline, warn_at, warned, reported_at, escalations, reopenings, left_grid, breached, overdue_notified,"
        + " version, updated_at) select nextval('incident_seq'), 'GS-' || nextval('incident_seq'), t.kind, t.category_code, t.channel,"
        + " 'DISPATCHED', t.priority, p.geom, ST_X(p.geom), ST_Y(p.geom), 'WGS84', 'bench', ?, t.community_code, t.subdistrict_code,"
        + " t.district_code, 1, 'GRID', ?, now(), now() + interval '2 days', now() + interval '1 day', false, now(), 0, 0, false,"
        + " false, false, 0, now() from (select * from incident limit 1) t,"
        + " (select (ST_Dump(ST_GeneratePoints(ST_GeomFromWKB(?, 4326), ?))).geom) p";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, e.neighbour().code());
      ps.setString(2, e.neighbour().code());
      Geometry strip = e.grown().difference(e.grid().boundary());
      strip.setSRID(4326);
      ps.setBytes(3, new WKBWriter().write(strip));
      ps.setInt(4, n);
      ps.executeUpdate();
    }
  }

  /** The preview's geometry work in SQL: each sibling minus the new outline, the outline inside the parent, households. */
  static void sqlPreview(DataSource db, Edit e) throws Exception {
    String sql = "with n as (select ST_GeomFromWKB(?, 4326) g), p as (select v.boundary from area a join area_version v on v.area_id = a.id"
        + " where a.code = ? and v.valid_to is null), s as (select a.code, v.boundary from area a join area_version v on v.area_id = a.id"
        + " where a.parent_code = ? and v.valid_to is null), after as (select s.code, case when s.code = ? then ST_Intersection(n.g, p.boundary)"
        + " else ST_Difference(s.boundary, n.g) end g from s, n, p)"
        + " select after.code, ST_Area(after.g::geography), ST_Perimeter(after.g::geography), coalesce(sum(b.households), 0)"
        + " from after left join building b on ST_Covers(after.g, b.location) group by after.code, after.g";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setBytes(1, new WKBWriter().write(e.grown()));
      ps.setString(2, e.grid().parentCode());
      ps.setString(3, e.grid().parentCode());
      ps.setString(4, e.grid().code());
      try (ResultSet rs = ps.executeQuery()) { while (rs.next()) rs.getDouble(2); }
    }
  }

  /** The commit's writes in SQL: close and add versions for the two grids, re-place their open cases; rolled back. */
  static void sqlCommit(DataSource db, Edit e) throws Exception {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement(); PreparedStatement ps = c.prepareStatement(
          "with n as (select ST_GeomFromWKB(?, 4326) g) update incident i set grid_code = ?, unit_code = ? from n"
              + " where i.grid_code = ? and i.status not in ('CLOSED','REJECTED','MERGED') and ST_Covers(n.g, i.location)")) {
        s.execute("select id from area where code = '" + e.grid().parentCode() + "' for update");
        for (AreaView a : List.of(e.grid(), e.neighbour())) {
          s.execute("with old as (update area_version v set valid_to = clock_timestamp() from area a where a.id = v.area_id"
              + " and a.code = '" + a.code() + "' and v.valid_to is null returning v.*)"
              + " insert into area_version (id, area_id, version, valid_from, boundary, area_m2, households, residents)"
              + " select nextval('area_version_seq'), area_id, version + 1000, clock_timestamp(), boundary, area_m2, households, residents from old");
        }
        ps.setBytes(1, new WKBWriter().write(e.grown()));
        ps.setString(2, e.grid().code());
        ps.setString(3, e.grid().code());
        ps.setString(4, e.neighbour().code());
        ps.executeUpdate();
      } finally {
        c.rollback();
      }
    }
  }
}
