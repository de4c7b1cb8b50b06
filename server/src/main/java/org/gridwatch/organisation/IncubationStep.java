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
import java.time.Instant;
import java.time.LocalDate;

/** One recorded step of a social organisation's incubation: the stage, its day, who recorded it and when. */
@Entity
@Table(name = "organisation_incubation")
class IncubationStep {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "organisation_incubation_seq")
  @SequenceGenerator(name = "organisation_incubation_seq", sequenceName = "organisation_incubation_seq", allocationSize = 50)
  private Long id;

  @Column(name = "organisation_id", nullable = false)
  private long organisationId;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private IncubationStage stage;
  @Column(name = "on_day", nullable = false)
  private LocalDate onDay;
  @Column(name = "recorded_by", nullable = false, length = 40)
  private String recordedBy;
  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected IncubationStep() {}

  IncubationStep(long organisationId, IncubationStage stage, LocalDate onDay, String recordedBy, Instant recordedAt) {
    this.organisationId = organisationId;
    this.stage = stage;
    this.onDay = onDay;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  IncubationStage getStage() { return stage; }
  LocalDate getOnDay() { return onDay; }
  String getRecordedBy() { return recordedBy; }
  Instant getRecordedAt() { return recordedAt; }
}
