package org.gridwatch.redistrict;

import org.gridwatch.problem.Text;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.BuildingView;
import org.gridwatch.geo.Geometries;
import org.gridwatch.problem.ProblemException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Moving buildings into a neighbouring grid, as a reshape of the receiving grid: each building takes with it its
 * own plot — its Voronoi cell among the buildings of the grid it leaves, clipped to that grid — so nothing else
 * changes hands. A plot that does not touch the receiving grid cannot join it in one piece, and the reshape
 * refuses it like any other edit.
 */
final class BuildingMove {
  private BuildingMove() {}

  /** The receiving grid's new outline. */
  static Geometry outline(AreaCatalog.Snapshot s, AreaView to, List<String> buildingCodes) {
    if (to.level() != AreaLevel.GRID) throw ProblemException.badInput("code", Text.of("redistrict.x-not-grid", to.code()));
    if (buildingCodes == null || buildingCodes.isEmpty()) throw ProblemException.badInput("buildings", Text.of("redistrict.name-at-least-one-building"));
    Set<String> wanted = new LinkedHashSet<>(buildingCodes);
    List<BuildingView> moving = new ArrayList<>();
    for (String code : wanted) {
      BuildingView b = s.buildings().stream().filter(x -> x.code().equals(code)).findFirst()
          .orElseThrow(() -> ProblemException.badInput("buildings", Text.of("redistrict.there-no-building-x", code)));
      if (to.code().equals(b.gridCode())) throw ProblemException.badInput("buildings", Text.of("redistrict.x-already-x", code, to.code()));
      AreaView from = s.find(b.gridCode()).orElseThrow();
      if (!from.parentCode().equals(to.parentCode())) {
        throw ProblemException.badInput("buildings", Text.of("redistrict.x-x-not-same-community", code, from.code(), to.code()));
      }
      moving.add(b);
    }
    Geometry outline = to.boundary();
    for (BuildingView b : moving) outline = Reshape.overlay(outline, plot(s, b), OverlayNG.UNION);
    return outline;
  }

  /** The building's Voronoi cell among the buildings of its grid, clipped to the grid. */
  static Geometry plot(AreaCatalog.Snapshot s, BuildingView b) {
    AreaView grid = s.find(b.gridCode()).orElseThrow();
    List<BuildingView> neighbours = s.buildings().stream().filter(x -> b.gridCode().equals(x.gridCode())).toList();
    if (neighbours.size() == 1) return grid.boundary();
    VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
    voronoi.setSites(Geometries.FACTORY.createMultiPoint(neighbours.stream().map(BuildingView::location)
        .toArray(org.locationtech.jts.geom.Point[]::new)));
    voronoi.setClipEnvelope(grid.boundary().getEnvelopeInternal());
    GeometryCollection cells = (GeometryCollection) voronoi.getDiagram(Geometries.FACTORY);
    for (int i = 0; i < cells.getNumGeometries(); i++) {
      Geometry cell = cells.getGeometryN(i);
      if (cell.covers(b.location())) return Reshape.overlay(cell, grid.boundary(), OverlayNG.INTERSECTION);
    }
    throw new IllegalStateException("no Voronoi cell holds " + b.code());
  }
}
