package org.gridwatch.activity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.organisation.OrganisationStaff;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.gridwatch.security.Audiences;
import org.gridwatch.security.Role;
import org.gridwatch.staff.Roster;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who organises an activity (creates it, corrects its attendance, signs volunteers in on their behalf, shows its QR
 * code): ADMIN; COMMUNITY_STAFF and SUBDISTRICT_STAFF of the activity's community or subdistrict (their roster unit) or grid; ORGANISATION_STAFF
 * of one of its organising organisations; a SOCIAL_WORKER among its organising volunteers or living in its community.
 * A VOLUNTEER acts only as themselves (the volunteer whose {@code username} is their account).
 */
@Component
class ActivityAccess {
  /** Who reads every attendance row: organisers' roles and the staff. */
  static final Set<Role> READS_ATTENDANCE = Set.of(Role.ADMIN, Role.OPERATOR, Role.PLANNER, Role.POLICE, Role.GRID_WORKER,
      Role.COMMUNITY_STAFF, Role.SUBDISTRICT_STAFF, Role.DEPARTMENT_STAFF, Role.ORGANISATION_STAFF, Role.SOCIAL_WORKER);

  /** What decides who organises an activity. */
  record Organising(String grid, String community, String subdistrict, Collection<Long> organisations, Collection<Long> volunteers) {}

  private final JdbcTemplate jdbc;
  private final Roster roster;
  private final OrganisationStaff organisationStaff;
  private final AreaCatalog areas;

  ActivityAccess(JdbcTemplate jdbc, Roster roster, OrganisationStaff organisationStaff, AreaCatalog areas) {
    this.jdbc = jdbc;
    this.areas = areas;
    this.roster = roster;
    this.organisationStaff = organisationStaff;
  }

  boolean organises(Authentication auth, Organising a) {
    if (has(auth, Role.ADMIN)) return true;
    if ((has(auth, Role.COMMUNITY_STAFF) || has(auth, Role.SUBDISTRICT_STAFF)) && roster.scopeOf(auth.getName())
        .map(s -> s.grids().contains(a.grid()) || s.unitCode() != null && (s.unitCode().equals(a.community())
            || s.unitCode().equals(a.subdistrict()))).orElse(false)) return true;
    if (has(auth, Role.ORGANISATION_STAFF)
        && organisationStaff.organisationOf(auth.getName()).map(a.organisations()::contains).orElse(false)) return true;
    if (has(auth, Role.SOCIAL_WORKER)) {
      Optional<Long> me = volunteerOf(auth);
      if (me.isEmpty()) return false;
      if (a.volunteers().contains(me.get())) return true;
      return a.community() != null && homeGrid(me.get()).flatMap(g -> areas.now().find(g))
          .map(g -> a.community().equals(g.parentCode())).orElse(false);
    }
    return false;
  }

  void mustOrganise(Authentication auth, Organising a, Text what) {
    if (!organises(auth, a)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", Text.of("activity.only-organisers-may-x", what), List.of());
    }
  }

  /** The volunteer the signed-in account is, if any. */
  Optional<Long> volunteerOf(Authentication auth) {
    if (auth == null) return Optional.empty();
    return jdbc.queryForList("SELECT id FROM volunteer WHERE username = ?", Long.class, auth.getName()).stream().findFirst();
  }

  static boolean readsAllAttendance(Authentication auth) { return Audiences.admits(auth, READS_ATTENDANCE); }

  static boolean has(Authentication auth, Role role) { return Audiences.admits(auth, Set.of(role)); }

  private Optional<String> homeGrid(long volunteer) {
    return jdbc.queryForList("SELECT home_grid FROM volunteer WHERE id = ?", String.class, volunteer).stream()
        .filter(g -> g != null).findFirst();
  }

}
