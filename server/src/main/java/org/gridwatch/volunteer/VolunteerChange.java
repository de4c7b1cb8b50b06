package org.gridwatch.volunteer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code PATCH /api/v1/volunteers/{id}}: what is given replaces what was (a left-out member stays as it is). */
record VolunteerChange(
    @Size(max = 20) List<@NotBlank @Size(max = 40) String> skills,
    @Size(max = 21) List<@Valid @NotNull Availability> availability,
    @Min(0) @Max(5) Integer starLevel) {}
