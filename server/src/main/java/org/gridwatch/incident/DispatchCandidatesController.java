package org.gridwatch.incident;

import org.gridwatch.problem.Text;
import java.util.List;
import org.gridwatch.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/incidents/{id}/candidates}: whom the command centre may dispatch the case to (see {@link DispatchCandidates}). */
@RestController
class DispatchCandidatesController {
  private final DispatchCandidates candidates;
  private final IncidentRepository incidents;
  private final Categories categories;
  private final Actors actors;

  DispatchCandidatesController(DispatchCandidates candidates, IncidentRepository incidents, Categories categories, Actors actors) {
    this.candidates = candidates;
    this.incidents = incidents;
    this.categories = categories;
    this.actors = actors;
  }

  @GetMapping("/api/v1/incidents/{id}/candidates")
  DispatchCandidates.Candidates candidates(@PathVariable String id) {
    if (!actors.current().commandCentre()) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
          Text.of("incident.only-command-centre-operator-admin"), List.of());
    }
    Incident i = incidents.findByPublicId(id).orElseThrow(() -> ProblemException.notFound("unknown-incident",
        "Unknown case", Text.of("incident.there-no-case-x", id)));
    return candidates.of(i, categories.find(i.getCategoryCode()).orElseThrow());
  }
}
