package org.gridwatch.impact;

import org.gridwatch.incident.Actors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What the money did: per project, per round, per fiscal year. */
@RestController
class OutcomesController {
  private final ProjectOutcomes projects;
  private final ProgrammeOutcomes programmes;
  private final Actors actors;

  OutcomesController(ProjectOutcomes projects, ProgrammeOutcomes programmes, Actors actors) {
    this.projects = projects;
    this.programmes = programmes;
    this.actors = actors;
  }

  @GetMapping("/api/v1/projects/{id}/outcomes")
  OutcomesView project(@PathVariable long id) { return projects.of(id, actors.current()); }

  @GetMapping("/api/v1/rounds/{id}/outcomes")
  ProgrammeView round(@PathVariable long id) { return programmes.ofRound(id); }

  @GetMapping("/api/v1/funding/years/{year}/outcomes")
  ProgrammeView year(@PathVariable int year) { return programmes.ofYear(year); }
}
