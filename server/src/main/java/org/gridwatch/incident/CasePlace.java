package org.gridwatch.incident;

/**
 * Where a case sits and who holds it, by codes only: enough to decide which staff may see it (their grids,
 * community, subdistrict or department) without loading the case.
 */
public record CasePlace(String gridCode, String communityCode, String subdistrictCode, Level level, String unitCode) {
  static CasePlace of(Incident i) {
    return new CasePlace(i.getGridCode(), i.getCommunityCode(), i.getSubdistrictCode(), i.getLevel(), i.getUnitCode());
  }

  /** Whether this staff member may see a case here (the command centre and planners: everywhere). */
  public boolean visibleTo(Actor actor) { return Permissions.staffMayRead(actor, this); }
}
