package org.gridwatch.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The body of {@code POST /api/v1/bookings/{id}/fulfilment}: whether the service was delivered, when (default now), a note. */
record FulfilmentRequest(@NotNull(message = "is required") Boolean fulfilled, Instant at,
    @Size(max = 500, message = "at most 500 characters") String note) {}
