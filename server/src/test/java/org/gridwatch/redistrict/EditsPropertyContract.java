package org.gridwatch.redistrict;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.BuildingView;
import org.gridwatch.area.TilingCheck;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.support.Http;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Random reshapes, splits and merges of grids and of communities, committed one after another in real demo
 * subdistricts in the database: after each one the subdistrict is still exactly tiled by its
 * communities and each of them by its grids, every building lies in exactly one grid, and every open case sits in
 * the grid the locator gives for its location. A refused edit changes nothing.
 */
abstract class EditsPropertyContract {
  static final int EDITS = 180;
  @Autowired AreaCatalog areas;
  @Autowired EditCommit commit;
  @Autowired EntityManager em;
  @LocalServerPort int port;

  @Test
  void randomEditsAtTwoLevelsKeepTheHierarchyExactlyTiledAndEveryCaseInItsGrid() {
    SplittableRandom random = new SplittableRandom(2026);
    List<AreaView> communities = areas.now().level(AreaLevel.COMMUNITY);
    List<String> chosen = List.of(communities.get(30).code(), communities.get(77).code(), communities.get(101).code());
    Http http = new Http(port);
    for (String c : chosen) {
      for (int i = 0; i < 8; i++) {
        List<BuildingView> in = buildingsIn(c);
        Point p = in.get(random.nextInt(in.size())).location();
        http.postJson("/api/v1/incidents", String.format(Locale.ROOT, "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\","
            + "\"coordinates\":[%.7f,%.7f]},\"description\":\"property test\"}", p.getX() + 1e-5, p.getY()));
      }
    }
    // Communities come and go (merges and splits re-code them): edits pick from the chosen subdistricts as they are.
    List<String> subdistricts = chosen.stream().map(c -> c.substring(0, 9)).distinct().toList();
    Map<String, Integer> applied = new TreeMap<>(), refused = new TreeMap<>();
    for (int i = 0; i < EDITS; i++) {
      AreaView subdistrict = areas.now().find(subdistricts.get(random.nextInt(subdistricts.size()))).orElseThrow();
      List<AreaView> communitiesNow = areas.now().children(subdistrict.code());
      String community = communitiesNow.get(random.nextInt(communitiesNow.size())).code();
      List<AreaView> grids = areas.now().children(community);
      AreaView g = grids.get(random.nextInt(grids.size()));
      Map<String, String> etags = new TreeMap<>();
      grids.forEach(x -> etags.put(x.code(), x.etag()));
      int kind = random.nextInt(14);
      String what = kind < 4 ? "reshape" : kind < 7 || grids.size() < 4 ? "split" : kind < 10 ? "merge" : kind < 12 ? "community"
          : kind == 12 ? "community merge" : "community split";
      communitiesNow.forEach(x -> etags.put(x.code(), x.etag()));
      try {
        switch (what) {
          case "community merge" -> {
            AreaView c = areas.now().find(community).orElseThrow();
            List<AreaView> touching = communitiesNow.stream().filter(n -> !n.code().equals(community)
                && n.boundary().intersection(c.boundary()).getLength() > 0.0005).toList();
            if (touching.isEmpty()) continue;
            commit.merge(List.of(community, touching.get(random.nextInt(touching.size())).code()), new EditCommit.Actor("planner", "PLANNER", true));
          }
          case "community split" -> commit.split(community,
              new Split.Cut(lineThrough(areas.now().find(community).orElseThrow().boundary(), random), null), null, new EditCommit.Actor("planner", "PLANNER", true));
          case "reshape" -> {
            Geometry outline = ReshapePropertyTest.moveOneVertex(g.boundary(), random);
            if (outline == null) continue;
            commit.reshape(g.code(), outline, null, new EditCommit.Actor("planner", "PLANNER", true));
          }
          case "community" -> {
            Geometry outline = ReshapePropertyTest.moveOneVertex(areas.now().find(community).orElseThrow().boundary(), random);
            if (outline == null) continue;
            commit.reshape(community, outline, null, new EditCommit.Actor("planner", "PLANNER", true));
          }
          case "split" -> commit.split(g.code(), new Split.Cut(lineThrough(g.boundary(), random), null), null, new EditCommit.Actor("planner", "PLANNER", true));
          default -> {
            List<AreaView> touching = grids.stream().filter(n -> !n.code().equals(g.code())
                && n.boundary().intersection(g.boundary()).getLength() > 0.0001).toList();
            if (touching.isEmpty()) continue;
            commit.merge(List.of(g.code(), touching.get(random.nextInt(touching.size())).code()), new EditCommit.Actor("planner", "PLANNER", true));
          }
        }
        applied.merge(what, 1, Integer::sum);
      } catch (ProblemException e) {
        refused.merge(what + ": " + e.getMessage().replaceAll("[0-9.]+", "#"), 1, Integer::sum);
        Map<String, String> after = new TreeMap<>();
        areas.now().children(community).forEach(x -> after.put(x.code(), x.etag()));
        areas.now().children(subdistrict.code()).forEach(x -> after.put(x.code(), x.etag()));
        assertThat(after).as("a refused %s changes nothing", what).isEqualTo(etags);
        continue;
      }
      AreaView sub = areas.now().find(subdistrict.code()).orElseThrow();
      List<AreaView> itsCommunities = areas.now().children(sub.code());
      assertThat(TilingCheck.check(Map.of("s", sub.boundary()), Map.of("s", itsCommunities.stream().map(x -> (Geometry) x.boundary()).toList())))
          .as("%s tiled by its communities after %s #%d", sub.code(), what, i).isEmpty();
      for (AreaView c : itsCommunities) checkHolds(c.code(), what + " #" + i);
    }
    assertThat(applied.values().stream().mapToInt(Integer::intValue).sum()).as("applied %s, refused %s", applied, refused)
        .isGreaterThan(EDITS / 3);
    assertThat(applied).as("every kind of edit was applied; refused %s", refused)
        .containsKeys("reshape", "split", "merge", "community", "community merge", "community split");
  }

  void checkHolds(String community, String edit) {
    AreaCatalog.Snapshot s = areas.now();
    AreaView parent = s.find(community).orElseThrow();
    List<AreaView> grids = s.children(community);
    assertThat(TilingCheck.check(Map.of("c", parent.boundary()), Map.of("c", grids.stream().map(x -> (Geometry) x.boundary()).toList())))
        .as("%s tiled after %s", community, edit).isEmpty();
    for (BuildingView b : buildingsIn(community)) {
      assertThat(grids.stream().filter(x -> x.boundary().covers(b.location())).count()).as("%s after %s", b.code(), edit).isGreaterThanOrEqualTo(1);
      assertThat(grids.stream().filter(x -> x.boundary().contains(b.location())).count()).as("%s after %s", b.code(), edit).isLessThanOrEqualTo(1);
      assertThat(b.gridCode()).as("%s placed in a grid of its community after %s", b.code(), edit).startsWith(community);
    }
    List<Object[]> open = em.createQuery("select i.publicId, i.gridCode, i.location, i.communityCode, i.subdistrictCode from Incident i"
        + " where i.gridCode like :c"
        + " and i.status not in (org.gridwatch.incident.Status.REJECTED, org.gridwatch.incident.Status.CLOSED,"
        + " org.gridwatch.incident.Status.MERGED)", Object[].class).setParameter("c", community + "%").getResultList();
    for (Object[] row : open) {
      Point p = (Point) row[2];
      String located = s.gridAt(p.getX(), p.getY()).map(AreaView::code).orElse(null);
      assertThat(row[1]).as("open case %s after %s", row[0], edit).isEqualTo(located);
      assertThat(row[3] + "/" + row[4]).as("open case %s's community and subdistrict after %s", row[0], edit)
          .isEqualTo(located.substring(0, 12) + "/" + located.substring(0, 9));
    }
  }

  List<BuildingView> buildingsIn(String community) {
    AreaView c = areas.now().find(community).orElseThrow();
    return areas.now().buildings().stream().filter(b -> c.boundary().covers(b.location())).toList();
  }

  /** A straight line through the grid's interior point at a random angle, reaching well beyond it. */
  static Geometry lineThrough(Geometry grid, SplittableRandom random) {
    Point mid = grid.getInteriorPoint();
    double angle = random.nextDouble() * Math.PI, reach = grid.getEnvelopeInternal().getDiameter();
    double dx = Math.cos(angle) * reach, dy = Math.sin(angle) * reach;
    return grid.getFactory().createLineString(new Coordinate[] {new Coordinate(mid.getX() - dx, mid.getY() - dy),
        new Coordinate(mid.getX() + dx, mid.getY() + dy)});
  }
}
