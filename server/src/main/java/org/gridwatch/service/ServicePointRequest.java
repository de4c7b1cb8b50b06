package org.gridwatch.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/v1/service-points} and {@code PUT /api/v1/service-points/{id}}: a place in WGS84. */
record ServicePointRequest(
    @NotBlank(message = "is required") @Size(max = 100, message = "at most 100 characters") String name,
    @NotNull(message = "is required") PointKind kind,
    @NotNull(message = "is required") Double lon,
    @NotNull(message = "is required") Double lat,
    @Size(max = 200, message = "at most 200 characters") String address,
    @Valid @Size(max = 21, message = "at most 21 windows") List<WeeklyHours> openingHours,
    Long organisation) {}
