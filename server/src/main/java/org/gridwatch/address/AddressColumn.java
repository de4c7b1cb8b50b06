package org.gridwatch.address;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of an address file, one row per building. A header cell names a column in Chinese, English or both
 * ({@code 路名 road}, as the export writes them); case, spaces and underscores do not matter; unknown columns are
 * ignored. {@code aliases} holds several names separated by ";", "；", "、" or "|".
 */
enum AddressColumn {
  BUILDING_CODE("楼栋编码", "building_code", "楼栋编号", "building"),
  ROAD("路名", "road", "街路巷", "道路"),
  NUMBER("门牌号", "number", "门牌", "house_number"),
  BUILDING("楼号", "building_no", "楼栋号"),
  UNITS("单元数", "units"),
  COMPOUND("小区", "compound", "小区名称", "院落"),
  ALIASES("别名", "aliases", "曾用名", "俗称");

  static final List<AddressColumn> REQUIRED = List.of(BUILDING_CODE, ROAD, NUMBER);

  private final String zh;
  private final String en;
  private final List<String> more;

  AddressColumn(String zh, String en, String... more) {
    this.zh = zh;
    this.en = en;
    this.more = List.of(more);
  }

  /** The header cell the export writes: {@code 路名 road}. */
  String header() { return zh + " " + en; }

  /** The field an error names: {@code rows[i].road}. */
  String field(int row) { return "rows[" + row + "]." + name().toLowerCase(Locale.ROOT); }

  /** The column a header cell names: the whole cell first, then any of its words. */
  static Optional<AddressColumn> of(String cell) {
    if (cell == null) return Optional.empty();
    String whole = normalise(cell);
    if (whole.isEmpty()) return Optional.empty();
    Optional<AddressColumn> exact = Arrays.stream(values()).filter(c -> c.names(whole)).findFirst();
    if (exact.isPresent()) return exact;
    List<String> words = Arrays.stream(cell.split("[\\s/|()（）]+")).map(AddressColumn::normalise).filter(w -> !w.isEmpty()).toList();
    return Arrays.stream(values()).filter(c -> words.stream().anyMatch(c::names)).findFirst();
  }

  private boolean names(String h) {
    return h.equals(normalise(zh)) || h.equals(normalise(en)) || more.stream().anyMatch(m -> h.equals(normalise(m)));
  }

  private static String normalise(String s) {
    return s.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
  }
}
