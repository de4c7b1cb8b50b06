package org.gridwatch.area;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gridwatch.geo.index.PolygonCoverageIndex;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing buildings and compounds a district delivers, already checked by the caller: buildings are added or,
 * when their code is known, replaced; compounds likewise by name. In the same transaction the households and
 * residents of every current area are recounted from all buildings inside it (the outline keeps its version), and
 * after the commit the catalog reloads on every instance ({@link Boundaries#announce}).
 *
 * <p>Imports queue behind each other and behind boundary edits of the district's subdistricts: each locks the
 * district's row first.
 */
@Service
public class BuildingRegister {
  /** A building as checked for storage, in WGS84; {@code location} is the footprint's interior point when one is given. */
  public record NewBuilding(String code, String name, Point location, MultiPolygon footprint, String compound,
      String address, int households, int residents) {}

  /** A compound's outline, as given ({@code derived} false) or computed from its buildings. */
  public record NewCompound(String name, MultiPolygon outline, boolean derived) {}

  private final BuildingRepository buildings;
  private final CompoundRepository compounds;
  private final AreaVersionRepository versions;
  private final AreaRepository areas;
  private final Boundaries boundaries;

  BuildingRegister(BuildingRepository buildings, CompoundRepository compounds, AreaVersionRepository versions,
      AreaRepository areas, Boundaries boundaries) {
    this.buildings = buildings;
    this.compounds = compounds;
    this.versions = versions;
    this.areas = areas;
    this.boundaries = boundaries;
  }

  /** Stores the buildings and compounds and recounts every area; answers the codes of the areas whose figures changed. */
  @Transactional
  public Set<String> store(List<NewBuilding> newBuildings, List<NewCompound> newCompounds) {
    List<AreaVersion> current = versions.findCurrent();
    current.stream().filter(v -> v.getArea().getLevel() == AreaLevel.DISTRICT).findFirst()
        .ifPresent(d -> areas.lockByCode(d.getArea().getCode()));
    for (NewBuilding b : newBuildings) {
      buildings.findByCode(b.code()).ifPresentOrElse(old -> old.replaceWith(b), () -> buildings.save(new Building(b)));
    }
    for (NewCompound c : newCompounds) {
      compounds.findByName(c.name()).ifPresentOrElse(old -> old.reshape(c.outline(), c.derived()),
          () -> compounds.save(new Compound(c.name(), c.outline(), c.derived())));
    }
    buildings.flush();
    compounds.flush();
    Set<String> changed = recount(current);
    Instant now = Instant.now();
    boundaries.announce(changed, now);
    return changed;
  }

  /**
   * Stores compounds and names stored buildings (by code) into them, changing nothing else of the buildings: their
   * households stay, so no area is recounted. The catalog reloads after the commit.
   */
  @Transactional
  public void group(List<NewCompound> newCompounds, Map<String, String> compoundOfBuilding) {
    versions.findCurrent().stream().filter(v -> v.getArea().getLevel() == AreaLevel.DISTRICT).findFirst()
        .ifPresent(d -> areas.lockByCode(d.getArea().getCode()));
    // one read of the stored compounds: a query per compound would flush (and dirty-check) the session each time
    Map<String, Compound> stored = new HashMap<>();
    compounds.findAll().forEach(c -> stored.put(c.getName(), c));
    for (NewCompound c : newCompounds) {
      Compound old = stored.get(c.name());
      if (old != null) old.reshape(c.outline(), c.derived());
      else stored.put(c.name(), compounds.save(new Compound(c.name(), c.outline(), c.derived())));
    }
    for (Building b : buildings.findAll()) {
      String compound = compoundOfBuilding.get(b.getCode());
      if (compound != null) b.joinCompound(compound);
    }
    buildings.flush();
    compounds.flush();
    boundaries.announce(Set.of(), Instant.now());
  }

  /** Households and residents of every current area from the buildings inside its grids, as the import does. */
  private Set<String> recount(List<AreaVersion> current) {
    List<AreaVersion> grids = current.stream().filter(v -> v.getArea().getLevel() == AreaLevel.GRID).toList();
    PolygonCoverageIndex<AreaVersion> index = new PolygonCoverageIndex<>(grids, AreaVersion::getBoundary,
        Comparator.comparing(v -> v.getArea().getCode()));
    Map<String, AreaVersion> byCode = new HashMap<>();
    current.forEach(v -> byCode.put(v.getArea().getCode(), v));
    Map<String, int[]> counts = new HashMap<>();
    for (Building b : buildings.findAll()) {
      AreaVersion grid = index.locate(b.getLocation().getX(), b.getLocation().getY());
      for (AreaVersion a = grid; a != null; a = a.getArea().getParentCode() == null ? null : byCode.get(a.getArea().getParentCode())) {
        int[] hr = counts.computeIfAbsent(a.getArea().getCode(), k -> new int[2]);
        hr[0] += b.getHouseholds();
        hr[1] += b.getResidents();
      }
    }
    Set<String> changed = new TreeSet<>();
    for (AreaVersion v : current) {
      int[] hr = counts.getOrDefault(v.getArea().getCode(), new int[2]);
      if (hr[0] == v.getHouseholds() && hr[1] == v.getResidents()) continue;
      v.recount(hr[0], hr[1]);
      changed.add(v.getArea().getCode());
    }
    versions.flush();
    return changed;
  }

  /** Where the building with this code stands (WGS84), if there is one: e.g. to place a report an operator pins on it. */
  @Transactional(readOnly = true)
  public java.util.Optional<Point> locationOf(String code) {
    return code == null ? java.util.Optional.empty() : buildings.findByCode(code).map(Building::getLocation);
  }
}
