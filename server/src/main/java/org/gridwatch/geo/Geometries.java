package org.gridwatch.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.PolygonExtracter;

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

  /**
   * Only the areal part of an overlay result: intersections of polygons that share an edge or a corner come
   * back as collections holding lines and points too, which later overlays refuse. Built with {@code g}'s own
   * factory, so metric geometries stay metric. Empty input gives an empty polygon.
   */
  public static Geometry polygonal(Geometry g) {
    if (g instanceof Polygon || g instanceof MultiPolygon) return g;
    List<Polygon> parts = new ArrayList<>();
    PolygonExtracter.getPolygons(g, parts);
    if (parts.size() == 1) return parts.get(0);
    return g.getFactory().createMultiPolygon(parts.toArray(new Polygon[0]));
  }
}
