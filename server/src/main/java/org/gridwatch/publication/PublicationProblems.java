package org.gridwatch.publication;

import java.util.List;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.problem.Text;
import org.springframework.http.HttpStatus;

/** The problems the publication API answers with, in one place so that slugs stay the same everywhere. */
final class PublicationProblems {
  private PublicationProblems() {}

  /** 422 naming the field that is wrong. */
  static ProblemException invalid(String field, Text reason) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-publication", "Invalid publication", (Text) null,
        List.of(new FieldError(field, reason)));
  }

  /** 404 for a publication that does not exist or that the reader may not see (the same answer: no hint it exists). */
  static ProblemException unknown(long id) {
    return ProblemException.notFound("unknown-publication", "Unknown publication", Text.of("publication.unknown", String.valueOf(id)));
  }

  /** 404 naming {@code area}: no current area has the code (a list or feed for it). */
  static ProblemException unknownArea(String code) {
    return new ProblemException(HttpStatus.NOT_FOUND, "unknown-area", "Unknown area", Text.of("publication.unknown-area", code),
        List.of(new FieldError("area", Text.of("publication.unknown-area", code))));
  }

  /** 403 {@code /problems/forbidden}: the account may not do this here. */
  static ProblemException forbidden(Text why) {
    return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", why, List.of());
  }

  /** 409 {@code /problems/illegal-transition}: the step does not fit the publication's status. */
  static ProblemException illegal(String step, PublicationStatus current) {
    return new ProblemException(HttpStatus.CONFLICT, "illegal-transition", "Not allowed in this status",
        Text.of("publication.illegal-transition", step, current.name()), List.of()).with("status", current.name());
  }
}
