package org.gridwatch.mediation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The bodies of the mediation writes. */
final class MediationRequests {
  private MediationRequests() {}

  /** {@code POST /api/v1/incidents/{id}/mediation}: open a mediation of a neighbour-dispute case. */
  record Open(
      @NotNull(message = "is required") DisputeType disputeType,
      @NotNull(message = "is required") @Valid Mediator mediator,
      @NotNull(message = "is required") MediationLevel level,
      @NotNull(message = "is required") @Size(min = 2, max = 20, message = "must be between 2 and 20") List<@NotNull(message = "is required") @Valid Party> parties) {}

  /** The mediator: a name always; the volunteer or the organisation (a law firm) when they are registered. */
  record Mediator(
      @NotNull(message = "is required") MediatorKind kind,
      @NotBlank(message = "is required") @Size(max = 50, message = "at most 50 characters") String name,
      Long volunteer,
      Long organisation) {}

  record Party(
      @NotNull(message = "is required") PartyRole role,
      @NotBlank(message = "is required") @Size(max = 50, message = "at most 50 characters") String name,
      @Pattern(regexp = "\\+?[0-9][0-9 -]{5,18}[0-9]", message = "must be a phone number") String phone) {}

  /** {@code POST /api/v1/mediations/{id}/sessions}: a session held at a service point or a named place. */
  record Session(
      @NotNull(message = "is required") Instant heldAt,
      Long servicePoint,
      @Valid Place place,
      @Size(max = 2000, message = "at most 2000 characters") String note) {}

  record Place(@NotBlank(message = "is required") @Size(max = 200, message = "at most 200 characters") String name) {}

  /** {@code POST /api/v1/mediations/{id}/settle}: the agreement (调解协议) and the day it was signed. */
  record Settle(
      @NotBlank(message = "is required") @Size(max = 4000, message = "at most 4000 characters") String agreement,
      @NotNull(message = "is required") LocalDate signedOn) {}

  /** {@code POST /api/v1/mediations/{id}/fail}: not settled, and where the parties go. */
  record Fail(
      @NotNull(message = "is required") MediationOutcome outcome,
      @Size(max = 2000, message = "at most 2000 characters") String note) {}

  /** {@code POST /api/v1/mediations/{id}/follow-up}: the visit after a settlement. */
  record FollowUp(
      @NotNull(message = "is required") LocalDate on,
      @NotNull(message = "is required") FollowUpResult result,
      @Size(max = 2000, message = "at most 2000 characters") String note) {}
}
