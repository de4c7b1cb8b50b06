package org.gridwatch.area;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An area of the hierarchy (district, subdistrict, community or grid); its outline lives in versions. */
@Entity
@Table(name = "area")
class Area {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "area_seq")
  @SequenceGenerator(name = "area_seq", sequenceName = "area_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, unique = true, length = 15)
  private String code;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private AreaLevel level;

  @Column(nullable = false)
  private String name;

  private String nameEn;
  private String parentCode;
  private String kind;
  private boolean synthetic;

  @Column(nullable = false)
  private Instant createdAt;

  private Instant retiredAt;

  protected Area() {}

  Area(String code, AreaLevel level, String name, String nameEn, String parentCode, String kind, boolean synthetic,
      Instant createdAt) {
    this.code = code;
    this.level = level;
    this.name = name;
    this.nameEn = nameEn;
    this.parentCode = parentCode;
    this.kind = kind;
    this.synthetic = synthetic;
    this.createdAt = createdAt;
  }

  /** No longer in use from {@code at}; its code is never given out again. */
  void retire(Instant at) { this.retiredAt = at; }

  /** In use again (a revert restored it under its own code). */
  void revive() { this.retiredAt = null; }

  Long getId() { return id; }
  String getCode() { return code; }
  AreaLevel getLevel() { return level; }
  String getName() { return name; }
  String getNameEn() { return nameEn; }
  String getParentCode() { return parentCode; }
  String getKind() { return kind; }
  boolean isSynthetic() { return synthetic; }
  Instant getRetiredAt() { return retiredAt; }
}
