package org.gridwatch.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Property test: for 100,000 random points over the district's envelope, the in-memory locator names the
 * same grid as the database's own {@code ST_Contains} (or, outside the district, none), and every point the
 * database puts inside the district lies in exactly one grid, on every point not within a millimetre of a
 * grid edge. Points that close to an edge are counted and must be rare.
 */
abstract class LocatorAgreesWithDatabaseContract {
  static final int POINTS = 100_000;
  /** About a millimetre in degrees at 36°N (a degree of longitude is 90 km there, of latitude 111 km). */
  static final double MILLIMETRE_DEG = 1.2e-8;

  @Autowired JdbcTemplate jdbc;
  @Autowired AreaCatalog catalog;

  @AfterEach
  void dropProbe() { jdbc.execute("drop table if exists locate_probe"); }

  @Test
  void locatorMatchesStContainsOn100000RandomPoints() {
    AreaCatalog.Snapshot s = catalog.now();
    Envelope district = s.level(AreaLevel.DISTRICT).get(0).boundary().getEnvelopeInternal();
    district.expandBy(0.005); // some points outside the district too
    SplittableRandom random = new SplittableRandom(20261128);
    double[][] points = new double[POINTS][];
    for (int i = 0; i < POINTS; i++) {
      points[i] = new double[] {random.nextDouble(district.getMinX(), district.getMaxX()),
          random.nextDouble(district.getMinY(), district.getMaxY())};
    }
    jdbc.execute("drop table if exists locate_probe");
    jdbc.execute("create table locate_probe (id integer primary key, geom GEOMETRY(POINT, 4326))");
    List<Object[]> rows = new ArrayList<>(POINTS);
    for (int i = 0; i < POINTS; i++) rows.add(new Object[] {i, points[i][0], points[i][1]});
    jdbc.batchUpdate("insert into locate_probe (id, geom) values (?, ST_SetSRID(ST_MakePoint(?, ?), 4326))", rows);
    createSpatialIndex();

    Map<Integer, List<String>> database = new HashMap<>();
    jdbc.query("select p.id, a.code from locate_probe p, area a join area_version v on v.area_id = a.id "
        + "and v.valid_to is null where a.level = 'GRID' and v.boundary && p.geom and ST_Contains(v.boundary, p.geom)",
        rs -> { database.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getString(2)); });

    java.util.Set<Integer> inDistrict = new java.util.HashSet<>(jdbc.queryForList("select p.id from locate_probe p, area a "
        + "join area_version v on v.area_id = a.id and v.valid_to is null where a.level = 'DISTRICT' "
        + "and v.boundary && p.geom and ST_Contains(v.boundary, p.geom)", Integer.class));

    STRtree edges = gridEdges(s);
    int compared = 0, nearEdge = 0, inside = 0;
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < POINTS; i++) {
      double x = points[i][0], y = points[i][1];
      if (nearEdge(edges, x, y)) {
        nearEdge++;
        continue;
      }
      compared++;
      List<String> db = database.getOrDefault(i, List.of());
      String located = s.gridAt(x, y).map(AreaView::code).orElse(null);
      if (located != null) inside++;
      if (inDistrict.contains(i) != (db.size() == 1)) {
        disagreements.add(String.format("(%.9f, %.9f): %s the district but in %d grids", x, y,
            inDistrict.contains(i) ? "inside" : "outside", db.size()));
      }
      if (db.size() > 1 || !db.equals(located == null ? List.of() : List.of(located))) {
        disagreements.add(String.format("(%.9f, %.9f): database %s, locator %s", x, y, db, located));
      }
    }
    assertThat(disagreements).isEmpty();
    assertThat(compared).isGreaterThan(POINTS - 100);
    assertThat(nearEdge).isLessThan(100);
    assertThat(inside).as("points inside the district").isGreaterThan(POINTS / 3);
  }

  abstract void createSpatialIndex();

  private static STRtree gridEdges(AreaCatalog.Snapshot s) {
    STRtree tree = new STRtree();
    for (AreaView g : s.level(AreaLevel.GRID)) {
      Geometry boundary = g.boundary().getBoundary();
      for (int i = 0; i < boundary.getNumGeometries(); i++) {
        Coordinate[] c = boundary.getGeometryN(i).getCoordinates();
        for (int k = 0; k + 1 < c.length; k++) {
          Envelope e = new Envelope(c[k], c[k + 1]);
          tree.insert(e, new Coordinate[] {c[k], c[k + 1]});
        }
      }
    }
    tree.build();
    return tree;
  }

  private static boolean nearEdge(STRtree edges, double x, double y) {
    Envelope probe = new Envelope(x - MILLIMETRE_DEG, x + MILLIMETRE_DEG, y - MILLIMETRE_DEG, y + MILLIMETRE_DEG);
    Coordinate p = new Coordinate(x, y);
    for (Object o : edges.query(probe)) {
      Coordinate[] seg = (Coordinate[]) o;
      if (org.locationtech.jts.algorithm.Distance.pointToSegment(p, seg[0], seg[1]) <= MILLIMETRE_DEG) return true;
    }
    return false;
  }
}
