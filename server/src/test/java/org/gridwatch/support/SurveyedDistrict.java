package org.gridwatch.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.support.FeatureFiles.Row;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A made-up district that is not the demo, as its survey office would draw it: near Harbin (126.6°E, 45.7°N), in
 * CGCS2000 / 3-degree Gauss–Krüger CM 126E metres (EPSG:4551; zone 42 with its prefix is EPSG:4530), code 230104,
 * 4 km east by 3 km north: 2 subdistricts (west, east), each of 2 communities (south, north), each of 2 grids (west,
 * east). Rectangles with a vertex every 500 m, so that neighbours share every vertex and the levels tile exactly.
 * {@link #wgs84} projects with H2GIS's own transformer (CTS), independently of Gridwatch's proj4j.
 */
public final class SurveyedDistrict {
  public static final String DISTRICT = "230104";
  public static final int EPSG = 4551;
  /** The district's south-west corner in EPSG:4551 metres. */
  public static final double X0 = 498_000, Y0 = 5_066_000;
  private static final GeometryFactory PLANE = new GeometryFactory();
  private static Connection oracle;

  private SurveyedDistrict() {}

  /** District, 2 subdistricts, 4 communities, 8 grids, with {@code level, code, parent, name, name_en}. */
  public static List<Row> areas() {
    List<Row> rows = new ArrayList<>();
    rows.add(area("district", DISTRICT, null, "松花区", rectangle(X0, Y0, X0 + 4000, Y0 + 3000)));
    for (int s = 0; s < 2; s++) {
      String sc = DISTRICT + "00" + (s + 1);
      double sx = X0 + s * 2000;
      rows.add(area("subdistrict", sc, DISTRICT, "江畔街道" + (s + 1), rectangle(sx, Y0, sx + 2000, Y0 + 3000)));
      for (int c = 0; c < 2; c++) {
        String cc = sc + "00" + (c + 1);
        double cy = Y0 + c * 1500;
        rows.add(area("community", cc, sc, "柳树社区" + (s + 1) + (c + 1), rectangle(sx, cy, sx + 2000, cy + 1500)));
        for (int g = 0; g < 2; g++) {
          rows.add(area("grid", cc + "00" + (g + 1), cc, "第" + (g + 1) + "网格", rectangle(sx + g * 1000, cy, sx + g * 1000 + 1000, cy + 1500)));
        }
      }
    }
    return rows;
  }

  /** The 15-digit code of every grid, west to east, south to north within each subdistrict. */
  public static List<String> grids() {
    return areas().stream().filter(r -> r.attributes().get("level").equals("grid")).map(r -> (String) r.attributes().get("code")).toList();
  }

  /** The grid whose rectangle holds a point (EPSG:4551 metres), by construction. */
  public static String gridAt(double x, double y) {
    int s = x < X0 + 2000 ? 1 : 2, c = y < Y0 + 1500 ? 1 : 2, g = (x - X0) % 2000 < 1000 ? 1 : 2;
    return DISTRICT + "00" + s + "00" + c + "00" + g;
  }

  /** An axis-aligned rectangle in metres with a vertex every 500 m. */
  public static Geometry rectangle(double x1, double y1, double x2, double y2) {
    List<Coordinate> ring = new ArrayList<>();
    for (double x = x1; x < x2; x += 500) ring.add(new Coordinate(x, y1));
    for (double y = y1; y < y2; y += 500) ring.add(new Coordinate(x2, y));
    for (double x = x2; x > x1; x -= 500) ring.add(new Coordinate(x, y2));
    for (double y = y2; y > y1; y -= 500) ring.add(new Coordinate(x1, y));
    ring.add(new Coordinate(x1, y1));
    return PLANE.createPolygon(ring.toArray(Coordinate[]::new));
  }

  public static Geometry point(double x, double y) { return PLANE.createPoint(new Coordinate(x, y)); }

  public static Row area(String level, String code, String parent, String name, Geometry g) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("level", level);
    a.put("code", code);
    a.put("parent", parent == null ? "" : parent);
    a.put("name", name);
    a.put("name_en", "");
    return new Row(g, a);
  }

  /** EPSG:4551 metres to WGS 84 [lon, lat] by H2GIS (CTS), not by Gridwatch's proj4j. */
  public static synchronized double[] wgs84(double x, double y) {
    try {
      if (oracle == null) {
        oracle = DriverManager.getConnection("jdbc:h2:mem:surveyed-district-oracle;DB_CLOSE_DELAY=-1");
        org.h2gis.functions.factory.H2GISFunctions.load(oracle);
      }
      try (Statement s = oracle.createStatement(); ResultSet r = s.executeQuery("select ST_X(g), ST_Y(g) from (select "
          + "ST_Transform(ST_SetSRID(ST_MakePoint(" + x + ", " + y + "), " + EPSG + "), 4326) g)")) {
        r.next();
        return new double[] {r.getDouble(1), r.getDouble(2)};
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
