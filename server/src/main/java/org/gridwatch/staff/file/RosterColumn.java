package org.gridwatch.staff.file;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a roster file, one row per role a person holds in a grid (or the unit they work for). A header cell
 * names a column in Chinese or English ({@code 姓名}, {@code name}) or both ({@code 姓名 name}, as the export writes
 * them); case, spaces and underscores do not matter. Unknown columns are ignored.
 */
public enum RosterColumn {
  CODE("人员编号", "code", "编号", "工号", "staff_id", "person_code"),
  NAME("姓名", "name"),
  PHONE("手机", "phone", "电话", "手机号", "联系电话", "mobile"),
  ROLE("角色", "role", "岗位", "职务"),
  GRID("网格编码", "grid", "网格", "网格编号", "grid_code"),
  UNIT("单位编码", "unit", "单位", "unit_code"),
  TEAM("队伍编号", "team", "队伍", "team_code"),
  TEAM_NAME("队伍名称", "team_name"),
  VALID_FROM("起始日期", "valid_from", "生效日期", "任职日期", "from");

  private final String zh;
  private final String en;
  private final List<String> aliases;

  RosterColumn(String zh, String en, String... more) {
    this.zh = zh;
    this.en = en;
    this.aliases = List.of(more);
  }

  /** The header cell the export writes: {@code 姓名 name}. */
  public String header() { return zh + " " + en; }

  /** The column a header cell names, if any: the whole cell first ("team name"), then any part ("姓名 name"). */
  static Optional<RosterColumn> of(String header) {
    if (header == null || normalise(header).isEmpty()) return Optional.empty();
    String whole = normalise(header);
    Optional<RosterColumn> exact = Arrays.stream(values()).filter(c -> c.matches(whole)).findFirst();
    if (exact.isPresent()) return exact;
    List<String> parts = Arrays.stream(header.split("[\\s/|()（）]+")).map(RosterColumn::normalise).filter(p -> !p.isEmpty()).toList();
    return Arrays.stream(values()).filter(c -> parts.stream().anyMatch(c::matches)).findFirst();
  }

  private boolean matches(String h) {
    return h.equals(normalise(zh)) || h.equals(normalise(en)) || aliases.stream().anyMatch(a -> h.equals(normalise(a)));
  }

  private static String normalise(String s) {
    return s.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').replaceAll(" +", " ")
        .replace(" ", "_");
  }
}
