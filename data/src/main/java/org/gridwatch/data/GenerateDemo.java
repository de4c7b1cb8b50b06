package org.gridwatch.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Generates the Shibei demo dataset: {@code ./mvnw -pl data -Pgenerate compile exec:java}.
 *
 * <p>Reads the OpenStreetMap outlines in {@code data/osm}, gives the harbour area between them to 大港街道,
 * places synthetic buildings, cuts each subdistrict into communities and each community into grids by
 * household-balanced bisection, and writes {@code data/demo/*.geojson}. The seed is fixed, so the output is
 * the same on every run; it is committed, and the server only reads it.
 */
public final class GenerateDemo {
  static final long SEED = 370203L;

  private GenerateDemo() {}

  public static void main(String[] args) throws Exception {
    Path osm = Path.of(args.length > 0 ? args[0] : "data/osm");
    Path out = Path.of(args.length > 1 ? args[1] : "data/demo");
    Files.createDirectories(out);
    GeometryFactory degrees = new GeometryFactory(new PrecisionModel(), 4326);
    OsmOutlines outlines = OsmOutlines.read(osm, degrees);
    Rng rng = new Rng(SEED);

    Harbour harbour = Harbour.between(outlines, degrees);
    List<Building> buildings = new ArrayList<>();
    Map<String, List<Building>> bySubdistrict = placeBuildings(outlines, rng, buildings);

    Hierarchy hierarchy = new Hierarchy(outlines, harbour, bySubdistrict, degrees, rng).build();
    new DemoWriter(out, degrees).write(outlines, hierarchy, buildings);
    hierarchy.printSummary(buildings);
  }

  private static Map<String, List<Building>> placeBuildings(OsmOutlines outlines, Rng rng, List<Building> all) {
    double weightSum = 0;
    for (var s : outlines.subdistricts()) weightSum += LocalPlane.areaM2(s.outline()) * SubdistrictProfile.density(s.code());
    Map<String, List<Building>> out = new TreeMap<>();
    SyntheticBuildings generator = new SyntheticBuildings(rng.split());
    for (var s : outlines.subdistricts()) {
      double share = LocalPlane.areaM2(s.outline()) * SubdistrictProfile.density(s.code()) / weightSum;
      int households = (int) Math.round(SubdistrictProfile.TOTAL_HOUSEHOLDS * share);
      List<Building> placed = generator.place(s.code(), LocalPlane.toMetres(s.outline()), households);
      out.put(s.code(), placed);
      all.addAll(placed);
    }
    return out;
  }
}
