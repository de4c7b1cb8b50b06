package org.gridwatch.incident;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The body of a workflow action ({@code POST /api/v1/incidents/{id}/{action}}): every member optional, each
 * typed and bounded; the action decides which it needs (a note to reject, {@code into} to merge, {@code to} and
 * {@code reference} to transfer; {@code person} or {@code unit} to dispatch to a chosen target). {@code extendHours}: working hours added by an extension, 1 to 720 (about four
 * months of working days); absent, the category's handling limit. A {@code Long} so that a number past the range
 * of {@code int} is refused by its bounds, naming the field. Unknown members are ignored.
 */
record ActionRequest(
    @Size(max = 2000, message = "is longer than 2000 characters") String note,
    @Size(max = 300, message = "must be an http or https URL of at most 300 characters") String photoUrl,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) Level level,
    @Min(value = 1, message = "must be between 1 and " + ActionRequest.MAX_EXTEND_HOURS + " working hours")
    @Max(value = ActionRequest.MAX_EXTEND_HOURS, message = "must be between 1 and " + ActionRequest.MAX_EXTEND_HOURS + " working hours")
    Long extendHours,
    @Size(max = 40, message = "at most 40 characters") String into,
    @Size(max = 30, message = "at most 30 characters") String to,
    @Size(max = 60, message = "is required: the police's reference number, at most 60 characters") String reference,
    @Size(min = 1, max = 20, message = "must be a roster person's code, 1 to 20 characters") String person,
    @Size(min = 1, max = 20, message = "must be a grid, community, subdistrict or department code, 1 to 20 characters") String unit) {

  static final int MAX_EXTEND_HOURS = 720;
  static final ActionRequest EMPTY = new ActionRequest(null, null, null, null, null, null, null, null, null);

  Workflow.Input input() {
    return new Workflow.Input(note, photoUrl, level, extendHours == null ? null : Math.toIntExact(extendHours), into, to, reference, person, unit);
  }
}
