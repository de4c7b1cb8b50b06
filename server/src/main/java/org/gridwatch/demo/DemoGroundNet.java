package org.gridwatch.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.geo.Geometries;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.gridwatch.groundnet.GroundNetSeeding;
import org.gridwatch.groundnet.Mode;
import org.gridwatch.groundnet.RouteView;
import org.gridwatch.groundnet.Routes;
import org.gridwatch.groundnet.Schedule;
import org.gridwatch.patrol.CheckpointView;
import org.gridwatch.patrol.Checkpoints;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.springframework.stereotype.Component;

/**
 * The synthetic ground net of the demo (seeded, made once): a foot or bike patrol loop around every community
 * (its boundary runs along streets) walked by one of its grids' patrol teams, and car patrols along parts of
 * every subdistrict's boundary — about 150 routes. Days are covered twice in the morning and twice in the
 * afternoon; only about a third of the loops and the car patrols run at night, so night coverage is thinner. Each
 * route gets three key points (签到点) where patrols check in; a ground net seeded before key points existed gets them
 * on the next start.
 */
@Component
@DemoDataEnabled
class DemoGroundNet {
  private static final EnumSet<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

  private final AreaCatalog areas;
  private final GroundNetSeeding seeding;
  private final Clock clock;
  private final Checkpoints checkpoints;
  private final Routes routes;
  private final List<RouteView> made = new ArrayList<>();

  DemoGroundNet(AreaCatalog areas, GroundNetSeeding seeding, Clock clock, Checkpoints checkpoints, Routes routes) {
    this.checkpoints = checkpoints;
    this.routes = routes;
    this.areas = areas;
    this.seeding = seeding;
    this.clock = clock;
  }

  /** Makes the ground net into an empty one (start-up runs on one thread); answers what it did. */
  String seed() {
    if (!seeding.isEmpty()) return checkpoints.isEmpty() ? addCheckpoints(routes.all()) : "already there";
    made.clear();
    int n = generate(new SplittableRandom(150));
    seeding.seed(List.copyOf(made));
    return n + " patrol routes, " + addCheckpoints(made);
  }

  /** Three key points (签到点) per demo route: its start and a third and two thirds along it. */
  private String addCheckpoints(List<RouteView> all) {
    List<CheckpointView> points = new ArrayList<>();
    for (RouteView r : all) {
      if (!r.synthetic()) continue;
      LengthIndexedLine along = new LengthIndexedLine(r.line());
      double length = r.line().getLength();
      for (int k = 0; k < 3; k++) {
        Coordinate c = along.extractPoint(length * k / 3);
        points.add(new CheckpointView(r.code() + "-K" + (k + 1), r.code(), r.name() + "签到点" + (k + 1), c.x, c.y, 30));
      }
    }
    checkpoints.seed(points);
    return points.size() + " key points";
  }

  private int generate(SplittableRandom r) {
    AreaCatalog.Snapshot s = areas.now();
    int n = 0;
    for (AreaView community : s.level(AreaLevel.COMMUNITY)) {
      LineString loop = ((Polygon) community.boundary().getGeometryN(0)).getExteriorRing();
      Mode mode = r.nextDouble() < 0.7 ? Mode.FOOT : Mode.BIKE;
      List<Schedule.Window> windows = new ArrayList<>(List.of(
          new Schedule.Window(EVERY_DAY, LocalTime.of(8, 0), LocalTime.of(11, 30), 2),
          new Schedule.Window(EVERY_DAY, LocalTime.of(14, 0), LocalTime.of(17, 30), 2)));
      if (r.nextDouble() < 0.33) windows.add(new Schedule.Window(EVERY_DAY, LocalTime.of(20, 0), LocalTime.of(23, 30), 1));
      String grid = s.children(community.code()).get(0).code();
      save(String.format("PR%04d", ++n), community.name() + "巡逻线", Geometries.FACTORY.createLineString(loop.getCoordinates()),
          "TP" + grid, mode, mode.defaultWidth(), new Schedule(windows));
    }
    for (AreaView sub : s.level(AreaLevel.SUBDISTRICT)) {
      Coordinate[] ring = ((Polygon) sub.boundary().getGeometryN(0)).getExteriorRing().getCoordinates();
      int half = ring.length / 2;
      for (int part = 0; part < 2 && ring.length > 8; part++) {
        Coordinate[] piece = java.util.Arrays.copyOfRange(ring, part * half, Math.min(ring.length, (part + 1) * half + 1));
        save(String.format("PR%04d", ++n), sub.name() + "车巡" + (part + 1), Geometries.FACTORY.createLineString(piece), null,
            Mode.CAR, Mode.CAR.defaultWidth(), new Schedule(List.of(
                new Schedule.Window(EVERY_DAY, LocalTime.of(9, 0), LocalTime.of(17, 0), 3),
                new Schedule.Window(EVERY_DAY, LocalTime.of(22, 0), LocalTime.of(5, 0), 2))));
      }
    }
    return n;
  }

  private void save(String code, String name, LineString line, String team, Mode mode, double width, Schedule schedule) {
    made.add(new RouteView(code, name, line, team, mode, width, schedule, true, clock.getZone()));
  }
}
