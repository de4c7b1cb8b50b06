package org.gridwatch.patrol;

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
          "only the one walking patrol " + p.getId() + " may record it", List.of());
    }
  }

  static void mayRead(Patrol p, Authentication auth) {
    if (!p.getOwner().equals(auth.getName()) && !readsAll(auth)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
          "patrol " + p.getId() + " is another person's; only POLICE, OPERATOR and ADMIN read every patrol", List.of());
    }
  }

  static void mustBeActive(Patrol p) {
    if (p.getStatus() != Patrol.Status.ACTIVE) {
      throw new ProblemException(HttpStatus.CONFLICT, "patrol-ended", "Patrol ended",
          "patrol " + p.getId() + " ended at " + p.getEndedAt() + "; start a new one", List.of());
    }
  }
}
