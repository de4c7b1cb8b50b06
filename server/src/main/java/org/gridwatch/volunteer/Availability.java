package org.gridwatch.volunteer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;

/** A weekly window when a person is available: weekday 1 = Monday … 7 = Sunday, local time of the district. */
public record Availability(@NotNull @Min(1) @Max(7) Integer weekday, @NotNull LocalTime from, @NotNull LocalTime to) {}
