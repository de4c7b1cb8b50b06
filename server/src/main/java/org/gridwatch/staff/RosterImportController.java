package org.gridwatch.staff;

import org.gridwatch.staff.file.RosterCsv;
import org.gridwatch.staff.file.RosterTable;
import org.gridwatch.staff.file.RosterXlsx;
import java.nio.charset.StandardCharsets;
import jakarta.servlet.http.HttpServletRequest;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ReaderLanguage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The roster as a file (ADMIN): {@code POST /api/v1/roster/import} takes CSV ({@code text/csv}) or an Excel workbook
 * (the .xlsx media type) as the request body, with {@code partial} and {@code dryRun}; {@code GET /api/v1/roster/export?f=}
 * gives the current roster in the same formats. Bodies are limited by {@code gridwatch.max-request-bytes} (413).
 */
@RestController
class RosterImportController {
  private final RosterImport imports;
  private final RosterExport export;

  RosterImportController(RosterImport imports, RosterExport export) {
    this.imports = imports;
    this.export = export;
  }

  @PostMapping(path = "/api/v1/roster/import", consumes = {"text/csv", "application/csv"})
  RosterImport.Report importCsv(@RequestBody(required = false) byte[] body, @RequestParam(defaultValue = "false") boolean partial,
      @RequestParam(defaultValue = "false") boolean dryRun, HttpServletRequest request) {
    boolean zh = ReaderLanguage.chinese(request);
    return imports.importTable(RosterCsv.read(nonEmpty(body, zh), zh), partial, dryRun, zh);
  }

  @PostMapping(path = "/api/v1/roster/import", consumes = RosterXlsx.MEDIA_TYPE)
  RosterImport.Report importXlsx(@RequestBody(required = false) byte[] body, @RequestParam(defaultValue = "false") boolean partial,
      @RequestParam(defaultValue = "false") boolean dryRun, HttpServletRequest request) {
    boolean zh = ReaderLanguage.chinese(request);
    return imports.importTable(RosterXlsx.read(nonEmpty(body, zh), zh), partial, dryRun, zh);
  }

  @GetMapping("/api/v1/roster/export")
  ResponseEntity<byte[]> export(@RequestParam(defaultValue = "csv") String f) {
    boolean xlsx = switch (f) {
      case "csv" -> false;
      case "xlsx" -> true;
      default -> throw ProblemException.badInput("f", "must be csv or xlsx");
    };
    var lines = export.lines();
    byte[] bytes = xlsx ? RosterXlsx.write(lines) : RosterCsv.write(lines);
    MediaType type = xlsx ? MediaType.parseMediaType(RosterXlsx.MEDIA_TYPE) : new MediaType("text", "csv", StandardCharsets.UTF_8);
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("roster." + f).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(bytes);
  }

  private static byte[] nonEmpty(byte[] body, boolean zh) {
    if (body == null || body.length == 0) throw RosterTable.file(zh, "the request body is empty: send the roster file", "请求体为空：请发送名册文件");
    return body;
  }
}
