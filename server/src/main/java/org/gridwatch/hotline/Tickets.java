package org.gridwatch.hotline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridwatch.address.GeocodeResult;
import org.gridwatch.address.Geocoder;
import org.gridwatch.area.BuildingRegister;
import org.gridwatch.area.LocateService;
import org.gridwatch.area.Placement;
import org.gridwatch.geo.Crs;
import org.gridwatch.incident.Actor;
import org.gridwatch.incident.Categories;
import org.gridwatch.incident.Channel;
import org.gridwatch.incident.Incident;
import org.gridwatch.incident.Intake;
import org.gridwatch.incident.Submission;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives hotline tickets and places them. A ticket with coordinates inside a grid, or whose address the geocoder
 * matches exactly, becomes a case at once (through the incident intake, channel HOTLINE); any other waits as
 * TO_LOCATE until an operator places it ({@link #locate}). Never dropped: the ticket row is stored either way, in the
 * same transaction as its case. The same number with the same request answers the first answer again; with a
 * different request it is a 409.
 */
@Service
public class Tickets {
  /** What receiving answered, and whether this call stored it (false: a repeat). */
  record Received(TicketAnswer answer, boolean created) {}

  private final TicketRows rows;
  private final Intake intake;
  private final Categories categories;
  private final LocateService locator;
  private final Geocoder geocoder;
  private final BuildingRegister buildings;
  private final Clock clock;
  private final Duration signLimit;
  private final String defaultCategory;

  Tickets(TicketRows rows, Intake intake, Categories categories, LocateService locator, Geocoder geocoder,
      BuildingRegister buildings, Clock clock, @Value("${gridwatch.hotline.sign-limit:PT2H}") Duration signLimit,
      @Value("${gridwatch.hotline.default-category:SANITATION}") String defaultCategory) {
    this.rows = rows;
    this.intake = intake;
    this.categories = categories;
    this.locator = locator;
    this.geocoder = geocoder;
    this.buildings = buildings;
    this.clock = clock;
    this.signLimit = signLimit;
    this.defaultCategory = defaultCategory;
  }

  @Transactional
  public Received receive(TicketRequest given, Actor actor) { return receive(given, actor, false); }

  /** As {@link #receive(TicketRequest, Actor)}; {@code synthetic} marks demo tickets. */
  @Transactional
  public Received receive(TicketRequest given, Actor actor, boolean synthetic) {
    TicketRequest r = given.normalised();
    List<ProblemException.FieldError> errors = r.problems();
    if (!errors.isEmpty()) throw ProblemException.badInput(errors);
    String hash = r.hash();
    Optional<Ticket> earlier = rows.find(r.ticketNumber());
    if (earlier.isPresent()) return new Received(repeat(earlier.get(), hash), false);
    String category = r.category() != null ? r.category() : defaultCategory;
    if (categories.find(category).filter(c -> c.isActive()).isEmpty()) {
      throw ProblemException.badInput("category", Text.of("hotline.unknown-category-x", category));
    }
    Instant signBy = r.signBy() != null ? r.signBy() : r.receivedAt().plus(signLimit);
    Optional<double[]> point = placeOf(r);
    Incident made = point.map(p -> open(r, category, p[0], p[1], actor)).orElse(null);
    Ticket t = new Ticket(r.ticketNumber(), hash, r.receivedAt(), signBy, r.dueBy(), r.requestType(), category, r.content(),
        r.address(), r.caller() == null ? null : r.caller().name(), r.caller() == null ? null : r.caller().phone(),
        TicketStatus.RECEIVED, made == null ? null : made.getId(), made == null ? null : made.getPublicId(), null, false, null,
        null, null, null, null, 0, null, null, null, 0, null, null, 0, 0);
    rows.insert(t, synthetic);
    Instant now = clock.instant();
    rows.record(t.number(), "RECEIVED", now, actor.username(), null, null);
    if (made != null) rows.record(t.number(), "LOCATED", now, actor.username(), made.getPublicId(), null);
    return new Received(t.answer(), true);
  }

  /** The answer of the ticket stored first under this number, if {@code hash} says it is the same request; 409 if not. */
  @Transactional(readOnly = true)
  public TicketAnswer replay(String number, String hash) {
    return repeat(rows.get(number), hash);
  }

  private static TicketAnswer repeat(Ticket earlier, String hash) {
    if (!earlier.requestHash().equals(hash)) {
      throw new ProblemException(HttpStatus.CONFLICT, "ticket-conflict", "Ticket number reused",
          Text.of("hotline.ticket-x-other-request", earlier.number()),
          List.of(new ProblemException.FieldError("ticketNumber", Text.of("hotline.number-used-for-other-request"))));
    }
    return earlier.answer();
  }

  /**
   * Places a ticket waiting to be located, at a WGS84 point or on a building, and opens its case (409 if it is
   * located already or returned; 400 naming the field for a point outside every grid or an unknown building).
   */
  @Transactional
  public TicketAnswer locate(String number, LocateRequest where, Actor actor) {
    Ticket t = rows.get(number);
    if (t.status() != TicketStatus.TO_LOCATE) throw TicketLoop.illegal(t, "locate");
    double[] p = pointOf(where);
    Incident made = open(new TicketRequest(t.number(), t.receivedAt(), t.signBy(), t.dueBy(), t.requestType(), t.category(),
        t.content(), t.address(), p[0], p[1], t.callerName() == null && t.callerPhone() == null ? null
        : new TicketRequest.Caller(t.callerName(), t.callerPhone())), t.category(), p[0], p[1], actor);
    var draft = t.change();
    draft.incidentId = made.getId();
    draft.caseId = made.getPublicId();
    Ticket placed = draft.done();
    rows.update(placed);
    rows.record(number, "LOCATED", clock.instant(), actor.username(), made.getPublicId(), null);
    return placed.answer();
  }

  private double[] pointOf(LocateRequest where) {
    if (where.building() != null && !where.building().isBlank()) {
      var location = buildings.locationOf(where.building().strip()).orElseThrow(() -> ProblemException.badInput("building",
          Text.of("hotline.unknown-building-x", where.building().strip())));
      return new double[] {location.getX(), location.getY()};
    }
    List<ProblemException.FieldError> errors = new java.util.ArrayList<>();
    if (where.lon() == null || !Double.isFinite(where.lon()) || where.lon() < -180 || where.lon() > 180) {
      errors.add(new ProblemException.FieldError("lon", Text.of("hotline.lon-range")));
    }
    if (where.lat() == null || !Double.isFinite(where.lat()) || where.lat() < -90 || where.lat() > 90) {
      errors.add(new ProblemException.FieldError("lat", Text.of("hotline.lat-range")));
    }
    if (!errors.isEmpty()) throw ProblemException.badInput(errors);
    return new double[] {where.lon(), where.lat()};
  }

  /** Where the ticket lies: its coordinates if inside a grid, else its address if the geocoder matches it exactly. */
  private Optional<double[]> placeOf(TicketRequest r) {
    if (r.lon() != null) {
      return locator.place(r.lon(), r.lat(), Crs.WGS84).map((Placement p) -> new double[] {r.lon(), r.lat()});
    }
    return geocoder.place(r.address()).filter(g -> g.grid() != null).map((GeocodeResult g) -> new double[] {g.lon(), g.lat()});
  }

  /** Opens the ticket's case through the intake: its content, address, 诉求类型 and the caller as the sealed reporter. */
  private Incident open(TicketRequest r, String category, double lon, double lat, Actor actor) {
    var caller = r.caller() == null ? Submission.Reporter.NONE
        : new Submission.Reporter(r.caller().name(), r.caller().phone(), null, null, null);
    Submission s = new Submission(category, lon, lat, Crs.WGS84, r.address(), r.content(), null, null, null, Channel.HOTLINE,
        caller, new Submission.Fields("category", "lon"), r.requestType());
    return intake.submit(s, actor, null, null).incident();
  }
}
