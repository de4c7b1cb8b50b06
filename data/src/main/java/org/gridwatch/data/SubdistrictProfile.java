package org.gridwatch.data;

import java.util.Map;

/**
 * Synthetic housing density per subdistrict, relative to the district mean. The old town in the south
 * (台东, 辽宁路, 延安路, 登州路, 镇江路, 即墨路) is densest; the former Sifang district in the north, with its
 * railway yards, factories and hillsides, is thinnest. These factors are invented for the demo and only
 * shape where synthetic buildings go; no per-subdistrict census figures were available.
 */
final class SubdistrictProfile {
  static final int TOTAL_HOUSEHOLDS = 420_000;
  static final int TOTAL_RESIDENTS = 1_096_879; // 7th census, district total (2020-11-01)

  private static final Map<String, Double> DENSITY = Map.ofEntries(
      Map.entry("370203005", 2.0), // 辽宁路
      Map.entry("370203008", 2.0), // 延安路
      Map.entry("370203011", 1.9), // 登州路
      Map.entry("370203013", 1.6), // 宁夏路
      Map.entry("370203014", 1.5), // 敦化路
      Map.entry("370203015", 1.3), // 辽源路
      Map.entry("370203016", 1.0), // 合肥路
      Map.entry("370203019", 0.9), // 大港
      Map.entry("370203020", 1.7), // 即墨路
      Map.entry("370203021", 2.2), // 台东
      Map.entry("370203022", 1.8), // 镇江路
      Map.entry("370203025", 1.2), // 浮山新区
      Map.entry("370203026", 1.5), // 阜新路
      Map.entry("370203027", 1.3), // 海伦路
      Map.entry("370203028", 1.0), // 四方
      Map.entry("370203029", 0.8), // 兴隆路
      Map.entry("370203030", 0.8), // 水清沟
      Map.entry("370203031", 0.7), // 洛阳路
      Map.entry("370203032", 0.6), // 河西
      Map.entry("370203033", 0.5), // 湖岛
      Map.entry("370203034", 0.6), // 开平路
      Map.entry("370203035", 1.1)); // 双山

  private SubdistrictProfile() {}

  static double density(String subdistrictCode) {
    Double d = DENSITY.get(subdistrictCode);
    if (d == null) throw new IllegalArgumentException("no density profile for " + subdistrictCode);
    return d;
  }

  /** Old-town subdistricts have six-storey walk-ups; the rest mix in high-rise compounds. */
  static boolean oldTown(String subdistrictCode) { return density(subdistrictCode) >= 1.7; }
}
