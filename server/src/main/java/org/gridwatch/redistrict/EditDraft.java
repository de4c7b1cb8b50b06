package org.gridwatch.redistrict;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A named boundary edit saved with the preview it had, and the entity tags of the areas it touched then. */
@Entity
@Table(name = "edit_draft")
class EditDraft {
  enum Status { OPEN, COMMITTED, DISCARDED }

  @Id
  private String id;
  private String name;
  private String kind;
  private String code;
  @Column(name = "base_etags")
  private String baseEtags;
  private String request;
  private String preview;
  @Enumerated(EnumType.STRING)
  private Status status;
  @Column(name = "created_by")
  private String createdBy;
  @Column(name = "created_at")
  private Instant createdAt;
  @Column(name = "decided_by")
  private String decidedBy;
  @Column(name = "decided_at")
  private Instant decidedAt;
  private String outcome;

  protected EditDraft() {}

  EditDraft(String id, String name, String kind, String code, String baseEtags, String request, String preview, String createdBy,
      Instant createdAt) {
    this.id = id;
    this.name = name;
    this.kind = kind;
    this.code = code;
    this.baseEtags = baseEtags;
    this.request = request;
    this.preview = preview;
    this.status = Status.OPEN;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  void decide(Status status, String by, Instant at, String outcome) {
    this.status = status;
    this.decidedBy = by;
    this.decidedAt = at;
    this.outcome = outcome;
  }

  String id() { return id; }
  String name() { return name; }
  String kind() { return kind; }
  String code() { return code; }
  String baseEtags() { return baseEtags; }
  String request() { return request; }
  String preview() { return preview; }
  Status status() { return status; }
  String createdBy() { return createdBy; }
  Instant createdAt() { return createdAt; }
  String decidedBy() { return decidedBy; }
  Instant decidedAt() { return decidedAt; }
  String outcome() { return outcome; }
}
