package org.gridwatch.incident.tally;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What one case adds to the case tally: on the day it was reported (in the district's zone) one row per scope (the
 * district, {@code ""}, and its subdistrict) with its flags as 0/1 in {@link #REPORTED_COLUMNS} order and its handling
 * seconds; and, when closed, one row per scope on the day it was closed ({@code closed_then}, {@code closed_then_on_time});
 * and, when {@link #counted()}, 1 to the need tally's row of its month and its recorded grid, community and subdistrict.
 * The same rules as {@code Measures}, {@code CaseActivity} and the needs map's count, and as PostgreSQL's
 * {@code case_tally_add} (migration V25_1, replaced by V25_2 to add the need tally's row): a change here must be made there too (the tests compare both stores with a
 * direct count). Immutable.
 */
record CaseContribution(String district, LocalDate day, String subdistrict, String category, long[] flags, BigDecimal handlingSeconds,
    LocalDate closedDay, long closedOnTime, String grid, String community) {
  static final List<String> REPORTED_COLUMNS = List.of("reported", "counted", "due", "closed", "closed_on_time", "dispatched",
      "handled", "reworked", "disputes_closed", "disputes_in_grid", "transferred", "breached", "rated", "satisfied",
      "property_cases", "property_on_time", "property_closed");
  static final int COUNTED = REPORTED_COLUMNS.indexOf("counted");
  static final int RATED = REPORTED_COLUMNS.indexOf("rated");
  static final int SATISFIED = REPORTED_COLUMNS.indexOf("satisfied");

  /** The columns of a case the sums read; the rating is its feedback's (null: not rated). */
  record Case(Instant reportedAt, String district, String subdistrict, String community, String grid, String category, String status,
      Instant closedAt, Boolean closedOnTime,
      Instant dispatchedAt, Instant resolvedAt, int reopenings, Boolean settledInGrid, boolean breached, boolean duplicate,
      boolean merged, boolean property, Instant propertyRespondedAt, Instant propertyDeadline, String level) {}

  static CaseContribution of(Case c, String rating, ZoneId zone) {
    boolean closed = c.closedAt() != null, handled = c.resolvedAt() != null;
    boolean dispute = closed && "NEIGHBOUR_DISPUTE".equals(c.category());
    boolean transferred = "TRANSFERRED".equals(c.status());
    long[] f = {
        1,
        bit(!c.duplicate() && !c.merged()),
        bit(!List.of("REJECTED", "MERGED", "TRANSFERRED").contains(c.status())),
        bit(closed),
        bit(closed && Boolean.TRUE.equals(c.closedOnTime())),
        bit(c.dispatchedAt() != null),
        bit(handled),
        bit(handled && c.reopenings() > 0),
        bit(dispute),
        bit(dispute && Boolean.TRUE.equals(c.settledInGrid())),
        bit(transferred),
        bit(c.breached() && !transferred),
        bit(rating != null),
        bit("SATISFIED".equals(rating) || "BASICALLY_SATISFIED".equals(rating)),
        bit(c.property()),
        bit(c.property() && c.propertyRespondedAt() != null && c.propertyDeadline() != null
            && !c.propertyRespondedAt().isAfter(c.propertyDeadline())),
        bit(c.property() && closed && "PROPERTY".equals(c.level())),
    };
    BigDecimal seconds = handled && c.dispatchedAt() != null ? seconds(Duration.between(c.dispatchedAt(), c.resolvedAt()))
        : BigDecimal.ZERO;
    return new CaseContribution(c.district(), c.reportedAt().atZone(zone).toLocalDate(), c.subdistrict(), c.category(), f, seconds,
        closed ? c.closedAt().atZone(zone).toLocalDate() : null, bit(closed && Boolean.TRUE.equals(c.closedOnTime())), c.grid(),
        c.community());
  }

  /** Whether two contributions add the same to the same rows (then a change between them moves nothing). */
  boolean same(CaseContribution o) {
    return district.equals(o.district) && day.equals(o.day) && subdistrict.equals(o.subdistrict) && category.equals(o.category)
        && java.util.Arrays.equals(flags, o.flags) && handlingSeconds.compareTo(o.handlingSeconds) == 0
        && java.util.Objects.equals(closedDay, o.closedDay) && closedOnTime == o.closedOnTime && grid.equals(o.grid)
        && community.equals(o.community);
  }

  List<String> scopes() { return List.of("", subdistrict); }

  /** Whether the case is in the needs map's count (then it adds 1 to its month row of the need tally). */
  boolean counted() { return flags[COUNTED] == 1; }

  /** The first day of the month it was reported in: the need tally's row (migration V25_2). */
  LocalDate month() { return day.withDayOfMonth(1); }

  private static long bit(boolean b) { return b ? 1 : 0; }

  /** Exact to the microsecond, as PostgreSQL's {@code EXTRACT(EPOCH FROM interval)}. */
  private static BigDecimal seconds(Duration d) {
    return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano() / 1000, 6));
  }
}
