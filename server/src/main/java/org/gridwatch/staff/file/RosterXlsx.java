package org.gridwatch.staff.file;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridwatch.problem.ProblemException;

/**
 * Reads and writes a roster as an Excel workbook (.xlsx, Office Open XML) with Apache POI. The first sheet is read;
 * its first non-blank row is the header. Cells are read as the user sees them (a phone typed as a number stays
 * "13912345678"); a date cell becomes {@code yyyy-MM-dd}. The old binary .xls format is not read. Anything that is not
 * a workbook (random bytes, a zip of something else, a password-protected file) is a 400 naming {@code file}.
 */
public final class RosterXlsx {
  public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private RosterXlsx() {}

  public static RosterTable read(byte[] bytes, boolean zh) {
    SheetCells cells = cells(bytes, zh);
    return RosterTable.of(cells.lines(), cells.lineNumbers()::get, true, zh);
  }

  /** The raw cells of the first sheet of any workbook, row by row, for other tables kept as files. */
  public static SheetCells cells(byte[] bytes, boolean zh) {
    List<List<String>> lines = new ArrayList<>();
    List<Integer> rowNumbers = new ArrayList<>();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      if (book.getNumberOfSheets() == 0) throw RosterTable.file(zh, "the workbook has no sheet", "工作簿中没有工作表");
      Sheet sheet = book.getSheetAt(0);
      DataFormatter format = new DataFormatter();
      for (Row row : sheet) {
        if (row.getRowNum() > RosterTable.MAX_ROWS + 100) throw RosterTable.tooManyRows(zh);
        while (rowNumbers.size() < row.getRowNum()) { lines.add(List.of()); rowNumbers.add(rowNumbers.size() + 1); }
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) cells.add(text(row.getCell(c), format));
        lines.add(cells);
        rowNumbers.add(row.getRowNum() + 1);
      }
    } catch (ProblemException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // POI signals a file that is not a workbook with several unchecked exceptions (NotOfficeXmlFileException,
      // POIXMLException, RecordFormatException, ...): all mean the same to the user.
      throw RosterTable.file(zh, "not an Excel workbook (.xlsx): " + e.getClass().getSimpleName(),
          "不是 Excel 工作簿（.xlsx）：" + e.getClass().getSimpleName());
    }
    return new SheetCells(lines, rowNumbers, true);
  }

  public static byte[] write(List<List<String>> lines) { return write(lines, "roster 人员名册"); }

  /** A workbook of one sheet named {@code sheetName}, every cell text. */
  public static byte[] write(List<List<String>> lines, String sheetName) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet(sheetName);
      for (int r = 0; r < lines.size(); r++) {
        Row row = sheet.createRow(r);
        List<String> line = lines.get(r);
        // Every cell is text: codes and phones must not turn into numbers (15-digit grid codes lose digits).
        for (int c = 0; c < line.size(); c++) row.createCell(c, CellType.STRING).setCellValue(line.get(c) == null ? "" : line.get(c));
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String text(Cell cell, DataFormatter format) {
    if (cell == null) return null;
    if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
      LocalDate d = cell.getLocalDateTimeCellValue().toLocalDate();
      return d.toString();
    }
    if (cell.getCellType() == CellType.NUMERIC) {
      // Numbers as integers when whole: a grid code typed as a number must not become 3.70203014001001E14.
      double v = cell.getNumericCellValue();
      if (v == Math.rint(v) && Math.abs(v) < 1e17) return Long.toString((long) v);
    }
    return format.formatCellValue(cell);
  }
}
