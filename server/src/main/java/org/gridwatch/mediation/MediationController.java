package org.gridwatch.mediation;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.gridwatch.incident.Actors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/incidents/{id}/mediation} and {@code /api/v1/mediations}: the mediation of neighbour disputes. */
@RestController
class MediationController {
  private final Mediations mediations;
  private final Actors actors;

  MediationController(Mediations mediations, Actors actors) {
    this.mediations = mediations;
    this.actors = actors;
  }

  @PostMapping("/api/v1/incidents/{id}/mediation")
  ResponseEntity<MediationView> open(@PathVariable String id, @Valid @RequestBody MediationRequests.Open body) {
    MediationView v = mediations.open(id, body, actors.current());
    return ResponseEntity.created(URI.create("/api/v1/mediations/" + v.id())).body(v);
  }

  @GetMapping("/api/v1/incidents/{id}/mediation")
  MediationView ofCase(@PathVariable String id) { return mediations.ofCase(id, actors.current()); }

  @GetMapping("/api/v1/mediations")
  List<MediationView> list(@RequestParam(required = false) String community, @RequestParam(required = false) MediationStatus status,
      @RequestParam(defaultValue = "false") boolean followUpDue) {
    return mediations.list(community, status, followUpDue, actors.current());
  }

  @GetMapping("/api/v1/mediations/{id}")
  MediationView one(@PathVariable long id) { return mediations.read(id, actors.current()); }

  @PostMapping("/api/v1/mediations/{id}/sessions")
  MediationView session(@PathVariable long id, @Valid @RequestBody MediationRequests.Session body) {
    return mediations.session(id, body, actors.current());
  }

  @PostMapping("/api/v1/mediations/{id}/settle")
  MediationView settle(@PathVariable long id, @Valid @RequestBody MediationRequests.Settle body) {
    return mediations.settle(id, body, actors.current());
  }

  @PostMapping("/api/v1/mediations/{id}/fail")
  MediationView fail(@PathVariable long id, @Valid @RequestBody MediationRequests.Fail body) {
    return mediations.fail(id, body, actors.current());
  }

  @PostMapping("/api/v1/mediations/{id}/follow-up")
  MediationView followUp(@PathVariable long id, @Valid @RequestBody MediationRequests.FollowUp body) {
    return mediations.followUp(id, body, actors.current());
  }
}
