package org.gridwatch.building;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.geo.io.FeatureFileReader;
import org.gridwatch.problem.ReaderLanguage;
import org.gridwatch.security.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * A district's buildings and compounds (小区): {@code POST /api/v1/buildings/import} (ADMIN, PLANNER; query
 * {@code partial}, {@code dryRun}), {@code GET /api/v1/buildings/export} (signed in) in the import's own format, and
 * {@code GET /api/v1/compounds} (anyone, like the buildings layer).
 */
@RestController
class BuildingController {
  private final BuildingImports imports;
  private final AreaCatalog catalog;
  private final JsonMapper json;

  BuildingController(BuildingImports imports, AreaCatalog catalog, JsonMapper json) {
    this.imports = imports;
    this.catalog = catalog;
    this.json = json;
  }

  /**
   * Body: the file (GeoJSON, GeoPackage or zipped Shapefile, by Content-Type); {@code crs} names the CRS of a GeoJSON
   * file that declares none; {@code layer} picks a table or .shp when the file holds several.
   */
  @PostMapping("/api/v1/buildings/import")
  ImportAnswer importBuildings(@RequestBody byte[] body,
      @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
      @RequestParam(required = false) String crs, @RequestParam(required = false) String layer,
      @RequestParam(defaultValue = "false") boolean partial, @RequestParam(defaultValue = "false") boolean dryRun,
      Authentication auth, HttpServletRequest request) {
    Role.require(auth, "import buildings", Role.ADMIN, Role.PLANNER);
    var delivery = new FeatureFileReader.Delivery(body, contentType, null, crs, layer);
    return imports.run(delivery, partial, dryRun, ReaderLanguage.chinese(request));
  }

  /** The same as a form upload (part {@code file}): larger files, up to spring.servlet.multipart.max-file-size. */
  @PostMapping(path = "/api/v1/buildings/import", consumes = "multipart/form-data")
  ImportAnswer importBuildingsForm(@RequestPart("file") MultipartFile file,
      @RequestParam(required = false) String crs, @RequestParam(required = false) String layer,
      @RequestParam(defaultValue = "false") boolean partial, @RequestParam(defaultValue = "false") boolean dryRun,
      Authentication auth, HttpServletRequest request) throws java.io.IOException {
    Role.require(auth, "import buildings", Role.ADMIN, Role.PLANNER);
    var delivery = new FeatureFileReader.Delivery(file.getBytes(), file.getContentType(), file.getOriginalFilename(), crs, layer);
    return imports.run(delivery, partial, dryRun, ReaderLanguage.chinese(request));
  }

  @GetMapping(path = "/api/v1/buildings/export", produces = {"application/geo+json", "application/json"})
  ResponseEntity<BuildingExport> export() {
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"buildings.geojson\"")
        .body(BuildingExport.of(catalog.now(), json));
  }

  @GetMapping("/api/v1/compounds")
  List<CompoundAnswer> compounds() {
    return catalog.now().compounds().stream().map(c -> CompoundAnswer.of(c, json)).toList();
  }
}
