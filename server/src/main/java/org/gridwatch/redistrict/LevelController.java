package org.gridwatch.redistrict;

import org.gridwatch.problem.Text;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.security.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * A level of areas for desktop GIS (the QGIS round trip):
 * {@code GET /api/v1/levels/{level}/export?f=geojson|gpkg[&within=code]} for any signed-in user, and
 * {@code POST /api/v1/levels/{level}/import[?dryRun=true]} for PLANNER and ADMIN, taking GeoJSON
 * ({@code application/geo+json}, {@code application/json}) or a GeoPackage ({@code application/geopackage+sqlite3},
 * {@code application/octet-stream}). Bodies above {@code gridwatch.max-request-bytes} are refused with 413 before
 * they are read (see RequestSizeLimit).
 */
@RestController
class LevelController {
  private static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");
  private static final MediaType GPKG = MediaType.parseMediaType(GeoPackageLayer.MEDIA_TYPE);

  private final LevelExchange exchange;
  private final JsonMapper json;

  LevelController(LevelExchange exchange, JsonMapper json) {
    this.exchange = exchange;
    this.json = json;
  }

  @GetMapping("/api/v1/levels/{level}/export")
  ResponseEntity<byte[]> export(@PathVariable String level, @RequestParam(defaultValue = "geojson") String f,
      @RequestParam(required = false) String within) {
    AreaLevel l = LevelExchange.level(level);
    List<AreaView> areas = exchange.export(l, within);
    String name = level + (within == null ? "" : "-" + within);
    return switch (f) {
      case "geojson" -> file(GeoJsonLayer.write(level, areas, json).getBytes(StandardCharsets.UTF_8), GEOJSON, name + ".geojson");
      case "gpkg" -> file(GeoPackageLayer.write(level, areas), GPKG, name + ".gpkg");
      default -> throw ProblemException.badInput("f", Text.of("redistrict.x-not-format-here-use", f));
    };
  }

  @PostMapping("/api/v1/levels/{level}/import")
  Map<String, Object> importLayer(@PathVariable String level, @RequestBody byte[] body,
      @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
      @RequestParam(defaultValue = "false") boolean dryRun, Authentication auth) {
    EditSupport.mayRedraw(auth);
    AreaLevel l = LevelExchange.level(level);
    List<AreaFeature> features = isGeoPackage(contentType, body) ? GeoPackageLayer.read(body, level) : GeoJsonLayer.read(parse(body));
    return exchange.importLayer(l, features, dryRun, auth.getName(), Role.of(auth), json);
  }

  private tools.jackson.databind.JsonNode parse(byte[] body) {
    try {
      return json.readTree(body);
    } catch (tools.jackson.core.JacksonException e) {
      throw ProblemException.badInput("body", Text.of("redistrict.malformed-json-x", e.getOriginalMessage()));
    }
  }

  /** By Content-Type; for octet-stream, by the SQLite file header. Anything but JSON and GeoPackage: 415. */
  private static boolean isGeoPackage(String contentType, byte[] body) {
    MediaType type;
    try {
      type = contentType == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(contentType);
    } catch (org.springframework.http.InvalidMediaTypeException e) {
      throw unsupported(contentType);
    }
    if (type.isCompatibleWith(GEOJSON) || type.isCompatibleWith(MediaType.APPLICATION_JSON)) return false;
    if (type.isCompatibleWith(GPKG)) return true;
    if (type.isCompatibleWith(MediaType.APPLICATION_OCTET_STREAM)) {
      byte[] magic = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
      return body.length >= magic.length && java.util.Arrays.equals(body, 0, magic.length, magic, 0, magic.length);
    }
    throw unsupported(contentType);
  }

  private static ProblemException unsupported(String contentType) {
    return new ProblemException(org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
        "Unsupported media type", Text.of("redistrict.content-type-x-not-accepted", contentType, GeoPackageLayer.MEDIA_TYPE), List.of(new ProblemException.FieldError("Content-Type", Text.of("redistrict.not-supported"))));
  }

  private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String filename) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .body(bytes);
  }
}
