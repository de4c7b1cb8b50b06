package org.gridwatch.incident;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/incidents/{id}/feedback}: the follow token issued with the case number, how
 * satisfied the reporter is, and optionally why (at most {@value #MAX_COMMENT} characters).
 */
record FeedbackRequest(
    @Size(max = 100, message = "is not a follow token") String token,
    @NotNull(message = "is required: SATISFIED, BASICALLY_SATISFIED or UNSATISFIED")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) Rating rating,
    @Size(max = FeedbackRequest.MAX_COMMENT, message = "is longer than " + FeedbackRequest.MAX_COMMENT + " characters") String comment) {

  static final int MAX_COMMENT = 500;
}
