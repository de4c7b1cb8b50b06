package org.gridwatch.volunteer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A real-name registration ({@code POST /api/v1/volunteers}). The ID number and phone are checked and then kept only
 * sealed; {@code certificateLevel} is for social workers (and required of them); {@code organisation} the one they
 * serve with, if any.
 */
public record RegistrationRequest(
    @NotNull VolunteerKind kind,
    @NotBlank @Size(max = 50) String name,
    @NotBlank String idNumber,
    @NotBlank String phone,
    @NotBlank String homeGrid,
    @Size(max = 20) List<@NotBlank @Size(max = 40) String> skills,
    @Size(max = 21) List<@Valid @NotNull Availability> availability,
    @Min(0) @Max(5) Integer starLevel,
    CertificateLevel certificateLevel,
    Long organisation) {}
