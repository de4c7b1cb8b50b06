package org.gridwatch.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.geo.Sector;
import org.gridwatch.incident.CaseAccess;
import org.gridwatch.incident.IncidentSearch;
import org.gridwatch.skynet.CameraView;
import org.gridwatch.skynet.Cameras;
import org.gridwatch.skynet.LiveViews;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/incidents/{id}/cameras}: the cameras whose view (sector, obstacles considered, as coverage
 * computes it) holds the case's place, nearest first, each with its live view for the command centre to open. For
 * those who may read the case (police information roles, by the access rules).
 */
@RestController
class CaseCamerasController {
  /**
   * A camera that sees the case: what it is, how far, whether it works, its view sector (WGS84, before obstacles) and
   * where to watch it live (null: not set).
   */
  record SeeingCamera(String code, String name, String type, String status, long distanceM, double lon, double lat,
      JsonNode sector, String liveView) {}

  record CaseCameras(String id, List<SeeingCamera> cameras) {}

  /** Cameras farther than this (degrees, about 1 km) cannot reach the place: no camera's range is near it. */
  private static final double NEAR = 0.01;

  private final CaseAccess access;
  private final IncidentSearch search;
  private final Cameras cameras;
  private final CoverageEngine engine;
  private final LiveViews liveViews;
  private final JsonMapper json;

  CaseCamerasController(CaseAccess access, IncidentSearch search, Cameras cameras, CoverageEngine engine, LiveViews liveViews,
      JsonMapper json) {
    this.json = json;
    this.access = access;
    this.search = search;
    this.cameras = cameras;
    this.engine = engine;
    this.liveViews = liveViews;
  }

  @GetMapping("/api/v1/incidents/{id}/cameras")
  CaseCameras cameras(@PathVariable String id) {
    long incidentId = access.reader(id, null).incidentId();
    Point place = search.byId(incidentId).orElseThrow().getLocation();
    double[] xy = MetricProjection.project(place.getX(), place.getY());
    Point metric = Sector.METRIC.createPoint(new Coordinate(xy[0], xy[1]));
    List<CameraView> seeing = new ArrayList<>();
    for (CameraView c : cameras.all()) {
      if (Math.abs(c.lon() - place.getX()) > NEAR || Math.abs(c.lat() - place.getY()) > NEAR) continue;
      if (engine.sight(c).covers(metric)) seeing.add(c);
    }
    Map<String, String> links = liveViews.of(seeing.stream().map(CameraView::code).toList());
    return new CaseCameras(id, seeing.stream().map(c -> {
      double[] at = MetricProjection.project(c.lon(), c.lat());
      long metres = Math.round(Math.hypot(at[0] - xy[0], at[1] - xy[1]));
      return new SeeingCamera(c.code(), c.name(), c.type().name(), c.status().name(), metres, c.lon(), c.lat(), json.readTree(GeoJson.toJson(c.sectorWgs84())),
          links.get(c.code()));
    }).sorted(Comparator.comparingLong(SeeingCamera::distanceM)).toList());
  }
}
