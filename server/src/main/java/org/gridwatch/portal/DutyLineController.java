package org.gridwatch.portal;

import jakarta.validation.Valid;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/v1/portal/duty-lines}: the command centre publishes (or, without a phone, removes) the duty line the
 * portal shows for a grid's member or police officer, or a community office. ADMIN and OPERATOR (AccessRules).
 */
@RestController
class DutyLineController {
  private final DutyLines lines;

  DutyLineController(DutyLines lines) { this.lines = lines; }

  @PutMapping("/api/v1/portal/duty-lines")
  DutyLineRequest.Answer set(@Valid @RequestBody DutyLineRequest body) {
    String who = SecurityContextHolder.getContext().getAuthentication().getName();
    return lines.set(body.area().strip(), body.role(), body.phone() == null ? null : body.phone().strip(), who);
  }
}
