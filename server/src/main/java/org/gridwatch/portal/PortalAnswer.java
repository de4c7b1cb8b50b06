package org.gridwatch.portal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.gridwatch.consultation.PublishedDecisions.DecisionResult;
import org.gridwatch.publication.PublicationSummary;
import org.gridwatch.service.PointKind;

/**
 * What a resident of a grid sees on the portal: the grid and the areas above it, its public contacts (names and duty
 * lines only), the service points near it with today's hours, the current publications, the service guides with their
 * details, recent results, and the Atom feed of the grid. Public by nature: no personal data anywhere. {@code lon, lat}:
 * the WGS84 point distances are measured from (the point asked about, or the grid's interior point).
 */
public record PortalAnswer(Area grid, Area community, Area subdistrict, double lon, double lat, LocalDate today, List<Contact> contacts,
    List<NearbyPoint> servicePoints, List<PublicationSummary> publications, List<Guide> guides, Results results, String feed) {

  public record Area(String code, String name, String nameEn) {}

  /** A public contact of the grid: who (by name; the office's name for COMMUNITY_OFFICE) and the duty line, if one is set. */
  public record Contact(ContactRole role, String name, String dutyPhone) {}

  public enum ContactRole { GRID_MEMBER, POLICE_OFFICER, COMMUNITY_OFFICE }

  /** A service point near the resident: its distance in metres from the point asked about, and whether it is open now. */
  public record NearbyPoint(long id, String name, PointKind kind, String address, double lon, double lat, long distanceM,
      boolean openNow, List<Window> hoursToday) {}

  /** An opening window today, in the district's local time. */
  public record Window(LocalTime starts, LocalTime ends) {}

  /** A current service guide (办事指南) with its details; {@code servicePoint} where it is handled, when one is named. */
  public record Guide(PublicationSummary publication, String item, String eligibility, String materials, Long servicePointId,
      String servicePoint, String hours, String fees, String timeLimit, String contactPhone) {}

  /** Recent results: result publications for the area, and the community's published decisions. */
  public record Results(List<PublicationSummary> publications, List<DecisionResult> decisions) {}
}
