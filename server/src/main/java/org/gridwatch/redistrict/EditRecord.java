package org.gridwatch.redistrict;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A committed boundary edit: who, when, and every area it touched at any level with its version before (null: the
 * edit created it) and after (null: the edit retired it). What a revert reads to restore the areas as they were.
 */
@Entity
@Table(name = "boundary_edit")
class EditRecord {
  /** One touched area. */
  @Embeddable
  record Touched(String code, @Column(name = "version_before") Integer versionBefore, @Column(name = "version_after") Integer versionAfter) {}

  @Id
  private String id;
  private String kind;
  @Column(name = "parent_code")
  private String parentCode;
  @Column(name = "committed_by")
  private String committedBy;
  @Column(name = "committed_at")
  private Instant committedAt;
  private String reverts;
  @Column(name = "reverted_by")
  private String revertedBy;
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "boundary_edit_area", joinColumns = @JoinColumn(name = "edit_id"))
  private List<Touched> areas = new ArrayList<>();

  protected EditRecord() {}

  EditRecord(String id, String kind, String parentCode, String committedBy, Instant committedAt, String reverts, List<Touched> areas) {
    this.id = id;
    this.kind = kind;
    this.parentCode = parentCode;
    this.committedBy = committedBy;
    this.committedAt = committedAt;
    this.reverts = reverts;
    this.areas = new ArrayList<>(areas);
  }

  void revertedBy(String editId) { this.revertedBy = editId; }

  String id() { return id; }
  String kind() { return kind; }
  String parentCode() { return parentCode; }
  String committedBy() { return committedBy; }
  Instant committedAt() { return committedAt; }
  String reverts() { return reverts; }
  String revertedBy() { return revertedBy; }
  List<Touched> areas() { return List.copyOf(areas); }
}
