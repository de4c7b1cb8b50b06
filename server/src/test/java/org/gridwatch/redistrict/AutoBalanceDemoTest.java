package org.gridwatch.redistrict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridwatch.area.BuildingView;
import org.gridwatch.support.DemoFiles;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Auto-balance on every demo community (in memory, default grid count): each proposal is sound (exact tiling, one
 * piece per grid, every building once), and over the district it puts at least as many grids in the band as there
 * are now. Prints one line of figures: time, band hits and compactness before and after.
 */
class AutoBalanceDemoTest {
  @Test
  void everyDemoCommunity() {
    List<DemoFiles.Feature> grids = DemoFiles.read("grids");
    Map<String, Geometry> allGrids = new LinkedHashMap<>();
    grids.forEach(g -> allGrids.put(g.code(), g.geometry()));
    var placer = Reshape.placer(allGrids);
    Map<String, List<BuildingView>> byCommunity = new LinkedHashMap<>();
    for (DemoFiles.Feature b : DemoFiles.read("buildings")) {
      Point p = (Point) b.geometry();
      p.setSRID(4326);
      String grid = placer.apply(p);
      if (grid == null) continue;
      byCommunity.computeIfAbsent(grid.substring(0, 12), k -> new ArrayList<>()).add(new BuildingView(b.code(), b.name(), p,
          b.properties().get("households").asInt(), b.properties().get("residents").asInt(), true, grid));
    }
    int proposedGrids = 0, proposedInBand = 0, currentGrids = 0, currentInBand = 0, communities = 0;
    double ppAfter = 0, ppBefore = 0, slowestMs = 0, totalMs = 0;
    String slowest = "";
    for (DemoFiles.Feature c : DemoFiles.read("communities")) {
      List<BuildingView> buildings = byCommunity.getOrDefault(c.code(), List.of());
      if (buildings.isEmpty()) continue;
      Geometry outline = c.geometry();
      outline.setSRID(4326);
      Map<String, Geometry> current = new LinkedHashMap<>();
      grids.stream().filter(g -> g.parentCode().equals(c.code())).forEach(g -> current.put(g.code(), g.geometry()));
      int n = AutoBalance.defaultGrids(buildings.stream().mapToInt(BuildingView::households).sum(), AutoBalanceTest.BAND);
      long started = System.nanoTime();
      AutoBalance.Proposal p = AutoBalance.propose(outline, buildings, n, current, AutoBalanceTest.BAND, AutoBalanceTest.STRINGY);
      double ms = (System.nanoTime() - started) / 1e6;
      totalMs += ms;
      if (ms > slowestMs) {
        slowestMs = ms;
        slowest = c.code() + " (" + buildings.size() + " buildings, " + n + " grids)";
      }
      AutoBalanceTest.assertSound(outline, buildings, p, outline.getNumGeometries() == 1);
      communities++;
      proposedGrids += n;
      proposedInBand += p.summary().inBand();
      currentGrids += current.size();
      currentInBand += p.summary().currentInBand();
      ppAfter += p.summary().polsbyPopper() * n;
      ppBefore += p.summary().currentPolsbyPopper() * current.size();
    }
    System.out.printf(Locale.ROOT, "AUTO-BALANCE %d communities in %.1f s (slowest %.0f ms: %s); in band %d/%d proposed vs %d/%d now;"
        + " mean Polsby-Popper %.3f proposed vs %.3f now%n", communities, totalMs / 1000, slowestMs, slowest, proposedInBand,
        proposedGrids, currentInBand, currentGrids, ppAfter / proposedGrids, ppBefore / currentGrids);
    assertThat(proposedInBand).isGreaterThanOrEqualTo(proposedGrids - 2);
  }
}
