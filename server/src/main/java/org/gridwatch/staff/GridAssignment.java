package org.gridwatch.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A role held in one grid, valid in [validFrom, validTo): by a person, by a team, or by a person as a member of a team
 * (team roles only).
 */
@Entity
@Table(name = "grid_assignment")
class GridAssignment {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "grid_assignment_seq")
  @SequenceGenerator(name = "grid_assignment_seq", sequenceName = "grid_assignment_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false)
  private String gridCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RoleType role;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "person_id")
  private Person person;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "team_id")
  private Team team;

  @Column(nullable = false)
  private Instant validFrom;

  private Instant validTo;

  protected GridAssignment() {}

  GridAssignment(String gridCode, RoleType role, Person person, Team team, Instant validFrom) {
    this.gridCode = gridCode;
    this.role = role;
    this.person = person;
    this.team = team;
    this.validFrom = validFrom;
  }

  /** The assignment ends at {@code t} (it stays in the dated history). */
  void end(Instant t) { this.validTo = t; }

  String getGridCode() { return gridCode; }
  RoleType getRole() { return role; }

  /** The same key as {@link RosterLine#holdingKey()}: grid, role, person and team, whatever the dates. */
  String holdingKey() {
    return gridCode + "|" + role + "|" + (person == null ? null : person.getCode()) + "|" + (team == null ? null : team.getCode());
  }
  Person getPerson() { return person; }
  Team getTeam() { return team; }
  Instant getValidFrom() { return validFrom; }
  Instant getValidTo() { return validTo; }

  boolean validAt(Instant t) { return !validFrom.isAfter(t) && (validTo == null || validTo.isAfter(t)); }
}
