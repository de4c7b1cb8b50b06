package org.gridwatch.organisation;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.CompoundView;
import org.springframework.stereotype.Component;

/**
 * Finds the place a service area names in the current hierarchy: a compound by its name, a grid or a community by
 * its code (of that level). Compounds are indexed once per loaded catalog.
 */
@Component
class ServedPlaces {
  private final AreaCatalog catalog;
  private volatile CompoundIndex compounds = new CompoundIndex(-1, Map.of());

  private record CompoundIndex(long generation, Map<String, CompoundView> byName) {}

  ServedPlaces(AreaCatalog catalog) { this.catalog = catalog; }

  /** The place, or empty when no compound has the name or no current area of that level has the code. */
  Optional<ServedPlace> find(ServiceAreaKind kind, String code) {
    AreaCatalog.Snapshot s = catalog.now();
    return switch (kind) {
      case COMPOUND -> Optional.ofNullable(compounds(s).get(code)).map(c -> compound(s, c));
      case GRID, COMMUNITY -> s.find(code).filter(a -> a.level() == (kind == ServiceAreaKind.GRID ? AreaLevel.GRID : AreaLevel.COMMUNITY))
          .map(a -> area(s, kind, a));
    };
  }

  /** The grid holding a point, as a place (an organisation's address lies in it), or empty outside the district. */
  Optional<ServedPlace> gridAt(double lon, double lat) {
    AreaCatalog.Snapshot s = catalog.now();
    return s.gridAt(lon, lat).map(g -> area(s, ServiceAreaKind.GRID, g));
  }

  private Map<String, CompoundView> compounds(AreaCatalog.Snapshot s) {
    CompoundIndex index = compounds;
    if (index.generation() != s.generation()) {
      Map<String, CompoundView> byName = new HashMap<>();
      s.compounds().forEach(c -> byName.put(c.name(), c));
      index = new CompoundIndex(s.generation(), Map.copyOf(byName));
      compounds = index;
    }
    return index.byName();
  }

  private static ServedPlace compound(AreaCatalog.Snapshot s, CompoundView c) {
    Set<String> communities = new LinkedHashSet<>(), subdistricts = new LinkedHashSet<>();
    // the grids its buildings stand in; a compound drawn without buildings lies in the grid at its outline's inside
    Set<String> grids = new LinkedHashSet<>(c.gridCodes());
    if (grids.isEmpty()) {
      var inside = c.outline().getInteriorPoint();
      s.gridAt(inside.getX(), inside.getY()).ifPresent(g -> grids.add(g.code()));
    }
    for (String grid : grids) s.find(grid).ifPresent(g -> ancestors(s, g, communities, subdistricts));
    return new ServedPlace(ServiceAreaKind.COMPOUND, c.name(), c.name(), c.outline(), Set.copyOf(grids),
        Set.copyOf(communities), Set.copyOf(subdistricts));
  }

  private static ServedPlace area(AreaCatalog.Snapshot s, ServiceAreaKind kind, AreaView a) {
    Set<String> communities = new LinkedHashSet<>(), subdistricts = new LinkedHashSet<>();
    ancestors(s, a, communities, subdistricts);
    Set<String> grids = kind == ServiceAreaKind.GRID ? Set.of(a.code()) : Set.of();
    return new ServedPlace(kind, a.code(), a.name(), a.boundary(), grids, Set.copyOf(communities), Set.copyOf(subdistricts));
  }

  private static void ancestors(AreaCatalog.Snapshot s, AreaView area, Set<String> communities, Set<String> subdistricts) {
    for (AreaView a : s.chain(area)) {
      if (a.level() == AreaLevel.COMMUNITY) communities.add(a.code());
      if (a.level() == AreaLevel.SUBDISTRICT) subdistricts.add(a.code());
    }
  }
}
