package org.gridwatch.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridwatch.support.Http;

/** Roster files as a district office makes them (a workbook written with POI, CSV in any encoding) and sending them. */
public final class RosterFiles {
  public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final List<String> HEADER = List.of("人员编号 code", "姓名 name", "手机 phone", "角色 role", "网格编码 grid", "单位编码 unit",
      "队伍编号 team", "队伍名称 team_name", "起始日期 valid_from");

  private RosterFiles() {}

  /** A workbook whose first sheet holds {@code rows} as typed cells (numbers stay numbers, as a user's would). */
  public static byte[] xlsx(List<List<Object>> rows) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("名册");
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).size(); c++) {
          Object v = rows.get(r).get(c);
          if (v instanceof Number n) row.createCell(c).setCellValue(n.doubleValue());
          else if (v != null) row.createCell(c).setCellValue(v.toString());
        }
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] csv(List<List<Object>> rows, Charset charset) {
    StringBuilder b = new StringBuilder();
    for (List<Object> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        if (c > 0) b.append(',');
        String v = row.get(c) == null ? "" : row.get(c).toString();
        b.append(v.contains(",") ? "\"" + v + "\"" : v);
      }
      b.append("\r\n");
    }
    return b.toString().getBytes(charset);
  }

  public record Answer(int status, String contentType, byte[] body) {
    public String text() { return new String(body, java.nio.charset.StandardCharsets.UTF_8); }
  }

  public static Answer post(Http http, String path, byte[] body, String contentType, String[] auth, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.url(path))).header(auth[0], auth[1]).header("Content-Type", contentType);
    Http.withHeaders(b, headers); // English texts unless a test asks for another language
    return send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  public static Answer get(Http http, String path, String[] auth) {
    return send(HttpRequest.newBuilder(URI.create(http.url(path))).header(auth[0], auth[1]).header("Accept-Language", "en").GET().build());
  }

  private static Answer send(HttpRequest request) {
    try {
      HttpResponse<byte[]> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
