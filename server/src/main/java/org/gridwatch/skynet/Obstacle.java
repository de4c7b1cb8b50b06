package org.gridwatch.skynet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.locationtech.jts.geom.MultiPolygon;

/** Something cameras cannot see through: a building footprint or a wall (WGS84). */
@Entity
@Table(name = "obstacle")
class Obstacle {
  @Id
  private String code;
  @Column(nullable = false)
  private MultiPolygon boundary;
  @Column(name = "height_m")
  private Double heightM;
  @Column(name = "imported_at", nullable = false)
  private Instant importedAt;

  protected Obstacle() {}

  Obstacle(String code, MultiPolygon boundary, Double heightM, Instant importedAt) {
    this.code = code;
    this.boundary = boundary;
    this.heightM = heightM;
    this.importedAt = importedAt;
  }

  MultiPolygon boundary() { return boundary; }
}
