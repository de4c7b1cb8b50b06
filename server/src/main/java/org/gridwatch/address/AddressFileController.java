package org.gridwatch.address;

import org.gridwatch.problem.Text;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ReaderLanguage;
import org.gridwatch.staff.file.RosterCsv;
import org.gridwatch.staff.file.RosterXlsx;
import org.gridwatch.staff.file.SheetCells;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The address table as a file: {@code POST /api/v1/addresses/import?dryRun=} (PLANNER, ADMIN) takes CSV or an Excel
 * workbook as the body, or as a form upload (part {@code file}); {@code GET /api/v1/addresses/export?f=csv|xlsx}
 * (signed in) gives the table in the same columns, so that it imports back unchanged. CSV and workbooks are read and
 * written as the roster's are ({@code staff.file}: UTF-8 or GB18030, formula cells escaped).
 */
@RestController
class AddressFileController {
  private static final List<AddressColumn> EXPORTED = Arrays.asList(AddressColumn.values());

  private final AddressImport imports;
  private final AddressRegister register;

  AddressFileController(AddressImport imports, AddressRegister register) {
    this.imports = imports;
    this.register = register;
  }

  @PostMapping(path = "/api/v1/addresses/import", consumes = {"text/csv", "application/csv", RosterXlsx.MEDIA_TYPE})
  AddressImport.Report importFile(@RequestBody(required = false) byte[] body,
      @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
      @RequestParam(defaultValue = "false") boolean dryRun, HttpServletRequest request) {
    boolean zh = ReaderLanguage.chinese(request);
    if (body == null || body.length == 0) throw AddressImport.file(zh, "the request body is empty: send the address file", "请求体为空：请发送地址文件");
    String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    SheetCells cells = switch (type) {
      case "text/csv", "application/csv" -> RosterCsv.cells(body, zh);
      case RosterXlsx.MEDIA_TYPE -> RosterXlsx.cells(body, zh);
      default -> throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
          zh ? "不支持的文件类型" : "Unsupported file type",
          Text.of("address.send-address-table-as-text"),
          List.of(new ProblemException.FieldError("file", Text.of("address.must-csv-or-xlsx-2"))));
    };
    return imports.run(cells, dryRun, zh);
  }

  /** The same as a form upload (part {@code file}): the format from the part's name ({@code .csv}, {@code .xlsx}), else its type. */
  @PostMapping(path = "/api/v1/addresses/import", consumes = "multipart/form-data")
  AddressImport.Report importForm(@RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun,
      HttpServletRequest request) throws java.io.IOException {
    String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
    String type = name.endsWith(".xlsx") ? RosterXlsx.MEDIA_TYPE : name.endsWith(".csv") ? "text/csv" : file.getContentType();
    return importFile(file.getBytes(), type, dryRun, request);
  }

  @GetMapping("/api/v1/addresses/export")
  ResponseEntity<byte[]> export(@RequestParam(defaultValue = "csv") String f, HttpServletRequest request) {
    boolean xlsx = switch (f) {
      case "csv" -> false;
      case "xlsx" -> true;
      default -> throw ProblemException.badInput("f", Text.of("address.must-csv-or-xlsx"));
    };
    List<List<String>> lines = new ArrayList<>();
    lines.add(EXPORTED.stream().map(AddressColumn::header).toList());
    for (AddressLine a : register.all()) {
      lines.add(Arrays.asList(a.buildingCode(), a.road(), a.number(), a.building(), a.units() == null ? null : a.units().toString(),
          a.compound(), String.join("；", a.aliases())));
    }
    byte[] bytes = xlsx ? RosterXlsx.write(lines, "addresses 标准地址") : RosterCsv.write(lines);
    MediaType type = xlsx ? MediaType.parseMediaType(RosterXlsx.MEDIA_TYPE) : new MediaType("text", "csv", StandardCharsets.UTF_8);
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("addresses." + f).build().toString())
        .body(bytes);
  }
}
