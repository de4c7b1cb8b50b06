package org.gridwatch.startup;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/status}: whether the server is ready, and while it starts, which step of how many runs. Public. */
@RestController
class StatusController {
  private final StartupStatus status;

  StatusController(StartupStatus status) { this.status = status; }

  @GetMapping("/api/v1/status")
  StartupStatus.Progress status() { return status.progress(); }
}
