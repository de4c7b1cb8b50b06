package org.gridwatch.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A stored project as the lifecycle reads it (the service area stays in the database unless asked for). */
record ProjectRow(long id, long roundId, String title, String summary, ProjectStatus status, long providerId,
    Long leadSocialWorkerId, List<TargetGroup> targetGroups, BigDecimal budget, int kpiBeneficiaries, int kpiSessions,
    BigDecimal kpiSatisfaction, boolean rectificationUsed, LocalDate startedOn, LocalDate endedOn, int version, boolean synthetic) {}
