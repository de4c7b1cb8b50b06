package org.gridwatch.incident;

/**
 * Published inside the transaction that changed a case; listeners that tell the outside world (the live
 * stream) act after commit. Carries ids only, never personal data.
 */
public record IncidentChanged(long id, String publicId, IncidentEvent.Type type, Status status, String gridCode) {}
