package org.gridwatch.patrol;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A key point to add to a route: {@code code} (letters, digits, - and _, 2–40), {@code name}, WGS84 {@code lon}/{@code lat}
 * and the check-in {@code radius} in metres (default 30, at most 500).
 */
record CheckpointRequest(
    @NotNull(message = "is required") @Size(min = 2, max = 40, message = "2 to 40 characters") String code,
    @Size(max = 100, message = "at most 100 characters") String name,
    @NotNull(message = "is required") Double lon,
    @NotNull(message = "is required") Double lat,
    Double radius) {}
