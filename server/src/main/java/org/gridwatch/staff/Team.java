package org.gridwatch.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A patrol/security team or a volunteer service team. */
@Entity
@Table(name = "team")
class Team {
  enum Kind { PATROL, VOLUNTEER }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "team_seq")
  @SequenceGenerator(name = "team_seq", sequenceName = "team_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, unique = true)
  private String code;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  @Column(nullable = false)
  private String unitCode;

  private boolean synthetic;

  protected Team() {}

  Team(String code, String name, Kind kind, String unitCode, boolean synthetic) {
    this.code = code;
    this.name = name;
    this.kind = kind;
    this.unitCode = unitCode;
    this.synthetic = synthetic;
  }

  Long getId() { return id; }
  String getCode() { return code; }
  String getName() { return name; }
  Kind getKind() { return kind; }
}
