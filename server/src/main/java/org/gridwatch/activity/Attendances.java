package org.gridwatch.activity;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.gridwatch.activity.ActivityAnswers.Attendance;
import org.gridwatch.activity.ActivityAnswers.Correction;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.problem.Text;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in and sign-out at an activity, and an organiser's corrections. A volunteer signs themselves in with the code
 * the activity's QR carries; an organiser may sign anyone in on their behalf. Either way the phone's position must lie
 * within the activity's radius (geodesic distance) and the time within its sign-in window (an hour either side).
 * Hours are credited at sign-out by the {@link HoursRule} in force. Each call commits before it answers.
 */
@Service
public class Attendances {
  private final Activities activities;
  private final AttendanceStore store;
  private final ActivityAccess access;
  private final HoursRule rule;
  private final Clock clock;

  Attendances(Activities activities, AttendanceStore store, ActivityAccess access, HoursRule rule, Clock clock) {
    this.activities = activities;
    this.store = store;
    this.access = access;
    this.rule = rule;
    this.clock = clock;
  }

  @Transactional
  public Attendance signIn(long id, ActivityRequests.Presence p, Authentication auth) {
    ActivityRow a = activities.row(id);
    Instant now = now();
    mayPresent(a, p, auth);
    checkWindowAndPlace(a, p, now);
    if (store.find(id, p.volunteer()).isPresent()) throw twice("activity.already-signed-in");
    try {
      store.signIn(id, p.volunteer(), now, p.lon(), p.lat(), auth.getName());
    } catch (DuplicateKeyException e) {
      throw twice("activity.already-signed-in"); // a sign-in racing this one was stored first
    }
    return store.find(id, p.volunteer()).orElseThrow();
  }

  @Transactional
  public Attendance signOut(long id, ActivityRequests.Presence p, Authentication auth) {
    ActivityRow a = activities.row(id);
    Instant now = now();
    mayPresent(a, p, auth);
    checkWindowAndPlace(a, p, now);
    Attendance in = store.find(id, p.volunteer()).orElseThrow(() -> conflict("not-signed-in", "Not signed in", "activity.not-signed-in"));
    if (in.signedOut() != null) throw twice("activity.already-signed-out");
    int minutes = minutes(in.signedIn(), now);
    if (!store.signOut(id, p.volunteer(), now, p.lon(), p.lat(), auth.getName(), minutes, rule.hours(minutes))) {
      throw twice("activity.already-signed-out");
    }
    return store.find(id, p.volunteer()).orElseThrow();
  }

  /** An organiser sets one attendance's times (recording it if the volunteer never signed in); the change is audited. */
  @Transactional
  public Correction correct(long id, long volunteer, ActivityRequests.Correction c, Authentication auth) {
    ActivityRow a = activities.row(id);
    access.mustOrganise(auth, a.organising(), Text.of("activity.what.correct"));
    if (store.volunteerName(volunteer).isEmpty()) throw unknownVolunteer("volunteer", volunteer);
    if (c.signedOut().isBefore(c.signedIn())) throw ProblemException.badInput("signedOut", Text.of("activity.out-before-in"));
    if (c.signedIn().isBefore(a.opens())) throw ProblemException.badInput("signedIn", Text.of("activity.outside-window", a.opens(), a.closes()));
    if (c.signedOut().isAfter(a.closes())) throw ProblemException.badInput("signedOut", Text.of("activity.outside-window", a.opens(), a.closes()));
    Attendance before = store.find(id, volunteer).orElse(null);
    Instant in = c.signedIn().truncatedTo(ChronoUnit.MICROS), out = c.signedOut().truncatedTo(ChronoUnit.MICROS);
    int minutes = minutes(in, out);
    BigDecimal hours = rule.hours(minutes);
    store.correct(id, volunteer, before != null, in, out, minutes, hours, auth.getName());
    long audit = store.audit(id, volunteer, before, in, out, hours, c.reason().strip(), auth.getName(), now());
    return store.corrections(id, volunteer).stream().filter(x -> x.id() == audit).findFirst().orElseThrow();
  }

  @Transactional(readOnly = true)
  public List<Correction> corrections(long id, long volunteer, Authentication auth) {
    ActivityRow a = activities.row(id);
    access.mustOrganise(auth, a.organising(), Text.of("activity.what.read-corrections"));
    return store.corrections(id, volunteer);
  }

  /** Whole minutes between sign-in and sign-out (a part minute does not count). */
  static int minutes(Instant in, Instant out) { return (int) Duration.between(in, out).toMinutes(); }

  /** Organisers sign anyone in; a volunteer signs only themselves, with the activity's code. */
  private void mayPresent(ActivityRow a, ActivityRequests.Presence p, Authentication auth) {
    if (store.volunteerName(p.volunteer()).isEmpty()) throw unknownVolunteer("volunteer", p.volunteer());
    if (access.organises(auth, a.organising())) return;
    Long me = access.volunteerOf(auth).orElse(null);
    if (me == null || me.longValue() != p.volunteer()) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", Text.of("activity.only-yourself"), List.of());
    }
    if (p.code() == null || !java.security.MessageDigest.isEqual(p.code().getBytes(java.nio.charset.StandardCharsets.UTF_8),
        a.signInCode().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      throw ProblemException.badInput("code", Text.of("activity.wrong-code"));
    }
  }

  private void checkWindowAndPlace(ActivityRow a, ActivityRequests.Presence p, Instant now) {
    if (!a.open(now)) {
      throw new ProblemException(HttpStatus.CONFLICT, "sign-in-closed", "Sign-in closed",
          Text.of("activity.outside-window", a.opens(), a.closes()), List.of())
          .with("opens", a.opens().toString()).with("closes", a.closes().toString());
    }
    double away = PlaceDistance.metres(a.lon(), a.lat(), p.lon(), p.lat());
    if (away > a.radiusM()) {
      long distance = Math.round(away);
      Text reason = Text.of("activity.too-far", distance, Math.round(a.radiusM()));
      throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "too-far-from-activity", "Too far from the activity", reason,
          List.of(new FieldError("lon", reason), new FieldError("lat", reason)))
          .with("distance", distance).with("radius", a.radiusM());
    }
  }

  private static ProblemException twice(String key) {
    return new ProblemException(HttpStatus.CONFLICT, "attendance-recorded", "Already recorded", Text.of(key),
        List.of(new FieldError("volunteer", Text.of(key))));
  }

  private static ProblemException conflict(String slug, String title, String key) {
    return new ProblemException(HttpStatus.CONFLICT, slug, title, Text.of(key), List.of(new FieldError("volunteer", Text.of(key))));
  }

  private static ProblemException unknownVolunteer(String field, long id) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "no-such-volunteer", "Unknown volunteer",
        Text.of("activity.no-volunteer", id), List.of(new FieldError(field, Text.of("activity.no-volunteer", id))));
  }

  private Instant now() { return clock.instant().truncatedTo(ChronoUnit.MICROS); }
}
