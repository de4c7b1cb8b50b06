package org.gridwatch.staff.file;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes a roster as CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks). Reading takes
 * UTF-8, with or without a byte-order mark, and GBK/GB18030, which Excel on Chinese Windows writes when saving "CSV":
 * a file that is not valid UTF-8 is read as GB18030. Writing gives UTF-8 with a byte-order mark, so that Excel opens
 * the Chinese text correctly.
 */
public final class RosterCsv {
  private static final Charset GB18030 = Charset.forName("GB18030");

  private RosterCsv() {}

  public static RosterTable read(byte[] bytes, boolean zh) {
    SheetCells cells = cells(bytes, zh);
    return RosterTable.of(cells.lines(), cells.lineNumbers()::get, false, zh);
  }

  /** The raw cells of any CSV file, line by line, for other tables kept as files (e.g. the address table). */
  public static SheetCells cells(byte[] bytes, boolean zh) {
    List<List<String>> lines = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    parse(decode(bytes), lines, lineNumbers, zh);
    return new SheetCells(lines, lineNumbers, false);
  }

  public static byte[] write(List<List<String>> lines) {
    StringBuilder out = new StringBuilder("\uFEFF");
    for (List<String> line : lines) {
      for (int i = 0; i < line.size(); i++) {
        if (i > 0) out.append(',');
        out.append(quote(line.get(i)));
      }
      out.append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String quote(String v) {
    if (v == null) return "";
    // A leading =, +, - or @ would make a spreadsheet run the cell as a formula (CSV injection).
    String safe = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    return safe.matches(".*[\",\r\n].*") || !safe.equals(v) ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }

  private static String decode(byte[] bytes) {
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(bytes, GB18030);
    }
  }

  private static void parse(String text, List<List<String>> lines, List<Integer> lineNumbers, boolean zh) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false, any = false;
    int line = 1, startLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') { field.append('"'); i++; }
        else if (c == '"') quoted = false;
        else { if (c == '\n') line++; field.append(c); }
      } else if (c == '"') { quoted = true; any = true; }
      else if (c == ',') { fields.add(field.toString()); field.setLength(0); any = true; }
      else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
        fields.add(field.toString());
        lines.add(List.copyOf(fields));
        lineNumbers.add(startLine);
        fields.clear();
        field.setLength(0);
        any = false;
        startLine = ++line;
      } else { field.append(c); any = true; }
    }
    if (quoted) {
      throw RosterTable.file(zh, "a quoted field opened on line " + startLine + " is never closed", "第 " + startLine + " 行开始的引号字段没有闭合");
    }
    if (any || field.length() > 0) {
      fields.add(field.toString());
      lines.add(List.copyOf(fields));
      lineNumbers.add(startLine);
    }
  }
}
