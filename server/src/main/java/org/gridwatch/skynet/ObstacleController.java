package org.gridwatch.skynet;

import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/obstacles}: the obstacle layer that clips cameras' sectors by line of sight. Signed-in users
 * read how many there are; POLICE, OPERATOR and ADMIN import GeoJSON footprints or clear the layer.
 */
@RestController
@RequestMapping("/api/v1/obstacles")
class ObstacleController {
  private final Obstacles obstacles;

  ObstacleController(Obstacles obstacles) { this.obstacles = obstacles; }

  @GetMapping
  Map<String, Object> summary() { return Map.of("count", obstacles.count()); }

  /**
   * Body: a GeoJSON FeatureCollection of Polygons/MultiPolygons, properties {@code code} and {@code height_m}, in the CRS
   * its {@code crs} member or the {@code crs} parameter declares.
   */
  @PostMapping("/import")
  Obstacles.ImportReport importObstacles(@jakarta.validation.Valid @RequestBody ObstacleImport body,
      @org.springframework.web.bind.annotation.RequestParam(required = false) String crs, Authentication auth) {
    CameraController.mayEdit(auth);
    return obstacles.importFeatures(body, ProjectedPositions.declared(body.crs(), crs));
  }

  @DeleteMapping
  Map<String, Object> clear(Authentication auth) {
    CameraController.mayEdit(auth);
    return Map.of("removed", obstacles.clear());
  }
}
