package org.gridwatch.area;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.Point;

/** A residential building (楼栋) as a point with its households and residents. Its grid is derived. */
@Entity
@Table(name = "building")
class Building {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "building_seq")
  @SequenceGenerator(name = "building_seq", sequenceName = "building_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, unique = true, length = 16)
  private String code;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private Point location;

  private int households;
  private int residents;
  private boolean synthetic;

  protected Building() {}

  Building(String code, String name, Point location, int households, int residents, boolean synthetic) {
    this.code = code;
    this.name = name;
    this.location = location;
    this.households = households;
    this.residents = residents;
    this.synthetic = synthetic;
  }

  String getCode() { return code; }
  String getName() { return name; }
  Point getLocation() { return location; }
  int getHouseholds() { return households; }
  int getResidents() { return residents; }
  boolean isSynthetic() { return synthetic; }
}
