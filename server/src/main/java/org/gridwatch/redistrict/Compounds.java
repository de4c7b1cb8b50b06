package org.gridwatch.redistrict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.gridwatch.area.BuildingView;
import org.locationtech.jts.geom.Point;

/**
 * Building compounds (小区/院): the compound a building was imported with, else the one its name says ("…号院3号楼"
 * belongs to "…号院"). An edit that leaves a
 * compound's buildings in two areas where they were in one is worth a warning: one gate, one committee, two grid
 * members.
 */
final class Compounds {
  private Compounds() {}

  /** The compound a building was imported with, else the one its name says, or null. */
  static String of(BuildingView b) { return b.compound() != null ? b.compound() : of(b.name()); }

  /** The compound a building's name says it is in, or null. */
  static String of(String buildingName) {
    if (buildingName == null) return null;
    int at = buildingName.indexOf("号院");
    return at < 0 ? null : buildingName.substring(0, at + 2);
  }

  /** {@code was} and {@code will} place a point among the areas before and after the edit. */
  static List<EditWarning> cut(List<BuildingView> buildings, Function<Point, String> was, Function<Point, String> will) {
    Map<String, Set<String>> before = new LinkedHashMap<>(), after = new LinkedHashMap<>();
    for (BuildingView b : buildings) {
      String compound = of(b);
      if (compound == null) continue;
      add(before, compound, was.apply(b.location()));
      add(after, compound, will.apply(b.location()));
    }
    List<EditWarning> out = new ArrayList<>();
    after.forEach((compound, areas) -> {
      if (areas.size() > 1 && before.get(compound).size() == 1) out.add(EditWarning.compoundCut(compound, List.copyOf(areas)));
    });
    return out;
  }

  private static void add(Map<String, Set<String>> map, String compound, String area) {
    if (area != null) map.computeIfAbsent(compound, k -> new TreeSet<>()).add(area);
  }
}
