package org.gridwatch.staff;

import org.gridwatch.problem.Text;
import org.gridwatch.staff.file.RosterCsv;
import org.gridwatch.staff.file.RosterTable;
import org.gridwatch.staff.file.RosterXlsx;
import java.nio.charset.StandardCharsets;
import jakarta.servlet.http.HttpServletRequest;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ReaderLanguage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
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

  /**
   * One handler for both formats, chosen by Content-Type: two handlers were ambiguous for a request without one (a
   * 500); now that is the framework's 415 problem.
   */
  @PostMapping(path = "/api/v1/roster/import", consumes = {"text/csv", "application/csv", RosterXlsx.MEDIA_TYPE})
  RosterImport.Report importFile(@RequestBody(required = false) byte[] body,
      @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
      @RequestParam(defaultValue = "false") boolean partial, @RequestParam(defaultValue = "false") boolean dryRun,
      HttpServletRequest request) {
    boolean zh = ReaderLanguage.chinese(request);
    String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
    RosterTable table = switch (type) {
      case "text/csv", "application/csv" -> RosterCsv.read(nonEmpty(body, zh), zh);
      case RosterXlsx.MEDIA_TYPE -> RosterXlsx.read(nonEmpty(body, zh), zh);
      default -> throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
          zh ? "不支持的文件类型" : "Unsupported file type",
          Text.of("staff.send-roster-as-text-csv", RosterXlsx.MEDIA_TYPE),
          java.util.List.of(new ProblemException.FieldError("Content-Type",
              contentType == null ? Text.of("staff.missing") : Text.plain((zh ? "不支持：" : "not supported: ") + contentType))));
    };
    return imports.importTable(table, partial, dryRun, zh);
  }

  /**
   * The same as a form upload (part {@code file}, up to 20 MB): the format from the part's type, else its name
   * ({@code .csv}, {@code .xlsx}).
   */
  @PostMapping(path = "/api/v1/roster/import", consumes = "multipart/form-data")
  RosterImport.Report importForm(@RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean partial,
      @RequestParam(defaultValue = "false") boolean dryRun, HttpServletRequest request) throws java.io.IOException {
    String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(java.util.Locale.ROOT);
    String type = name.endsWith(".xlsx") ? RosterXlsx.MEDIA_TYPE : name.endsWith(".csv") ? "text/csv" : file.getContentType();
    return importFile(file.getBytes(), type, partial, dryRun, request);
  }

  @GetMapping("/api/v1/roster/export")
  ResponseEntity<byte[]> export(@RequestParam(defaultValue = "csv") String f) {
    boolean xlsx = switch (f) {
      case "csv" -> false;
      case "xlsx" -> true;
      default -> throw ProblemException.badInput("f", Text.of("staff.must-csv-or-xlsx"));
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
