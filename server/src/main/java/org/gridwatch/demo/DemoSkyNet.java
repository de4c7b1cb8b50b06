package org.gridwatch.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.BuildingView;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.geo.Sector;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.gridwatch.incident.IncidentSearch;
import org.gridwatch.skynet.CameraStatus;
import org.gridwatch.skynet.CameraType;
import org.gridwatch.skynet.CameraView;
import org.gridwatch.skynet.KeyAreaView;
import org.gridwatch.skynet.SkyNetSeeding;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The synthetic sky net of the demo, made once into an empty database (seeded): 40 key public areas around
 * busy housing, and {@code gridwatch.demo-data.cameras} cameras (default 3,000) — most at street crossings
 * (where three or more grids meet: the grid edges stand for streets), looking along one of the streets (65 %);
 * the rest in the key areas (15 %), where the demo's cases of the past year were reported (15 %, so hot spots
 * are watched more closely) and among the housing (5 %). The cases are read in a fixed order, so the same seed
 * gives the same cameras on every database. A third are PTZ or dome cameras seeing all around; about 96 %
 * are online, 3 % offline, 1 % faulty.
 */
@Component
@DemoDataEnabled
class DemoSkyNet {
  private static final String[][] KINDS = {{"SQUARE", "广场"}, {"STATION", "车站"}, {"SCHOOL", "学校"}, {"HOSPITAL", "医院"},
      {"SHOPPING", "商圈"}};

  private final AreaCatalog areas;
  private final SkyNetSeeding seeding;
  private final IncidentSearch incidents;
  private final Clock clock;
  private final int count;

  DemoSkyNet(AreaCatalog areas, SkyNetSeeding seeding, IncidentSearch incidents, Clock clock,
      @Value("${gridwatch.demo-data.cameras:3000}") int count) {
    this.areas = areas;
    this.seeding = seeding;
    this.incidents = incidents;
    this.clock = clock;
    this.count = count;
  }

  /** Makes the sky net into an empty one (after the case history: hot spots get cameras); answers what it did. */
  String seed() {
    if (count <= 0) return "none wanted (gridwatch.demo-data.cameras=0)";
    if (!seeding.isEmpty()) return "already there";
    List<KeyAreaView> keyAreas = new ArrayList<>();
    List<CameraView> made = new ArrayList<>();
    generate(new SplittableRandom(119), keyAreas, made);
    seeding.seed(keyAreas, made);
    return made.size() + " cameras";
  }

  private void generate(SplittableRandom r, List<KeyAreaView> keyAreaViews, List<CameraView> made) {
    AreaCatalog.Snapshot s = areas.now();
    List<BuildingView> buildings = s.buildings();
    List<Geometry> keyAreas = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      BuildingView b = buildings.get(r.nextInt(buildings.size()));
      String[] kind = KINDS[i % KINDS.length];
      Geometry disc = Sector.wgs84(b.location().getX(), b.location().getY(), 0, 360, r.nextDouble(70, 140));
      keyAreas.add(disc);
      keyAreaViews.add(new KeyAreaView(String.format("KA%03d", i + 1), kind[1] + (i + 1) + "（合成）", kind[0],
          Geometries.asMultiPolygon(disc)));
    }
    List<double[]> crossings = crossings(s);
    List<IncidentSearch.Where> cases = incidents.reportedSince(clock.instant().minus(java.time.Duration.ofDays(365)));
    int n = 0;
    while (n < count) {
      double lon, lat, heading;
      double x = r.nextDouble();
      if (x < 0.65 && !crossings.isEmpty()) {
        double[] c = crossings.get(r.nextInt(crossings.size()));
        lon = c[0];
        lat = c[1];
        heading = c[2 + r.nextInt((c.length - 2))];
      } else if (x < 0.8) {
        Geometry k = keyAreas.get(r.nextInt(keyAreas.size()));
        Coordinate c = k.getCentroid().getCoordinate();
        lon = c.x + r.nextDouble(-0.0008, 0.0008);
        lat = c.y + r.nextDouble(-0.0006, 0.0006);
        heading = r.nextDouble(0, 360);
      } else if (x < 0.95 && !cases.isEmpty()) {
        IncidentSearch.Where w = cases.get(r.nextInt(cases.size()));
        lon = w.lon() + r.nextDouble(-0.0002, 0.0002);
        lat = w.lat() + r.nextDouble(-0.0002, 0.0002);
        heading = r.nextDouble(0, 360);
      } else {
        BuildingView b = buildings.get(r.nextInt(buildings.size()));
        lon = b.location().getX() + r.nextDouble(-0.0003, 0.0003);
        lat = b.location().getY() + r.nextDouble(-0.0003, 0.0003);
        heading = r.nextDouble(0, 360);
      }
      var grid = s.gridAt(lon, lat);
      if (grid.isEmpty()) continue;
      boolean allRound = r.nextDouble() < 0.33;
      CameraType type = allRound ? (r.nextBoolean() ? CameraType.PTZ : CameraType.DOME) : CameraType.FIXED;
      double fov = allRound ? 360 : r.nextDouble(50, 95), range = allRound ? r.nextDouble(35, 70) : r.nextDouble(50, 130);
      // the widest fixed lenses are mini-domes (半球): same draws, same sectors, so coverage figures do not move
      if (type == CameraType.FIXED && fov > 90) type = CameraType.MINI_DOME;
      double st = r.nextDouble();
      CameraStatus status = st < 0.96 ? CameraStatus.ONLINE : st < 0.99 ? CameraStatus.OFFLINE : CameraStatus.FAULT;
      var point = Geometries.point(lon, lat);
      boolean key = keyAreas.stream().anyMatch(k -> k.contains(point));
      String code = String.format("CAM%05d", ++n);
      CameraView v = new CameraView(code, (key ? "重点区域" : "路口") + "摄像机 " + code, lon, lat, type, Math.floorMod((long) heading, 360L),
          fov, range, r.nextDouble(4, 12), status, key, LocalDate.of(2015 + r.nextInt(10), 1 + r.nextInt(12), 1 + r.nextInt(28)),
          grid.get().code(), true);
      made.add(v);
    }
  }

  /** Vertices where three or more grids meet, with the bearings of the grid edges that leave them. */
  private static List<double[]> crossings(AreaCatalog.Snapshot s) {
    Map<Coordinate, Integer> count = new HashMap<>();
    Map<Coordinate, List<Double>> bearings = new HashMap<>();
    for (AreaView g : s.level(AreaLevel.GRID)) {
      Coordinate[] c = g.boundary().getCoordinates();
      for (int i = 0; i + 1 < c.length; i++) {
        count.merge(c[i], 1, Integer::sum);
        double[] a = MetricProjection.project(c[i].x, c[i].y), b = MetricProjection.project(c[i + 1].x, c[i + 1].y);
        double bearing = (Math.toDegrees(Math.atan2(b[0] - a[0], b[1] - a[1])) + 360) % 360;
        bearings.computeIfAbsent(c[i], k -> new ArrayList<>()).add(bearing);
      }
    }
    List<double[]> out = new ArrayList<>();
    count.entrySet().stream().filter(e -> e.getValue() >= 3).sorted(Map.Entry.comparingByKey()).forEach(e -> {
      List<Double> b = bearings.get(e.getKey());
      double[] row = new double[2 + b.size()];
      row[0] = e.getKey().x;
      row[1] = e.getKey().y;
      for (int i = 0; i < b.size(); i++) row[2 + i] = b.get(i);
      out.add(row);
    });
    return out;
  }
}
