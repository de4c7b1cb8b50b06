package org.gridwatch.volunteer;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.gridwatch.security.Role;
import org.gridwatch.staff.Duty;
import org.gridwatch.staff.Roster;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may see and change which volunteers, decided by the person's home grid: ADMIN everyone; community and
 * subdistrict staff those whose home grid lies in their community or subdistrict (their roster unit), and they
 * register and change them; a social worker reads those of the community of their own home grid; a volunteer
 * only their own record (the account named on it). Nobody else (the access table already refuses them).
 */
@Component
class VolunteerAccess {
  /** The reader: an account, its roles, and the areas (community or subdistrict codes) it reads and writes in. */
  record Reader(String username, Set<Role> roles, Set<String> readAreas, Set<String> writeAreas) {
    boolean admin() { return roles.contains(Role.ADMIN); }
  }

  private final Roster roster;
  private final AreaCatalog areas;
  private final VolunteerStore store;

  VolunteerAccess(Roster roster, AreaCatalog areas, VolunteerStore store) {
    this.roster = roster;
    this.areas = areas;
    this.store = store;
  }

  Reader readerOf(Authentication auth) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    auth.getAuthorities().forEach(a -> {
      String s = a.getAuthority();
      if (s != null && s.startsWith("ROLE_")) {
        try { roles.add(Role.valueOf(s.substring(5))); } catch (IllegalArgumentException notOurs) { /* ignored */ }
      }
    });
    Set<String> write = new java.util.HashSet<>();
    if (roles.contains(Role.COMMUNITY_STAFF) || roles.contains(Role.SUBDISTRICT_STAFF)) {
      roster.scopeOf(auth.getName()).filter(s -> s.duty() == Duty.COMMUNITY_STAFF && roles.contains(Role.COMMUNITY_STAFF)
          || s.duty() == Duty.SUBDISTRICT_STAFF && roles.contains(Role.SUBDISTRICT_STAFF)).map(Roster.Scope::unitCode).ifPresent(write::add);
    }
    Set<String> read = new java.util.HashSet<>(write);
    if (roles.contains(Role.SOCIAL_WORKER)) {
      store.findByUsername(auth.getName()).filter(r -> r.kind() == VolunteerKind.SOCIAL_WORKER && r.homeGrid() != null)
          .flatMap(r -> areas.now().find(r.homeGrid())).map(AreaView::parentCode).ifPresent(read::add);
    }
    return new Reader(auth.getName(), Set.copyOf(roles), Set.copyOf(read), Set.copyOf(write));
  }

  boolean mayRead(Reader reader, VolunteerStore.Row row) {
    return reader.admin() || within(row.homeGrid(), reader.readAreas())
        || reader.roles().contains(Role.VOLUNTEER) && reader.username().equals(row.username())
        || reader.roles().contains(Role.SOCIAL_WORKER) && reader.username().equals(row.username());
  }

  /** The full record: whoever may change the person, and the person themself. */
  boolean mayReadRecord(Reader reader, VolunteerStore.Row row) {
    return reader.admin() || within(row.homeGrid(), reader.writeAreas()) || reader.username().equals(row.username());
  }

  /** Whether the reader reads the people (or teams) of this grid. */
  boolean readsGrid(Reader reader, String grid) { return reader.admin() || within(grid, reader.readAreas()); }

  /** 403 unless the reader may register and change people of this grid. */
  void requireWrite(Reader reader, String grid) {
    if (reader.admin() || within(grid, reader.writeAreas())) return;
    throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden-action", "Not allowed for you",
        Text.of("volunteer.outside-your-area", grid), List.of());
  }

  /** Whether the grid lies in one of the areas (its own code, its community's or its subdistrict's). */
  private boolean within(String grid, Set<String> areaCodes) {
    if (grid == null || areaCodes.isEmpty()) return false;
    Optional<AreaView> g = areas.now().find(grid);
    if (g.isEmpty()) return false;
    return areas.now().chain(g.get()).stream().anyMatch(a -> areaCodes.contains(a.code()));
  }
}
