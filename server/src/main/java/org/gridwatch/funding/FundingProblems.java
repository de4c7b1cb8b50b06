package org.gridwatch.funding;

import java.util.List;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.problem.Text;
import org.springframework.http.HttpStatus;

/** The problems funding answers with, in one place so that their slugs and members stay the same everywhere. */
final class FundingProblems {
  private FundingProblems() {}

  /** 409 {@code /problems/out-of-order}: the action does not fit the project's status, named in {@code status}. */
  static ProblemException outOfOrder(String action, ProjectStatus current) {
    return new ProblemException(HttpStatus.CONFLICT, "out-of-order", "Out of order", Text.of("funding.out-of-order", action, current.name()),
        List.of()).with("status", current.name());
  }

  /** 409 {@code /problems/out-of-order}: the round is not in the phase the action needs, named in {@code phase}. */
  static ProblemException roundNotInPhase(RoundPhase needed, RoundPhase current) {
    return new ProblemException(HttpStatus.CONFLICT, "out-of-order", "Out of order",
        Text.of("funding.round-not-in-phase", needed.name(), current.name()), List.of()).with("phase", current.name());
  }

  /** 422 for an application, review or report that names something wrong; {@code errors} name the fields. */
  static ProblemException invalid(String slug, String title, List<FieldError> errors) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, slug, title, (Text) null, errors);
  }

  static ProblemException invalid(String slug, String title, String field, Text reason) {
    return invalid(slug, title, List.of(new FieldError(field, reason)));
  }

  /** 403: the caller may not take this action on this project. */
  static ProblemException forbidden(Text reason) {
    return new ProblemException(HttpStatus.FORBIDDEN, "forbidden-action", "Not allowed for you", reason, List.of());
  }

  /** 409 {@code /problems/conflict-of-interest}: a reviewer who declared a conflict, or who is staff of the provider. */
  static ProblemException conflictOfInterest(Text reason) {
    return new ProblemException(HttpStatus.CONFLICT, "conflict-of-interest", "Conflict of interest", reason, List.of());
  }
}
