package org.gridwatch.open311;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.area.AreaView;
import org.gridwatch.incident.Categories;
import org.gridwatch.incident.Category;
import org.gridwatch.incident.Incident;
import org.gridwatch.incident.IncidentEvent;
import org.gridwatch.incident.IncidentSearch;
import org.gridwatch.incident.Status;
import org.gridwatch.staff.Roster;
import org.springframework.stereotype.Component;

/**
 * A case as a GeoReport v2 service request record. Nothing personal is ever in it: no name, email, phone,
 * device or account. {@code agency_responsible} names the unit responsible now; {@code expected_datetime} is
 * the deadline of the current stage, in Beijing time with its offset.
 */
@Component
class Open311Records {
  private static final String ISO = "yyyy-MM-dd'T'HH:mm:ssXXX";

  private final Categories categories;
  private final AreaCatalog areas;
  private final Roster roster;
  private final IncidentSearch search;
  private final DistrictProfile district;
  private final DateTimeFormatter iso;

  Open311Records(Categories categories, AreaCatalog areas, Roster roster, IncidentSearch search, DistrictProfile district) {
    this.district = district;
    this.iso = DateTimeFormatter.ofPattern(ISO).withZone(district.timeZone());
    this.categories = categories;
    this.areas = areas;
    this.roster = roster;
    this.search = search;
  }

  Map<String, Object> record(Incident i) {
    Category c = categories.find(i.getCategoryCode()).orElse(null);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service_request_id", i.getPublicId());
    m.put("status", i.getStatus().open() ? "open" : "closed");
    m.put("status_notes", statusNotes(i));
    m.put("service_name", c == null ? i.getCategoryCode() : c.getName() + " " + c.getNameEn());
    m.put("service_code", i.getCategoryCode());
    m.put("description", org.gridwatch.incident.Disclosure.publicDescription(i));
    m.put("agency_responsible", agency(i));
    m.put("service_notice", notice(i));
    m.put("requested_datetime", time(i.getReportedAt()));
    m.put("updated_datetime", time(i.getUpdatedAt()));
    m.put("expected_datetime", i.getStatus().open() ? time(i.getDeadline()) : null);
    m.put("address", org.gridwatch.incident.Disclosure.publicAddress(i));
    m.put("address_id", null);
    m.put("zipcode", null);
    // GeoReport GETs are anonymous by design: the same rule as any public read of a case (Disclosure).
    m.put("lat", org.gridwatch.incident.Disclosure.rounded(i.getLocation().getY()));
    m.put("long", org.gridwatch.incident.Disclosure.rounded(i.getLocation().getX()));
    m.put("media_url", null);
    return m;
  }

  String agency(Incident i) {
    if (i.getLevel() == null) return commandCentre();
    return switch (i.getLevel()) {
      case DEPARTMENT -> roster.department(i.getUnitCode()).map(d -> d.name() + " " + d.nameEn()).orElse(i.getUnitCode());
      default -> areas.now().find(i.getUnitCode()).map(Open311Records::areaName).orElse(i.getUnitCode());
    };
  }

  /** Where the case was placed, in words: the grid and the responsible level. */
  String notice(Incident i) {
    return "Grid " + i.getGridCode() + areas.now().find(i.getGridCode()).map(g -> " (" + g.name() + ")").orElse("")
        + "; responsible now: " + agency(i);
  }

  private String statusNotes(Incident i) {
    Status s = i.getStatus();
    return switch (s) {
      case REJECTED -> search.lastNote(i, IncidentEvent.Type.REJECTED).orElse("rejected");
      case MERGED -> "merged into " + (i.getMergedInto() == null ? "another request"
          : search.byId(i.getMergedInto()).map(Incident::getPublicId).orElse("another request"));
      case RESOLVED, VERIFIED, CLOSED -> search.lastNote(i, IncidentEvent.Type.RESOLVED).orElse(s.name().toLowerCase());
      case PARKED -> search.lastNote(i, IncidentEvent.Type.PARKED).orElse("parked");
      default -> s.name().toLowerCase().replace('_', ' ');
    };
  }

  private static String areaName(AreaView a) { return a.name() + (a.nameEn() == null ? "" : " " + a.nameEn()); }

  /** A time in the district's local offset, as GeoReport clients expect ({@code 2026-11-01T08:30:00+08:00}). */
  String time(Instant t) { return t == null ? null : iso.format(t); }

  /** The district's 网格化服务管理中心, which holds a case before it reaches a level. */
  String commandCentre() {
    return district.name(false) + "网格化服务管理中心 " + district.name(true) + " grid management command centre";
  }

  /** The GeoReport jurisdiction: the district's GB/T 2260 code. */
  String jurisdiction() { return district.code(); }
}
