package org.gridwatch.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.BuildingRegister;
import org.gridwatch.area.BuildingRegister.NewCompound;
import org.gridwatch.area.BuildingView;
import org.gridwatch.geo.GaussKruger;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.springframework.stereotype.Component;

/**
 * Synthetic compounds (小区) for a demo whose buildings name none: in every grid, nearby buildings (up to
 * {@value #MOST_BUILDINGS} within {@value #REACH_M} m of the first one not yet placed, in code order) become one
 * compound when their outline (the hull of their points widened by {@value #MARGIN_M} m, clipped to the grid, so a
 * compound never crosses a grid boundary) overlaps no other compound and holds no other building. A grid gets
 * compounds until about {@value #SHARE_PERCENT} % of its buildings are in one, so some stay outside every compound as
 * in a real district. Named after the courtyard of its first building ("华阳路71号院（合成）", "…二期（合成）" when that
 * name is taken), labelled synthetic. Stored through the product's {@link BuildingRegister}; skipped when compounds
 * exist.
 */
@Component
@DemoDataEnabled
class DemoCompounds {
  static final double MARGIN_M = 15;
  static final int SHARE_PERCENT = 65;
  static final double REACH_M = 150;
  static final int MOST_BUILDINGS = 8;
  private static final String[] PHASES = {"", "二期", "三期", "四期", "五期", "六期", "七期", "八期", "九期"};

  private final AreaCatalog catalog;
  private final BuildingRegister register;

  DemoCompounds(AreaCatalog catalog, BuildingRegister register) {
    this.catalog = catalog;
    this.register = register;
  }

  String seed() {
    AreaCatalog.Snapshot s = catalog.now();
    if (!s.compounds().isEmpty()) return "already there";
    Map<String, List<BuildingView>> byGrid = new TreeMap<>();
    for (BuildingView b : s.buildings()) if (b.gridCode() != null) byGrid.computeIfAbsent(b.gridCode(), k -> new ArrayList<>()).add(b);
    List<NewCompound> compounds = new ArrayList<>();
    Map<String, String> compoundOf = new HashMap<>();
    Set<String> names = new HashSet<>();
    byGrid.forEach((grid, buildings) -> s.find(grid).ifPresent(g -> compoundsOf(g, buildings, names, compounds, compoundOf)));
    if (compounds.isEmpty()) return "no buildings close enough for a compound";
    register.group(compounds, compoundOf); // the catalog reloads after the commit
    return compounds.size() + " compounds, " + Math.round(100.0 * compoundOf.size() / s.buildings().size()) + " % of the buildings";
  }

  /** The grid's compounds, while the grid's share allows. */
  private static void compoundsOf(AreaView grid, List<BuildingView> buildings, Set<String> names, List<NewCompound> out,
      Map<String, String> compoundOf) {
    GaussKruger zone = MetricProjection.zoneFor(grid.boundary());
    Geometry gridM = zone.toMetres(grid.boundary());
    List<BuildingView> inGrid = buildings.stream().sorted(Comparator.comparing(BuildingView::code)).toList();
    Map<String, Point> at = new HashMap<>();
    inGrid.forEach(b -> at.put(b.code(), (Point) zone.toMetres(b.location())));
    Set<String> placed = new HashSet<>();
    List<Geometry> taken = new ArrayList<>();
    int most = inGrid.size() * SHARE_PERCENT / 100;
    for (BuildingView first : inGrid) {
      if (placed.contains(first.code())) continue;
      Point centre = at.get(first.code());
      List<BuildingView> members = inGrid.stream().filter(b -> !placed.contains(b.code()))
          .filter(b -> at.get(b.code()).distance(centre) <= REACH_M)
          .sorted(Comparator.comparingDouble(b -> at.get(b.code()).distance(centre)))
          .limit(Math.min(MOST_BUILDINGS, most - placed.size())).toList();
      if (members.size() < 2) continue;
      Set<String> codes = new HashSet<>();
      members.forEach(b -> codes.add(b.code()));
      Geometry points = gridM.getFactory().buildGeometry(members.stream().map(b -> (Geometry) at.get(b.code())).toList());
      Geometry hull = points.convexHull().buffer(MARGIN_M, 4);
      boolean holdsOthers = inGrid.stream().anyMatch(b -> !codes.contains(b.code()) && hull.intersects(at.get(b.code())));
      if (holdsOthers || taken.stream().anyMatch(hull::intersects)) continue;
      Geometry outline = OverlayNGRobust.overlay(hull, gridM, OverlayNG.INTERSECTION);
      if (outline.isEmpty()) continue;
      String name = name(first, names);
      taken.add(hull);
      placed.addAll(codes);
      out.add(new NewCompound(name, Geometries.asMultiPolygon(Geometries.polygonal(zone.toWgs84(outline))), true));
      members.forEach(b -> compoundOf.put(b.code(), name));
    }
  }

  /** The courtyard of the compound's first building, with the first phase (期) not yet taken. */
  private static String name(BuildingView first, Set<String> names) {
    String yard = courtyard(first.name());
    String base = yard != null ? yard : first.code();
    for (String phase : PHASES) {
      String name = base + phase + "（合成）";
      if (names.add(name)) return name;
    }
    String name = base + "·" + first.code() + "（合成）";
    names.add(name);
    return name;
  }

  /** The courtyard a building's name says it is in ("华阳路71号院2号楼" → "华阳路71号院"), or null. */
  static String courtyard(String buildingName) {
    if (buildingName == null) return null;
    int at = buildingName.indexOf("号院");
    return at < 0 ? null : buildingName.substring(0, at + 2);
  }
}
