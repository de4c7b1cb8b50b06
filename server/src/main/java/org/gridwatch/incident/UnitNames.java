package org.gridwatch.incident;

import org.gridwatch.area.AreaCatalog;
import org.gridwatch.staff.Roster;
import org.springframework.stereotype.Component;

/**
 * Who holds a case, in words: the name of the grid, community or subdistrict (from the current areas) or of the
 * department (from the roster), in Chinese and English, for a resident who does not read codes.
 */
@Component
class UnitNames {
  /** A unit's names; {@code nameEn} falls back to {@code name}; both the code when the unit is unknown. */
  record UnitName(String code, String name, String nameEn) {}

  private final AreaCatalog areas;
  private final Roster roster;

  UnitNames(AreaCatalog areas, Roster roster) {
    this.areas = areas;
    this.roster = roster;
  }

  UnitName of(Level level, String code) {
    if (code == null) return null;
    if (level == Level.DEPARTMENT) {
      return roster.department(code).map(d -> new UnitName(code, d.name(), d.nameEn() == null ? d.name() : d.nameEn()))
          .orElse(new UnitName(code, code, code));
    }
    return areas.now().find(code).map(a -> new UnitName(code, a.name(), a.nameEn() == null ? a.name() : a.nameEn()))
        .orElse(new UnitName(code, code, code));
  }
}
