package org.gridwatch.area;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/district}: which district this deployment serves, for the pages and for clients. */
@RestController
class DistrictController {
  private final DistrictProfile profile;

  DistrictController(DistrictProfile profile) { this.profile = profile; }

  @GetMapping("/api/v1/district")
  District district() { return profile.describe(); }
}
