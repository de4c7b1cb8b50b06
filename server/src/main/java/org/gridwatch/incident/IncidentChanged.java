package org.gridwatch.incident;

/**
 * Published inside the transaction that changed a case; listeners that tell the outside world (the live
 * stream) act after commit. Carries ids only, never personal data. {@code deadlinePassed}: this change is the SLA
 * clock finding the handling deadline passed (overdue, or escalated for it), what the command centre's alarm is for.
 */
public record IncidentChanged(long id, String publicId, IncidentEvent.Type type, Status status, CasePlace place,
    boolean deadlinePassed) {
  static IncidentChanged of(Incident i, IncidentEvent.Type type) { return of(i, type, null); }

  static IncidentChanged of(Incident i, IncidentEvent.Type type, Actor actor) {
    boolean passed = actor == Actor.SYSTEM && (type == IncidentEvent.Type.OVERDUE || type == IncidentEvent.Type.ESCALATED);
    return new IncidentChanged(i.getId(), i.getPublicId(), type, i.getStatus(), CasePlace.of(i), passed);
  }

  public String gridCode() { return place.gridCode(); }
}
