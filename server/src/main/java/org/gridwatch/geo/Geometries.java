package org.gridwatch.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The one {@link GeometryFactory} of Gridwatch: WGS84 longitude/latitude (SRID 4326), floating precision.
 * Everything stored or served is built with it, so SRIDs never disagree.
 */
public final class Geometries {
  public static final int WGS84_SRID = 4326;
  public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), WGS84_SRID);

  private Geometries() {}

  public static Point point(double lon, double lat) {
    return FACTORY.createPoint(new Coordinate(lon, lat));
  }

  /** A polygon or multipolygon as a multipolygon (the storage type of every boundary). */
  public static MultiPolygon asMultiPolygon(Geometry g) {
    if (g instanceof MultiPolygon mp) return mp;
    if (g instanceof Polygon p) return FACTORY.createMultiPolygon(new Polygon[] {p});
    throw new IllegalArgumentException("not polygonal: " + g.getGeometryType());
  }
}
