package org.gridwatch.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident request answered by a service booking instead of the closed loop (issue 14 §2): the booking's side reads
 * the case's category and place, then closes it with the booking as its resolution. Both join the caller's
 * transaction, so the booking and the closed case commit together or not at all.
 *
 * <p>Who may: the command centre, or staff who may read the case (its area). Any open case but a parked one can be
 * turned into a booking; the case is then closed on time (it was answered) and its timeline names the booking.
 */
@Service
public class CaseBookings {
  /** What a booking needs of the case: its category, status, place and the reporter to book for. */
  public record CaseFacts(String publicId, String categoryCode, Status status, double lon, double lat,
      String reporterName, String reporterPhone) {}

  private final IncidentRepository incidents;
  private final Workflow workflow;
  private final Clock clock;

  CaseBookings(IncidentRepository incidents, Workflow workflow, Clock clock) {
    this.incidents = incidents;
    this.workflow = workflow;
    this.clock = clock;
  }

  /** The case, locked until the transaction ends, when the actor may turn it into a booking; empty when there is no such case. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<CaseFacts> lockForBooking(String publicId, Actor actor) {
    Optional<Incident> found = incidents.lockByPublicId(publicId);
    found.ifPresent(i -> {
      if (!Permissions.staffMayRead(actor, CasePlace.of(i))) {
        throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden-action", "Not allowed for you",
            Text.of("incident.case-x-outside-what-x", publicId, actor.username()), List.of());
      }
    });
    return found.map(i -> new CaseFacts(i.getPublicId(), i.getCategoryCode(), i.getStatus(), i.getLocation().getX(),
        i.getLocation().getY(), i.getReporterName(), i.getReporterPhone()));
  }

  /** Whether a case in this status can still become a booking. */
  public static boolean bookable(Status status) { return status.open() && status != Status.PARKED; }

  /** Closes the case (locked by {@link #lockForBooking}) with the booking as its resolution. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void closeAsBooked(String publicId, long bookingId, Actor actor) {
    Incident i = incidents.findByPublicId(publicId).orElseThrow();
    if (!bookable(i.getStatus())) throw new IllegalStateException("case " + publicId + " is " + i.getStatus());
    Instant now = clock.instant();
    Status from = i.getStatus();
    if (i.getRegisteredAt() == null) i.markRegistered(now);
    i.markClosed(now, !i.isBreached());
    i.moveTo(Status.CLOSED, now, null, null);
    workflow.recordNote(i, IncidentEvent.Type.CLOSED, from, actor, now, Text.of("note.closed-as-booking", String.valueOf(bookingId)), null);
    incidents.saveAndFlush(i);
  }
}
