package org.gridwatch.incident;

import org.gridwatch.problem.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.problem.ProblemException.FieldError;

/**
 * The body of {@code PUT /api/v1/categories/{code}}. Every time limit is 1 up to a year in its unit
 * ({@link TimeLimit.Unit#max()}), so no deadline lies before its case or beyond what the working calendar walks.
 * {@code notice}/{@code noticeEn} absent or null keep the current notice, an empty string clears it; {@code active}
 * absent means active. {@code propertyFirst} and {@code propertyTimeLimitHours} (working hours, 1–8760) absent keep
 * the current values (a new category: not property first); property first needs a time limit. Unknown members are
 * ignored.
 */
record CategoryRequest(
    @NotBlank(message = "is required") @Size(max = 40, message = "at most 40 characters") String name,
    @NotBlank(message = "is required") @Size(max = 60, message = "at most 60 characters") String nameEn,
    @NotBlank(message = "is required") @Size(max = 400, message = "at most 400 characters") String description,
    @NotNull(message = "is required") Kind kind,
    @NotNull(message = "is required") Priority defaultPriority,
    @NotNull(message = "is required") Level firstLevel,
    @NotBlank(message = "is required") @Size(max = 20, message = "at most 20 characters") String department,
    EscalationPolicy escalationPolicy,
    @Size(max = 200, message = "at most 200 characters") String notice,
    @Size(max = 300, message = "at most 300 characters") String noticeEn,
    Boolean active,
    Boolean propertyFirst,
    @Min(value = 1, message = "must be at least 1") @Max(value = 8760, message = "must be at most 8760") Integer propertyTimeLimitHours,
    @Valid @NotNull(message = "is required: a limit for each of REGISTER, DISPATCH, HANDLE, VERIFY") Limits limits) {

  /** One limit per stage, named as the stages are. */
  record Limits(@Valid @NotNull(message = "is required: {amount, unit}") Limit REGISTER,
      @Valid @NotNull(message = "is required: {amount, unit}") Limit DISPATCH,
      @Valid @NotNull(message = "is required: {amount, unit}") Limit HANDLE,
      @Valid @NotNull(message = "is required: {amount, unit}") Limit VERIFY) {

    Limit of(Stage s) {
      return switch (s) {
        case REGISTER -> REGISTER;
        case DISPATCH -> DISPATCH;
        case HANDLE -> HANDLE;
        case VERIFY -> VERIFY;
      };
    }
  }

  /** An amount of a unit; the upper bound per unit is checked by {@link #unitErrors()}. */
  record Limit(
      @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
      @Max(value = TimeLimit.Unit.LARGEST, message = "must be at most a year in its unit") Integer amount,
      @NotNull(message = "is required: one of WORKING_HOURS, WORKING_DAYS, CALENDAR_MINUTES, CALENDAR_HOURS")
      TimeLimit.Unit unit) {}

  /** Each limit whose amount exceeds a year in its unit (e.g. 8760 calendar hours), named {@code limits.HANDLE.amount}. */
  List<FieldError> unitErrors() {
    List<FieldError> errors = new ArrayList<>();
    for (Stage s : Stage.values()) {
      Limit l = limits.of(s);
      if (l.amount() > l.unit().max()) {
        errors.add(new FieldError("limits." + s.name() + ".amount",
            Text.of("incident.must-between-1-and-x", l.unit().max(), l.unit().name().toLowerCase().replace('_', ' '))));
      }
    }
    return errors;
  }

  Map<Stage, TimeLimit> timeLimits() {
    Map<Stage, TimeLimit> out = new EnumMap<>(Stage.class);
    for (Stage s : Stage.values()) out.put(s, new TimeLimit(limits.of(s).amount(), limits.of(s).unit()));
    return out;
  }

  static String strip(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
