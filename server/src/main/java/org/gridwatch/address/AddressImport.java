package org.gridwatch.address;

import org.gridwatch.problem.Text;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.BuildingView;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.staff.file.SheetCells;
import org.springframework.stereotype.Service;

/**
 * Checks an address file (CSV or .xlsx, read into {@link SheetCells}) and stores it in one transaction: every row
 * names a known building and gives road and number; a building twice, a number or building that is no number, units
 * out of 1–99 are errors naming {@code rows[i].column} (i 0-based from the first row under the header) with the
 * line or spreadsheet row the user sees. Any error refuses the whole file (400, nothing stored); {@code dryRun}
 * checks and counts but stores nothing. Rows replace the addresses of the buildings they name; others stay.
 */
@Service
class AddressImport {
  static final int MAX_ROWS = 50_000;
  private static final Pattern NUMBER = Pattern.compile("\\d{1,5}(?:[甲乙丙丁]|-\\d{1,4})?");
  private static final Pattern BUILDING = Pattern.compile("(\\d{1,4}|[A-Z]{1,2})(?:号楼|号|栋|幢|座)?");

  /** What an import did (or, with {@code dryRun}, would do). */
  record Report(boolean dryRun, int rows, int added, int replaced, List<FieldError> errors) {}

  private final AddressRegister register;
  private final AreaCatalog catalog;

  AddressImport(AddressRegister register, AreaCatalog catalog) {
    this.register = register;
    this.catalog = catalog;
  }

  Report run(SheetCells cells, boolean dryRun, boolean zh) {
    List<List<String>> lines = cells.lines();
    int start = 0;
    while (start < lines.size() && blank(lines.get(start))) start++;
    if (start == lines.size()) throw file(zh, "the file is empty: it holds no header and no rows", "文件为空：没有表头，也没有数据行");
    Map<Integer, AddressColumn> columns = new HashMap<>();
    List<String> header = lines.get(start);
    for (int i = 0; i < header.size(); i++) {
      int at = i;
      AddressColumn.of(header.get(i)).ifPresent(c -> { if (!columns.containsValue(c)) columns.put(at, c); });
    }
    List<String> missing = AddressColumn.REQUIRED.stream().filter(c -> !columns.containsValue(c)).map(AddressColumn::header).toList();
    if (!missing.isEmpty()) {
      throw file(zh, "the first row must be the header; missing: " + String.join(", ", missing), "第一行须为表头；缺少：" + String.join("、", missing));
    }
    Map<String, BuildingView> buildings = new HashMap<>();
    catalog.now().buildings().forEach(b -> buildings.put(b.code(), b));
    List<AddressLine> good = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int row = 0;
    for (int k = start + 1; k < lines.size(); k++) {
      if (blank(lines.get(k))) continue;
      if (row == MAX_ROWS) throw file(zh, "at most " + MAX_ROWS + " rows per import", "每次导入最多 " + MAX_ROWS + " 行");
      Map<AddressColumn, String> v = new EnumMap<>(AddressColumn.class);
      List<String> line = lines.get(k);
      columns.forEach((i, c) -> {
        String cell = i < line.size() ? line.get(i) : null;
        if (cell != null && !cell.isBlank()) v.put(c, Normalizer.normalize(cell, Normalizer.Form.NFKC).strip());
      });
      String place = place(cells, k, zh);
      Row r = new Row(row, place, zh, errors);
      AddressLine checked = r.check(v, buildings.keySet(), seen);
      if (checked != null) good.add(checked);
      row++;
    }
    if (row == 0) throw file(zh, "the file has a header but no rows", "文件只有表头，没有数据行");
    if (!errors.isEmpty()) throw ProblemException.badInput(errors);
    int known = (int) register.all().stream().filter(a -> seen.contains(a.buildingCode())).count();
    if (!dryRun) register.store(good);
    return new Report(dryRun, good.size(), good.size() - known, known, List.of());
  }

  /** One data row being checked: errors go to the shared list, named by field and place. */
  private record Row(int index, String place, boolean zh, List<FieldError> errors) {
    AddressLine check(Map<AddressColumn, String> v, Set<String> buildings, Set<String> seen) {
      int before = errors.size();
      String code = v.get(AddressColumn.BUILDING_CODE);
      if (code == null) error(AddressColumn.BUILDING_CODE, "is required", "必填");
      else if (!buildings.contains(code)) error(AddressColumn.BUILDING_CODE, "no building has code " + code, "没有编码为 " + code + " 的楼栋");
      else if (!seen.add(code)) error(AddressColumn.BUILDING_CODE, "building " + code + " is given twice", "楼栋 " + code + " 重复出现");
      String road = v.get(AddressColumn.ROAD);
      if (road == null) error(AddressColumn.ROAD, "is required", "必填");
      else if (road.length() > 60) error(AddressColumn.ROAD, "at most 60 characters", "最长 60 个字符");
      String number = v.get(AddressColumn.NUMBER);
      if (number != null) number = number.replaceAll("号$", "").replace('之', '-');
      if (number == null) error(AddressColumn.NUMBER, "is required", "必填");
      else if (!NUMBER.matcher(number).matches()) {
        error(AddressColumn.NUMBER, "'" + number + "' is no house number (e.g. 128, 128-3, 128甲)", "“" + number + "”不是门牌号（如 128、128-3、128甲）");
      }
      String building = v.get(AddressColumn.BUILDING);
      if (building != null) {
        var m = BUILDING.matcher(building.toUpperCase(java.util.Locale.ROOT));
        if (m.matches()) building = m.group(1);
        else error(AddressColumn.BUILDING, "'" + building + "' is no building number (e.g. 3, 3号楼, A座)", "“" + building + "”不是楼号（如 3、3号楼、A座）");
      }
      Integer units = null;
      String u = v.get(AddressColumn.UNITS);
      if (u != null) {
        try {
          units = Integer.parseInt(u);
          if (units < 1 || units > 99) throw new NumberFormatException();
        } catch (NumberFormatException e) {
          error(AddressColumn.UNITS, "must be a whole number from 1 to 99", "须为 1 到 99 的整数");
        }
      }
      String compound = v.get(AddressColumn.COMPOUND);
      if (compound != null && compound.length() > 100) error(AddressColumn.COMPOUND, "at most 100 characters", "最长 100 个字符");
      List<String> aliases = v.get(AddressColumn.ALIASES) == null ? List.of()
          : java.util.Arrays.stream(v.get(AddressColumn.ALIASES).split("[;；、|]")).map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
      if (String.join(AddressLine.ALIAS_SEPARATOR, aliases).length() > 500) error(AddressColumn.ALIASES, "at most 500 characters in all", "合计最长 500 个字符");
      if (errors.size() > before) return null;
      return new AddressLine(code, road, number, building, units, compound, aliases);
    }

    private void error(AddressColumn c, String en, String zhReason) {
      errors.add(new FieldError(c.field(index), zh ? Text.of("address.x-x", zhReason, place) : Text.of("address.x-x-2", en, place)));
    }
  }

  private static String place(SheetCells cells, int k, boolean zh) {
    int n = cells.lineNumbers().get(k);
    if (cells.spreadsheet()) return zh ? "表格第 " + n + " 行" : "spreadsheet row " + n;
    return zh ? "第 " + n + " 行" : "line " + n;
  }

  static ProblemException file(boolean zh, String en, String zhReason) { return ProblemException.badInput("file", zh ? zhReason : en); }

  private static boolean blank(List<String> line) { return line.stream().allMatch(c -> c == null || c.isBlank()); }
}
