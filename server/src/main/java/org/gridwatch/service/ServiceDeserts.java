package org.gridwatch.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.BuildingView;
import org.gridwatch.geo.MetricProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.stereotype.Component;

/**
 * Service deserts (服务盲区): for a service, the grids whose residents have no point offering it within a distance.
 * A building is served when a service point offering the service lies within the distance of it, straight-line (no
 * street network is loaded), measured in the district's Gauss–Krüger zone (within 0.1 % of the geodesic distance).
 * The points go into an STR-tree; each building asks it for the points in its distance's square, so the work grows
 * with buildings × nearby points, not buildings × all points.
 */
@Component
public class ServiceDeserts {
  /** How distances are measured: straight-line until a street network can be loaded. */
  public static final String METHOD = "straight-line";

  /** A grid with residents out of reach: {@code nearest} is how far the nearest point is from its closest unserved building (m; null: no point anywhere). */
  public record Grid(String code, String name, int residents, int residentsAffected, Long nearest) {}

  /** The answer: the grids listed have residentsAffected > 0, by code. */
  public record Answer(ServiceKind service, int distance, String method, List<Grid> grids) {}

  private final AreaCatalog catalog;
  private final Offers offers;
  private final ServicePoints points;

  ServiceDeserts(AreaCatalog catalog, Offers offers, ServicePoints points) {
    this.catalog = catalog;
    this.offers = offers;
    this.points = points;
  }

  public Answer of(ServiceKind service, int distance) {
    STRtree index = new STRtree();
    int n = 0;
    java.util.Set<Long> offering = new java.util.HashSet<>(offers.pointsOffering(service));
    for (ServicePointView p : points.list(null, null)) {
      if (!offering.contains(p.id())) continue;
      double[] xy = MetricProjection.project(p.lon(), p.lat());
      Coordinate c = new Coordinate(xy[0], xy[1]);
      index.insert(new Envelope(c), c);
      n++;
    }
    AreaCatalog.Snapshot s = catalog.now();
    Map<String, int[]> affected = new LinkedHashMap<>();
    Map<String, Double> nearest = new LinkedHashMap<>();
    for (BuildingView b : s.buildings()) {
      if (b.gridCode() == null || b.residents() <= 0) continue;
      double[] xy = MetricProjection.project(b.location().getX(), b.location().getY());
      Coordinate at = new Coordinate(xy[0], xy[1]);
      Envelope square = new Envelope(at);
      square.expandBy(distance);
      boolean served = false;
      for (Object o : index.query(square)) {
        if (((Coordinate) o).distance(at) <= distance) {
          served = true;
          break;
        }
      }
      if (served) continue;
      affected.computeIfAbsent(b.gridCode(), k -> new int[1])[0] += b.residents();
      if (n > 0) {
        Coordinate near = (Coordinate) index.nearestNeighbour(new Envelope(at), at,
            (a, c) -> ((Coordinate) a.getItem()).distance((Coordinate) c.getItem()));
        nearest.merge(b.gridCode(), near.distance(at), Math::min);
      }
    }
    List<Grid> grids = new ArrayList<>();
    affected.keySet().stream().sorted().forEach(code -> {
      AreaView g = s.find(code).orElse(null);
      Double m = nearest.get(code);
      grids.add(new Grid(code, g == null ? code : g.name(), g == null ? 0 : g.residents(), affected.get(code)[0],
          m == null ? null : Math.round(m)));
    });
    return new Answer(service, distance, METHOD, List.copyOf(grids));
  }
}
