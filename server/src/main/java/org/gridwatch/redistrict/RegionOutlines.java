package org.gridwatch.redistrict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridwatch.geo.Geometries;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.CoverageUnion;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.operation.polygonize.Polygonizer;

/**
 * Outlines of regions of cells that tile their outline exactly. Separately snapped overlays can disagree by a hot
 * pixel along shared borders, so instead the outline and the unclipped Voronoi edges are noded once, together, onto the
 * 1e-7° grid and polygonized into faces (as the demo hierarchy itself was built); each face goes to the region of the
 * cell holding its interior point, faces no cell holds (specks left out of the cells) to the region sharing the
 * longest border, and each region is the coverage union of its faces. Neighbours therefore share the very same
 * vertices; {@link OutlineJunctions} then keeps them flush with the outline's own edges.
 */
final class RegionOutlines {
  private RegionOutlines() {}

  /** @param regionOf the region of each cell, 0..count-1 */
  static List<Geometry> of(Geometry outline, BuildingCells cells, int[] regionOf, int count) {
    List<Geometry> lines = new ArrayList<>();
    lines.add(outline.getBoundary());
    STRtree index = new STRtree();
    for (int c = 0; c < cells.size(); c++) {
      index.insert(cells.cells.get(c).wgs84().getEnvelopeInternal(), c);
    }
    for (Geometry v : cells.voronoi) if (v != outline) lines.add(v.getBoundary());
    Geometry noded = UnaryUnionNG.union(Geometries.FACTORY.buildGeometry(lines), Reshape.GRID);
    Polygonizer polygonizer = new Polygonizer();
    polygonizer.add(noded);
    @SuppressWarnings("unchecked")
    var faces = (java.util.Collection<Polygon>) polygonizer.getPolygons();
    List<List<Geometry>> byRegion = new ArrayList<>();
    for (int k = 0; k < count; k++) byRegion.add(new ArrayList<>());
    List<Geometry> specks = new ArrayList<>();
    for (Polygon face : faces) {
      Point inside = face.getInteriorPoint();
      if (!outline.covers(inside)) continue; // a hole of the outline, or outside it
      int cell = cellHolding(index, cells, inside);
      if (cell < 0) specks.add(face);
      else byRegion.get(regionOf[cell]).add(face);
    }
    List<Geometry> out = new ArrayList<>();
    for (List<Geometry> f : byRegion) out.add(union(f));
    for (Geometry speck : specks) {
      Map<String, Geometry> byKey = new LinkedHashMap<>();
      for (int k = 0; k < out.size(); k++) byKey.put(String.format(Locale.ROOT, "%06d", k), out.get(k));
      String to = Reshape.longestBorder(speck, byKey);
      if (to == null) continue; // touches no region along an edge: below anything measured
      int k = Integer.parseInt(to);
      out.set(k, union(List.of(out.get(k), speck)));
    }
    return out;
  }

  private static int cellHolding(STRtree index, BuildingCells cells, Point p) {
    @SuppressWarnings("unchecked")
    List<Integer> near = index.query(p.getEnvelopeInternal());
    near.sort(null);
    for (int c : near) if (cells.cells.get(c).wgs84().covers(p)) return c;
    return -1;
  }

  /** Faces sharing exact edges: a coverage union, with the result built by the shared factory. */
  private static Geometry union(List<Geometry> faces) {
    Geometry u = Geometries.polygonal(CoverageUnion.union(Geometries.FACTORY.buildGeometry(faces)));
    u.setSRID(Geometries.WGS84_SRID);
    return u;
  }
}
