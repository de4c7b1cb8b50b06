package org.gridwatch.staff.file;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridwatch.problem.ProblemException;

/**
 * A roster file read into rows, whatever its format (CSV or .xlsx). The first row is the header. Row {@code i} of
 * {@link #rows()} is the i-th data row, 0-based as in every import's {@code rows[i]}; {@link Row#place()} says where
 * the user finds it ("spreadsheet row 14", "line 14"). Blank rows are skipped.
 */
public record RosterTable(List<Row> rows) {
  public static final int MAX_ROWS = 20_000;
  static final List<RosterColumn> REQUIRED = List.of(RosterColumn.CODE, RosterColumn.NAME, RosterColumn.ROLE);

  /** One data row: its cells by column (blank cells absent) and where the user sees it (line or spreadsheet row). */
  public record Row(int index, int line, boolean spreadsheet, Map<RosterColumn, String> cells) {
    public Optional<String> get(RosterColumn c) { return Optional.ofNullable(cells.get(c)); }
    public String place(boolean zh) { return RosterTable.place(line, spreadsheet, zh); }
    public String field(RosterColumn c) { return "rows[" + index + "]." + c.name().toLowerCase(); }
  }

  /**
   * Builds rows from raw cells: the first non-blank line is the header; {@code lineOf(k)} is the number the user sees
   * for raw line k (a spreadsheet row or a line of text).
   */
  static RosterTable of(List<List<String>> lines, java.util.function.IntUnaryOperator lineOf, boolean spreadsheet, boolean zh) {
    int start = 0;
    while (start < lines.size() && blank(lines.get(start))) start++;
    if (start == lines.size()) throw file(zh, "the file is empty: it holds no header and no rows", "文件为空：没有表头，也没有数据行");
    List<String> header = lines.get(start);
    Map<Integer, RosterColumn> columns = new java.util.HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      int at = i;
      RosterColumn.of(header.get(i)).ifPresent(c -> { if (!columns.containsValue(c)) columns.put(at, c); });
    }
    List<String> missing = new ArrayList<>();
    for (RosterColumn c : REQUIRED) if (!columns.containsValue(c)) missing.add(c.header());
    if (!columns.containsValue(RosterColumn.GRID) && !columns.containsValue(RosterColumn.UNIT)) {
      missing.add(RosterColumn.GRID.header() + " / " + RosterColumn.UNIT.header());
    }
    if (!missing.isEmpty()) {
      String where = place(lineOf.applyAsInt(start), spreadsheet, zh);
      throw file(zh, "the first row (" + where + ") must be the header naming the columns; missing: " + String.join(", ", missing),
          "第一行（" + where + "）须为表头，写明各列；缺少：" + String.join("、", missing));
    }
    List<Row> rows = new ArrayList<>();
    for (int k = start + 1; k < lines.size(); k++) {
      List<String> line = lines.get(k);
      if (blank(line)) continue;
      if (rows.size() == MAX_ROWS) throw tooManyRows(zh);
      Map<RosterColumn, String> cells = new EnumMap<>(RosterColumn.class);
      columns.forEach((i, c) -> {
        String v = i < line.size() ? line.get(i) : null;
        if (v != null && !v.isBlank()) cells.put(c, unescaped(v.strip()));
      });
      rows.add(new Row(rows.size(), lineOf.applyAsInt(k), spreadsheet, cells));
    }
    if (rows.isEmpty()) throw file(zh, "the file has a header but no rows", "文件只有表头，没有数据行");
    return new RosterTable(List.copyOf(rows));
  }

  /** The export writes '=… for a cell starting with a formula character (so no spreadsheet runs it): undone here. */
  private static String unescaped(String v) {
    return v.length() > 1 && v.charAt(0) == '\'' && "=+-@".indexOf(v.charAt(1)) >= 0 ? v.substring(1) : v;
  }

  static ProblemException tooManyRows(boolean zh) {
    return file(zh, "at most " + MAX_ROWS + " rows per import", "每次导入最多 " + MAX_ROWS + " 行");
  }

  /** A problem with the file as a whole, naming the field {@code file}. */
  public static ProblemException file(boolean zh, String en, String zhReason) { return ProblemException.badInput("file", zh ? zhReason : en); }

  static String place(int line, boolean spreadsheet, boolean zh) {
    if (spreadsheet) return zh ? "表格第 " + line + " 行" : "spreadsheet row " + line;
    return zh ? "第 " + line + " 行" : "line " + line;
  }

  private static boolean blank(List<String> line) { return line.stream().allMatch(v -> v == null || v.isBlank()); }
}
