package org.gridwatch.organisation;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The bodies the organisations' endpoints take; ids come from the path, never from here. */
final class OrganisationRequests {
  private OrganisationRequests() {}

  /** Who to call at the organisation: a name and a phone (mainland mobile or landline digits). */
  record Contact(@NotBlank @Size(max = 50) String name,
      @NotBlank @Pattern(regexp = "\\+?[0-9][0-9 -]{5,18}[0-9]", message = "must be a phone number") String phone) {}

  /** {@code POST /api/v1/organisations}. The credit code's check character is checked by {@link CreditCode}. */
  record NewOrganisation(
      @NotBlank @Size(max = 18) String creditCode,
      @NotBlank @Size(max = 100) String name,
      @NotNull @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) OrganisationKind kind,
      @Valid Contact contact,
      @Size(max = 200) String address,
      @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
      @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat) {}

  /** {@code POST /api/v1/organisations/{id}/service-areas}: from a day, to a day (both included; none: open). */
  record NewServiceArea(
      @NotNull @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) ServiceAreaKind kind,
      @NotBlank @Size(max = 100) String code,
      @NotNull LocalDate from,
      LocalDate to) {}

  /** {@code PATCH /api/v1/organisations/{id}/service-areas/{areaId}}: the last day it serves. */
  record ServiceAreaEnd(@NotNull LocalDate to) {}

  /** {@code POST /api/v1/organisations/{id}/incubation}: the stage reached and the day. */
  record IncubationRequest(
      @NotNull @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) IncubationStage stage,
      @NotNull LocalDate on) {}
}
