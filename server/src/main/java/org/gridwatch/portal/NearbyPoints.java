package org.gridwatch.portal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.portal.PortalAnswer.NearbyPoint;
import org.gridwatch.portal.PortalAnswer.Window;
import org.gridwatch.service.PointKind;
import org.gridwatch.service.ServicePointView;
import org.gridwatch.service.ServicePoints;
import org.gridwatch.service.WeeklyHours;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;

/**
 * The service points a resident at a place is shown: their community's service centre(s) first, whatever the
 * distance, then the other points within {@value #RADIUS_M} m, nearest first, at most {@value #MAX} in all; each with
 * today's opening windows and whether it is open at this moment (the district's local time).
 */
@Service
class NearbyPoints {
  static final double RADIUS_M = 1500;
  static final int MAX = 8;

  private final ServicePoints points;

  NearbyPoints(ServicePoints points) { this.points = points; }

  List<NearbyPoint> around(double lon, double lat, String communityCode, LocalDateTime localNow) {
    Point here = point(lon, lat);
    List<NearbyPoint> centres = new ArrayList<>(), others = new ArrayList<>();
    for (ServicePointView p : points.list(null, null)) {
      long d = Math.round(MetricProjection.distanceM(here, point(p.lon(), p.lat())));
      boolean centre = p.kind() == PointKind.COMMUNITY_SERVICE_CENTRE && communityCode.equals(p.community());
      if (centre) centres.add(nearby(p, d, localNow));
      else if (d <= RADIUS_M) others.add(nearby(p, d, localNow));
    }
    Comparator<NearbyPoint> nearestFirst = Comparator.comparingLong(NearbyPoint::distanceM).thenComparingLong(NearbyPoint::id);
    centres.sort(nearestFirst);
    others.sort(nearestFirst);
    centres.addAll(others);
    return List.copyOf(centres.subList(0, Math.min(MAX, centres.size())));
  }

  private static NearbyPoint nearby(ServicePointView p, long distanceM, LocalDateTime localNow) {
    int weekday = localNow.getDayOfWeek().getValue();
    List<Window> today = p.openingHours().stream().filter(h -> h.weekday() == weekday)
        .sorted(Comparator.comparing(WeeklyHours::from)).map(h -> new Window(h.from(), h.to())).toList();
    boolean open = today.stream().anyMatch(w -> !localNow.toLocalTime().isBefore(w.starts()) && localNow.toLocalTime().isBefore(w.ends()));
    return new NearbyPoint(p.id(), p.name(), p.kind(), p.address(), p.lon(), p.lat(), distanceM, open, today);
  }

  private static Point point(double lon, double lat) { return Geometries.FACTORY.createPoint(new Coordinate(lon, lat)); }
}
