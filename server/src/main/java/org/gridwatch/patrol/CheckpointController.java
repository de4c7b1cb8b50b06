package org.gridwatch.patrol;

import org.gridwatch.problem.Text;
import jakarta.validation.Valid;
import java.util.List;
import org.gridwatch.groundnet.Routes;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/routes/{code}/checkpoints}: a route's key points (签到点), read and added with the ground net. */
@RestController
class CheckpointController {
  private final Checkpoints checkpoints;
  private final Routes routes;

  CheckpointController(Checkpoints checkpoints, Routes routes) {
    this.checkpoints = checkpoints;
    this.routes = routes;
  }

  @GetMapping("/api/v1/routes/{code}/checkpoints")
  List<CheckpointView> of(@PathVariable String code) {
    routes.find(code).orElseThrow(() -> ProblemException.notFound("unknown-route", "Unknown route", Text.of("patrol.there-no-patrol-route-x", code)));
    return checkpoints.of(code);
  }

  @PostMapping("/api/v1/routes/{code}/checkpoints")
  ResponseEntity<CheckpointView> add(@PathVariable String code, @Valid @RequestBody CheckpointRequest body, Authentication auth) {
    Role.require(auth, "edit the ground net", Role.POLICE, Role.OPERATOR, Role.ADMIN);
    return ResponseEntity.status(HttpStatus.CREATED).body(checkpoints.add(code, body));
  }
}
