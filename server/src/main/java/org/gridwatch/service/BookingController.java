package org.gridwatch.service;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.gridwatch.incident.Actors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/bookings}: booking an offer (a signed-in resident, or staff on a resident's behalf, or staff turning a
 * resident request into a booking), recording its fulfilment, the staff's list (phones masked) and the per-area figures.
 */
@RestController
class BookingController {
  private final Bookings bookings;
  private final BookingMeasures measures;
  private final Actors actors;

  BookingController(Bookings bookings, BookingMeasures measures, Actors actors) {
    this.bookings = bookings;
    this.measures = measures;
    this.actors = actors;
  }

  @PostMapping("/api/v1/bookings")
  ResponseEntity<BookingView> book(@Valid @RequestBody BookingRequest body) {
    BookingView v = bookings.book(body, actors.current(), false);
    return ResponseEntity.created(URI.create("/api/v1/bookings/" + v.id())).body(v);
  }

  @PostMapping("/api/v1/bookings/{id}/fulfilment")
  BookingView fulfil(@PathVariable long id, @Valid @RequestBody FulfilmentRequest body) {
    return bookings.fulfil(id, body, actors.current());
  }

  @GetMapping("/api/v1/bookings")
  List<BookingView> list(@RequestParam(required = false) Long offer, @RequestParam(required = false) ServiceKind service,
      @RequestParam(required = false) String area, @RequestParam(required = false) Boolean open,
      @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
    return bookings.list(new Bookings.Filter(offer, service, area, open, from, to), actors.current());
  }

  @GetMapping("/api/v1/bookings/measures")
  BookingMeasures.Answer measures(@RequestParam(required = false) String level, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return measures.of(level, from, to);
  }

  @GetMapping("/api/v1/bookings/{id}")
  BookingView one(@PathVariable long id) { return bookings.read(id, actors.current()); }
}
