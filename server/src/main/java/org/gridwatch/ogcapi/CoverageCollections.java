package org.gridwatch.ogcapi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.coverage.Coverage;
import org.gridwatch.coverage.GridFigures;
import org.gridwatch.groundnet.RouteView;
import org.gridwatch.groundnet.Routes;
import org.gridwatch.skynet.CameraView;
import org.gridwatch.skynet.Cameras;
import org.gridwatch.skynet.Sight;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sky-net and ground-net collections, for signed-in users only (camera and patrol positions are sensitive):
 * {@code cameras}, {@code camera-coverage} (sectors), {@code patrol-routes}, {@code grid-coverage} (grids with
 * their coverage figures) and {@code coverage-gaps}; the last two take a {@code window} (now, day, night, HH:MM
 * or a date-time). Items are rendered again only when a camera, route or the figures change.
 */
@Component
class CoverageCollections {
  private static final GeometryFactory WGS84 = new GeometryFactory();
  /** Windows whose rendered items are kept: a planner moving the time slider back and forth renders each once. */
  private static final int KEPT_WINDOWS = 16;
  private static final String WINDOW_TEXT = "moment to compute for: now (default), day, night, HH:MM (Beijing time) or a date-time";

  private final AreaCatalog catalog;
  private final Cameras cameras;
  private final Routes routes;
  private final Coverage coverage;
  private final Sight sight;
  private final JsonMapper mapper;
  private final LastRendered<Long> cameraItems, sectorItems;
  private final LastRendered<Moment> routeItems;

  /** The state of cameras and routes ({@link Coverage#version()}) at a moment, to the minute. */
  private record Moment(long version, Instant minute) {}
  private final LastRendered<List<GridFigures>> gridItems, gapItems;

  CoverageCollections(AreaCatalog catalog, Cameras cameras, Routes routes, Coverage coverage, Sight sight, JsonMapper mapper) {
    this.sight = sight;
    this.catalog = catalog;
    this.cameras = cameras;
    this.routes = routes;
    this.coverage = coverage;
    this.mapper = mapper;
    this.cameraItems = new LastRendered<>(v -> renderCameras(c -> WGS84.createPoint(new Coordinate(c.lon(), c.lat()))));
    this.sectorItems = new LastRendered<>(v -> renderCameras(sight::wgs84));
    this.gridItems = new LastRendered<>(figures -> renderGrids(figures, false), KEPT_WINDOWS);
    this.gapItems = new LastRendered<>(figures -> renderGrids(figures, true), KEPT_WINDOWS);
    this.routeItems = new LastRendered<>(m -> renderRoutes(m.minute()), KEPT_WINDOWS);
  }

  /**
   * Renders what the planning view asks for first (camera points and sectors, today's 10:00 grids, gaps and routes)
   * once the server is up, so its first reader is not the one who pays for rendering 5 MB of features.
   */
  @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
  void renderAhead() {
    // On a thread of its own: on a city it builds the coverage engine first (50,000 cameras), and nothing waits for it.
    Thread t = new Thread(this::renderPlanningLayers, "planning-layers-ahead");
    t.setDaemon(true);
    t.start();
  }

  private void renderPlanningLayers() {
    try {
      long version = coverage.version();
      cameraItems.of(version);
      sectorItems.of(version);
      Instant day = coverage.at("day");
      List<GridFigures> figures = coverage.grids(day);
      gridItems.of(figures);
      gapItems.of(figures);
      routeItems.of(new Moment(version, day.truncatedTo(ChronoUnit.MINUTES)));
    } catch (RuntimeException e) { // an optimisation only: the first reader renders instead
      org.slf4j.LoggerFactory.getLogger(CoverageCollections.class).warn("rendering the planning layers ahead failed", e);
    }
  }

  List<FeatureSource> all() {
    Envelope district = districtExtent();
    Map<String, String> byCamera = FeatureSource.params("subdistrict", "9-digit code of the subdistrict", "grid",
        "15-digit code of the grid", "status", "ONLINE, OFFLINE or FAULT");
    Map<String, String> byGrid = FeatureSource.params(ComputedCollection.WINDOW, WINDOW_TEXT, "subdistrict",
        "9-digit code of the subdistrict", "community", "12-digit code of the community");
    return List.of(
        new ComputedCollection("cameras", "Cameras 天网", "Sky-net cameras (login required)", byCamera, district,
            w -> cameraItems.of(coverage.version())),
        new ComputedCollection("camera-coverage", "Camera coverage 摄像头覆盖",
            "What each camera sees: its sector built in metres (the district's Gauss–Krüger zone), clipped by line of sight where an obstacle layer is loaded; only ONLINE ones count as coverage (login required)", byCamera,
            district, w -> sectorItems.of(coverage.version())),
        new ComputedCollection("patrol-routes", "Patrol routes 地网", "Ground-net patrol routes with their schedules (login required)",
            FeatureSource.params(ComputedCollection.WINDOW, WINDOW_TEXT + "; sets each route's active property", "mode",
                "FOOT, BIKE or CAR", "team", "code of the patrolling team"), district,
            w -> routeItems.of(new Moment(coverage.version(), coverage.at(w).truncatedTo(ChronoUnit.MINUTES)))),
        new ComputedCollection("grid-coverage", "Grid coverage 网格覆盖",
            "Grids with camera, patrol and combined coverage at a moment (login required)", byGrid, district,
            w -> gridItems.of(coverage.grids(coverage.at(w)))),
        new ComputedCollection("coverage-gaps", "Coverage gaps 覆盖盲区",
            "What neither an ONLINE camera nor a running patrol covers, per grid (login required)", byGrid, district,
            w -> gapItems.of(coverage.grids(coverage.at(w)))));
  }

  private List<FeatureItem> renderCameras(Function<CameraView, Geometry> shape) {
    List<FeatureItem> out = new ArrayList<>();
    for (CameraView c : cameras.all()) {
      Geometry g = shape.apply(c);
      if (g == null) continue;
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("code", c.code());
      p.put("name", c.name());
      p.put("type", c.type().name());
      p.put("heading", c.heading());
      p.put("fov", c.effectiveFov());
      p.put("range", c.rangeM());
      p.put("mount_height", c.mountHeightM());
      p.put("status", c.status().name());
      p.put("key_area", c.keyArea());
      p.put("install_date", c.installDate() == null ? null : c.installDate().toString());
      p.put("grid_code", c.gridCode());
      p.put("synthetic", c.synthetic());
      Map<String, String> filters = new HashMap<>();
      filters.put("status", c.status().name());
      if (c.gridCode() != null) {
        filters.put("grid", c.gridCode());
        filters.put("subdistrict", c.gridCode().substring(0, 9));
      }
      out.add(item(c.code(), g, p, filters));
    }
    return List.copyOf(out);
  }

  private List<FeatureItem> renderRoutes(Instant when) {
    List<FeatureItem> out = new ArrayList<>();
    for (RouteView r : routes.all()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("code", r.code());
      p.put("name", r.name());
      p.put("team", r.teamCode());
      p.put("mode", r.mode().name());
      p.put("width", r.widthM());
      p.put("schedule", mapper.readTree(r.schedule().toJson()));
      p.put("active", r.activeAt(when));
      r.nextPass(when).ifPresent(t -> p.put("next_pass", t.toString()));
      p.put("synthetic", r.synthetic());
      Map<String, String> filters = new HashMap<>();
      filters.put("mode", r.mode().name());
      if (r.teamCode() != null) filters.put("team", r.teamCode());
      out.add(item(r.code(), r.line(), p, filters));
    }
    return List.copyOf(out);
  }

  private List<FeatureItem> renderGrids(List<GridFigures> figures, boolean gapsOnly) {
    AreaCatalog.Snapshot s = catalog.now();
    List<FeatureItem> out = new ArrayList<>();
    for (GridFigures f : figures) {
      Geometry g = gapsOnly ? f.gap() : s.find(f.gridCode()).map(AreaView::boundary).orElse(null);
      if (g == null) continue;
      Map<String, Object> p = f.figures();
      Map<String, String> filters = Map.of("subdistrict", f.subdistrictCode(), "community", f.communityCode());
      out.add(item(f.gridCode(), g, p, filters));
    }
    return List.copyOf(out);
  }

  private FeatureItem item(String id, Geometry g, Map<String, Object> p, Map<String, String> filters) {
    String etag = "\"" + id + "-" + Integer.toHexString(31 * p.hashCode() + g.hashCode()) + "\"";
    return FeatureItem.of(mapper, id, g, p, filters, null, etag);
  }

  private Envelope districtExtent() {
    Envelope e = new Envelope();
    catalog.now().level(AreaLevel.DISTRICT).forEach(a -> e.expandToInclude(a.boundary().getEnvelopeInternal()));
    return e;
  }
}
