package org.gridwatch.redistrict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridwatch.area.TilingCheck;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.support.DemoFiles;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Hundreds of random reshapes applied one after another to real demo communities (in memory): after each one
 * the community is still exactly tiled, every building lies in exactly one grid, and households are conserved.
 * Refused edits must leave everything as it was.
 */
class ReshapePropertyTest {
  @org.junit.jupiter.api.BeforeAll
  static void inTheDemoDistrictsZone() { org.gridwatch.support.DemoZone.use(); }

  static final int EDITS = 300;

  @Test
  void randomReshapesKeepEveryCommunityExactlyTiled() {
    SplittableRandom random = new SplittableRandom(5);
    List<DemoFiles.Feature> communities = DemoFiles.read("communities");
    List<DemoFiles.Feature> grids = DemoFiles.read("grids");
    List<DemoFiles.Feature> buildings = DemoFiles.read("buildings");
    int applied = 0, refused = 0;
    Map<String, Integer> reasons = new java.util.TreeMap<>();
    for (int round = 0; round < 6; round++) {
      DemoFiles.Feature community = communities.get(random.nextInt(communities.size()));
      Map<String, Geometry> children = new LinkedHashMap<>();
      grids.stream().filter(g -> g.parentCode().equals(community.code())).forEach(g -> children.put(g.code(), g.geometry()));
      List<Point> inside = buildings.stream().map(b -> (Point) b.geometry()).filter(p -> community.geometry().covers(p)).toList();
      for (int i = 0; i < EDITS / 6; i++) {
        List<String> codes = new ArrayList<>(children.keySet());
        String code = codes.get(random.nextInt(codes.size()));
        Geometry outline = moveOneVertex(children.get(code), random);
        if (outline == null) continue;
        Reshape.Result r = Reshape.apply(community.geometry(), children, code, outline, 100);
        if (!r.ok()) {
          refused++;
          reasons.merge(r.refusals().get(0).reason().replaceAll("[0-9.]+", "#"), 1, Integer::sum);
          continue;
        }
        children.clear();
        children.putAll(r.after());
        applied++;
        assertThat(TilingCheck.check(Map.of("c", community.geometry()), Map.of("c", List.copyOf(children.values()))))
            .as("community %s after edit %d", community.code(), i).isEmpty();
        for (Point p : inside) {
          long owners = children.values().stream().filter(g -> g.intersects(p)).count();
          assertThat(owners).as("building at %s", p).isGreaterThanOrEqualTo(1);
          assertThat(children.values().stream().filter(g -> g.contains(p)).count()).isLessThanOrEqualTo(1);
        }
        double sum = children.values().stream().mapToDouble(MetricProjection::areaM2).sum();
        assertThat(sum).isCloseTo(MetricProjection.areaM2(community.geometry()),
            org.assertj.core.api.Assertions.within(MetricProjection.areaM2(community.geometry()) * TilingCheck.TOLERANCE));
      }
    }
    // A moved vertex on the community's edge pushes outside it or leaves a gap no sibling can fill; one that
    // pinches a thin neighbour cuts it in two: those are refused, and a refusal changes nothing.
    assertThat(applied).as("edits applied; refused: %s", reasons).isGreaterThan(EDITS / 3);
    assertThat(reasons.keySet()).allMatch(r -> r.contains("outside its parent") || r.contains("pieces")
        || r.contains("no sibling borders") || r.contains("sliver"));
    assertThat(applied + refused).as("valid outlines tried").isGreaterThan(EDITS / 2);
  }

  /** The outline with one vertex of its outer ring moved up to 40 m; null when that makes it invalid. */
  static Geometry moveOneVertex(Geometry area, SplittableRandom random) {
    Polygon p = (Polygon) area.getGeometryN(0);
    Coordinate[] ring = p.getExteriorRing().getCoordinates();
    int k = random.nextInt(ring.length - 1);
    double dx = (random.nextDouble() - 0.5) * 0.0009, dy = (random.nextDouble() - 0.5) * 0.0007;
    Coordinate[] moved = new Coordinate[ring.length];
    for (int i = 0; i < ring.length; i++) moved[i] = new Coordinate(ring[i]);
    moved[k].x += dx;
    moved[k].y += dy;
    if (k == 0) moved[ring.length - 1] = new Coordinate(moved[0]);
    Polygon q = p.getFactory().createPolygon(moved);
    return q.isValid() ? q : null;
  }
}
