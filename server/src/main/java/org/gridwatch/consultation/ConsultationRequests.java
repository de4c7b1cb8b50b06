package org.gridwatch.consultation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The request bodies of the meeting loop, bound and validated by Spring (a wrong type or a missing field is a 400). */
final class ConsultationRequests {
  private ConsultationRequests() {}

  record TopicRequest(@NotBlank @Size(max = 200) String title, @Size(max = 4000) String description, @NotNull TopicSource source,
      @NotNull Long body, @Size(max = 50) List<@NotBlank @Size(max = 20) String> cases, Long need, Long sourceBody, Double lon,
      Double lat) {}

  record DeclineRequest(@NotBlank @Size(max = 2000) String reason) {}

  /** {@code topic}, or {@code title} (and optionally {@code body}) to open one. */
  record ConveneRequest(Long topic, @Size(max = 200) String title, Long body, @Size(max = 2000) String note) {}

  record Place(@NotBlank @Size(max = 200) String name, @NotNull Double lon, @NotNull Double lat) {}

  record Invitee(@NotNull InviteeKind kind, @NotBlank @Size(max = 200) String name, Long organisation,
      @Size(max = 40) String department, Long body) {}

  record MeetingRequest(@NotNull Long body, @NotBlank @Size(max = 200) String title, @NotNull Instant startsAt, Instant endsAt,
      Long servicePoint, @Valid Place place, @Size(max = 50) List<@NotNull Long> topics, @Size(max = 200) List<@Valid @NotNull Invitee> invitees) {}

  record InviteePresence(@NotNull Long id, @NotNull Boolean present) {}

  record AttendanceRequest(@Size(max = 500) List<@NotNull Long> present, @Size(max = 200) List<@Valid @NotNull InviteePresence> invitees,
      @PositiveOrZero Integer attendees) {}

  record MinutesRequest(@NotBlank @Size(max = 8000) String text) {}

  record Vote(@NotNull Long member, @NotNull VoteChoice choice) {}

  record DecisionRequest(@NotNull Long meeting, @NotNull Long topic, @NotBlank @Size(max = 4000) String text,
      @NotNull DecisionMethod method, @Size(max = 500) List<@Valid @NotNull Vote> votes) {}

  record Owner(OwnerKind kind, @Size(max = 200) String name, Long ref) {}

  /** {@code owner} is checked by hand so that a missing or blank owner is a 422 naming {@code owner}. */
  record TaskRequest(@NotNull Long decision, @NotBlank @Size(max = 200) String title, @Valid Owner owner, @NotNull LocalDate dueOn,
      Double lon, Double lat) {}

  record EvidenceRequest(@NotBlank @Size(max = 2000) String note) {}

  record NoteRequest(@Size(max = 2000) String note) {}

  record SupervisionRequest(@NotNull Long member, @NotNull SupervisionResult result, @Size(max = 2000) String note) {}
}
