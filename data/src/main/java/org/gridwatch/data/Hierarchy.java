package org.gridwatch.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.CoverageUnion;

/**
 * Cuts the district into communities and grids in two stages and assembles every level from one exact
 * face partition (see {@link FacePartition}), so that grids tile communities, communities tile
 * subdistricts and subdistricts tile the district with shared vertices.
 */
final class Hierarchy {
  static final int HOUSEHOLDS_PER_GRID = 380;
  static final int HOUSEHOLDS_PER_COMMUNITY = 3300;
  static final double PORT_GRID_M2 = 450_000;
  static final double MIN_FACE_M2 = 200;
  static final double MIN_COMMUNITY_M2 = 50_000;
  static final double MIN_GRID_M2 = 1_500;

  /** One generated area, in degrees, on the 1e-7° grid. */
  record Area(String code, String name, String nameEn, String parentCode, String kind, Geometry boundary) {}

  private final OsmOutlines outlines;
  private final Harbour harbour;
  private final Map<String, List<Building>> buildingsBySubdistrict;
  private final GeometryFactory degrees;
  private final GeometryFactory metric = new GeometryFactory(new PrecisionModel(), 0);
  private final Names names;
  private final List<IndexedPointInAreaLocator> subdistrictLocators = new ArrayList<>();
  private final List<IndexedPointInAreaLocator> pieceLocators = new ArrayList<>();

  Geometry district;
  final List<Area> subdistricts = new ArrayList<>();
  final List<Area> communities = new ArrayList<>();
  final List<Area> grids = new ArrayList<>();

  Hierarchy(OsmOutlines outlines, Harbour harbour, Map<String, List<Building>> buildings, GeometryFactory degrees, Rng rng) {
    this.outlines = outlines;
    this.harbour = harbour;
    this.buildingsBySubdistrict = buildings;
    this.degrees = degrees;
    this.names = new Names(rng.split());
    outlines.subdistricts().forEach(s -> subdistrictLocators.add(new IndexedPointInAreaLocator(s.outline())));
    harbour.pieces().forEach(p -> pieceLocators.add(new IndexedPointInAreaLocator(p.outline())));
  }

  Hierarchy build() {
    // Stage 1: communities inside each subdistrict (with its share of the harbour).
    List<Geometry> lines = new ArrayList<>();
    lines.add(outlines.district().getBoundary());
    outlines.subdistricts().forEach(s -> lines.add(s.outline().getBoundary()));
    harbour.pieces().forEach(p -> lines.add(p.outline().getBoundary()));
    List<Bisection> communityCuts = new ArrayList<>();
    for (int i = 0; i < outlines.subdistricts().size(); i++) {
      var s = outlines.subdistricts().get(i);
      List<Building> housing = buildingsBySubdistrict.get(s.code());
      int households = housing.stream().mapToInt(Building::households).sum();
      int n = Math.max(3, Math.min(9, Math.round(households / (float) HOUSEHOLDS_PER_COMMUNITY)));
      Geometry outline = LocalPlane.toMetres(withHarbour(i));
      Bisection b = Bisection.of(metric, outline, weighted(housing), n, Bisection.streetAngle(outline));
      communityCuts.add(b);
      b.cuts().forEach(c -> lines.add(inDegrees(c)));
    }
    FacePartition stage1 = new FacePartition(degrees, lines);
    weighBuildings(stage1);
    int[] sub1 = subdistrictLabels(stage1);
    int[] comm1 = new int[stage1.size()];
    for (int f = 0; f < stage1.size(); f++) {
      Point p = stage1.interiorPoint(f);
      comm1[f] = sub1[f] * 100 + communityCuts.get(sub1[f]).cellOf(LocalPlane.x(p.getX()), LocalPlane.y(p.getY()));
    }
    stage1.makeContiguous(comm1, sub1, MIN_FACE_M2, MIN_COMMUNITY_M2);
    Map<Integer, Geometry> communityOutlines = new TreeMap<>();
    for (int label : new TreeSet<>(asList(comm1))) communityOutlines.put(label, stage1.union(comm1, label));

    // Stage 2: grids inside each community; port grids on the harbour.
    Geometry ports = harbour.portUnion(degrees);
    List<Geometry> lines2 = new ArrayList<>(stage1.edges());
    Map<Integer, Bisection> residential = new TreeMap<>(), port = new TreeMap<>();
    Map<Integer, IndexedPointInAreaLocator> communityLocators = new TreeMap<>(), portLocators = new TreeMap<>();
    List<Building> all = buildingsBySubdistrict.values().stream().flatMap(List::stream).toList();
    for (var e : communityOutlines.entrySet()) {
      Geometry outline = e.getValue();
      communityLocators.put(e.getKey(), new IndexedPointInAreaLocator(outline));
      Geometry portPart = outline.intersection(ports);
      Geometry housingPart = LocalPlane.areaM2(portPart) > 0 ? outline.difference(ports) : outline;
      List<Building> housing = inside(all, outline);
      int households = housing.stream().mapToInt(Building::households).sum();
      int n = Math.max(1, Math.round(households / (float) HOUSEHOLDS_PER_GRID));
      double streets = communityCuts.get(e.getKey() / 100).streetAngle();
      Bisection b = Bisection.of(metric, LocalPlane.toMetres(housingPart), weighted(housing), n, streets);
      residential.put(e.getKey(), b);
      b.cuts().forEach(c -> lines2.add(inDegrees(c)));
      double portM2 = LocalPlane.areaM2(portPart);
      if (portM2 >= Harbour.PORT_MIN_M2) {
        Geometry portMetres = LocalPlane.toMetres(portPart);
        Bisection pb = Bisection.of(metric, portMetres, areaSamples(portMetres), (int) Math.ceil(portM2 / PORT_GRID_M2),
            Bisection.streetAngle(portMetres));
        port.put(e.getKey(), pb);
        portLocators.put(e.getKey(), new IndexedPointInAreaLocator(portPart));
        pb.cuts().forEach(c -> lines2.add(inDegrees(c)));
      }
    }
    FacePartition stage2 = new FacePartition(degrees, lines2);
    weighBuildings(stage2);
    int[] sub2 = subdistrictLabels(stage2);
    int[] comm2 = new int[stage2.size()];
    for (int f = 0; f < stage2.size(); f++) comm2[f] = communityOf(stage2.interiorPoint(f), sub2[f], communityOutlines, communityLocators);
    stage2.makeContiguous(comm2, sub2, MIN_FACE_M2, MIN_COMMUNITY_M2);
    int[] grid2 = new int[stage2.size()];
    for (int f = 0; f < stage2.size(); f++) {
      Point p = stage2.interiorPoint(f);
      double x = LocalPlane.x(p.getX()), y = LocalPlane.y(p.getY());
      IndexedPointInAreaLocator inPort = portLocators.get(comm2[f]);
      boolean isPort = inPort != null && inPort.locate(p.getCoordinate()) == Location.INTERIOR;
      grid2[f] = comm2[f] * 1000 + (isPort ? 500 + port.get(comm2[f]).cellOf(x, y) : residential.get(comm2[f]).cellOf(x, y));
    }
    stage2.makeContiguous(grid2, comm2, MIN_FACE_M2, MIN_GRID_M2);
    assemble(stage2, sub2, comm2, grid2);
    return this;
  }

  private void assemble(FacePartition faces, int[] sub, int[] comm, int[] grid) {
    List<Geometry> all = new ArrayList<>();
    for (int f = 0; f < faces.size(); f++) all.add(faces.face(f));
    district = CoverageUnion.union(degrees.buildGeometry(all));
    for (int i = 0; i < outlines.subdistricts().size(); i++) {
      var s = outlines.subdistricts().get(i);
      subdistricts.add(new Area(s.code(), s.name(), Names.SUBDISTRICT_EN.get(s.code()) + " Subdistrict", "370203",
          "subdistrict", faces.union(sub, i)));
      List<Integer> commLabels = labelsWithParent(comm, sub, i);
      List<Integer> ordered = ReadingOrder.sort(commLabels, l -> x(faces.union(comm, l)), l -> y(faces.union(comm, l)),
          l -> LocalPlane.areaM2(faces.union(comm, l)));
      for (int c = 0; c < ordered.size(); c++) {
        String code = s.code() + String.format("%03d", c + 1);
        Geometry outline = faces.union(comm, ordered.get(c));
        String en = Names.SUBDISTRICT_EN.get(s.code()) + " Community " + (c + 1);
        communities.add(new Area(code, names.community(), en, s.code(), "community", outline));
        addGrids(faces, comm, grid, ordered.get(c), code, communities.get(communities.size() - 1).name());
      }
    }
  }

  private void addGrids(FacePartition faces, int[] comm, int[] grid, int communityLabel, String communityCode, String communityName) {
    List<Integer> labels = labelsWithParent(grid, comm, communityLabel);
    Map<Integer, Geometry> outline = new TreeMap<>();
    labels.forEach(l -> outline.put(l, faces.union(grid, l)));
    List<Integer> ordered = ReadingOrder.sort(labels, l -> x(outline.get(l)), l -> y(outline.get(l)),
        l -> LocalPlane.areaM2(outline.get(l)));
    for (int g = 0; g < ordered.size(); g++) {
      int label = ordered.get(g);
      boolean isPort = label % 1000 >= 500;
      String seq = String.format("%03d", g + 1);
      String name = communityName.replace("社区", "") + (isPort ? "港区专属网格" : "第" + (g + 1) + "网格");
      grids.add(new Area(communityCode + seq, name, (isPort ? "Port grid " : "Grid ") + seq, communityCode,
          isPort ? "port" : "residential", outline.get(label)));
    }
  }

  private void weighBuildings(FacePartition faces) {
    org.locationtech.jts.index.strtree.STRtree index = new org.locationtech.jts.index.strtree.STRtree();
    for (int f = 0; f < faces.size(); f++) index.insert(faces.face(f).getEnvelopeInternal(), f);
    for (List<Building> housing : buildingsBySubdistrict.values()) {
      for (Building b : housing) {
        Coordinate c = new Coordinate(b.lon(), b.lat());
        for (Object o : index.query(new Envelope(c))) {
          int f = (Integer) o;
          if (new IndexedPointInAreaLocator(faces.face(f)).locate(c) == Location.INTERIOR) { faces.addWeight(f, b.households()); break; }
        }
      }
    }
  }

  private static List<Integer> labelsWithParent(int[] labels, int[] parents, int parent) {
    TreeSet<Integer> out = new TreeSet<>();
    for (int f = 0; f < labels.length; f++) if (parents[f] == parent) out.add(labels[f]);
    return new ArrayList<>(out);
  }

  private static double x(Geometry g) { return LocalPlane.x(g.getInteriorPoint().getX()); }
  private static double y(Geometry g) { return LocalPlane.y(g.getInteriorPoint().getY()); }

  /** Subdistrict index of every face: OSM outline, else harbour piece owner, else its longest-border neighbour. */
  private int[] subdistrictLabels(FacePartition faces) {
    int[] label = new int[faces.size()];
    for (int f = 0; f < faces.size(); f++) label[f] = subdistrictOf(faces.interiorPoint(f).getCoordinate());
    for (boolean changed = true; changed; ) {
      changed = false;
      for (int f = 0; f < faces.size(); f++) {
        if (label[f] >= 0) continue;
        int best = faces.neighbours(f).entrySet().stream().filter(e -> label[e.getKey()] >= 0)
            .max(Map.Entry.comparingByValue()).map(e -> label[e.getKey()]).orElse(-1);
        if (best >= 0) { label[f] = best; changed = true; }
      }
    }
    return label;
  }

  private int subdistrictOf(Coordinate c) {
    for (int i = 0; i < subdistrictLocators.size(); i++) {
      if (subdistrictLocators.get(i).locate(c) == Location.INTERIOR) return i;
    }
    for (int i = 0; i < pieceLocators.size(); i++) {
      if (pieceLocators.get(i).locate(c) == Location.INTERIOR) return indexOf(harbour.pieces().get(i).subdistrictCode());
    }
    return -1;
  }

  private int indexOf(String code) {
    for (int i = 0; i < outlines.subdistricts().size(); i++) if (outlines.subdistricts().get(i).code().equals(code)) return i;
    throw new IllegalArgumentException(code);
  }

  private static int communityOf(Point p, int sub, Map<Integer, Geometry> outlines, Map<Integer, IndexedPointInAreaLocator> locators) {
    int nearest = -1;
    double best = Double.MAX_VALUE;
    for (var e : outlines.entrySet()) {
      if (e.getKey() / 100 != sub) continue;
      if (locators.get(e.getKey()).locate(p.getCoordinate()) == Location.INTERIOR) return e.getKey();
      double d = e.getValue().distance(p);
      if (d < best) { best = d; nearest = e.getKey(); }
    }
    return nearest;
  }

  private Geometry withHarbour(int subdistrict) {
    var s = outlines.subdistricts().get(subdistrict);
    List<Geometry> parts = new ArrayList<>(List.of(s.outline()));
    harbour.pieces().stream().filter(p -> p.subdistrictCode().equals(s.code())).forEach(p -> parts.add(p.outline()));
    return degrees.buildGeometry(parts).union();
  }

  private Geometry inDegrees(Geometry metres) { return degrees.createGeometry(LocalPlane.toDegrees(metres)); }

  private static List<Bisection.Weighted> weighted(List<Building> housing) {
    return housing.stream().map(b -> new Bisection.Weighted(b.x(), b.y(), b.households())).toList();
  }

  private static List<Building> inside(List<Building> all, Geometry outline) {
    IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(outline);
    Envelope env = outline.getEnvelopeInternal();
    return all.stream().filter(b -> env.contains(b.lon(), b.lat()))
        .filter(b -> locator.locate(new Coordinate(b.lon(), b.lat())) == Location.INTERIOR).toList();
  }

  /** A 40 m lattice of unit weights: bisection by area where there is no housing to balance. */
  private List<Bisection.Weighted> areaSamples(Geometry metres) {
    IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(metres);
    Envelope env = metres.getEnvelopeInternal();
    List<Bisection.Weighted> out = new ArrayList<>();
    for (double x = env.getMinX() + 20; x < env.getMaxX(); x += 40) {
      for (double y = env.getMinY() + 20; y < env.getMaxY(); y += 40) {
        if (locator.locate(new Coordinate(x, y)) == Location.INTERIOR) out.add(new Bisection.Weighted(x, y, 1));
      }
    }
    return out;
  }

  private static List<Integer> asList(int[] a) {
    List<Integer> out = new ArrayList<>(a.length);
    for (int v : a) out.add(v);
    return out;
  }

  void printSummary(List<Building> buildings) {
    List<Integer> households = new ArrayList<>();
    for (Area g : grids) {
      if (!g.kind().equals("residential")) continue;
      households.add(inside(buildings, g.boundary()).stream().mapToInt(Building::households).sum());
    }
    for (int i = 0, r = 0; i < grids.size(); i++) {
      Area g = grids.get(i);
      if (!g.kind().equals("residential")) continue;
      int h = households.get(r++);
      if (h < 250 || h > 550) System.out.printf("  outlier %s %d households, %.0f m2, parts %d%n", g.code(), h, LocalPlane.areaM2(g.boundary()), g.boundary().getNumGeometries());
    }
    households.sort(Comparator.naturalOrder());
    long inBand = households.stream().filter(h -> h >= 300 && h <= 500).count();
    System.out.printf("subdistricts %d, communities %d, grids %d (%d port), buildings %d%n", subdistricts.size(),
        communities.size(), grids.size(), grids.size() - households.size(), buildings.size());
    System.out.printf("households %d, residents %d%n", buildings.stream().mapToInt(Building::households).sum(),
        buildings.stream().mapToInt(Building::residents).sum());
    System.out.printf("households per residential grid: min %d, median %d, max %d; %d of %d within 300-500%n",
        households.get(0), households.get(households.size() / 2), households.get(households.size() - 1), inBand,
        households.size());
  }
}
