package org.gridwatch.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.stereotype.Component;

/**
 * The grids touching a grid (sharing an edge or a corner with it), from the current boundaries. Grids tile their
 * district, so neighbours meet exactly; answers are kept per catalog generation. Thread-safe.
 */
@Component
class GridNeighbours {
  private final AreaCatalog areas;
  private final Map<String, List<String>> cache = new ConcurrentHashMap<>();
  private volatile long generation = -1;

  GridNeighbours(AreaCatalog areas) { this.areas = areas; }

  List<String> of(String grid) {
    AreaCatalog.Snapshot s = areas.now();
    if (s.generation() != generation) {
      cache.clear();
      generation = s.generation();
    }
    return cache.computeIfAbsent(grid, g -> touching(s, g));
  }

  private static List<String> touching(AreaCatalog.Snapshot s, String code) {
    AreaView grid = s.find(code).orElse(null);
    if (grid == null) return List.of();
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(grid.boundary());
    Envelope near = new Envelope(grid.boundary().getEnvelopeInternal());
    List<String> out = new ArrayList<>();
    for (AreaView other : s.level(AreaLevel.GRID)) {
      if (other.code().equals(code) || !near.intersects(other.boundary().getEnvelopeInternal())) continue;
      if (prepared.intersects(other.boundary())) out.add(other.code());
    }
    return List.copyOf(out);
  }
}
