package org.gridwatch.activity;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/volunteer-hours} and {@code /api/v1/matches}: a volunteer's credited hours; suggested volunteers and who took what. */
@RestController
class VolunteeringController {
  private final VolunteerHours hours;
  private final Matching matching;

  VolunteeringController(VolunteerHours hours, Matching matching) {
    this.hours = hours;
    this.matching = matching;
  }

  @GetMapping("/api/v1/volunteer-hours")
  ActivityAnswers.VolunteerHours hours(@RequestParam(required = false) Long volunteer, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Authentication auth) {
    return hours.of(volunteer, from, to, auth);
  }

  @GetMapping("/api/v1/matches/suggestions")
  List<ActivityAnswers.Suggestion> suggestions(@RequestParam double lon, @RequestParam double lat,
      @RequestParam(required = false) Instant at, @RequestParam(required = false) String skills,
      @RequestParam(defaultValue = "20") int limit) {
    if (!Double.isFinite(lon) || lon < -180 || lon > 180) throw ProblemException.badInput("lon", Text.of("activity.lon-range"));
    if (!Double.isFinite(lat) || lat < -90 || lat > 90) throw ProblemException.badInput("lat", Text.of("activity.lat-range"));
    if (limit < 1 || limit > 200) throw ProblemException.badInput("limit", Text.of("activity.limit-range"));
    return matching.suggest(lon, lat, at, skills, limit);
  }

  @PostMapping("/api/v1/matches")
  ResponseEntity<ActivityAnswers.Match> record(@Valid @RequestBody ActivityRequests.Match body, Authentication auth) {
    return ResponseEntity.status(HttpStatus.CREATED).body(matching.record(body, auth));
  }

  @GetMapping("/api/v1/matches")
  List<ActivityAnswers.Match> matches(@RequestParam MatchSubject subject, @RequestParam long subjectId) {
    return matching.matches(subject, subjectId);
  }
}
