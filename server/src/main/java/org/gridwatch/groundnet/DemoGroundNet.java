package org.gridwatch.groundnet;

import jakarta.persistence.EntityManager;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The synthetic ground net of the demo (seeded, made once): a foot or bike patrol loop around every community
 * (its boundary runs along streets) walked by one of its grids' patrol teams, and car patrols along parts of
 * every subdistrict's boundary — about 150 routes. Days are covered twice in the morning and twice in the
 * afternoon; only about a third of the loops and the car patrols run at night, so night coverage is thinner.
 */
@Component
@Order(26)
class DemoGroundNet implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoGroundNet.class);
  private static final EnumSet<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

  private final EntityManager em;
  private final TransactionTemplate tx;
  private final AreaCatalog areas;
  private final Routes routes;
  private final Clock clock;
  private final boolean demoData;

  DemoGroundNet(EntityManager em, TransactionTemplate tx, AreaCatalog areas, Routes routes, Clock clock,
      @Value("${gridwatch.demo-data.enabled:true}") boolean demoData) {
    this.em = em;
    this.tx = tx;
    this.areas = areas;
    this.routes = routes;
    this.clock = clock;
    this.demoData = demoData;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!demoData || !routes.all().isEmpty()) return;
    int[] made = {0};
    tx.executeWithoutResult(s -> made[0] = generate(new SplittableRandom(150)));
    routes.invalidate();
    log.info("Demo ground net: {} patrol routes", made[0]);
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
    PatrolRoute route = new PatrolRoute(code, true);
    route.apply(new RouteView(code, name, line, team, mode, width, schedule, true, clock.getZone()), clock.instant());
    em.persist(route);
  }
}
