package org.gridwatch.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The body of {@code POST /api/v1/bookings}: an offer booked for a time at a place (WGS84) for a resident. With
 * {@code case} (a resident request's number, staff only) the place and the resident default to the case's, and the case
 * is closed with the booking as its resolution.
 */
record BookingRequest(
    @NotNull(message = "is required") Long offer,
    @NotNull(message = "is required") Instant at,
    Double lon,
    Double lat,
    @Valid Resident resident,
    @Size(max = 500, message = "at most 500 characters") String note,
    @JsonProperty("case") @Size(max = 40, message = "at most 40 characters") String caseId) {

  /** Whom the service is for. */
  record Resident(@NotBlank(message = "is required") @Size(max = 50, message = "at most 50 characters") String name,
      @NotBlank(message = "is required") @Pattern(regexp = "\\+?[0-9][0-9 -]{5,18}[0-9]", message = "is not a phone number") String phone) {}
}
