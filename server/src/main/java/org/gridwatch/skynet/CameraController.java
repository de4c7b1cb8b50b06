package org.gridwatch.skynet;

import org.gridwatch.problem.Text;
import jakarta.validation.Valid;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.geo.io.SourceCrs;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/cameras}: read for signed-in users; create, update, delete and bulk import (GeoJSON
 * FeatureCollection or CSV with a header row) for POLICE, OPERATOR and ADMIN; {@code PATCH} sets a camera's live view. An import stores the good rows
 * and reports every problem of the refused ones.
 */
@RestController
@RequestMapping("/api/v1/cameras")
class CameraController {
  private final Cameras cameras;
  private final LiveViews liveViews;

  CameraController(Cameras cameras, LiveViews liveViews) {
    this.cameras = cameras;
    this.liveViews = liveViews;
  }

  /** Body of {@code PATCH /api/v1/cameras/{code}}: the live view to set; null or blank clears it. */
  record LiveViewRequest(@jakarta.validation.constraints.Size(max = LiveViews.MAX) String liveView) {}

  /** Sets where the command centre watches the camera live (GB/T 28181 device id or URL); nothing else changes. */
  @org.springframework.web.bind.annotation.PatchMapping("/{code}")
  LiveViews.LiveView setLiveView(@PathVariable String code, @Valid @RequestBody LiveViewRequest body, Authentication auth) {
    mayEdit(auth);
    return liveViews.set(code, body.liveView());
  }

  @GetMapping
  List<CameraView> all() { return cameras.all(); }

  @GetMapping("/{code}")
  CameraView one(@PathVariable String code) { return cameras.find(code).orElseThrow(() -> Cameras.notFound(code)); }

  @PostMapping
  ResponseEntity<CameraView> create(@Valid @RequestBody CameraRequest body, Authentication auth) {
    mayEdit(auth);
    return ResponseEntity.status(HttpStatus.CREATED).body(cameras.create(body.fields()));
  }

  @PutMapping("/{code}")
  CameraView update(@PathVariable String code, @Valid @RequestBody CameraRequest body, Authentication auth) {
    mayEdit(auth);
    return cameras.update(code, body.fields());
  }

  @DeleteMapping("/{code}")
  ResponseEntity<Void> delete(@PathVariable String code, Authentication auth) {
    mayEdit(auth);
    cameras.delete(code);
    return ResponseEntity.noContent().build();
  }

  /**
   * Body: CSV with a header row (Content-Type text/csv). With {@code crs} naming a Gauss–Krüger zone, the lon and lat
   * columns hold easting and northing.
   */
  @PostMapping(path = "/import", consumes = "text/csv")
  Cameras.ImportReport importCsv(@RequestBody String body, @RequestParam(required = false) String crs, Authentication auth)
      throws IOException {
    mayEdit(auth);
    SourceCrs declared = ProjectedPositions.declared(null, crs);
    List<Map<String, String>> rows = csv(body);
    if (rows.isEmpty()) throw ProblemException.badInput("body", Text.of("skynet.holds-no-cameras"));
    if (rows.size() > CameraImport.MAX) throw ProblemException.badInput("body", Text.of("skynet.at-most-10-000-cameras"));
    return cameras.importRows(rows, declared);
  }

  /** Body: a GeoJSON FeatureCollection of Points with camera properties, in the CRS its {@code crs} member declares. */
  @PostMapping("/import")
  Cameras.ImportReport importGeoJson(@Valid @RequestBody CameraImport body, @RequestParam(required = false) String crs,
      Authentication auth) {
    mayEdit(auth);
    SourceCrs declared = ProjectedPositions.declared(body.crs(), crs);
    return cameras.importRows(body.features().stream().map(f -> f.camera().fields()).toList(), declared);
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

  static void mayEdit(Authentication auth) { Role.require(auth, "edit the sky net", Role.POLICE, Role.OPERATOR, Role.ADMIN); }
}
