package org.gridwatch.data;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * Places synthetic compounds (楼院) of buildings inside a subdistrict's land outline.
 *
 * <p>Density follows a smooth random field (a few "neighbourhood centres" per km², and open spaces
 * such as parks or yards with no housing), so that buildings cluster the way housing does. Each compound
 * is a small rotated block of buildings 25–40 m apart. Old-town compounds are six-storey walk-ups
 * (18–42 households a building); elsewhere a share are high-rises (60–132). Generation stops when the
 * subdistrict's household target is reached.
 */
final class SyntheticBuildings {
  private static final String[] STREETS = {
      "辽宁路", "延安一路", "延安二路", "延安三路", "登州路", "宁夏路", "敦化路", "辽源路", "合肥路", "长春路",
      "即墨路", "台东一路", "台东三路", "台东八路", "镇江路", "浮山后", "阜新路", "海伦路", "四流南路", "兴隆路",
      "水清沟路", "洛阳路", "河西路", "湖岛路", "开平路", "双山路", "华阳路", "抚顺路", "延吉路", "鞍山路",
      "吉林路", "热河路", "威海路", "商河路", "萍乡路", "人民路", "重庆南路", "嘉定路", "南京路", "福州北路",
      "错埠岭", "劲松路", "黑龙江南路", "山东路", "杭州路", "上清路", "同安路", "新疆路", "内蒙古路", "利津路"};

  private final Rng rng;

  SyntheticBuildings(Rng rng) { this.rng = rng; }

  /** @param land the subdistrict outline in local metres; @param households the target */
  List<Building> place(String subdistrictCode, Geometry land, int households) {
    IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(land);
    Envelope env = land.getEnvelopeInternal();
    DensityField field = new DensityField(env, land.getArea() / 1e6);
    boolean oldTown = SubdistrictProfile.oldTown(subdistrictCode);
    List<Building> out = new ArrayList<>();
    int placed = 0, compoundNo = 0, attempts = 0;
    while (placed < households && attempts++ < 2_000_000) {
      double cx = rng.uniform(env.getMinX(), env.getMaxX()), cy = rng.uniform(env.getMinY(), env.getMaxY());
      if (rng.uniform(0, field.max()) > field.at(cx, cy)) continue;
      if (inside.locate(new Coordinate(cx, cy)) != Location.INTERIOR) continue;
      boolean highRise = !oldTown && rng.uniform(0, 1) < 0.35;
      int rows = rng.integer(1, highRise ? 3 : 4), cols = rng.integer(1, highRise ? 3 : 5);
      double spacing = rng.uniform(25, 40), angle = rng.uniform(0, Math.PI);
      String compound = STREETS[rng.integer(0, STREETS.length - 1)] + rng.integer(1, 199) + "号院";
      compoundNo++;
      int number = 0;
      for (int r = 0; r < rows && placed < households; r++) {
        for (int c = 0; c < cols && placed < households; c++) {
          double dx = (c - (cols - 1) / 2.0) * spacing, dy = (r - (rows - 1) / 2.0) * spacing;
          double x = cx + dx * Math.cos(angle) - dy * Math.sin(angle);
          double y = cy + dx * Math.sin(angle) + dy * Math.cos(angle);
          if (inside.locate(new Coordinate(x, y)) != Location.INTERIOR) continue;
          int hh = highRise ? 6 * rng.integer(10, 22) : 6 * rng.integer(3, 7);
          hh = Math.min(hh, households - placed);
          int residents = (int) Math.round(hh * rng.uniform(2.35, 2.95));
          out.add(new Building(compound, ++number, x, y, hh, residents));
          placed += hh;
        }
      }
    }
    if (placed < households) throw new IllegalStateException("could not place housing in " + subdistrictCode);
    return out;
  }

  /** Sum of Gaussian bumps minus open spaces: a smooth, seeded, non-negative density. */
  private final class DensityField {
    private final double[][] bumps;   // x, y, sigma, weight
    private final double[][] voids;   // x, y, radius
    private final double max;

    DensityField(Envelope env, double areaKm2) {
      int nBumps = Math.max(3, (int) Math.round(areaKm2 * 3));
      bumps = new double[nBumps][];
      double m = 0;
      for (int i = 0; i < nBumps; i++) {
        bumps[i] = new double[] {rng.uniform(env.getMinX(), env.getMaxX()), rng.uniform(env.getMinY(), env.getMaxY()),
            rng.uniform(250, 600), rng.uniform(0.5, 1.5)};
        m += bumps[i][3];
      }
      int nVoids = Math.max(1, (int) Math.round(areaKm2 * 0.8));
      voids = new double[nVoids][];
      for (int i = 0; i < nVoids; i++) {
        voids[i] = new double[] {rng.uniform(env.getMinX(), env.getMaxX()), rng.uniform(env.getMinY(), env.getMaxY()),
            rng.uniform(80, 220)};
      }
      max = m + 0.25;
    }

    double max() { return max; }

    double at(double x, double y) {
      for (double[] v : voids) if (Math.hypot(x - v[0], y - v[1]) < v[2]) return 0;
      double d = 0.25; // a floor, so no part of a subdistrict is entirely without housing
      for (double[] b : bumps) {
        double r2 = ((x - b[0]) * (x - b[0]) + (y - b[1]) * (y - b[1])) / (b[2] * b[2]);
        d += b[3] * Math.exp(-0.5 * r2);
      }
      return d;
    }
  }
}
