package org.gridwatch.demo;

import java.util.List;
import java.util.SplittableRandom;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.BuildingView;
import org.gridwatch.geo.Crs;
import org.gridwatch.incident.Actor;
import org.gridwatch.incident.Channel;
import org.gridwatch.incident.Intake;
import org.gridwatch.incident.Submission;
import org.gridwatch.startup.StartupStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * For demonstrations: keeps reporting synthetic cases near housing, {@code gridwatch.demo.simulate-per-minute}
 * of them a minute (0, the default, is off), through the same intake as real reports, so the console has
 * something to show live.
 */
@Component
@DemoDataEnabled
class Simulator {
  private static final Logger log = LoggerFactory.getLogger(Simulator.class);
  private static final String[] CATEGORIES = {"SANITATION", "ROAD_NOT_CLEAN", "PROPERTY_MANAGEMENT", "NEIGHBOUR_DISPUTE",
      "MUNICIPAL_FACILITY", "PUBLIC_SECURITY", "ELDERLY_CARE", "DELIVERY"};
  private static final Channel[] CHANNELS = {Channel.RESIDENT_WEB, Channel.HOTLINE, Channel.GRID_MEMBER, Channel.PATROL, Channel.CAMERA};

  private final Intake intake;
  private final AreaCatalog areas;
  private final StartupStatus startup;
  private final double perMinute;
  private final SplittableRandom random = new SplittableRandom();
  private double owed;

  Simulator(Intake intake, AreaCatalog areas, StartupStatus startup,
      @Value("${gridwatch.demo.simulate-per-minute:0}") double perMinute) {
    this.intake = intake;
    this.areas = areas;
    this.startup = startup;
    this.perMinute = perMinute;
  }

  @Scheduled(fixedRate = 1000, initialDelay = 30_000)
  void tick() {
    // not while the demo is still being imported: the catalog is loaded (empty) before it
    if (perMinute <= 0 || !startup.ready()) return;
    List<BuildingView> buildings = areas.now().buildings();
    if (buildings.isEmpty()) return;
    owed += perMinute / 60.0;
    while (owed >= 1) {
      owed -= 1;
      BuildingView b = buildings.get(random.nextInt(buildings.size()));
      double lon = b.location().getX() + random.nextDouble(-0.0005, 0.0005), lat = b.location().getY() + random.nextDouble(-0.0004, 0.0004);
      String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
      try {
        intake.submit(new Submission(category, lon, lat, Crs.WGS84, null, "模拟上报（演示）simulated report", List.of(), null,
            null, CHANNELS[random.nextInt(CHANNELS.length)], Submission.Reporter.NONE, Submission.Fields.NATIVE),
            Actor.SYSTEM, null, null);
      } catch (RuntimeException e) {
        log.debug("simulated report refused: {}", e.getMessage()); // e.g. a point that fell outside the district
      }
    }
  }
}
