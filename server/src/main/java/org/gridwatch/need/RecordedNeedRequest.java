package org.gridwatch.need;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/needs/recorded}: a need seen outside the cases, in one area. */
record RecordedNeedRequest(
    @NotBlank(message = "is required") @Size(max = 40, message = "at most 40 characters") String area,
    @NotBlank(message = "is required") @Size(max = 30, message = "at most 30 characters") String category,
    @NotNull(message = "is required") NeedSource source,
    @NotBlank(message = "is required") @Size(max = 2000, message = "at most 2000 characters") String description,
    @Size(max = 2000, message = "at most 2000 characters") String evidence,
    @Min(value = 0, message = "must be at least 0") @Max(value = 10_000_000, message = "must be between 0 and 10000000")
    Integer residentsAffected) {}
