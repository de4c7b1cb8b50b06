package org.gridwatch.mediation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A mediation as staff read it: parties' phones masked. {@code followUpDueNow}: settled, not yet visited, and the
 * visit's day has come.
 */
public record MediationView(
    long id,
    String incident,
    DisputeType disputeType,
    Mediator mediator,
    MediationLevel level,
    MediationStatus status,
    MediationOutcome outcome,
    String outcomeNote,
    String agreement,
    LocalDate signedOn,
    LocalDate followUpDue,
    boolean followUpDueNow,
    LocalDate followedUpOn,
    FollowUpResult followUpResult,
    String followUpNote,
    String gridCode,
    String communityCode,
    Instant openedAt,
    Instant closedAt,
    List<Party> parties,
    List<Session> sessions) {

  public record Mediator(MediatorKind kind, String name, Long volunteer, Long organisation) {}

  public record Party(PartyRole role, String name, String phone) {}

  public record Session(long id, Instant heldAt, Long servicePoint, String place, String note) {}
}
