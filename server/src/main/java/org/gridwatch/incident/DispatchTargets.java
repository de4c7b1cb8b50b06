package org.gridwatch.incident;

import org.gridwatch.problem.Text;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.staff.Duty;
import org.gridwatch.staff.Roster;
import org.springframework.stereotype.Component;

/**
 * Where a dispatch sends a case. Without a target: the level asked for, else the category's first level, and the
 * unit the placement gives that level (the behaviour before targets existed). With {@code unit}: the case's own
 * grid, community or subdistrict, or any department; the level follows from the unit. With {@code person}: a roster
 * person who may act on the case where it is: a grid member of its grid (a police officer of its grid for police
 * cases), staff of its community or subdistrict, or department staff; the case is then theirs alone. A target that
 * does not exist or does not fit is a 400 naming {@code person} or {@code unit}; a level contradicting it names
 * {@code level}.
 */
@Component
class DispatchTargets {
  /** The level and unit a case goes to, the person it is assigned to (or null), and the hop's target for the timeline. */
  record Target(Level level, String unitCode, String personCode, String personName, String targetCode, String targetName) {}

  private final Roster roster;
  private final AreaCatalog areas;

  DispatchTargets(Roster roster, AreaCatalog areas) {
    this.roster = roster;
    this.areas = areas;
  }

  Target resolve(Incident i, Category c, Level level, String person, String unit) {
    if (person != null && unit != null) throw ProblemException.badInput("person", Text.of("incident.give-either-person-or-unit"));
    if (person != null) return checkLevel(toPerson(i, person.strip()), level, "person");
    if (unit != null) return checkLevel(toUnit(i, c, unit.strip()), level, "unit");
    if (level == Level.PROPERTY) return ofProperty(i);
    return ofUnit(level != null ? level : c.getFirstLevel(), Workflow.unitFor(i, c, level != null ? level : c.getFirstLevel()));
  }

  /** The property company the case was sent to first (物业优先); a case no company took is a 400 naming {@code level}. */
  Target ofProperty(Incident i) {
    if (i.getPropertyOrganisation() == null) throw ProblemException.badInput("level", Text.of("incident.no-property-company-for-case", i.getPublicId()));
    String id = String.valueOf(i.getPropertyOrganisation());
    return new Target(Level.PROPERTY, id, null, null, id, i.getPropertyName());
  }

  /** The target a case goes to at this level without a choice (escalation, unparking, reopening). */
  Target ofUnit(Level level, String unitCode) {
    return new Target(level, unitCode, null, null, unitCode, unitName(level, unitCode));
  }

  private Target toUnit(Incident i, Category c, String code) {
    if (i.getPropertyOrganisation() != null && code.equals(String.valueOf(i.getPropertyOrganisation()))) return ofProperty(i);
    if (code.equals(i.getGridCode())) return ofUnit(Level.GRID, code);
    if (code.equals(i.getCommunityCode())) return ofUnit(Level.COMMUNITY, code);
    if (code.equals(i.getSubdistrictCode())) return ofUnit(Level.SUBDISTRICT, code);
    if (roster.department(code).isPresent()) return ofUnit(Level.DEPARTMENT, code);
    boolean known = areas.now().find(code).isPresent();
    throw ProblemException.badInput("unit", known ? Text.of("incident.x-not-case-s-own", code) : Text.of("incident.there-no-grid-community-subdistrict", code));
  }

  private Target toPerson(Incident i, String code) {
    Roster.Scope p = roster.scopeOfPerson(code)
        .orElseThrow(() -> ProblemException.badInput("person", Text.of("incident.there-no-person-x-roster", code)));
    Level level = switch (p.duty()) {
      case GRID_MEMBER -> p.grids().contains(i.getGridCode()) ? Level.GRID : null;
      case POLICE_OFFICER -> p.grids().contains(i.getGridCode()) && Permissions.POLICE_CATEGORIES.contains(i.getCategoryCode())
          ? Level.GRID : null;
      case COMMUNITY_STAFF -> p.unitCode().equals(i.getCommunityCode()) ? Level.COMMUNITY : null;
      case SUBDISTRICT_STAFF -> p.unitCode().equals(i.getSubdistrictCode()) ? Level.SUBDISTRICT : null;
      case DEPARTMENT_STAFF -> Level.DEPARTMENT;
    };
    if (level == null) {
      throw ProblemException.badInput("person", Text.of("incident.x-x-cannot-act-on", p.personName(), code, i.getPublicId(), p.duty() == Duty.POLICE_OFFICER && p.grids().contains(i.getGridCode()) ? Text.of("incident.police-officer-handles-only-security") : Text.of("incident.they-do-not-serve-grid", i.getGridCode())));
    }
    String unit = p.duty() == Duty.GRID_MEMBER || p.duty() == Duty.POLICE_OFFICER ? i.getGridCode() : p.unitCode();
    return new Target(level, unit, p.personCode(), p.personName(), p.personCode(), p.personName());
  }

  private static Target checkLevel(Target t, Level asked, String field) {
    if (asked != null && asked != t.level()) {
      throw ProblemException.badInput("level", Text.of("incident.x-but-x-given-at", asked, field, t.level()));
    }
    return t;
  }

  private String unitName(Level level, String code) {
    if (code == null) return null;
    if (level == Level.DEPARTMENT) return roster.department(code).map(Roster.DepartmentRef::name).orElse(code);
    return areas.now().find(code).map(AreaView::name).orElse(code);
  }
}
