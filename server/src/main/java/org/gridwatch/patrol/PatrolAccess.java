package org.gridwatch.patrol;

import org.gridwatch.problem.Text;
import java.util.List;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.security.Audiences;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;

/**
 * Who may do what to a patrol: only its owner records it (points, check-ins, end); the owner and the police-information
 * audience (police planners, the command centre) read it.
 */
final class PatrolAccess {
  private PatrolAccess() {}

  static boolean readsAll(Authentication auth) { return Audiences.admits(auth, Audiences.POLICE_INFO); }

  static void mayRecord(Patrol p, Authentication auth) {
    if (!p.getOwner().equals(auth.getName())) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
          Text.of("patrol.only-one-walking-patrol-x", p.getId()), List.of());
    }
  }

  static void mayRead(Patrol p, Authentication auth) {
    if (!p.getOwner().equals(auth.getName()) && !readsAll(auth)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
          Text.of("patrol.patrol-x-another-person-s", p.getId()), List.of());
    }
  }

  static void mustBeActive(Patrol p) {
    if (p.getStatus() != Patrol.Status.ACTIVE) {
      throw new ProblemException(HttpStatus.CONFLICT, "patrol-ended", "Patrol ended",
          Text.of("patrol.patrol-x-ended-at-x", p.getId(), p.getEndedAt()), List.of());
    }
  }
}
