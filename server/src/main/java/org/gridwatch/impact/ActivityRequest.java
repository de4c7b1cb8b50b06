package org.gridwatch.impact;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /api/v1/projects/{id}/activities}: what a funded project did, where (WGS84) and on which day.
 * {@code persons} are opaque ids of known participants (a card number, a resident id the provider keeps): only their
 * keyed hashes are stored, so that residents reached can be counted once each.
 */
record ActivityRequest(
    @NotBlank(message = "is required") @Size(max = 200, message = "at most 200 characters") String title,
    @NotNull(message = "is required") LocalDate heldOn,
    @Size(max = 200, message = "at most 200 characters") String place,
    @NotNull(message = "is required") Double lon,
    @NotNull(message = "is required") Double lat,
    @NotNull(message = "is required") @Min(value = 0, message = "must be 0 or more") @Max(value = 100_000, message = "at most 100000") Integer participants,
    @NotNull(message = "is required") @Min(value = 0, message = "must be 0 or more") @Max(value = 10_000, message = "at most 10000") Integer volunteers,
    @Size(max = 2000, message = "at most 2000 persons") List<@NotBlank(message = "must not be blank") @Size(max = 100, message = "at most 100 characters") String> persons) {}
