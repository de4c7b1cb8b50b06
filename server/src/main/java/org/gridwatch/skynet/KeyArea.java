package org.gridwatch.skynet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.MultiPolygon;

/** A key public area (square, station, school, hospital, shopping street) that must be fully covered by cameras. */
@Entity
@Table(name = "key_area")
class KeyArea {
  @Id
  private String code;
  @Column(nullable = false)
  private String name;
  private String kind;
  private MultiPolygon boundary;
  private boolean synthetic;

  protected KeyArea() {}

  KeyArea(String code, String name, String kind, MultiPolygon boundary, boolean synthetic) {
    this.code = code;
    this.name = name;
    this.kind = kind;
    this.boundary = boundary;
    this.synthetic = synthetic;
  }

  KeyAreaView view() { return new KeyAreaView(code, name, kind, boundary); }
}
