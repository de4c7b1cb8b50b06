package org.gridwatch.coverage;

import java.util.Collection;
import java.util.List;
import org.gridwatch.area.AreaView;
import org.gridwatch.groundnet.RouteView;
import org.gridwatch.skynet.CameraView;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** What the coverage engine works on: the grids (and a key that changes when they do), cameras, routes, key areas. */
interface CoverageInputs {
  /** The same object for as long as the grids stay the same. */
  Object gridsKey();

  List<AreaView> grids();

  Collection<CameraView> cameras();

  Collection<RouteView> routes();

  /** Key areas (重点区域) in WGS84. */
  List<Geometry> keyAreas();

  /** What a camera sees, in the district's metres: its sector, clipped by obstacles where there are any. */
  default Polygon sight(CameraView c) { return c.sectorMetres(); }
}
