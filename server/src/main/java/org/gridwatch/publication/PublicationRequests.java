package org.gridwatch.publication;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The bodies the publication API takes. Title and body are plain text: kept exactly as written, never read as HTML. */
final class PublicationRequests {
  private PublicationRequests() {}

  /**
   * A new publication. {@code area}: the audience area's code (any level); {@code validFrom} defaults to today;
   * {@code publisherName} defaults to the office of the writer's level and area (or their organisation's name);
   * {@code organisation}: for property and organisation staff, their own; {@code source} for the *_RESULT kinds;
   * {@code guide} for a SERVICE_GUIDE only; {@code submit}: false (the default) keeps it as a draft.
   */
  record NewPublication(@NotNull PublicationKind kind, @NotBlank @Size(max = 200) String title,
      @NotBlank @Size(max = 20000) String body, @NotBlank @Size(max = 40) String area, LocalDate validFrom, LocalDate validTo,
      @Size(max = 200) String publisherName, Long organisation, @Valid SourceRequest source, @Valid GuideRequest guide,
      Boolean submit) {}

  /** What a result publication reports on: a published decision or a funded project. */
  record SourceRequest(@NotNull SourceKind kind, @NotNull Long id) {}

  enum SourceKind { DECISION, PROJECT }

  /** A service guide's details (办事指南); materials one per line. */
  record GuideRequest(@NotBlank @Size(max = 200) String item, @Size(max = 2000) String eligibility,
      @Size(max = 4000) String materials, Long servicePoint, @Size(max = 400) String hours, @Size(max = 400) String fees,
      @Size(max = 200) String timeLimit, @Size(max = 40) String contactPhone) {}

  /** A review or withdrawal note (required to reject). */
  record NoteRequest(@Size(max = 1000) String note) {}
}
