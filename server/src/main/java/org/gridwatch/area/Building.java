package org.gridwatch.area;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

/**
 * A residential building (楼栋) as a point with its households and residents, and where the district gives them its
 * footprint (the point is then the footprint's interior point), compound (小区) and address. Its grid is derived.
 */
@Entity
@Table(name = "building")
class Building {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "building_seq")
  @SequenceGenerator(name = "building_seq", sequenceName = "building_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, unique = true, length = 40)
  private String code;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private Point location;

  private MultiPolygon footprint;
  private String compound;
  private String address;
  private int households;
  private int residents;
  private boolean synthetic;

  protected Building() {}

  Building(BuildingRegister.NewBuilding b) {
    this(b.code(), b.name(), b.location(), b.households(), b.residents(), false);
    replaceWith(b);
  }

  /** Takes everything but the code from a newer delivery of the same building. */
  void replaceWith(BuildingRegister.NewBuilding b) {
    this.name = b.name();
    this.location = b.location();
    this.footprint = b.footprint();
    this.compound = b.compound();
    this.address = b.address();
    this.households = b.households();
    this.residents = b.residents();
    this.synthetic = false;
  }

  /** Places the building in a compound, keeping everything else the district gave. */
  void joinCompound(String compound) { this.compound = compound; }

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
  MultiPolygon getFootprint() { return footprint; }
  String getCompound() { return compound; }
  String getAddress() { return address; }
}
