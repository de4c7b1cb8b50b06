package org.gridwatch.area;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * One dated outline of an area, valid in [validFrom, validTo); the current version has no validTo.
 * Households and residents are derived from the buildings inside when the version is made.
 */
@Entity
@Table(name = "area_version")
class AreaVersion {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "area_version_seq")
  @SequenceGenerator(name = "area_version_seq", sequenceName = "area_version_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "area_id")
  private Area area;

  @Column(nullable = false)
  private int version;

  @Column(nullable = false)
  private Instant validFrom;

  private Instant validTo;

  @Column(nullable = false)
  private MultiPolygon boundary;

  private double areaM2;
  private int households;
  private int residents;

  protected AreaVersion() {}

  AreaVersion(Area area, int version, Instant validFrom, MultiPolygon boundary, double areaM2, int households,
      int residents) {
    this.area = area;
    this.version = version;
    this.validFrom = validFrom;
    this.boundary = boundary;
    this.areaM2 = areaM2;
    this.households = households;
    this.residents = residents;
  }

  /** New figures from the buildings inside, when buildings are imported (the outline is the same version). */
  void recount(int households, int residents) {
    this.households = households;
    this.residents = residents;
  }

  /** Ends this version: it stays in history, valid until {@code at}. */
  void close(Instant at) { this.validTo = at; }

  Area getArea() { return area; }
  int getVersion() { return version; }
  Instant getValidFrom() { return validFrom; }
  Instant getValidTo() { return validTo; }
  MultiPolygon getBoundary() { return boundary; }
  double getAreaM2() { return areaM2; }
  int getHouseholds() { return households; }
  int getResidents() { return residents; }
}
