package org.gridwatch.volunteer;

import org.gridwatch.area.DayPeriod;

import java.time.LocalDate;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/volunteers/density?level=grid|community|subdistrict&from=&to=}: public counts per area. */
@RestController
class DensityController {
  private final VolunteerDensity density;

  DensityController(VolunteerDensity density) { this.density = density; }

  @GetMapping("/api/v1/volunteers/density")
  VolunteerDensity.Answer density(@RequestParam(defaultValue = "grid") String level,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    AreaLevel l = DayPeriod.level(level);
    if (from != null && to != null && from.isAfter(to)) throw ProblemException.badInput("from", Text.of("volunteer.from-after-to"));
    return density.at(l, from, to);
  }
}
