package org.gridwatch.area;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.gridwatch.geo.Geometries;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads every building for the catalog as plain rows (the columns {@link BuildingView} needs, geometries as WKB from
 * {@code ST_AsBinary}, which PostGIS and H2GIS both have) and places each in its grid as it streams past. A city has
 * millions of buildings: reading them as JPA entities kept each one managed, with its snapshot for dirty checking, in
 * the load's persistence context, and was the longest part of a start. Runs in the caller's transaction (the
 * catalog's repeatable-read load), on its connection; rows are fetched in batches, never all at once.
 */
@Component
class BuildingRows {
  static final int FETCH_SIZE = 5_000;
  private static final String SELECT = "SELECT code, name, ST_AsBinary(location), households, residents, synthetic,"
      + " ST_AsBinary(footprint), compound, address FROM building";

  private final JdbcTemplate jdbc;

  BuildingRows(JdbcTemplate jdbc) { this.jdbc = jdbc; }

  /** Every building with its grid, {@code gridOf} answering the grid's code for a point (null outside every grid). */
  List<BuildingView> placed(Function<Point, String> gridOf) {
    WKBReader wkb = new WKBReader(Geometries.FACTORY);
    List<BuildingView> out = new ArrayList<>();
    jdbc.query(con -> {
      PreparedStatement ps = con.prepareStatement(SELECT);
      ps.setFetchSize(FETCH_SIZE); // PostgreSQL streams with a cursor inside the transaction instead of reading all rows
      return ps;
    }, rs -> {
      Point location = (Point) read(wkb, rs.getBytes(3));
      byte[] footprint = rs.getBytes(7);
      out.add(new BuildingView(rs.getString(1), rs.getString(2), location, rs.getInt(4), rs.getInt(5), rs.getBoolean(6),
          gridOf.apply(location), footprint == null ? null : Geometries.asMultiPolygon(read(wkb, footprint)),
          rs.getString(8), rs.getString(9)));
    });
    return out;
  }

  private static Geometry read(WKBReader wkb, byte[] bytes) {
    try {
      return wkb.read(bytes);
    } catch (ParseException e) {
      throw new IllegalStateException("a building's geometry is not readable WKB", e);
    }
  }
}
