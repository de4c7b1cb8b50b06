package org.gridwatch.service;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.Placement;
import org.gridwatch.incident.Actor;
import org.gridwatch.organisation.OrganisationNames;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue: offers of a service by an organisation, at a service point and/or at home in named areas.
 *
 * <p>An offer <em>reaches</em> a place when the place's grid, community or subdistrict is one of its areas, or, for an
 * offer made at a service point only (no areas), when the place lies in the point's community.
 */
@Service
public class Offers {
  private final JdbcTemplate jdbc;
  private final Sequences sequences;
  private final ServicePoints points;
  private final OrganisationNames organisations;
  private final ServiceScope scope;
  private final Places places;
  private final AreaCatalog catalog;
  private final Clock clock;

  Offers(JdbcTemplate jdbc, Sequences sequences, ServicePoints points, OrganisationNames organisations, ServiceScope scope,
      Places places, AreaCatalog catalog, Clock clock) {
    this.jdbc = jdbc;
    this.sequences = sequences;
    this.points = points;
    this.organisations = organisations;
    this.scope = scope;
    this.places = places;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** An offer with where its service point lies (null without one). */
  record Offer(OfferView view, String pointCommunity) {
    boolean reaches(Placement p) {
      Set<String> codes = new java.util.HashSet<>();
      for (OfferView.AreaRef a : view.areas()) codes.add(a.code());
      if (codes.isEmpty()) return pointCommunity != null && p.community() != null && pointCommunity.equals(p.community().code());
      return codes.contains(p.grid().code()) || (p.community() != null && codes.contains(p.community().code()))
          || (p.subdistrict() != null && codes.contains(p.subdistrict().code()));
    }
  }

  @Transactional
  public OfferView create(OfferRequest r, Actor actor, boolean synthetic) {
    var organisation = organisations.find(r.organisation()).orElseThrow(() -> unprocessable("organisation", "unknown-organisation",
        "Unknown organisation", Text.of("service.no-organisation-x", r.organisation())));
    ServicePointView point = r.servicePoint() == null ? null : points.find(r.servicePoint()).orElseThrow(() -> unprocessable(
        "servicePoint", "unknown-service-point", "Unknown service point", Text.of("service.no-service-point-x", r.servicePoint())));
    List<String> areas = checkedAreas(r.areas());
    if (point == null && areas.isEmpty()) throw ProblemException.badInput("areas", Text.of("service.offer-needs-a-place"));
    List<WeeklyHours> hours = WeeklyHours.checked(r.officeHours(), "officeHours");
    List<String> where = point != null ? List.of(point.grid()) : List.of();
    where = new ArrayList<>(where);
    where.addAll(areas);
    for (String code : where) {
      if (!scope.mayWrite(actor, code, organisation.id())) throw ServiceScope.refused(actor, "offer a service in " + code);
    }
    OfferRequest.BookingRule rule = r.bookingRule() == null ? new OfferRequest.BookingRule(null, null, null) : r.bookingRule();
    long id = sequences.next("service_offer_seq");
    jdbc.update("INSERT INTO service_offer (id, service, service_point_id, organisation_id, price, notice_hours, slot_minutes, "
        + "capacity, synthetic, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, r.service().name(), r.servicePoint(),
        organisation.id(), r.price(), rule.noticeHours() == null ? 0 : rule.noticeHours(),
        rule.slotMinutes() == null ? 60 : rule.slotMinutes(), rule.capacity(), synthetic, Timestamp.from(clock.instant()));
    for (String code : areas) jdbc.update("INSERT INTO service_offer_area (offer_id, area_code) VALUES (?, ?)", id, code);
    for (WeeklyHours h : hours) {
      jdbc.update("INSERT INTO service_offer_hours (offer_id, weekday, starts, ends) VALUES (?, ?, ?, ?)", id, h.weekday(),
          Time.valueOf(h.from()), Time.valueOf(h.to()));
    }
    return find(id).orElseThrow().view();
  }

  Optional<Offer> find(long id) { return query(" WHERE s.id = ?", id).stream().findFirst(); }

  /** The offers of a service (null: any) reaching a place (null: everywhere), by id. */
  public List<OfferView> list(ServiceKind service, Placement place) {
    List<Offer> all = service == null ? query("") : query(" WHERE s.service = ?", service.name());
    return all.stream().filter(o -> place == null || o.reaches(place)).map(Offer::view).toList();
  }

  /** The ids of the service points where a service is offered (a point offering it, for the deserts). */
  public List<Long> pointsOffering(ServiceKind service) {
    return jdbc.queryForList("SELECT DISTINCT service_point_id FROM service_offer WHERE service = ? AND service_point_id IS NOT NULL "
        + "ORDER BY service_point_id", Long.class, service.name());
  }

  /** Locks an offer's row until the transaction ends: bookings of one offer are counted against its capacity in turn. */
  void lock(long id) {
    jdbc.queryForList("SELECT id FROM service_offer WHERE id = ? FOR UPDATE", Long.class, id);
  }

  private List<Offer> query(String where, Object... args) {
    record Row(long id, ServiceKind service, Long point, String pointName, String pointCommunity, long org, String orgName,
        java.math.BigDecimal price, int notice, int slot, Integer capacity) {}
    List<Row> rows = jdbc.query("SELECT s.id, s.service, s.service_point_id, p.name, p.community_code, s.organisation_id, o.name, "
        + "s.price, s.notice_hours, s.slot_minutes, s.capacity FROM service_offer s JOIN organisation o ON o.id = s.organisation_id "
        + "LEFT JOIN service_point p ON p.id = s.service_point_id" + where + " ORDER BY s.id",
        (rs, i) -> new Row(rs.getLong(1), ServiceKind.valueOf(rs.getString(2)), rs.getObject(3) == null ? null : rs.getLong(3),
            rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getBigDecimal(8), rs.getInt(9), rs.getInt(10),
            rs.getObject(11) == null ? null : rs.getInt(11)), args);
    if (rows.isEmpty()) return List.of();
    Map<Long, List<OfferView.AreaRef>> areas = new HashMap<>();
    Map<Long, List<WeeklyHours>> hours = new HashMap<>();
    AreaCatalog.Snapshot s = catalog.now();
    jdbc.query("SELECT offer_id, area_code FROM service_offer_area ORDER BY offer_id, area_code", rs -> {
      String code = rs.getString(2);
      areas.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new OfferView.AreaRef(code,
          s.find(code).map(AreaView::name).orElse(code)));
    });
    jdbc.query("SELECT offer_id, weekday, starts, ends FROM service_offer_hours ORDER BY offer_id, weekday, starts", rs -> {
      hours.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new WeeklyHours(rs.getInt(2), rs.getTime(3).toLocalTime(),
          rs.getTime(4).toLocalTime()));
    });
    return rows.stream().map(r -> new Offer(new OfferView(r.id(), r.service(),
        r.point() == null ? null : new ServicePointView.Named(r.point(), r.pointName()), new ServicePointView.Named(r.org(), r.orgName()),
        List.copyOf(areas.getOrDefault(r.id(), List.of())), r.price(), new OfferView.Rule(r.notice(), r.slot(), r.capacity()),
        List.copyOf(hours.getOrDefault(r.id(), List.of()))), r.pointCommunity())).toList();
  }

  private List<String> checkedAreas(List<String> areas) {
    if (areas == null) return List.of();
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < areas.size(); i++) out.add(places.area(areas.get(i) == null ? "" : areas.get(i).strip(), "areas[" + i + "]").code());
    return List.copyOf(out);
  }

  static ProblemException unprocessable(String field, String slug, String title, Text reason) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, slug, title, reason, List.of(new ProblemException.FieldError(field, reason)));
  }
}
