package org.gridwatch.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An account that acts for an organisation (its staff): one organisation per account. */
@Entity
@Table(name = "organisation_staff")
class StaffLink {
  @Id
  @Column(length = 40)
  private String username;
  @Column(name = "organisation_id", nullable = false)
  private long organisationId;

  protected StaffLink() {}

  StaffLink(String username, long organisationId) {
    this.username = username;
    this.organisationId = organisationId;
  }

  void moveTo(long organisationId) { this.organisationId = organisationId; }

  String getUsername() { return username; }
  long getOrganisationId() { return organisationId; }
}
