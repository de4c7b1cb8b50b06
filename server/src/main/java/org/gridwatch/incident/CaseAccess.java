package org.gridwatch.incident;

import org.gridwatch.problem.Text;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may touch a case's attachments: the same people who may read its full view. Staff who may read the case
 * ({@link Permissions#mayRead}), a resident signed in as its reporter, or the reporter presenting the follow token
 * issued at reporting. Unknown case: 404; nobody signed in and no token: 401; otherwise refused: 403.
 */
@Service
public class CaseAccess {
  /** A granted reader: the case's ids, whether as staff (who also see originals), and who, for the record. */
  public record Reader(long incidentId, String publicId, boolean staff, String who) {}

  private final IncidentRepository incidents;
  private final Actors actors;
  private final EntityManager em;

  CaseAccess(IncidentRepository incidents, Actors actors, EntityManager em) {
    this.incidents = incidents;
    this.actors = actors;
    this.em = em;
  }

  /** The current caller as a reader of case {@code publicId}, presenting {@code followToken} (may be null). */
  @Transactional(readOnly = true)
  public Reader reader(String publicId, String followToken) {
    Incident i = incidents.findByPublicId(publicId).orElseThrow(() -> ProblemException.notFound("unknown-incident",
        "Unknown case", Text.of("incident.there-no-case-x", publicId)));
    Actor actor = actors.current();
    if (actor != Actor.ANONYMOUS_RESIDENT && Permissions.mayRead(actor, i)) {
      boolean staff = asStaff(actor);
      return new Reader(i.getId(), i.getPublicId(), staff, staff ? actor.username() : "reporter");
    }
    if (followToken != null) {
      if (i.isFollowedWith(followToken)) return new Reader(i.getId(), i.getPublicId(), false, "reporter");
      throw new ProblemException(HttpStatus.FORBIDDEN, "wrong-follow-token", "Wrong follow token",
          Text.of("incident.this-follow-token-was-not-2", publicId),
          List.of(new ProblemException.FieldError("Follow-Token", Text.of("incident.does-not-match-case"))));
    }
    if (actor == Actor.ANONYMOUS_RESIDENT) {
      throw new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", "Login or follow token required",
          Text.of("incident.photos-case-x-for-staff", publicId),
          List.of(new ProblemException.FieldError("Follow-Token", Text.of("incident.required-without-login"))));
    }
    throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
        Text.of("incident.case-x-outside-what-x", publicId, actor.username()), List.of());
  }

  /** Whether a reader of a case reads it as staff (originals included), not as a resident reading their own report. */
  static boolean asStaff(Actor actor) {
    return !actor.has(Role.RESIDENT) || actor.commandCentre() || actor.has(Role.PLANNER);
  }

  /** Locks the case's row until the current transaction ends, so that attachments to one case are added one at a time. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void lock(long incidentId) {
    em.find(Incident.class, incidentId, LockModeType.PESSIMISTIC_WRITE);
  }
}
