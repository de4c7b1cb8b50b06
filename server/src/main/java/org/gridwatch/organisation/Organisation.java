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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.locationtech.jts.geom.Point;

/**
 * An organisation of the community (社会组织, 物业, 服务商, 律所, 驻区单位): its credit code, contact, address and place,
 * and for a social organisation its stage in the incubator with the day each stage began.
 */
@Entity
@Table(name = "organisation")
class Organisation {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "organisation_seq")
  @SequenceGenerator(name = "organisation_seq", sequenceName = "organisation_seq", allocationSize = 50)
  private Long id;

  @Column(name = "credit_code", nullable = false, unique = true, length = 18)
  private String creditCode;
  @Column(nullable = false, length = 100)
  private String name;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private OrganisationKind kind;
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;
  @Column(name = "contact_name", length = 50)
  private String contactName;
  @Column(name = "contact_phone", length = 20)
  private String contactPhone;
  @Column(length = 200)
  private String address;
  private Point place;
  private boolean synthetic;
  @Enumerated(EnumType.STRING)
  @Column(name = "incubation_stage", length = 16)
  private IncubationStage incubationStage;
  @Column(name = "applied_on")
  private LocalDate appliedOn;
  @Column(name = "incubating_on")
  private LocalDate incubatingOn;
  @Column(name = "graduated_on")
  private LocalDate graduatedOn;
  @Version
  private long version;

  protected Organisation() {}

  Organisation(String creditCode, String name, OrganisationKind kind, String contactName, String contactPhone, String address,
      Point place, boolean synthetic, Instant createdAt) {
    this.creditCode = creditCode;
    this.name = name;
    this.kind = kind;
    this.contactName = contactName;
    this.contactPhone = contactPhone;
    this.address = address;
    this.place = place;
    this.synthetic = synthetic;
    this.createdAt = createdAt;
  }

  /** Moves the incubation to {@code stage} on {@code day}; the caller has checked the order. */
  void enter(IncubationStage stage, LocalDate day) {
    this.incubationStage = stage;
    switch (stage) {
      case APPLIED -> appliedOn = day;
      case INCUBATING -> incubatingOn = day;
      case GRADUATED -> graduatedOn = day;
    }
  }

  Long getId() { return id; }
  String getCreditCode() { return creditCode; }
  String getName() { return name; }
  OrganisationKind getKind() { return kind; }
  String getContactName() { return contactName; }
  String getContactPhone() { return contactPhone; }
  String getAddress() { return address; }
  Point getPlace() { return place; }
  boolean isSynthetic() { return synthetic; }
  IncubationStage getIncubationStage() { return incubationStage; }
  LocalDate getAppliedOn() { return appliedOn; }
  LocalDate getIncubatingOn() { return incubatingOn; }
  LocalDate getGraduatedOn() { return graduatedOn; }

  /** The day the incubation reached {@code stage}, or null. */
  LocalDate dayOf(IncubationStage stage) {
    return switch (stage) {
      case APPLIED -> appliedOn;
      case INCUBATING -> incubatingOn;
      case GRADUATED -> graduatedOn;
    };
  }
}
