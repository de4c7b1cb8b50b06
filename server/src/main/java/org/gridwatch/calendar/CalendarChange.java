package org.gridwatch.calendar;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An audit entry: who changed a year's calendar, when, and what (dates added and removed). */
@Entity
@Table(name = "calendar_change")
class CalendarChange {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calendar_change_seq")
  @SequenceGenerator(name = "calendar_change_seq", sequenceName = "calendar_change_seq", allocationSize = 50)
  private Long id;
  @jakarta.persistence.Column(name = "year_number")
  private Integer year;
  private Instant changedAt;
  private String changedBy;
  private String actorRole;
  private String summary;

  protected CalendarChange() {}

  CalendarChange(int year, Instant changedAt, String changedBy, String actorRole, String summary) {
    this.year = year;
    this.changedAt = changedAt;
    this.changedBy = changedBy;
    this.actorRole = actorRole;
    this.summary = summary;
  }

  int getYear() { return year; }
  Instant getChangedAt() { return changedAt; }
  String getChangedBy() { return changedBy; }
  String getActorRole() { return actorRole; }
  String getSummary() { return summary; }
}
