package org.gridwatch.redistrict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.area.BuildingView;
import org.gridwatch.geo.MetricProjection;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * What a planner reads off an outline: area, households and residents of the buildings inside it, and two
 * compactness scores computed in metres — Polsby-Popper 4πA/P² (1 for a circle, under 0.2 is stringy) and the
 * share of its convex hull it fills.
 */
public record Shape(double areaM2, int households, int residents, int buildings, double polsbyPopper, double hullRatio) {

  public static Shape of(Geometry wgs84, List<BuildingView> candidates) {
    Geometry m = MetricProjection.toMetres(wgs84);
    double area = m.getArea(), perimeter = m.getLength();
    PreparedGeometry inside = PreparedGeometryFactory.prepare(wgs84);
    int households = 0, residents = 0, count = 0;
    for (BuildingView b : candidates) {
      if (!inside.covers(b.location())) continue;
      households += b.households();
      residents += b.residents();
      count++;
    }
    double hull = m.convexHull().getArea();
    return new Shape(area, households, residents, count, perimeter == 0 ? 0 : 4 * Math.PI * area / (perimeter * perimeter),
        hull == 0 ? 0 : area / hull);
  }

  /** As served: areas to 0.1 m², scores to 3 places. */
  public Map<String, Object> figures() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("areaM2", Math.round(areaM2 * 10) / 10.0);
    out.put("households", households);
    out.put("residents", residents);
    out.put("buildings", buildings);
    out.put("polsbyPopper", Math.round(polsbyPopper * 1000) / 1000.0);
    out.put("hullRatio", Math.round(hullRatio * 1000) / 1000.0);
    return out;
  }
}
