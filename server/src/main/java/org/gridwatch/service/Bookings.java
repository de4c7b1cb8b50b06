package org.gridwatch.service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.area.Placement;
import org.gridwatch.incident.Actor;
import org.gridwatch.incident.CaseBookings;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.gridwatch.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookings of the catalogue's offers and their fulfilment. A booking is refused, with nothing stored, when the offer
 * does not reach the place (422 {@code offer}), is booked too late or outside its office hours (422 {@code at}), or its
 * slot is full (409); the slot count is taken with the offer's row locked, so two bookings cannot both take its last
 * place. A booking made from a case closes the case in the same transaction.
 */
@Service
public class Bookings {
  private static final String COLUMNS = "b.id, b.offer_id, s.service, s.organisation_id, o.name, b.at, b.lon, b.lat, b.grid_code, "
      + "b.community_code, b.resident_name, b.resident_phone, b.note, b.case_id, b.booked_by, b.created_at, b.fulfilled, "
      + "b.fulfilled_at, b.fulfilment_note, b.recorded_by";
  private static final String FROM = " FROM booking b JOIN service_offer s ON s.id = b.offer_id JOIN organisation o ON o.id = s.organisation_id";
  private static final RowMapper<BookingView> ROW = (rs, i) -> new BookingView(rs.getLong(1), rs.getLong(2),
      ServiceKind.valueOf(rs.getString(3)), new ServicePointView.Named(rs.getLong(4), rs.getString(5)), rs.getTimestamp(6).toInstant(),
      rs.getDouble(7), rs.getDouble(8), rs.getString(9), rs.getString(10),
      new BookingView.Resident(rs.getString(11), BookingView.maskPhone(rs.getString(12))), rs.getString(13), rs.getString(14),
      rs.getString(15), rs.getTimestamp(16).toInstant(), rs.getObject(17) == null ? null
          : new BookingView.Fulfilment(rs.getBoolean(17), rs.getTimestamp(18).toInstant(), rs.getString(19), rs.getString(20)));

  private final JdbcTemplate jdbc;
  private final Sequences sequences;
  private final Offers offers;
  private final Places places;
  private final ServiceScope scope;
  private final CaseBookings cases;
  private final CategoryServices categories;
  private final DistrictProfile district;
  private final Clock clock;

  Bookings(JdbcTemplate jdbc, Sequences sequences, Offers offers, Places places, ServiceScope scope, CaseBookings cases,
      CategoryServices categories, DistrictProfile district, Clock clock) {
    this.jdbc = jdbc;
    this.sequences = sequences;
    this.offers = offers;
    this.places = places;
    this.scope = scope;
    this.cases = cases;
    this.categories = categories;
    this.district = district;
    this.clock = clock;
  }

  @Transactional
  public BookingView book(BookingRequest r, Actor actor, boolean synthetic) {
    Instant now = clock.instant();
    Offers.Offer offer = offers.find(r.offer()).orElseThrow(() -> Offers.unprocessable("offer", "unknown-offer", "Unknown offer",
        Text.of("service.no-offer-x", r.offer())));
    if (actor.roles().equals(java.util.Set.of(Role.ORGANISATION_STAFF))
        && scope.organisationOf(actor).filter(id -> id == offer.view().organisation().id()).isEmpty()) {
      throw ServiceScope.refused(actor, "book another organisation's offer");
    }
    CaseBookings.CaseFacts c = r.caseId() == null ? null : caseFor(r.caseId(), offer, actor);
    Double lon = r.lon() != null ? r.lon() : c == null ? null : c.lon();
    Double lat = r.lat() != null ? r.lat() : c == null ? null : c.lat();
    if (lon == null) throw ProblemException.badInput("lon", Text.of("service.required"));
    if (lat == null) throw ProblemException.badInput("lat", Text.of("service.required"));
    String name = r.resident() != null ? r.resident().name().strip() : c == null ? null : c.reporterName();
    String phone = r.resident() != null ? r.resident().phone().strip() : c == null ? null : c.reporterPhone();
    if (name == null || name.isBlank()) throw ProblemException.badInput("resident.name", Text.of("service.required"));
    if (phone == null || phone.isBlank()) throw ProblemException.badInput("resident.phone", Text.of("service.required"));
    Placement place = places.place(lon, lat, "lon", "lat");
    if (!offer.reaches(place)) {
      throw Offers.unprocessable("offer", "not-offered-here", "Not offered here", Text.of("service.offer-x-not-offered-at-x",
          r.offer(), offer.view().service().name(), place.grid().code())).with("grid", place.grid().code());
    }
    checkTime(offer.view(), r.at(), now);
    offers.lock(offer.view().id());
    Integer capacity = offer.view().bookingRule().capacity();
    if (capacity != null) {
      Instant[] slot = slot(r.at(), offer.view().bookingRule().slotMinutes());
      Integer taken = jdbc.queryForObject("SELECT count(*) FROM booking WHERE offer_id = ? AND at >= ? AND at < ?", Integer.class,
          offer.view().id(), Timestamp.from(slot[0]), Timestamp.from(slot[1]));
      if (taken != null && taken >= capacity) {
        throw new ProblemException(HttpStatus.CONFLICT, "slot-full", "Slot full", Text.of("service.slot-full", slot[0], capacity),
            List.of(new ProblemException.FieldError("at", Text.of("service.slot-full", slot[0], capacity))))
            .with("capacity", capacity).with("slotStarts", slot[0]).with("slotEnds", slot[1]);
      }
    }
    long id = sequences.next("booking_seq");
    jdbc.update("INSERT INTO booking (id, offer_id, at, lon, lat, grid_code, community_code, subdistrict_code, resident_name, "
        + "resident_phone, note, case_id, booked_by, created_at, synthetic) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id,
        offer.view().id(), Timestamp.from(r.at()), place.lon(), place.lat(), place.grid().code(),
        place.community() == null ? place.grid().code() : place.community().code(),
        place.subdistrict() == null ? place.grid().code() : place.subdistrict().code(), name, phone,
        r.note() == null || r.note().isBlank() ? null : r.note().strip(), c == null ? null : c.publicId(), actor.username(),
        Timestamp.from(now), synthetic);
    if (c != null) cases.closeAsBooked(c.publicId(), id, actor);
    return find(id).orElseThrow();
  }

  /** The case to answer with the booking: locked, open, of a category the offer's service answers. */
  private CaseBookings.CaseFacts caseFor(String caseId, Offers.Offer offer, Actor actor) {
    if (!actor.commandCentre() && actor.scope().isEmpty()) throw ServiceScope.refused(actor, "turn a case into a booking");
    CaseBookings.CaseFacts c = cases.lockForBooking(caseId.strip(), actor).orElseThrow(() -> Offers.unprocessable("case",
        "unknown-incident", "Unknown case", Text.of("service.no-case-x", caseId)));
    if (!CaseBookings.bookable(c.status())) {
      throw new ProblemException(HttpStatus.CONFLICT, "case-not-open", "Case not open", Text.of("service.case-x-is-x", caseId, c.status()),
          List.of(new ProblemException.FieldError("case", Text.of("service.case-x-is-x", caseId, c.status()))));
    }
    Optional<ServiceKind> answers = categories.serviceOf(c.categoryCode());
    if (answers.isEmpty() || answers.get() != offer.view().service()) {
      throw Offers.unprocessable("case", "category-not-this-service", "Not this service", Text.of("service.category-x-not-service-x",
          c.categoryCode(), offer.view().service().name()));
    }
    return c;
  }

  /** The time must leave the offer's notice and lie in its office hours (local time of the district), if it has any. */
  private void checkTime(OfferView offer, Instant at, Instant now) {
    Instant earliest = now.plus(Duration.ofHours(offer.bookingRule().noticeHours()));
    if (at.isBefore(earliest)) {
      throw Offers.unprocessable("at", "too-late-to-book", "Too late to book", Text.of("service.book-at-least-x-hours-ahead",
          offer.bookingRule().noticeHours()));
    }
    LocalDateTime local = LocalDateTime.ofInstant(at, zone());
    if (!offer.officeHours().isEmpty() && !WeeklyHours.anyContains(offer.officeHours(), local)) {
      throw Offers.unprocessable("at", "outside-office-hours", "Outside office hours", Text.of("service.outside-office-hours", local));
    }
  }

  /** The slot holding {@code at}: slots of the offer's length counted from local midnight. */
  private Instant[] slot(Instant at, int minutes) {
    ZonedDateTime local = at.atZone(zone());
    ZonedDateTime midnight = local.toLocalDate().atStartOfDay(zone());
    long index = Duration.between(midnight, local).toMinutes() / minutes;
    ZonedDateTime start = midnight.plusMinutes(index * minutes);
    return new Instant[] {start.toInstant(), start.plusMinutes(minutes).toInstant()};
  }

  @Transactional
  public BookingView fulfil(long id, FulfilmentRequest r, Actor actor) {
    List<Long> locked = jdbc.queryForList("SELECT id FROM booking WHERE id = ? FOR UPDATE", Long.class, id);
    if (locked.isEmpty()) throw unknown(id);
    BookingView b = find(id).orElseThrow();
    if (!scope.mayWrite(actor, b.grid(), b.organisation().id())) throw ServiceScope.refused(actor, "record the fulfilment of booking " + id);
    if (b.fulfilment() != null) {
      throw new ProblemException(HttpStatus.CONFLICT, "fulfilment-recorded", "Already recorded", Text.of("service.fulfilment-recorded", id),
          List.of(new ProblemException.FieldError("fulfilled", Text.of("service.fulfilment-recorded", id))));
    }
    Instant now = clock.instant();
    Instant at = r.at() == null ? now : r.at();
    if (at.isAfter(now.plus(Duration.ofMinutes(5)))) {
      throw Offers.unprocessable("at", "in-the-future", "In the future", Text.of("service.fulfilment-in-future"));
    }
    jdbc.update("UPDATE booking SET fulfilled = ?, fulfilled_at = ?, fulfilment_note = ?, recorded_by = ? WHERE id = ?", r.fulfilled(),
        Timestamp.from(at), r.note() == null || r.note().isBlank() ? null : r.note().strip(), actor.username(), id);
    return find(id).orElseThrow();
  }

  Optional<BookingView> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + FROM + " WHERE b.id = ?", ROW, id).stream().findFirst();
  }

  /** One booking, to staff who may see it. */
  public BookingView read(long id, Actor actor) {
    BookingView b = find(id).orElseThrow(() -> unknown(id));
    if (!mayRead(actor, b)) throw unknown(id);
    return b;
  }

  /** Filters of the bookings list; each null: any. */
  record Filter(Long offer, ServiceKind service, String area, Boolean open, Instant from, Instant to) {}

  /** The bookings the actor may see that match, newest time first. */
  public List<BookingView> list(Filter f, Actor actor) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (f.offer() != null) { where.append(" AND b.offer_id = ?"); args.add(f.offer()); }
    if (f.service() != null) { where.append(" AND s.service = ?"); args.add(f.service().name()); }
    if (f.area() != null) {
      var a = places.area(f.area(), "area");
      where.append(" AND (b.grid_code = ? OR b.community_code = ? OR b.subdistrict_code = ?)");
      args.add(a.code()); args.add(a.code()); args.add(a.code());
    }
    if (f.open() != null) where.append(f.open() ? " AND b.fulfilled IS NULL" : " AND b.fulfilled IS NOT NULL");
    if (f.from() != null) { where.append(" AND b.at >= ?"); args.add(Timestamp.from(f.from())); }
    if (f.to() != null) { where.append(" AND b.at < ?"); args.add(Timestamp.from(f.to())); }
    if (!scope.readsAll(actor)) {
      Optional<Long> org = scope.organisationOf(actor);
      Optional<String> unit = scope.areaOf(actor);
      List<String> grids = actor.scope().map(s -> List.copyOf(s.grids())).orElse(List.of());
      List<String> any = new ArrayList<>();
      org.ifPresent(id -> { any.add("s.organisation_id = ?"); args.add(id); });
      unit.ifPresent(u -> { any.add("(b.community_code = ? OR b.subdistrict_code = ?)"); args.add(u); args.add(u); });
      for (String g : grids) { any.add("b.grid_code = ?"); args.add(g); }
      where.append(any.isEmpty() ? " AND 1 = 0" : " AND (" + String.join(" OR ", any) + ")");
    }
    return jdbc.query("SELECT " + COLUMNS + FROM + where + " ORDER BY b.at DESC, b.id DESC", ROW, args.toArray());
  }

  private boolean mayRead(Actor actor, BookingView b) {
    if (scope.readsAll(actor)) return true;
    if (scope.organisationOf(actor).filter(id -> id == b.organisation().id()).isPresent()) return true;
    if (scope.inArea(actor, b.grid())) return true;
    return actor.scope().map(s -> s.grids().contains(b.grid())).orElse(false);
  }

  ZoneId zone() { return district.timeZone(); }

  private static ProblemException unknown(long id) {
    return ProblemException.notFound("unknown-booking", "Unknown booking", Text.of("service.no-booking-x", id));
  }
}
