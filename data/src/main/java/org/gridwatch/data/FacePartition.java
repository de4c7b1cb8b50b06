package org.gridwatch.data;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.CoverageUnion;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.operation.polygonize.Polygonizer;

/**
 * The faces of a planar arrangement of lines, with their adjacency, built so that areas made of faces
 * share edges exactly.
 *
 * <p>All linework (outlines and cuts, in degrees) is noded once with snap-rounding onto the output grid of
 * 1e-7° and polygonized. Two faces that touch share the very same vertices, so any union of faces tiles
 * exactly: no gaps, no overlaps, no slivers from floating-point noise. Areas are then sets of faces,
 * described by an integer label per face.
 */
final class FacePartition {
  static final PrecisionModel GRID = new PrecisionModel(1e7);

  private final GeometryFactory factory;
  private final List<Polygon> faces = new ArrayList<>();
  private final double[] areaM2;
  private final double[] weight; // households in the face, to decide which piece of a split area is its core
  private final List<Map<Integer, Double>> borders = new ArrayList<>(); // face -> neighbour face -> metres

  FacePartition(GeometryFactory factory, Collection<? extends Geometry> lines) {
    this.factory = factory;
    Geometry noded = UnaryUnionNG.union(factory.buildGeometry(new ArrayList<Geometry>(lines)), GRID);
    Polygonizer polygonizer = new Polygonizer();
    polygonizer.add(noded);
    for (Object p : polygonizer.getPolygons()) faces.add((Polygon) p);
    faces.sort((a, b) -> a.getEnvelopeInternal().compareTo(b.getEnvelopeInternal())); // deterministic order
    areaM2 = new double[faces.size()];
    weight = new double[faces.size()];
    for (int i = 0; i < faces.size(); i++) {
      areaM2[i] = LocalPlane.areaM2(faces.get(i));
      borders.add(new HashMap<>());
    }
    indexBorders();
  }

  int size() { return faces.size(); }
  void addWeight(int face, double w) { weight[face] += w; }
  Polygon face(int i) { return faces.get(i); }
  double areaM2(int i) { return areaM2[i]; }
  Point interiorPoint(int i) { return faces.get(i).getInteriorPoint(); }
  Map<Integer, Double> neighbours(int i) { return borders.get(i); }

  /** The union of the faces carrying {@code label}, as one exactly tiled polygonal geometry. */
  Geometry union(int[] labels, int label) {
    List<Geometry> parts = new ArrayList<>();
    for (int i = 0; i < faces.size(); i++) if (labels[i] == label) parts.add(faces.get(i));
    return CoverageUnion.union(factory.buildGeometry(parts));
  }

  /** Every edge of the arrangement once: the linework a finer partition can be cut into. */
  List<LineString> edges() {
    List<LineString> out = new ArrayList<>();
    for (Polygon f : faces) {
      out.add(f.getExteriorRing());
      for (int h = 0; h < f.getNumInteriorRing(); h++) out.add(f.getInteriorRingN(h));
    }
    return out;
  }

  /**
   * Makes every label one connected piece of at least {@code minUnitM2}, moving stray pieces (all but the one with most households) and faces
   * smaller than {@code minFaceM2} to the neighbouring label, within the same parent, that shares the
   * longest border with them. A piece with no neighbour in its parent stays (the parent is in pieces).
   */
  void makeContiguous(int[] labels, int[] parents, double minFaceM2, double minUnitM2) {
    for (int round = 0; round < 20; round++) {
      boolean changed = absorbSlivers(labels, parents, minFaceM2);
      changed |= absorbStrayPieces(labels, parents);
      changed |= absorbSmallUnits(labels, parents, minUnitM2);
      if (!changed) return;
    }
  }

  private boolean absorbSlivers(int[] labels, int[] parents, double minFaceM2) {
    boolean changed = false;
    for (int i = 0; i < faces.size(); i++) {
      if (areaM2[i] >= minFaceM2) continue;
      int best = -1;
      double bestLen = 0;
      for (var e : borders.get(i).entrySet()) {
        int j = e.getKey();
        if (parents[j] == parents[i] && e.getValue() > bestLen) { bestLen = e.getValue(); best = j; }
      }
      if (best >= 0 && labels[best] != labels[i]) { labels[i] = labels[best]; changed = true; }
    }
    return changed;
  }

  private boolean absorbStrayPieces(int[] labels, int[] parents) {
    boolean changed = false;
    Map<Integer, List<List<Integer>>> pieces = components(labels);
    for (List<List<Integer>> ofLabel : pieces.values()) {
      if (ofLabel.size() < 2) continue;
      List<Integer> largest = ofLabel.stream().max((a, b) -> {
        int byWeight = Double.compare(weight(a), weight(b));
        return byWeight != 0 ? byWeight : Double.compare(area(a), area(b));
      }).orElseThrow();
      for (List<Integer> piece : ofLabel) {
        if (piece == largest) continue;
        int to = longestBorderLabel(piece, labels, parents);
        if (to >= 0) { for (int f : piece) labels[f] = to; changed = true; }
      }
    }
    return changed;
  }

  private boolean absorbSmallUnits(int[] labels, int[] parents, double minUnitM2) {
    boolean changed = false;
    for (var e : components(labels).entrySet()) {
      List<Integer> all = new ArrayList<>();
      e.getValue().forEach(all::addAll);
      if (area(all) >= minUnitM2) continue;
      int to = longestBorderLabel(all, labels, parents);
      if (to >= 0) { for (int f : all) labels[f] = to; changed = true; }
    }
    return changed;
  }

  private int longestBorderLabel(List<Integer> piece, int[] labels, int[] parents) {
    int own = labels[piece.get(0)], parent = parents[piece.get(0)];
    Map<Integer, Double> byLabel = new HashMap<>();
    for (int f : piece) {
      for (var e : borders.get(f).entrySet()) {
        int j = e.getKey();
        if (labels[j] != own && parents[j] == parent) byLabel.merge(labels[j], e.getValue(), Double::sum);
      }
    }
    return byLabel.entrySet().stream().max((a, b) -> {
      int c = Double.compare(a.getValue(), b.getValue());
      return c != 0 ? c : Integer.compare(b.getKey(), a.getKey());
    }).map(Map.Entry::getKey).orElse(-1);
  }

  /** Connected pieces of each label (faces joined through shared edges). */
  Map<Integer, List<List<Integer>>> components(int[] labels) {
    Map<Integer, List<List<Integer>>> out = new java.util.TreeMap<>();
    boolean[] seen = new boolean[faces.size()];
    for (int s = 0; s < faces.size(); s++) {
      if (seen[s]) continue;
      List<Integer> piece = new ArrayList<>();
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      queue.add(s);
      seen[s] = true;
      while (!queue.isEmpty()) {
        int f = queue.poll();
        piece.add(f);
        for (int j : borders.get(f).keySet()) {
          if (!seen[j] && labels[j] == labels[s]) { seen[j] = true; queue.add(j); }
        }
      }
      out.computeIfAbsent(labels[s], k -> new ArrayList<>()).add(piece);
    }
    return out;
  }

  private double weight(List<Integer> faceIds) {
    double w = 0;
    for (int f : faceIds) w += weight[f];
    return w;
  }

  double area(List<Integer> faceIds) {
    double a = 0;
    for (int f : faceIds) a += areaM2[f];
    return a;
  }

  private void indexBorders() {
    Map<Long, Map<Long, Integer>> firstOwner = new HashMap<>();
    for (int i = 0; i < faces.size(); i++) {
      Polygon f = faces.get(i);
      indexRing(i, f.getExteriorRing().getCoordinates(), firstOwner);
      for (int h = 0; h < f.getNumInteriorRing(); h++) indexRing(i, f.getInteriorRingN(h).getCoordinates(), firstOwner);
    }
  }

  private void indexRing(int face, Coordinate[] ring, Map<Long, Map<Long, Integer>> firstOwner) {
    for (int k = 0; k + 1 < ring.length; k++) {
      long a = key(ring[k]), b = key(ring[k + 1]);
      long lo = Math.min(a, b), hi = Math.max(a, b);
      Integer other = firstOwner.computeIfAbsent(lo, x -> new HashMap<>()).putIfAbsent(hi, face);
      if (other != null && other != face) {
        double len = LocalPlane.toMetres(ring[k]).distance(LocalPlane.toMetres(ring[k + 1]));
        borders.get(face).merge(other, len, Double::sum);
        borders.get(other).merge(face, len, Double::sum);
      }
    }
  }

  private static long key(Coordinate c) {
    return (Math.round(c.x * 1e7) << 31) ^ Math.round(c.y * 1e7);
  }
}
