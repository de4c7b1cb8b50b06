package org.gridwatch.incident;

import org.gridwatch.area.AreaCatalog;
import org.gridwatch.staff.Roster;
import org.springframework.stereotype.Component;

/**
 * Who holds a case, in words: the name of the grid, community or subdistrict (from the current areas), of the
 * department (from the roster) or of the property company (as the case recorded it), in Chinese and English, for a resident who does not read codes.
 */
@Component
class UnitNames {
  /** A unit's names; {@code nameEn} falls back to {@code name}; both the code when the unit is unknown. */
  record UnitName(String code, String name, String nameEn) {}

  private final AreaCatalog areas;
  private final Roster roster;
  private final IncidentRepository incidents;

  UnitNames(AreaCatalog areas, Roster roster, IncidentRepository incidents) {
    this.areas = areas;
    this.roster = roster;
    this.incidents = incidents;
  }

  UnitName of(Level level, String code) {
    if (code == null) return null;
    if (level == Level.PROPERTY && code.matches("\\d{1,18}")) { // a property company, by the name its cases recorded
      String name = incidents.propertyNames(Long.valueOf(code), org.springframework.data.domain.Limit.of(1)).stream().findFirst().orElse(code);
      return new UnitName(code, name, name);
    }
    if (level == Level.DEPARTMENT) {
      return roster.department(code).map(d -> new UnitName(code, d.name(), d.nameEn() == null ? d.name() : d.nameEn()))
          .orElse(new UnitName(code, code, code));
    }
    return areas.now().find(code).map(a -> new UnitName(code, a.name(), a.nameEn() == null ? a.name() : a.nameEn()))
        .orElse(new UnitName(code, code, code));
  }
}
