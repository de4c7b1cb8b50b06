package org.gridwatch.skynet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/cameras}: read for signed-in users; create, update, delete and bulk import (GeoJSON
 * FeatureCollection or CSV with a header row) for POLICE, OPERATOR and ADMIN. An import stores the good rows
 * and reports every problem of the refused ones.
 */
@RestController
@RequestMapping("/api/v1/cameras")
class CameraController {
  private final Cameras cameras;
  private final JsonMapper json;

  CameraController(Cameras cameras, JsonMapper json) {
    this.cameras = cameras;
    this.json = json;
  }

  @GetMapping
  List<CameraView> all() { return cameras.all(); }

  @GetMapping("/{code}")
  CameraView one(@PathVariable String code) { return cameras.find(code).orElseThrow(() -> Cameras.notFound(code)); }

  @PostMapping
  ResponseEntity<CameraView> create(@RequestBody JsonNode body, Authentication auth) {
    mayEdit(auth);
    return ResponseEntity.status(HttpStatus.CREATED).body(cameras.create(fields(body)));
  }

  @PutMapping("/{code}")
  CameraView update(@PathVariable String code, @RequestBody JsonNode body, Authentication auth) {
    mayEdit(auth);
    return cameras.update(code, fields(body));
  }

  @DeleteMapping("/{code}")
  ResponseEntity<Void> delete(@PathVariable String code, Authentication auth) {
    mayEdit(auth);
    cameras.delete(code);
    return ResponseEntity.noContent().build();
  }

  /** Body: a GeoJSON FeatureCollection of Points with camera properties, or CSV (Content-Type text/csv). */
  @PostMapping("/import")
  Cameras.ImportReport importCameras(@RequestBody String body, @RequestHeader(name = "Content-Type", defaultValue = "") String type,
      Authentication auth) throws IOException {
    mayEdit(auth);
    List<Map<String, String>> rows = type.startsWith("text/csv") ? csv(body) : geoJson(body);
    if (rows.isEmpty()) throw ProblemException.badInput("body", "holds no cameras");
    if (rows.size() > 10_000) throw ProblemException.badInput("body", "at most 10,000 cameras per import");
    return cameras.importRows(rows);
  }

  private List<Map<String, String>> geoJson(String body) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (RuntimeException e) {
      throw ProblemException.badInput("body", "is neither CSV (send Content-Type text/csv) nor GeoJSON");
    }
    JsonNode features = root.path("features");
    if (!features.isArray()) throw ProblemException.badInput("features", "a GeoJSON FeatureCollection is expected");
    List<Map<String, String>> rows = new ArrayList<>();
    for (JsonNode f : features) {
      Map<String, String> row = fields(f.path("properties"));
      JsonNode c = f.path("geometry").path("coordinates");
      if (c.isArray() && c.size() >= 2) {
        row.put("lon", c.get(0).asString());
        row.put("lat", c.get(1).asString());
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<Map<String, String>> csv(String body) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new StringReader(body))) {
      String header = r.readLine();
      if (header == null) return rows;
      String[] names = header.split(",", -1);
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) continue;
        String[] values = line.split(",", -1);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) row.put(names[i].strip().toLowerCase(), i < values.length ? values[i].strip() : null);
        rows.add(row);
      }
    }
    return rows;
  }

  static Map<String, String> fields(JsonNode n) {
    Map<String, String> m = new LinkedHashMap<>();
    if (n != null && n.isObject()) n.properties().forEach(e -> m.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString()));
    return m;
  }

  static void mayEdit(Authentication auth) { Role.require(auth, "edit the sky net", Role.POLICE, Role.OPERATOR, Role.ADMIN); }
}
