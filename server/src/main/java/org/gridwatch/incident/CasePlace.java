package org.gridwatch.incident;

/**
 * Where a case sits and who holds it, by codes only: enough to decide which staff may see it (their grids,
 * community, subdistrict or department; the property company it was dispatched to first) without loading the case.
 */
public record CasePlace(String gridCode, String communityCode, String subdistrictCode, Level level, String unitCode,
    Long propertyOrganisation) {
  public CasePlace(String gridCode, String communityCode, String subdistrictCode, Level level, String unitCode) {
    this(gridCode, communityCode, subdistrictCode, level, unitCode, null);
  }

  static CasePlace of(Incident i) {
    return new CasePlace(i.getGridCode(), i.getCommunityCode(), i.getSubdistrictCode(), i.getLevel(), i.getUnitCode(),
        i.getPropertyOrganisation());
  }

  /** Whether this staff member may see a case here (the command centre and planners: everywhere). */
  public boolean visibleTo(Actor actor) { return Permissions.staffMayRead(actor, this); }
}
