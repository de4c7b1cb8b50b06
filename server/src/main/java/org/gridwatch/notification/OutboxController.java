package org.gridwatch.notification;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/outbox} (ADMIN): the messages with their delivery status, and the retry of a failed one. */
@RestController
class OutboxController {
  private final OutboxAdmin admin;

  OutboxController(OutboxAdmin admin) { this.admin = admin; }

  @GetMapping("/api/v1/outbox")
  List<OutboxEntry> list(@RequestParam(required = false) String status, @RequestParam(required = false) String template,
      @RequestParam(required = false) Integer limit) {
    return admin.list(status, template, limit);
  }

  @PostMapping("/api/v1/outbox/{id}/retry")
  OutboxEntry retry(@PathVariable long id) { return admin.retry(id); }
}
