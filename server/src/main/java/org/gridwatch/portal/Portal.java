package org.gridwatch.portal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.consultation.PublishedDecisions;
import org.gridwatch.portal.PortalAnswer.Area;
import org.gridwatch.portal.PortalAnswer.Contact;
import org.gridwatch.portal.PortalAnswer.ContactRole;
import org.gridwatch.portal.PortalAnswer.Guide;
import org.gridwatch.portal.PortalAnswer.Results;
import org.gridwatch.publication.PublicationKind;
import org.gridwatch.publication.PublicationSummary;
import org.gridwatch.publication.Publications;
import org.gridwatch.publication.ServiceGuide;
import org.gridwatch.service.ServicePointView;
import org.gridwatch.service.ServicePoints;
import org.gridwatch.staff.Roster;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composes a grid's portal from the capabilities that own each part (reads only): the roster's grid member and police
 * officer by name with the public duty lines, the service points around, the publications current for the grid, and
 * the community's recent results.
 */
@Service
class Portal {
  static final int PUBLICATIONS = 20;
  static final int RESULTS = 10;
  private static final List<PublicationKind> READING = List.of(PublicationKind.NOTICE, PublicationKind.GOVERNMENT_AFFAIRS,
      PublicationKind.COMMUNITY_AFFAIRS, PublicationKind.FINANCES, PublicationKind.SERVICE_GUIDE);
  private static final List<PublicationKind> RESULT_KINDS = List.of(PublicationKind.CONSULTATION_RESULT, PublicationKind.PROJECT_RESULT);

  private final Roster roster;
  private final DutyLines dutyLines;
  private final NearbyPoints nearby;
  private final Publications publications;
  private final ServicePoints servicePoints;
  private final PublishedDecisions decisions;
  private final DistrictProfile district;
  private final Clock clock;

  Portal(Roster roster, DutyLines dutyLines, NearbyPoints nearby, Publications publications,
      ServicePoints servicePoints, PublishedDecisions decisions, DistrictProfile district, Clock clock) {
    this.roster = roster;
    this.dutyLines = dutyLines;
    this.nearby = nearby;
    this.publications = publications;
    this.servicePoints = servicePoints;
    this.decisions = decisions;
    this.district = district;
    this.clock = clock;
  }

  /** The portal of {@code grid} for a resident at (lon, lat), WGS84, as of now. */
  @Transactional(readOnly = true)
  PortalAnswer of(AreaView grid, AreaView community, AreaView subdistrict, double lon, double lat) {
    ZoneId zone = district.timeZone();
    LocalDateTime localNow = LocalDateTime.now(clock.withZone(zone));
    var today = localNow.toLocalDate();
    List<PublicationSummary> reading = publications.current(grid.code(), today, READING, PUBLICATIONS);
    List<PublicationSummary> guides = publications.current(grid.code(), today, List.of(PublicationKind.SERVICE_GUIDE), PUBLICATIONS);
    Results results = new Results(publications.current(grid.code(), today, RESULT_KINDS, RESULTS),
        community == null ? List.of() : decisions.recent(community.code(), RESULTS));
    return new PortalAnswer(area(grid), area(community), area(subdistrict), lon, lat, today, contacts(grid, community),
        community == null ? List.of() : nearby.around(lon, lat, community.code(), localNow), reading, guides(guides), results,
        "/api/v1/publications/feed?area=" + grid.code());
  }

  /** The grid member and the police officer (names from the roster, never their own phones), and the community office. */
  private List<Contact> contacts(AreaView grid, AreaView community) {
    Map<String, String> lines = dutyLines.of(community == null ? List.of(grid.code()) : List.of(grid.code(), community.code()));
    Roster.GridRoster r = roster.of(grid.code());
    List<Contact> out = new ArrayList<>();
    String member = lines.get(DutyLines.key(grid.code(), ContactRole.GRID_MEMBER));
    if (r.gridMember() != null || member != null) {
      out.add(new Contact(ContactRole.GRID_MEMBER, r.gridMember() == null ? null : r.gridMember().name(), member));
    }
    String police = lines.get(DutyLines.key(grid.code(), ContactRole.POLICE_OFFICER));
    if (r.policeOfficer() != null || police != null) {
      out.add(new Contact(ContactRole.POLICE_OFFICER, r.policeOfficer() == null ? null : r.policeOfficer().name(), police));
    }
    if (community != null) {
      out.add(new Contact(ContactRole.COMMUNITY_OFFICE, community.name(),
          lines.get(DutyLines.key(community.code(), ContactRole.COMMUNITY_OFFICE))));
    }
    return out;
  }

  private List<Guide> guides(List<PublicationSummary> guides) {
    Map<Long, ServiceGuide> details = publications.guides(guides.stream().map(PublicationSummary::id).toList());
    List<Guide> out = new ArrayList<>();
    for (PublicationSummary s : guides) {
      ServiceGuide g = details.get(s.id());
      if (g == null) continue;
      String pointName = g.servicePoint() == null ? null : servicePoints.find(g.servicePoint()).map(ServicePointView::name).orElse(null);
      out.add(new Guide(s, g.item(), g.eligibility(), g.materials(), g.servicePoint(), pointName, g.hours(), g.fees(), g.timeLimit(),
          g.contactPhone()));
    }
    return out;
  }

  private static Area area(AreaView a) { return a == null ? null : new Area(a.code(), a.name(), a.nameEn()); }
}
