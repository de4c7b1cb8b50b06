package org.gridwatch.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** Where an organisation serves, from a day to a day (both included; {@code validTo} null: still serving). */
@Entity
@Table(name = "organisation_service_area")
class ServiceArea {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "organisation_service_area_seq")
  @SequenceGenerator(name = "organisation_service_area_seq", sequenceName = "organisation_service_area_seq", allocationSize = 50)
  private Long id;

  @Column(name = "organisation_id", nullable = false)
  private long organisationId;
  @Enumerated(EnumType.STRING)
  @Column(name = "area_kind", nullable = false, length = 16)
  private ServiceAreaKind kind;
  @Column(name = "area_code", nullable = false, length = 100)
  private String code;
  @Column(name = "valid_from", nullable = false)
  private LocalDate validFrom;
  @Column(name = "valid_to")
  private LocalDate validTo;

  protected ServiceArea() {}

  ServiceArea(long organisationId, ServiceAreaKind kind, String code, LocalDate validFrom, LocalDate validTo) {
    this.organisationId = organisationId;
    this.kind = kind;
    this.code = code;
    this.validFrom = validFrom;
    this.validTo = validTo;
  }

  void endOn(LocalDate day) { this.validTo = day; }

  /** Whether the days from {@code from} to {@code to} (null: open) share a day with this area's. */
  boolean overlaps(LocalDate from, LocalDate to) {
    return (to == null || !validFrom.isAfter(to)) && (validTo == null || !validTo.isBefore(from));
  }

  boolean servesOn(LocalDate day) { return overlaps(day, day); }

  Long getId() { return id; }
  long getOrganisationId() { return organisationId; }
  ServiceAreaKind getKind() { return kind; }
  String getCode() { return code; }
  LocalDate getValidFrom() { return validFrom; }
  LocalDate getValidTo() { return validTo; }
}
