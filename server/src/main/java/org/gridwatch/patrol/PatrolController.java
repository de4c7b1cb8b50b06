package org.gridwatch.patrol;

import org.gridwatch.problem.Text;
import jakarta.validation.Valid;
import java.util.List;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/patrols}: a grid worker or police officer starts a patrol, sends its GPS fixes in batches (an
 * {@code Idempotency-Key} makes a resend count once), checks in at key points and ends it; the owner reads their own,
 * POLICE, OPERATOR and ADMIN read every patrol.
 */
@RestController
@RequestMapping("/api/v1/patrols")
class PatrolController {
  private final Patrols patrols;
  private final FixIngest ingest;

  PatrolController(Patrols patrols, FixIngest ingest) {
    this.patrols = patrols;
    this.ingest = ingest;
  }

  @PostMapping
  ResponseEntity<PatrolAnswers.Patrol> start(@Valid @RequestBody(required = false) PatrolRequests.Start body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Authentication auth) {
    Role.require(auth, "start a patrol", Role.GRID_WORKER, Role.POLICE);
    checkKey(key);
    PatrolRequests.Start b = body == null ? new PatrolRequests.Start(null, null, null) : body;
    var resent = patrols.startedWith(auth, key);
    if (resent.isPresent()) return ResponseEntity.ok(resent.get());
    try {
      return ResponseEntity.status(HttpStatus.CREATED).body(patrols.start(auth, b, key));
    } catch (RuntimeException e) {
      // Two resends at once: the unique key lets one start; the other answers the patrol it started.
      return patrols.startedWith(auth, key).map(ResponseEntity::ok).orElseThrow(() -> e);
    }
  }

  private static void checkKey(String key) {
    if (key != null && (key.isBlank() || key.length() > 100)) throw ProblemException.badInput("Idempotency-Key", Text.of("patrol.must-1-100-characters"));
  }

  @PostMapping("/{id}/points")
  PatrolAnswers.Points points(@PathVariable long id, @Valid @RequestBody PatrolRequests.Points body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Authentication auth) {
    checkKey(key);
    return ingest.add(id, auth, body, key);
  }

  @PostMapping("/{id}/checkins")
  PatrolAnswers.Patrol checkin(@PathVariable long id, @Valid @RequestBody PatrolRequests.Checkin body, Authentication auth) {
    return patrols.checkin(id, auth, body);
  }

  @PostMapping("/{id}/end")
  PatrolAnswers.Patrol end(@PathVariable long id, Authentication auth) { return patrols.end(id, auth); }

  @GetMapping
  List<PatrolAnswers.Patrol> list(@RequestParam(defaultValue = "false") boolean mine, Authentication auth) {
    return patrols.list(auth, mine);
  }

  @GetMapping("/{id}")
  PatrolAnswers.Patrol one(@PathVariable long id, Authentication auth) { return patrols.find(id, auth); }
}
