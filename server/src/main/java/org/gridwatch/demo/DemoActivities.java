package org.gridwatch.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridwatch.activity.ActivityKind;
import org.gridwatch.activity.ActivitySeeding;
import org.gridwatch.activity.ActivitySeeding.NewActivity;
import org.gridwatch.activity.ActivitySeeding.NewAttendance;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;

/**
 * Synthetic activities of the demo (seeded, made once, titled 演示): in every subdistrict a neighbour festival
 * (邻居节), a service fair (便民服务大集) and a volunteer training over the last eight weeks, each in one of its
 * communities, with the volunteers living nearby signed in and out (so hours and active volunteers show per area), and
 * one upcoming activity per subdistrict. Runs after the volunteers are seeded: with none, the activities have no
 * attendance.
 */
@Component
@DemoDataEnabled
class DemoActivities {
  private final ActivitySeeding seeding;
  private final AreaCatalog areas;
  private final DistrictProfile district;

  DemoActivities(ActivitySeeding seeding, AreaCatalog areas, DistrictProfile district) {
    this.seeding = seeding;
    this.areas = areas;
    this.district = district;
  }

  String seed() {
    if (!seeding.isEmpty()) return "already there";
    SplittableRandom r = new SplittableRandom(1414);
    Map<String, List<Long>> byGrid = seeding.volunteersByGrid();
    ZoneId zone = district.timeZone();
    LocalDate today = LocalDate.now(zone);
    List<NewActivity> made = new ArrayList<>();
    for (AreaView sub : areas.now().level(AreaLevel.SUBDISTRICT)) {
      List<AreaView> communities = areas.now().children(sub.code()).stream().filter(a -> a.level() == AreaLevel.COMMUNITY).toList();
      if (communities.isEmpty()) continue;
      made.add(activity(r, communities, byGrid, "邻居节", ActivityKind.NEIGHBOUR_FESTIVAL, today.minusDays(7 + r.nextInt(49)), 9, 3, zone));
      made.add(activity(r, communities, byGrid, "便民服务大集", ActivityKind.SERVICE_FAIR, today.minusDays(1 + r.nextInt(55)), 14, 2, zone));
      made.add(activity(r, communities, byGrid, "志愿者培训", ActivityKind.TRAINING, today.minusDays(1 + r.nextInt(55)), 19, 2, zone));
      made.add(activity(r, communities, byGrid, "邻居节", ActivityKind.NEIGHBOUR_FESTIVAL, today.plusDays(3 + r.nextInt(12)), 9, 3, zone));
    }
    int rows = seeding.seed(made, "demo");
    return made.size() + " activities, " + rows + " attendances";
  }

  private NewActivity activity(SplittableRandom r, List<AreaView> communities, Map<String, List<Long>> byGrid, String what,
      ActivityKind kind, LocalDate day, int hour, int hours, ZoneId zone) {
    AreaView community = communities.get(r.nextInt(communities.size()));
    List<AreaView> grids = areas.now().children(community.code()).stream().filter(a -> a.level() == AreaLevel.GRID).toList();
    AreaView grid = grids.isEmpty() ? community : grids.get(r.nextInt(grids.size()));
    Point at = grid.boundary().getInteriorPoint();
    Instant starts = day.atTime(hour, 0).atZone(zone).toInstant();
    Instant ends = starts.plus(Duration.ofHours(hours));
    List<NewAttendance> attendance = new ArrayList<>();
    if (ends.isBefore(Instant.now())) {
      List<Long> nearby = new ArrayList<>();
      grids.forEach(g -> nearby.addAll(byGrid.getOrDefault(g.code(), List.of())));
      int n = Math.min(nearby.size(), 4 + r.nextInt(9));
      for (int i = 0; i < n; i++) {
        long v = nearby.remove(r.nextInt(nearby.size()));
        Instant in = starts.minus(Duration.ofMinutes(r.nextInt(20)));
        attendance.add(new NewAttendance(v, in, in.plus(Duration.ofMinutes(35 + r.nextInt(hours * 60)))));
      }
    }
    return new NewActivity(community.name() + what + "（演示数据）", kind, starts, ends, at.getX(), at.getY(), List.of(), attendance);
  }
}
