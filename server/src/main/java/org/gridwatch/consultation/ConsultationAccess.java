package org.gridwatch.consultation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.incident.Actor;
import org.gridwatch.incident.Actors;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.gridwatch.security.Audiences;
import org.gridwatch.security.Role;
import org.gridwatch.staff.Duty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may run a community's meeting loop: the command centre (ADMIN, OPERATOR) anywhere, community staff in their
 * community, subdistrict staff in their subdistrict's communities; every other staff role reads. Also the
 * district's day (its zone), by which terms, due days and overdue are counted.
 */
@Component
class ConsultationAccess {
  private final Actors actors;
  private final AreaCatalog catalog;
  private final DistrictProfile district;
  private final Clock clock;

  ConsultationAccess(Actors actors, AreaCatalog catalog, DistrictProfile district, Clock clock) {
    this.actors = actors;
    this.catalog = catalog;
    this.district = district;
    this.clock = clock;
  }

  Actor current() { return actors.current(); }

  ZoneId zone() { return district.timeZone(); }

  LocalDate today() { return LocalDate.now(clock.withZone(zone())); }

  /** The actor, when they may write in the community; 403 {@code /problems/forbidden} otherwise. */
  Actor writerIn(String communityCode) {
    Actor a = current();
    if (!mayWrite(a, communityCode)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
          Text.of("consultation.not-your-community", communityCode), List.of());
    }
    return a;
  }

  boolean mayWrite(Actor a, String communityCode) {
    if (a.commandCentre()) return true;
    var scope = a.scope().orElse(null);
    if (scope == null) return false;
    if (a.has(Role.COMMUNITY_STAFF) && scope.duty() == Duty.COMMUNITY_STAFF) return scope.unitCode().equals(communityCode);
    if (a.has(Role.SUBDISTRICT_STAFF) && scope.duty() == Duty.SUBDISTRICT_STAFF) {
      return catalog.now().find(communityCode).map(c -> scope.unitCode().equals(c.parentCode())).orElse(false);
    }
    return false;
  }

  /** Staff (any staff role) read every community's loop; residents only public things. */
  boolean staff(Actor a) { return a.roles().stream().anyMatch(Audiences.STAFF::contains); }

  /** The area a body without its own point is placed at: its grid, else its community. */
  AreaView areaOf(String gridCode, String communityCode) {
    var now = catalog.now();
    return (gridCode == null ? java.util.Optional.<AreaView>empty() : now.find(gridCode))
        .or(() -> now.find(communityCode)).orElse(null);
  }

  /** The grid at a point, when it lies in the district. */
  String gridAt(double lon, double lat) { return catalog.now().gridAt(lon, lat).map(AreaView::code).orElse(null); }
}
