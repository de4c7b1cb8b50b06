package org.gridwatch.hotline;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.incident.RequestType;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;

/**
 * A batch of tickets as CSV (RFC 4180: comma separated, double quotes around fields holding commas, quotes or line
 * breaks, a quote doubled inside them; UTF-8). The header row names the columns with the JSON names:
 * ticketNumber, receivedAt, signBy, dueBy, requestType, category, content, address, lon, lat, callerName, callerPhone
 * (any order; unknown columns refused). Each data row becomes a {@link TicketRequest} or the field errors saying why not.
 */
final class CsvTickets {
  static final List<String> COLUMNS = List.of("ticketNumber", "receivedAt", "signBy", "dueBy", "requestType", "category",
      "content", "address", "lon", "lat", "callerName", "callerPhone");
  static final int MAX_ROWS = 1000;

  /** One data row: its 1-based number in the file (the header is row 1) and the request, or why it cannot be one. */
  record Row(int row, TicketRequest request, List<ProblemException.FieldError> errors) {}

  private CsvTickets() {}

  /** The data rows of {@code text}; a 400 naming {@code body} for a missing or bad header or too many rows. */
  static List<Row> read(String text) {
    List<List<String>> records = records(text);
    if (records.isEmpty()) throw ProblemException.badInput("body", Text.of("hotline.csv-header-required"));
    List<String> header = records.get(0).stream().map(String::strip).toList();
    for (String h : header) {
      if (!COLUMNS.contains(h)) throw ProblemException.badInput("body", Text.of("hotline.csv-unknown-column-x", h));
    }
    if (records.size() - 1 > MAX_ROWS) throw ProblemException.badInput("body", Text.of("hotline.csv-too-many-rows", String.valueOf(MAX_ROWS)));
    List<Row> rows = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      List<String> values = records.get(r);
      if (values.size() == 1 && values.get(0).isBlank()) continue; // an empty line, e.g. at the end
      Map<String, String> v = new HashMap<>();
      for (int c = 0; c < header.size(); c++) v.put(header.get(c), c < values.size() ? values.get(c).strip() : "");
      rows.add(row(r + 1, v, values.size() != header.size()));
    }
    return rows;
  }

  private static Row row(int number, Map<String, String> v, boolean wrongWidth) {
    List<ProblemException.FieldError> errors = new ArrayList<>();
    if (wrongWidth) errors.add(new ProblemException.FieldError("row", Text.of("hotline.csv-row-width")));
    Instant received = instant(v, "receivedAt", errors);
    Instant signBy = instant(v, "signBy", errors);
    Instant dueBy = instant(v, "dueBy", errors);
    RequestType type = null;
    String t = v.getOrDefault("requestType", "");
    if (!t.isEmpty()) {
      try {
        type = RequestType.valueOf(t);
      } catch (IllegalArgumentException e) {
        errors.add(new ProblemException.FieldError("requestType", Text.of("hotline.request-type-form")));
      }
    }
    Double lon = number(v, "lon", errors);
    Double lat = number(v, "lat", errors);
    String name = v.getOrDefault("callerName", "");
    String phone = v.getOrDefault("callerPhone", "");
    TicketRequest request = new TicketRequest(v.get("ticketNumber"), received, signBy, dueBy, type, v.get("category"),
        v.get("content"), v.get("address"), lon, lat, new TicketRequest.Caller(name, phone));
    return new Row(number, request, errors);
  }

  private static Instant instant(Map<String, String> v, String column, List<ProblemException.FieldError> errors) {
    String s = v.getOrDefault(column, "");
    if (s.isEmpty()) return null;
    try {
      return java.time.OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException again) {
        errors.add(new ProblemException.FieldError(column, Text.of("hotline.instant-form")));
        return null;
      }
    }
  }

  private static Double number(Map<String, String> v, String column, List<ProblemException.FieldError> errors) {
    String s = v.getOrDefault(column, "");
    if (s.isEmpty()) return null;
    try {
      return Double.valueOf(s);
    } catch (NumberFormatException e) {
      errors.add(new ProblemException.FieldError(column, Text.of(column.equals("lon") ? "hotline.lon-range" : "hotline.lat-range")));
      return null;
    }
  }

  /** The records of an RFC 4180 text (quotes, doubled quotes, line breaks inside quotes; CRLF or LF). */
  static List<List<String>> records(String text) {
    List<List<String>> out = new ArrayList<>();
    if (text == null || text.isEmpty()) return out;
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
        record.add(field.toString());
        field.setLength(0);
        out.add(record);
        record = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      out.add(record);
    }
    return out;
  }
}
