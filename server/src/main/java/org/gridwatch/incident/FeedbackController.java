package org.gridwatch.incident;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/incidents/{id}/feedback}: the reporter rates their closed case, once, with the follow token
 * issued with the case number ({@link Satisfaction}). 201 with the rating as recorded; 403 without the right token,
 * 409 before closing or when rated already, 400 naming {@code rating} or {@code comment}.
 */
@RestController
class FeedbackController {
  /**
   * The rating as recorded. {@code reopened}: the case went back for rework (its {@code caseStatus} is then where it
   * went); {@code reworkWindowPassed}: unsatisfied, but more than {@code reworkDays} after closing, so it stays closed.
   */
  record Recorded(String caseId, Rating rating, String comment, Instant at, boolean reopened, boolean reworkWindowPassed,
      long reworkDays, Status caseStatus) {}

  private final Satisfaction satisfaction;
  private final IncidentRepository incidents;

  FeedbackController(Satisfaction satisfaction, IncidentRepository incidents) {
    this.satisfaction = satisfaction;
    this.incidents = incidents;
  }

  @PostMapping("/api/v1/incidents/{id}/feedback")
  ResponseEntity<Recorded> rate(@PathVariable String id, @Valid @RequestBody FeedbackRequest body) {
    Feedback f = satisfaction.rate(id, body.token(), body.rating(), body.comment());
    Status now = incidents.findByPublicId(id).map(Incident::getStatus).orElseThrow();
    var rated = ReporterView.Rated.of(f);
    return ResponseEntity.created(URI.create("/api/v1/incidents/" + id)).body(new Recorded(id, rated.rating(), rated.comment(),
        rated.at(), rated.reopened(), rated.reworkWindowPassed(), satisfaction.reworkWindow().toDays(), now));
  }
}
