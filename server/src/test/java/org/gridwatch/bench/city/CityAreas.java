package org.gridwatch.bench.city;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gridwatch.bench.LocateBenchmark;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The city's hierarchy, seeded: the 20,000 Voronoi grids of {@link LocateBenchmark#syntheticCity} (about 45 × 35 km)
 * grouped into communities of about 20 grids and subdistricts of about 10 communities by nearest seed, each parent
 * the exact union of its children (CoverageUnion: they tile it, no gaps, no overlaps), all under one district.
 * Codes follow the product's scheme: district 6 digits, subdistrict +3, community +3, grid +3.
 */
final class CityAreas {
  static final String DISTRICT = "370299";
  private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

  /** One area of the city; children know their parent's code. */
  record Area(String code, String level, String parent, String name, String nameEn, MultiPolygon boundary) {}

  final List<Area> all = new ArrayList<>();
  final List<Area> grids = new ArrayList<>();

  CityAreas(int gridCount) {
    List<Geometry> cells = LocateBenchmark.syntheticCity(gridCount);
    int communities = Math.max(1, gridCount / 20), subdistricts = Math.max(1, communities / 10);
    SplittableRandom r = new SplittableRandom(18);
    Point[] centres = cells.stream().map(Geometry::getInteriorPoint).toArray(Point[]::new);
    int[] subOf = nearest(centres, seeds(centres, subdistricts, r));
    Coordinate[] communitySeeds = seeds(centres, communities, r);
    // A community belongs to the subdistrict its seed falls in; a grid to the nearest community seed of its own subdistrict.
    int[] communitySub = nearest(toPoints(communitySeeds), seeds(centres, subdistricts, new SplittableRandom(18)));
    int[] communityOf = new int[cells.size()];
    for (int i = 0; i < cells.size(); i++) communityOf[i] = nearestWithin(centres[i], communitySeeds, communitySub, subOf[i]);

    Area district = new Area(DISTRICT, "DISTRICT", null, "合成城市（基准测试）", "Synthetic city (benchmark)",
        multi(CoverageUnion.union(cells.toArray(Geometry[]::new))));
    all.add(district);
    java.util.TreeMap<Integer, java.util.TreeMap<Integer, List<Geometry>>> bySub = new java.util.TreeMap<>();
    for (int i = 0; i < cells.size(); i++)
      bySub.computeIfAbsent(subOf[i], k -> new java.util.TreeMap<>()).computeIfAbsent(communityOf[i], k -> new ArrayList<>()).add(cells.get(i));
    int subNo = 0;
    for (var sub : bySub.values()) {
      List<Geometry> subCells = new ArrayList<>();
      sub.values().forEach(subCells::addAll);
      String subCode = DISTRICT + String.format("%03d", ++subNo);
      all.add(new Area(subCode, "SUBDISTRICT", DISTRICT, "合成街道" + subNo, "Synthetic subdistrict " + subNo,
          multi(CoverageUnion.union(subCells.toArray(Geometry[]::new)))));
      int communityNo = 0;
      for (List<Geometry> kCells : sub.values()) {
        String comCode = subCode + String.format("%03d", ++communityNo);
        all.add(new Area(comCode, "COMMUNITY", subCode, "合成社区" + subCode.substring(6) + "-" + communityNo,
            "Synthetic community " + subCode.substring(6) + "-" + communityNo, multi(CoverageUnion.union(kCells.toArray(Geometry[]::new)))));
        // Grids numbered west→east, north→south inside their community, as the code scheme asks.
        kCells.sort((a, b) -> {
          Coordinate ca = a.getInteriorPoint().getCoordinate(), cb = b.getInteriorPoint().getCoordinate();
          int row = Double.compare(Math.floor(cb.y * 200), Math.floor(ca.y * 200));
          return row != 0 ? row : Double.compare(ca.x, cb.x);
        });
        for (int g = 0; g < kCells.size(); g++) {
          String code = comCode + String.format("%03d", g + 1);
          Area grid = new Area(code, "GRID", comCode, "合成网格" + code.substring(6), "Synthetic grid " + code.substring(6),
              multi(kCells.get(g)));
          all.add(grid);
          grids.add(grid);
        }
      }
    }
  }

  /** Area in square metres, near enough for a benchmark (the city spans a third of a degree). */
  static double squareMetres(Geometry g) {
    double lat = Math.toRadians(g.getCentroid().getY());
    return g.getArea() * 111_320 * 111_320 * Math.cos(lat);
  }

  private static Coordinate[] seeds(Point[] centres, int n, SplittableRandom r) {
    Coordinate[] out = new Coordinate[n];
    for (int i = 0; i < n; i++) out[i] = centres[r.nextInt(centres.length)].getCoordinate();
    return out;
  }

  private static Point[] toPoints(Coordinate[] cs) {
    Point[] out = new Point[cs.length];
    for (int i = 0; i < cs.length; i++) out[i] = GF.createPoint(cs[i]);
    return out;
  }

  private static int[] nearest(Point[] points, Coordinate[] seeds) {
    int[] out = new int[points.length];
    for (int i = 0; i < points.length; i++) {
      double best = Double.MAX_VALUE;
      for (int s = 0; s < seeds.length; s++) {
        double d = d2(points[i].getCoordinate(), seeds[s]);
        if (d < best) { best = d; out[i] = s; }
      }
    }
    return out;
  }

  private static int nearestWithin(Point p, Coordinate[] seeds, int[] seedSub, int sub) {
    double best = Double.MAX_VALUE;
    int out = -1;
    for (int s = 0; s < seeds.length; s++) {
      if (seedSub[s] != sub) continue;
      double d = d2(p.getCoordinate(), seeds[s]);
      if (d < best) { best = d; out = s; }
    }
    return out; // -1: no community seed fell in this subdistrict; its grids form one community
  }

  private static double d2(Coordinate a, Coordinate b) { return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y); }

  private static MultiPolygon multi(Geometry g) {
    MultiPolygon m = g instanceof MultiPolygon mp ? mp : GF.createMultiPolygon(new Polygon[] {(Polygon) g});
    m.setSRID(4326);
    return m;
  }
}
