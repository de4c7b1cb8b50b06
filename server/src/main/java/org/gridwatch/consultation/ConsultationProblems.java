package org.gridwatch.consultation;

import java.util.List;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.problem.Text;
import org.springframework.http.HttpStatus;

/** The problems the meeting loop answers with, in one place so that slugs and members stay the same everywhere. */
final class ConsultationProblems {
  private ConsultationProblems() {}

  /** 422 naming the field that is wrong. */
  static ProblemException invalid(String field, Text reason) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-consultation", "Invalid consultation input", (Text) null,
        List.of(new FieldError(field, reason)));
  }

  /** 404 for an unknown topic, meeting, decision or task. */
  static ProblemException unknown(String what, long id) {
    return ProblemException.notFound("unknown-" + what, "Unknown " + what, Text.of("consultation.unknown", what, String.valueOf(id)));
  }

  /** 409 {@code /problems/out-of-order}: the step does not fit the thing's status, named in {@code status}. */
  static ProblemException outOfOrder(String step, Enum<?> current) {
    return new ProblemException(HttpStatus.CONFLICT, "out-of-order", "Out of order",
        Text.of("consultation.out-of-order", step, current.name()), List.of()).with("status", current.name());
  }

  /** 409 {@code /problems/no-quorum}: the meeting had no quorum (or no attendance yet), so it cannot decide. */
  static ProblemException noQuorum(long meetingId) {
    return new ProblemException(HttpStatus.CONFLICT, "no-quorum", "No quorum", Text.of("consultation.no-quorum", String.valueOf(meetingId)),
        List.of(new FieldError("meeting", Text.of("consultation.no-quorum", String.valueOf(meetingId)))));
  }

  /** 409 for a conflict other than the order of steps (e.g. a second support by the same resident). */
  static ProblemException conflict(String slug, String title, Text detail) {
    return new ProblemException(HttpStatus.CONFLICT, slug, title, detail, List.of());
  }
}
