package org.gridwatch.governance;

import java.time.LocalDate;

/**
 * A body as others read it: kind, name, the area it serves ({@code areaCode}: a community's or grid's code, or a
 * compound's name), the community and grid it lies in, the party organisation above it, its rules and dates.
 */
public record BodyView(long id, BodyKind kind, String name, BodyArea areaKind, String areaCode, String communityCode,
    String gridCode, Long parentId, BodyRules rules, LocalDate constitutedOn, LocalDate dissolvedOn) {

  /** Whether the body exists on that day (constituted, not yet dissolved). */
  public boolean activeOn(LocalDate day) {
    return !day.isBefore(constitutedOn) && (dissolvedOn == null || !day.isAfter(dissolvedOn));
  }
}
