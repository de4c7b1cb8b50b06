package org.gridwatch.volunteer;

import java.time.Instant;
import java.util.List;

/**
 * A person's full record, unmasked: only from {@code GET /api/v1/volunteers/{id}/record}, and every such read is
 * written to the audit first ({@link RecordReads}).
 */
record VolunteerRecord(long id, VolunteerKind kind, String name, String idNumber, String phone, String homeGrid,
    List<String> skills, List<Availability> availability, int starLevel, CertificateLevel certificateLevel, Long organisation,
    String username, Instant registered) {}
