package org.gridwatch.address;

import java.util.List;

/**
 * One building's standard address (门楼牌): {@code road} (路名), {@code number} (门牌号, e.g. "128", "128-3", "128甲"),
 * {@code building} (楼号, e.g. "3" for 3号楼, or "A" for A座; null for a building that is the whole number) and its
 * number of {@code units} (单元, null when not recorded); the {@code compound} (小区 or 院) it stands in and
 * {@code aliases} (old road names, a compound's common name) by which people also find it. The point is the
 * building's own; the grid follows from the point.
 */
public record AddressLine(String buildingCode, String road, String number, String building, Integer units,
    String compound, List<String> aliases) {
  static final String ALIAS_SEPARATOR = ";";

  public AddressLine {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /** The standard text, e.g. 和平路128号3号楼, with {@code unit} (2单元) when one is asked for. */
  public String text(Integer unit) {
    StringBuilder s = new StringBuilder(road).append(number).append('号');
    if (building != null) s.append(building).append(building.chars().allMatch(Character::isDigit) ? "号楼" : "座");
    if (unit != null) s.append(unit).append("单元");
    return s.toString();
  }
}
