package org.gridwatch.publication;

/** DRAFT → PENDING_REVIEW → PUBLISHED | REJECTED; PUBLISHED → WITHDRAWN. Only PUBLISHED ones, in their days, are shown. */
public enum PublicationStatus {
  DRAFT, PENDING_REVIEW, PUBLISHED, REJECTED, WITHDRAWN
}
