package org.gridwatch.skynet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.io.DeclaredCrs;
import org.gridwatch.geo.io.SourceCrs;
import org.gridwatch.problem.ProblemException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Camera rows whose {@code lon} and {@code lat} hold the easting and northing of a declared Gauss–Krüger zone, turned
 * into WGS84 longitude and latitude before the rows are read as usual ({@link DeclaredCrs}: a request whose rows
 * all have the northing first is read swapped). Rows in a geographic CRS (CRS84, EPSG:4326, EPSG:4490) pass as they
 * are; a value that is not a number is left for the row's own check to name.
 */
final class ProjectedPositions {
  /** The rows with WGS84 positions, and the rows refused because their position lies outside the zone (by index). */
  record Result(List<Map<String, String>> rows, Map<Integer, String> refused) {}

  private ProjectedPositions() {}

  /** The CRS a request declares (member and/or parameter); a 400 naming {@code crs} when not accepted. */
  static SourceCrs declared(DeclaredCrs.Member member, String parameter) {
    try {
      return DeclaredCrs.of(member, parameter);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badInput("crs", e.getMessage());
    }
  }

  static Result toWgs84(List<Map<String, String>> rows, SourceCrs crs) {
    if (!crs.isProjected()) return new Result(rows, Map.of());
    List<Geometry> points = new ArrayList<>(rows.size());
    for (Map<String, String> row : rows) points.add(point(row.get("lon"), row.get("lat")));
    DeclaredCrs.Converted converted = DeclaredCrs.toWgs84(crs, points);
    List<Map<String, String>> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Geometry wgs84 = converted.wgs84().get(i);
      Map<String, String> row = new LinkedHashMap<>(rows.get(i));
      if (wgs84 instanceof Point p) {
        row.put("lon", Double.toString(p.getX()));
        row.put("lat", Double.toString(p.getY()));
      }
      out.add(row);
    }
    return new Result(out, converted.refused());
  }

  private static Point point(String x, String y) {
    try {
      double e = Double.parseDouble(x.strip()), n = Double.parseDouble(y.strip());
      return Double.isFinite(e) && Double.isFinite(n) ? Geometries.FACTORY.createPoint(new Coordinate(e, n)) : null;
    } catch (RuntimeException notNumbers) {
      return null;
    }
  }
}
