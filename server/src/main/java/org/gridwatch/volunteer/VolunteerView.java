package org.gridwatch.volunteer;

import java.time.Instant;
import java.util.List;

/**
 * A volunteer or social worker as lists and views show them: the ID number and phone masked
 * ({@code 3702**********123X}, {@code 138****1234}). {@code organisation}: the id of the organisation they serve with.
 */
public record VolunteerView(long id, VolunteerKind kind, String name, String idNumber, String phone, String homeGrid,
    List<String> skills, List<Availability> availability, int starLevel, CertificateLevel certificateLevel, Long organisation,
    Instant registered) {}
