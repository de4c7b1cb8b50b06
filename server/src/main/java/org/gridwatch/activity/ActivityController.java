package org.gridwatch.activity;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/v1/activities}: organisers create activities and correct attendance; volunteers (or organisers on their
 * behalf) sign in and out on the spot; the QR code of the sign-in link; per-area figures.
 */
@RestController
@RequestMapping("/api/v1/activities")
class ActivityController {
  private final Activities activities;
  private final Attendances attendances;
  private final ActivityMeasures measures;

  ActivityController(Activities activities, Attendances attendances, ActivityMeasures measures) {
    this.activities = activities;
    this.attendances = attendances;
    this.measures = measures;
  }

  @PostMapping
  ResponseEntity<ActivityAnswers.Activity> create(@Valid @RequestBody ActivityRequests.Create body, Authentication auth) {
    return ResponseEntity.status(HttpStatus.CREATED).body(activities.create(body, auth, site()));
  }

  @GetMapping
  List<ActivityAnswers.Activity> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String area, Authentication auth) {
    return activities.list(from, to, area, auth, site());
  }

  @GetMapping("/measures")
  ActivityAnswers.Measures measures(@RequestParam(defaultValue = "grid") String level, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return measures.measure(level, from, to);
  }

  @GetMapping("/{id}")
  ActivityAnswers.Activity one(@PathVariable long id, Authentication auth) { return activities.find(id, auth, site()); }

  @GetMapping(value = "/{id}/qr.svg", produces = "image/svg+xml")
  ResponseEntity<String> qr(@PathVariable long id, Authentication auth) {
    return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).header("Cache-Control", "private, no-store")
        .body(activities.qr(id, auth, site()));
  }

  @PostMapping("/{id}/sign-in")
  ActivityAnswers.Attendance signIn(@PathVariable long id, @Valid @RequestBody ActivityRequests.Presence body, Authentication auth) {
    return attendances.signIn(id, body, auth);
  }

  @PostMapping("/{id}/sign-out")
  ActivityAnswers.Attendance signOut(@PathVariable long id, @Valid @RequestBody ActivityRequests.Presence body, Authentication auth) {
    return attendances.signOut(id, body, auth);
  }

  @PostMapping("/{id}/attendance/{volunteer}/corrections")
  ResponseEntity<ActivityAnswers.Correction> correct(@PathVariable long id, @PathVariable long volunteer,
      @Valid @RequestBody ActivityRequests.Correction body, Authentication auth) {
    return ResponseEntity.status(HttpStatus.CREATED).body(attendances.correct(id, volunteer, body, auth));
  }

  @GetMapping("/{id}/attendance/{volunteer}/corrections")
  List<ActivityAnswers.Correction> corrections(@PathVariable long id, @PathVariable long volunteer, Authentication auth) {
    return attendances.corrections(id, volunteer, auth);
  }

  /** This server as the client reached it (scheme, host, port, context path): where a scanned QR code leads. */
  private static String site() { return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString(); }
}
