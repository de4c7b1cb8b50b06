package org.gridwatch.organisation;

import java.util.List;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.problem.Text;
import org.springframework.http.HttpStatus;

/** The problems the organisations' endpoints answer, in one place so that their slugs and fields stay consistent. */
final class OrganisationProblems {
  /** An organisation named in a problem: which ones claim a compound. */
  record Named(long id, String name) {}

  private OrganisationProblems() {}

  static ProblemException unknown(long id) {
    return ProblemException.notFound("unknown-organisation", "Unknown organisation", Text.of("organisation.unknown", String.valueOf(id)));
  }

  static ProblemException forbidden(String username, String what) {
    return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", Text.of("organisation.outside-your-area", username,
        Text.of(what)), List.of());
  }

  static ProblemException unprocessable(String slug, String title, String field, Text reason) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, slug, title, reason, List.of(new FieldError(field, reason)));
  }

  static ProblemException conflict(String slug, String title, String field, Text reason) {
    return new ProblemException(HttpStatus.CONFLICT, slug, title, reason, List.of(new FieldError(field, reason)));
  }

  static ProblemException invalidCreditCode(String code, CreditCode.Fault fault) {
    Text reason = switch (fault) {
      case LENGTH -> Text.of("organisation.credit-code-length");
      case CHARACTER -> Text.of("organisation.credit-code-character");
      case CHECK -> Text.of("organisation.credit-code-check", String.valueOf(CreditCode.checkCharacter(code.substring(0, 17))));
    };
    return unprocessable("invalid-credit-code", "Invalid credit code", "creditCode", reason);
  }

  /** 409 naming both organisations that would serve the compound on overlapping days, the field {@code code}. */
  static ProblemException overlap(String compound, Named claimant, Named holder) {
    Text reason = Text.of("organisation.service-area-overlap", compound, holder.name());
    return conflict("service-area-overlap", "Service areas overlap", "code", reason).with("organisations", List.of(claimant, holder));
  }
}
