package org.gridwatch.redistrict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.area.BuildingView;
import org.gridwatch.geo.MetricProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * An outline cut into one cell per building site, the units that auto-balance regroups: the Voronoi diagram of
 * the building points (computed in the district's metres), each cell clipped to the outline in WGS84 with the same
 * snapped overlay as every edit, plus which cells share an edge and how long it is.
 *
 * <p>Buildings closer than {@link #SAME_SITE_M} share one site. A cell the outline cuts apart keeps the piece
 * holding its site; the other pieces become cells without buildings. Pieces under {@link #DUST_M2} are left out
 * (whoever assembles outlines from cells must cover them again). Every cell has at least one building or is such
 * an orphan piece. Immutable once built.
 */
final class BuildingCells {
  static final double SAME_SITE_M = 1.0;
  static final double DUST_M2 = 1.0;
  static final double JITTER_M = 0.01;
  private static final GeometryFactory METRIC = new GeometryFactory(new PrecisionModel());

  /** One cell: its WGS84 outline, metric figures, area-weighted centroid (metres) and the buildings in it (indexes). */
  record Cell(Geometry wgs84, double areaM2, double perimeterM, double x, double y, int households, List<Integer> buildings) {}

  final List<Cell> cells;
  /** The unclipped Voronoi cells (WGS84, neighbours sharing exact vertices): the linework outlines are noded from. */
  final List<Geometry> voronoi;
  /** For each cell, its neighbours and the length (m) of the edge they share, in ascending neighbour order. */
  final int[][] neighbours;
  final double[][] shared;

  private BuildingCells(List<Cell> cells, List<Geometry> voronoi, int[][] neighbours, double[][] shared) {
    this.cells = cells;
    this.voronoi = voronoi;
    this.neighbours = neighbours;
    this.shared = shared;
  }

  int size() { return cells.size(); }

  /** The cells of {@code outline} (WGS84 polygonal) for the given buildings, all inside it. */
  static BuildingCells of(Geometry outline, List<BuildingView> buildings) {
    List<List<Integer>> sites = sites(buildings);
    List<Geometry> raw = voronoi(outline, buildings, sites);
    List<Geometry> pieces = new ArrayList<>();
    List<List<Integer>> held = new ArrayList<>();
    for (int s = 0; s < sites.size(); s++) {
      Geometry clipped = Reshape.overlay(raw.get(s), outline, OverlayNG.INTERSECTION);
      Point site = buildings.get(sites.get(s).get(0)).location();
      int home = homePiece(clipped, site);
      for (int i = 0; i < clipped.getNumGeometries(); i++) {
        if (i != home && MetricProjection.areaM2(clipped.getGeometryN(i)) < DUST_M2) continue;
        pieces.add(clipped.getGeometryN(i));
        held.add(i == home ? sites.get(s) : List.of());
      }
      if (home < 0) strayBuildings(sites.get(s), held);
    }
    return graph(pieces, held, buildings, raw);
  }

  /** Buildings grouped by location: those within SAME_SITE_M of a site's first building share it. */
  static List<List<Integer>> sites(List<BuildingView> buildings) {
    Map<Long, List<Integer>> byBucket = new HashMap<>();
    List<List<Integer>> sites = new ArrayList<>();
    List<double[]> at = new ArrayList<>();
    for (int b = 0; b < buildings.size(); b++) {
      double[] m = MetricProjection.project(buildings.get(b).location().getX(), buildings.get(b).location().getY());
      long bx = (long) Math.floor(m[0] / SAME_SITE_M), by = (long) Math.floor(m[1] / SAME_SITE_M);
      Integer found = null;
      for (long dx = -1; dx <= 1 && found == null; dx++) {
        for (long dy = -1; dy <= 1 && found == null; dy++) {
          for (int s : byBucket.getOrDefault(key(bx + dx, by + dy), List.of())) {
            if (Math.hypot(at.get(s)[0] - m[0], at.get(s)[1] - m[1]) < SAME_SITE_M) {
              found = s;
              break;
            }
          }
        }
      }
      if (found != null) {
        sites.get(found).add(b);
        continue;
      }
      byBucket.computeIfAbsent(key(bx, by), k -> new ArrayList<>()).add(sites.size());
      sites.add(new ArrayList<>(List.of(b)));
      at.add(m);
    }
    return sites;
  }

  private static long key(long x, long y) { return x * 1_000_003L + y; }

  /** One WGS84 polygon per site: its Voronoi cell in metres, unprojected (the whole outline for a single site). */
  private static List<Geometry> voronoi(Geometry outline, List<BuildingView> buildings, List<List<Integer>> sites) {
    if (sites.size() == 1) return List.of(outline);
    Map<Coordinate, Integer> siteAt = new HashMap<>();
    List<Coordinate> coords = new ArrayList<>();
    // Buildings of a compound stand on a lattice: rows of collinear and cocircular sites, on which the Delaunay
    // triangulation builds flat triangles and the Voronoi cells overlap. A seeded centimetre of jitter breaks the ties.
    java.util.SplittableRandom jitter = new java.util.SplittableRandom(sites.size());
    for (int s = 0; s < sites.size(); s++) {
      Point p = buildings.get(sites.get(s).get(0)).location();
      double[] m = MetricProjection.project(p.getX(), p.getY());
      Coordinate c = new Coordinate(m[0] + jitter.nextDouble(-JITTER_M, JITTER_M), m[1] + jitter.nextDouble(-JITTER_M, JITTER_M));
      coords.add(c);
      siteAt.put(c, s);
    }
    var envelope = MetricProjection.toMetres(outline).getEnvelopeInternal();
    envelope.expandBy(100);
    List<Coordinate> all = new ArrayList<>(coords);
    all.addAll(guards(envelope));
    VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
    builder.setSites(all);
    // Guard sites on a ring well outside keep every building's cell near the outline: otherwise cells of buildings
    // in a straight row on the edge reach kilometres away, where their vertices lose all precision. What remains
    // outside the frame 100 m around the outline is cut off (robustly: the builder's own clipping fails on
    // cocircular sites). Edges between cells inside the outline stay exactly shared.
    Geometry frame = METRIC.toGeometry(envelope);
    @SuppressWarnings("unchecked")
    List<Geometry> polygons = builder.getSubdivision().getVoronoiCellPolygons(METRIC);
    Geometry[] out = new Geometry[sites.size()];
    for (Geometry cell : polygons) {
      Integer site = siteAt.get((Coordinate) cell.getUserData());
      if (site == null) continue; // a guard
      Geometry framed = cell.getEnvelopeInternal().intersects(envelope) && !envelope.contains(cell.getEnvelopeInternal())
          ? OverlayNGRobust.overlay(cell, frame, OverlayNG.INTERSECTION) : cell;
      out[site] = MetricProjection.toWgs84(framed);
    }
    return List.of(out);
  }

  /** Sites on a circle around the frame, a tenth of its radius apart (at least 24). */
  private static List<Coordinate> guards(org.locationtech.jts.geom.Envelope frame) {
    double r = Math.hypot(frame.getWidth(), frame.getHeight()), cx = frame.centre().x, cy = frame.centre().y;
    int n = 24;
    List<Coordinate> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * i / n;
      out.add(new Coordinate(cx + r * Math.cos(a), cy + r * Math.sin(a)));
    }
    return out;
  }

  /** The piece holding the site, else the nearest piece (snapping can put a site on an edge); -1 if none. */
  private static int homePiece(Geometry clipped, Point site) {
    int nearest = -1;
    double best = Double.MAX_VALUE;
    for (int i = 0; i < clipped.getNumGeometries(); i++) {
      double d = clipped.getGeometryN(i).distance(site);
      if (d < best) {
        best = d;
        nearest = i;
      }
    }
    return nearest;
  }

  /** A site whose cell lies wholly outside the outline (it should not happen: buildings lie inside): keep its buildings with the last cell. */
  private static void strayBuildings(List<Integer> site, List<List<Integer>> held) {
    if (held.isEmpty()) throw new IllegalArgumentException("no building lies inside the outline");
    List<Integer> last = new ArrayList<>(held.get(held.size() - 1));
    last.addAll(site);
    held.set(held.size() - 1, last);
  }

  private static BuildingCells graph(List<Geometry> pieces, List<List<Integer>> held, List<BuildingView> buildings,
      List<Geometry> voronoi) {
    int n = pieces.size();
    List<Geometry> metric = new ArrayList<>(n);
    List<Cell> cells = new ArrayList<>(n);
    STRtree index = new STRtree();
    for (int i = 0; i < n; i++) {
      Geometry m = MetricProjection.toMetres(pieces.get(i));
      metric.add(m);
      index.insert(m.getEnvelopeInternal(), i);
      Point c = m.getCentroid();
      int households = held.get(i).stream().mapToInt(b -> buildings.get(b).households()).sum();
      cells.add(new Cell(pieces.get(i), m.getArea(), m.getLength(), c.getX(), c.getY(), households, List.copyOf(held.get(i))));
    }
    // i ascending and j ascending: every neighbour list comes out sorted without a sort
    List<List<Integer>> adj = new ArrayList<>();
    List<List<Double>> len = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      adj.add(new ArrayList<>());
      len.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      @SuppressWarnings("unchecked")
      List<Integer> near = index.query(metric.get(i).getEnvelopeInternal());
      near.sort(null);
      for (int j : near) {
        if (j <= i) continue;
        double l = sharedLength(metric.get(i), metric.get(j));
        if (l <= 0) continue;
        adj.get(i).add(j);
        len.get(i).add(l);
        adj.get(j).add(i);
        len.get(j).add(l);
      }
    }
    int[][] neighbours = new int[n][];
    double[][] shared = new double[n][];
    for (int i = 0; i < n; i++) {
      neighbours[i] = adj.get(i).stream().mapToInt(Integer::intValue).toArray();
      shared[i] = len.get(i).stream().mapToDouble(Double::doubleValue).toArray();
    }
    return new BuildingCells(List.copyOf(cells), voronoi, neighbours, shared);
  }

  /** The length of the border two cells share (the linear part of their intersection), in metres. */
  private static double sharedLength(Geometry a, Geometry b) {
    Geometry common = OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION);
    double length = 0;
    for (int k = 0; k < common.getNumGeometries(); k++) {
      if (common.getGeometryN(k).getDimension() == 1) length += common.getGeometryN(k).getLength();
    }
    return length;
  }
}
