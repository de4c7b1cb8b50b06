package org.gridwatch.coverage;

import java.util.Collection;
import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.groundnet.RouteView;
import org.gridwatch.groundnet.Routes;
import org.gridwatch.skynet.CameraView;
import org.gridwatch.skynet.Cameras;
import org.gridwatch.skynet.KeyAreaView;
import org.gridwatch.skynet.KeyAreas;
import org.gridwatch.skynet.Sight;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.springframework.stereotype.Component;

/** The engine's inputs as stored: the current grids of the catalog, the sky net, the ground net, key areas. */
@Component
class StoredInputs implements CoverageInputs {
  private final AreaCatalog areas;
  private final Cameras cameras;
  private final Routes routes;
  private final KeyAreas keyAreas;
  private final Sight sight;

  StoredInputs(AreaCatalog areas, Cameras cameras, Routes routes, KeyAreas keyAreas, Sight sight) {
    this.sight = sight;
    this.areas = areas;
    this.cameras = cameras;
    this.routes = routes;
    this.keyAreas = keyAreas;
  }

  @Override
  public Object gridsKey() { return areas.now(); }

  @Override
  public List<AreaView> grids() { return areas.now().level(AreaLevel.GRID); }

  @Override
  public Collection<CameraView> cameras() { return cameras.all(); }

  @Override
  public Collection<RouteView> routes() { return routes.all(); }

  @Override
  public Polygon sight(CameraView c) { return sight.metres(c); }

  @Override
  public List<Geometry> keyAreas() { return keyAreas.all().stream().map(k -> (Geometry) k.boundary()).toList(); }
}
