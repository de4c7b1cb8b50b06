package org.gridwatch.incident;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.gridwatch.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reporter's rating of a closed case (综合评价). Only the holder of the case's follow token rates, only once the
 * case is closed, and only once. An unsatisfied rating within {@code gridwatch.feedback.rework-days} (7) of closing
 * sends the case back for rework (返工): the timeline records FEEDBACK, then the system's REOPENED, and the case
 * goes where {@link Action#REOPEN} takes it (its unit again, a new handling deadline, one more reopening counted in
 * the rework rate). Later it is recorded and the case stays closed.
 */
@Service
class Satisfaction {
  /** The reporter as the timeline records them: never by name. */
  static final Actor REPORTER = new Actor("reporter", Set.of(Role.RESIDENT), Optional.empty());
  static final Text REWORK_NOTE = Text.of("note.rework-unsatisfied");

  private final IncidentRepository incidents;
  private final FeedbackRepository feedback;
  private final IncidentEventRepository events;
  private final Workflow workflow;
  private final EntityManager em;
  private final Clock clock;
  private final Duration reworkWindow;

  Satisfaction(IncidentRepository incidents, FeedbackRepository feedback, IncidentEventRepository events, Workflow workflow, EntityManager em, Clock clock,
      @Value("${gridwatch.feedback.rework-days:7}") int reworkDays) {
    this.incidents = incidents;
    this.feedback = feedback;
    this.events = events;
    this.workflow = workflow;
    this.em = em;
    this.clock = clock;
    this.reworkWindow = Duration.ofDays(reworkDays);
  }

  Duration reworkWindow() { return reworkWindow; }

  /** The case's rating, if it was rated. */
  @Transactional(readOnly = true)
  Optional<Feedback> of(Incident i) { return feedback.findById(i.getId()); }

  /** Until when an unsatisfied rating of this closed case reopens it; null while it is not closed. */
  Instant reworkUntil(Incident i) {
    return i.getStatus() == Status.CLOSED && i.getClosedAt() != null ? i.getClosedAt().plus(reworkWindow) : null;
  }

  /**
   * Records the rating. The case's row is locked first, so that of two ratings at once the second waits and finds
   * the first; the table's key on the case keeps it so even without the lock.
   */
  @Transactional
  Feedback rate(String publicId, String token, Rating rating, String comment) {
    Incident i = incidents.lockByPublicId(publicId).orElseThrow(() -> ProblemException.notFound("unknown-incident",
        "Unknown case", Text.of("incident.there-no-case-x", publicId)));
    if (token == null || !i.isFollowedWith(token)) {
      // The same answer with no token and with a wrong one: nothing about the case is told.
      throw new ProblemException(HttpStatus.FORBIDDEN, "wrong-follow-token", "Wrong follow token",
          Text.of("feedback.only-reporter-rates", publicId),
          List.of(new ProblemException.FieldError("token", Text.of(token == null ? "feedback.token-required" : "incident.does-not-match-case"))));
    }
    if (feedback.existsById(i.getId())) {
      throw new ProblemException(HttpStatus.CONFLICT, "already-rated", "Already rated",
          Text.of("feedback.rated-already", publicId), List.of());
    }
    if (i.getStatus() != Status.CLOSED) {
      throw new ProblemException(HttpStatus.CONFLICT, "not-closed", "Not closed yet",
          Text.of("feedback.not-closed", publicId, i.getStatus()),
          List.of(new ProblemException.FieldError("status", Text.of("feedback.status-not-closed", i.getStatus()))));
    }
    Instant now = clock.instant();
    String words = comment == null || comment.isBlank() ? null : comment.strip();
    Instant until = reworkUntil(i);
    boolean reopen = rating == Rating.UNSATISFIED && until != null && now.isBefore(until);
    Feedback f = new Feedback(i.getId(), rating, words, now, reopen);
    em.persist(f);
    workflow.record(i, IncidentEvent.Type.FEEDBACK, Status.CLOSED, REPORTER, now, words, null).rated(rating);
    if (reopen) {
      Incident reopened = workflow.act(publicId, Action.REOPEN, Workflow.Input.of(REWORK_NOTE.toString()), Actor.SYSTEM);
      List<IncidentEvent> timeline = events.findByIncidentIdOrderByAtAscIdAsc(reopened.getId());
      timeline.get(timeline.size() - 1).systemNote(REWORK_NOTE);
    }
    em.flush();
    return f;
  }
}
