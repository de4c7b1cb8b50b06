package org.gridwatch.building;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.area.BuildingRegister.NewBuilding;
import org.gridwatch.area.BuildingRegister.NewCompound;
import org.gridwatch.area.BuildingView;
import org.gridwatch.area.CompoundView;
import org.gridwatch.geo.GaussKruger;
import org.gridwatch.geo.Geometries;
import org.gridwatch.geo.MetricProjection;
import org.locationtech.jts.geom.Geometry;

/**
 * Outlines of compounds the district did not draw: the convex hull of the compound's buildings (footprints where
 * given, else points), widened by {@value #MARGIN_M} m so that a lone building or a row of them still makes an area.
 * Computed in the district's metric CRS. A compound whose outline was given keeps it until a new one is given.
 */
final class CompoundOutlines {
  static final double MARGIN_M = 10;

  private CompoundOutlines() {}

  /**
   * The derived outlines to store after an import: for every compound named by a building after the import (the
   * stored buildings with the imported ones replacing those of the same code) that has no given outline, neither
   * stored nor in this import.
   */
  static List<NewCompound> derive(List<BuildingView> stored, List<CompoundView> storedCompounds, List<NewBuilding> imported,
      List<NewCompound> given) {
    Set<String> drawn = new java.util.HashSet<>();
    storedCompounds.stream().filter(c -> !c.derived()).forEach(c -> drawn.add(c.name()));
    given.forEach(c -> drawn.add(c.name()));
    Map<String, Geometry> shapes = new LinkedHashMap<>();
    Set<String> replaced = new java.util.HashSet<>();
    imported.forEach(b -> replaced.add(b.code()));
    Map<String, List<Geometry>> parts = new LinkedHashMap<>();
    for (BuildingView b : stored) {
      if (b.compound() != null && !replaced.contains(b.code())) add(parts, b.compound(), b.footprint() != null ? b.footprint() : b.location());
    }
    for (NewBuilding b : imported) {
      if (b.compound() != null) add(parts, b.compound(), b.footprint() != null ? b.footprint() : b.location());
    }
    parts.forEach((name, geoms) -> {
      if (!drawn.contains(name)) shapes.put(name, outline(geoms));
    });
    List<NewCompound> out = new ArrayList<>();
    shapes.forEach((name, shape) -> out.add(new NewCompound(name, Geometries.asMultiPolygon(shape), true)));
    return out;
  }

  private static void add(Map<String, List<Geometry>> parts, String compound, Geometry g) {
    parts.computeIfAbsent(compound, k -> new ArrayList<>()).add(g);
  }

  private static Geometry outline(List<Geometry> buildings) {
    Geometry all = Geometries.FACTORY.buildGeometry(buildings);
    GaussKruger zone = MetricProjection.zoneFor(all);
    Geometry hull = zone.toMetres(all).convexHull().buffer(MARGIN_M, 4);
    return Geometries.polygonal(zone.toWgs84(hull));
  }
}
