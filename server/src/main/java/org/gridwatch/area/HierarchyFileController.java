package org.gridwatch.area;

import org.gridwatch.problem.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridwatch.geo.io.FeatureFileReader;
import org.gridwatch.geo.io.FeatureFileWriter;
import org.gridwatch.problem.ProblemException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole hierarchy as one file: {@code POST /api/v1/areas/import[?dryRun=true][&crs=EPSG:4538][&layer=...]} (ADMIN,
 * into an empty system, see {@link HierarchyUpload}) and {@code GET /api/v1/areas/export?f=geojson|gpkg} (signed in),
 * which writes every current area with the properties the import reads ({@code level}, {@code code}, {@code parent},
 * {@code name}, {@code name_en}) so that a district can round-trip.
 */
@RestController
@RequestMapping("/api/v1/areas")
class HierarchyFileController {
  static final List<String> COLUMNS = List.of("level", "code", "parent", "name", "name_en");
  private final HierarchyUpload upload;
  private final AreaCatalog catalog;

  HierarchyFileController(HierarchyUpload upload, AreaCatalog catalog) {
    this.upload = upload;
    this.catalog = catalog;
  }

  @PostMapping("/import")
  HierarchyUpload.Report importHierarchy(@RequestBody byte[] body,
      @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
      @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "false") boolean partial,
      @RequestParam(required = false) String crs, @RequestParam(required = false) String layer,
      jakarta.servlet.http.HttpServletRequest request) {
    return upload.importFile(new FeatureFileReader.Delivery(body, contentType, null, crs, layer), dryRun, partial,
        org.gridwatch.problem.ReaderLanguage.chinese(request));
  }

  /** The same as a form upload (part {@code file}): deliveries larger than gridwatch.max-request-bytes, up to 20 MB. */
  @PostMapping(path = "/import", consumes = "multipart/form-data")
  HierarchyUpload.Report importHierarchyForm(@RequestPart("file") MultipartFile file,
      @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "false") boolean partial,
      @RequestParam(required = false) String crs, @RequestParam(required = false) String layer,
      jakarta.servlet.http.HttpServletRequest request) throws java.io.IOException {
    return upload.importFile(new FeatureFileReader.Delivery(file.getBytes(), file.getContentType(), file.getOriginalFilename(),
        crs, layer), dryRun, partial, org.gridwatch.problem.ReaderLanguage.chinese(request));
  }

  @GetMapping("/export")
  ResponseEntity<byte[]> export(@RequestParam(defaultValue = "geojson") String f) {
    AreaCatalog.Snapshot s = catalog.now();
    List<FeatureFileWriter.Row> rows = new ArrayList<>();
    for (AreaLevel level : AreaLevel.values()) {
      for (AreaView a : s.level(level)) {
        rows.add(new FeatureFileWriter.Row(a.boundary(), java.util.Arrays.asList(level.name().toLowerCase(Locale.ROOT), a.code(),
            a.parentCode(), a.name(), a.nameEn())));
      }
    }
    return switch (f) {
      case "geojson" -> file(FeatureFileWriter.geoJson("areas", COLUMNS, rows), "application/geo+json", "areas.geojson");
      case "gpkg" -> file(FeatureFileWriter.geoPackage("areas", COLUMNS, rows), "application/geopackage+sqlite3", "areas.gpkg");
      default -> throw ProblemException.badInput("f", Text.of("area.x-not-format-here-use", f));
    };
  }

  private static ResponseEntity<byte[]> file(byte[] bytes, String type, String filename) {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .body(bytes);
  }
}
