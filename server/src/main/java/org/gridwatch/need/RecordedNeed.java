package org.gridwatch.need;

import java.time.Instant;

/**
 * A need recorded by hand, as read back. {@code recordedBy} is the account that recorded it (staff, not a resident);
 * the description and evidence are staff's words about an area, not a resident's report.
 */
record RecordedNeed(long id, String area, String areaLevel, String areaName, String areaNameEn, String category,
    NeedSource source, String description, String evidence, Integer residentsAffected, String recordedBy,
    Instant recordedAt, boolean synthetic) {}
