package org.gridwatch.hotline;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.incident.Actor;
import org.gridwatch.incident.Actors;
import org.gridwatch.incident.IncidentSearch;
import org.gridwatch.problem.Conflicts;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ReaderLanguage;
import org.gridwatch.problem.Text;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 12345 hotline's tickets: {@code POST /api/v1/hotline/tickets} (JSON, or a CSV batch), signed by the hotline
 * system ({@link HotlineSignature}) or entered by a signed-in operator; the operators' queue and one ticket; placing a
 * ticket; and the loop's steps ({@link TicketLoop}). The body is read raw because the signature covers its bytes.
 */
@RestController
@RequestMapping("/api/v1/hotline")
class HotlineController {
  /** The hotline system, as the history names it when a signed ticket comes in. */
  private static final Actor HOTLINE_SYSTEM = new Actor("12345", Set.of(), Optional.empty());

  /** One CSV row's outcome: CREATED, REPEATED (same ticket again) or REFUSED (with the problem's status, type, errors). */
  record RowResult(int row, String ticketNumber, String outcome, TicketAnswer answer, Integer status, String type,
      List<FieldReason> errors) {}

  record FieldReason(String field, String reason) {}

  /**
   * The answer to a CSV batch: each data row's outcome (row numbers count the header as row 1). Rows are independent:
   * the good ones are stored, each refused one says why, and sending the file again repeats nothing.
   */
  record BatchAnswer(List<RowResult> rows, int created, int repeated, int refused) {}

  private final Tickets tickets;
  private final TicketRows rows;
  private final TicketLoop loop;
  private final HotlineSignature signature;
  private final Actors actors;
  private final IncidentSearch cases;
  private final DistrictProfile district;
  private final JsonMapper json;
  private final HotlineMeasures measures;
  private final Clock clock;

  HotlineController(Tickets tickets, TicketRows rows, TicketLoop loop, HotlineSignature signature, Actors actors,
      IncidentSearch cases, DistrictProfile district, JsonMapper json, HotlineMeasures measures, Clock clock) {
    this.measures = measures;
    this.clock = clock;
    this.tickets = tickets;
    this.rows = rows;
    this.loop = loop;
    this.signature = signature;
    this.actors = actors;
    this.cases = cases;
    this.district = district;
    this.json = json;
  }

  @PostMapping(path = "/tickets", consumes = "application/json")
  ResponseEntity<TicketAnswer> receive(@RequestBody(required = false) byte[] body,
      @RequestHeader(name = HotlineSignature.TIMESTAMP, required = false) String timestamp,
      @RequestHeader(name = HotlineSignature.SIGNATURE, required = false) String signed, HttpServletRequest request) {
    byte[] raw = body == null ? new byte[0] : body;
    Actor actor = sender(timestamp, signed, raw);
    TicketRequest r = parse(raw, request);
    Tickets.Received received = receiveOnce(r, actor);
    URI location = URI.create("/api/v1/hotline/tickets/" + received.answer().ticketNumber());
    return received.created() ? ResponseEntity.created(location).body(received.answer())
        : ResponseEntity.ok().location(location).body(received.answer());
  }

  // The body is required here: a POST without one (and so without a content type) then maps to the JSON method only,
  // which answers it with a problem, instead of matching both (Spring matches a body-less request to any optional one).
  @PostMapping(path = "/tickets", consumes = "text/csv")
  BatchAnswer receiveBatch(@RequestBody byte[] body,
      @RequestHeader(name = HotlineSignature.TIMESTAMP, required = false) String timestamp,
      @RequestHeader(name = HotlineSignature.SIGNATURE, required = false) String signed, HttpServletRequest request) {
    byte[] raw = body == null ? new byte[0] : body;
    Actor actor = sender(timestamp, signed, raw);
    Locale locale = ReaderLanguage.locale(request);
    List<RowResult> out = new ArrayList<>();
    int created = 0;
    int repeated = 0;
    for (CsvTickets.Row row : CsvTickets.read(new String(raw, StandardCharsets.UTF_8))) {
      String number = row.request().ticketNumber();
      if (!row.errors().isEmpty()) {
        out.add(refused(row.row(), number, ProblemException.badInput(row.errors()), locale));
        continue;
      }
      try {
        Tickets.Received r = receiveOnce(row.request(), actor);
        out.add(new RowResult(row.row(), number, r.created() ? "CREATED" : "REPEATED", r.answer(), null, null, List.of()));
        if (r.created()) created++;
        else repeated++;
      } catch (ProblemException p) {
        out.add(refused(row.row(), number, p, locale));
      }
    }
    return new BatchAnswer(out, created, repeated, out.size() - created - repeated);
  }

  @GetMapping("/tickets")
  TicketViews.Summaries list(@RequestParam(required = false) TicketStatus status, @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to, @RequestParam(name = "case", required = false) String caseId,
      @RequestParam(defaultValue = "200") int limit) {
    if (limit < 1 || limit > 1000) throw ProblemException.badInput("limit", Text.of("hotline.limit-range"));
    if (from != null && to != null && to.isBefore(from)) throw ProblemException.badInput("to", Text.of("hotline.to-before-from"));
    List<Ticket> found = caseId != null ? rows.byCase(caseId.strip()).stream().toList()
        : rows.list(status, from == null ? null : from.atStartOfDay(district.timeZone()).toInstant(),
            to == null ? null : to.plusDays(1).atStartOfDay(district.timeZone()).toInstant(), limit);
    return new TicketViews.Summaries(found.stream()
        .map(t -> TicketViews.summary(t, t.caseId() == null ? null : cases.byPublicId(t.caseId()).orElse(null))).toList());
  }

  /**
   * {@code GET /api/v1/hotline/measures?from=&to=&by=department|area&level=subdistrict|community}: the bulletin's
   * rates ({@link HotlineMeasures}); the period defaults to the last 30 days up to today (district dates).
   */
  @GetMapping("/measures")
  HotlineMeasures.Answer measures(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
      @RequestParam(defaultValue = "department") String by, @RequestParam(defaultValue = "subdistrict") String level) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), district.timeZone());
    LocalDate last = to == null ? today : to;
    LocalDate first = from == null ? last.minusDays(29) : from;
    if (last.isBefore(first)) throw ProblemException.badInput("to", Text.of("hotline.to-before-from"));
    if (first.plusYears(5).isBefore(last)) throw ProblemException.badInput("from", Text.of("hotline.period-too-long"));
    return measures.measure(first, last, choice(HotlineMeasures.By.class, "by", by), choice(HotlineMeasures.Level.class, "level", level));
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badInput(field, Text.of("hotline.one-of-x", java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT)));
    }
  }

  @GetMapping("/tickets/{number}")
  TicketViews.Detail one(@PathVariable String number) {
    Ticket t = rows.get(number);
    return TicketViews.detail(t, t.caseId() == null ? null : cases.byPublicId(t.caseId()).orElse(null), rows.history(number));
  }

  @PostMapping("/tickets/{number}/locate")
  TicketAnswer locate(@PathVariable String number, @RequestBody LocateRequest where) {
    return tickets.locate(number, where, actors.current());
  }

  @PostMapping("/tickets/{number}/sign")
  TicketAnswer sign(@PathVariable String number) { return loop.sign(number, actors.current()); }

  @PostMapping("/tickets/{number}/return")
  TicketAnswer requestReturn(@PathVariable String number, @RequestBody(required = false) LoopRequests.ReturnRequest body) {
    return loop.requestReturn(number, body, actors.current());
  }

  @PostMapping("/tickets/{number}/return/approve")
  TicketAnswer approveReturn(@PathVariable String number, @RequestBody(required = false) LoopRequests.DecisionRequest body) {
    return loop.approveReturn(number, body, actors.current());
  }

  @PostMapping("/tickets/{number}/return/refuse")
  TicketAnswer refuseReturn(@PathVariable String number, @RequestBody(required = false) LoopRequests.DecisionRequest body) {
    return loop.refuseReturn(number, body, actors.current());
  }

  @PostMapping("/tickets/{number}/extend")
  TicketAnswer extend(@PathVariable String number, @RequestBody(required = false) LoopRequests.ExtendRequest body) {
    return loop.requestExtension(number, body, actors.current());
  }

  @PostMapping("/tickets/{number}/extend/approve")
  TicketAnswer approveExtension(@PathVariable String number, @RequestBody(required = false) LoopRequests.DecisionRequest body) {
    return loop.approveExtension(number, body, actors.current());
  }

  @PostMapping("/tickets/{number}/extend/refuse")
  TicketAnswer refuseExtension(@PathVariable String number, @RequestBody(required = false) LoopRequests.DecisionRequest body) {
    return loop.refuseExtension(number, body, actors.current());
  }

  @PostMapping("/tickets/{number}/reply")
  TicketAnswer reply(@PathVariable String number, @RequestBody(required = false) LoopRequests.ReplyRequest body) {
    return loop.reply(number, body, actors.current());
  }

  @PostMapping("/tickets/{number}/visit")
  TicketAnswer visit(@PathVariable String number, @RequestBody(required = false) LoopRequests.VisitRequest body) {
    return loop.visit(number, body, actors.current());
  }

  /**
   * Who is sending: the hotline system when the request carries signature headers (checked: 401 if wrong), else a
   * signed-in operator or admin entering a ticket by hand; anyone else a 401 /problems/bad-signature.
   */
  private Actor sender(String timestamp, String signed, byte[] body) {
    if (HotlineSignature.present(timestamp, signed)) {
      signature.check(timestamp, signed, body);
      return HOTLINE_SYSTEM;
    }
    Actor actor = actors.current();
    if (actor.commandCentre()) return actor;
    signature.check(null, null, body); // throws: unsigned and not an operator
    return actor;
  }

  /** Binds the raw JSON to the request record; Jackson's failures are answered like any unreadable body (naming the field). */
  private TicketRequest parse(byte[] raw, HttpServletRequest request) {
    TicketRequest r;
    try {
      r = json.readValue(raw, TicketRequest.class);
    } catch (JacksonException e) {
      throw new HttpMessageNotReadableException("unreadable ticket", e, new ServletServerHttpRequest(request));
    }
    if (r == null) throw ProblemException.badInput("body", Text.of("hotline.body-required"));
    return r;
  }

  /** Receives, or — when a concurrent call with the same number stored first — answers that one (or its 409). */
  private Tickets.Received receiveOnce(TicketRequest r, Actor actor) {
    try {
      return tickets.receive(r, actor);
    } catch (RuntimeException e) {
      if (!Conflicts.lostRace(e)) throw e;
      return new Tickets.Received(tickets.replay(r.normalised().ticketNumber(), r.normalised().hash()), false);
    }
  }

  private static RowResult refused(int row, String number, ProblemException p, Locale locale) {
    return new RowResult(row, number, "REFUSED", null, p.status().value(), "/problems/" + p.slug(),
        p.errors().stream().map(e -> new FieldReason(e.field(), e.reason(locale))).toList());
  }
}
