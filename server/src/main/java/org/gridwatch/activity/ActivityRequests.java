package org.gridwatch.activity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The bodies the activity endpoints take. */
final class ActivityRequests {
  private ActivityRequests() {}

  /** Who organises: organisations and volunteers by id. */
  record Organisers(@Size(max = 20) List<@NotNull Long> organisations, @Size(max = 20) List<@NotNull Long> volunteers) {
    List<Long> organisationIds() { return organisations == null ? List.of() : organisations.stream().distinct().toList(); }
    List<Long> volunteerIds() { return volunteers == null ? List.of() : volunteers.stream().distinct().toList(); }
  }

  /** A new activity; {@code radius} in metres (default 200). */
  record Create(@NotBlank @Size(max = 200) String title, @NotNull ActivityKind kind, @NotNull Instant starts,
      @NotNull Instant ends, @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
      @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat, @DecimalMin("10") @DecimalMax("5000") Double radius,
      @Valid Organisers organisers, Long servicePoint, @Size(max = 20) List<@NotBlank @Size(max = 40) String> skills) {
    double radiusM() { return radius == null ? 200 : radius; }
    Organisers organisersOrNone() { return organisers == null ? new Organisers(null, null) : organisers; }
    List<String> skillTags() { return skills == null ? List.of() : skills.stream().map(String::strip).distinct().toList(); }
  }

  /** A sign-in or sign-out: who, where the phone is, and the code the activity's QR carries. */
  record Presence(@NotNull Long volunteer, @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
      @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat, @Size(max = 64) String code) {}

  /** An organiser's correction of one attendance: the times as they should be, and why. */
  record Correction(@NotNull Instant signedIn, @NotNull Instant signedOut, @NotBlank @Size(max = 500) String reason) {}

  /** A volunteer taking a booking or a case. */
  record Match(@NotNull MatchSubject subject, @NotNull Long subjectId, @NotNull Long volunteer) {}
}
