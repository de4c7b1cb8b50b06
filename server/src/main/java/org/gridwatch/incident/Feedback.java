package org.gridwatch.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The reporter's rating of a closed case, at most one per case: the case's id is the key, so that of two ratings sent
 * at once the database keeps exactly one. {@code reopened}: the rating sent the case back for rework (返工).
 */
@Entity
@Table(name = "incident_feedback")
class Feedback {
  @Id
  private Long incidentId;
  @Enumerated(EnumType.STRING) private Rating rating;
  @Column(name = "comment_text") private String comment;
  private Instant at;
  private boolean reopened;

  protected Feedback() {}

  Feedback(Long incidentId, Rating rating, String comment, Instant at, boolean reopened) {
    this.incidentId = incidentId;
    this.rating = rating;
    this.comment = comment;
    this.at = at;
    this.reopened = reopened;
  }

  Long getIncidentId() { return incidentId; }
  Rating getRating() { return rating; }
  String getComment() { return comment; }
  Instant getAt() { return at; }
  boolean isReopened() { return reopened; }
}
