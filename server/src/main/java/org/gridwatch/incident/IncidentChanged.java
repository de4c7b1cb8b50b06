package org.gridwatch.incident;

/**
 * Published inside the transaction that changed a case; listeners that tell the outside world (the live
 * stream) act after commit. Carries ids only, never personal data.
 */
public record IncidentChanged(long id, String publicId, IncidentEvent.Type type, Status status, CasePlace place) {
  static IncidentChanged of(Incident i, IncidentEvent.Type type) {
    return new IncidentChanged(i.getId(), i.getPublicId(), type, i.getStatus(), CasePlace.of(i));
  }

  public String gridCode() { return place.gridCode(); }
}
