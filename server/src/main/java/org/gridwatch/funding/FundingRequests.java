package org.gridwatch.funding;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The bodies the rounds' and projects' endpoints take; ids come from the path, never from here. Money is yuan with fen. */
final class FundingRequests {
  private FundingRequests() {}

  /** One review criterion of a round: a code, a name and its weight (the weights of a round add up to 100). */
  record Criterion(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 100) String name,
      @NotNull @DecimalMin("0.01") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal weight) {}

  /** {@code POST /api/v1/rounds}. */
  record NewRound(
      @NotNull @Min(2000) @Max(2100) Integer year,
      @NotNull @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) RoundKind kind,
      @NotBlank @Size(max = 200) String title,
      @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal budget,
      @NotNull LocalDate needsFrom, @NotNull LocalDate callOpens, @NotNull LocalDate callCloses,
      @NotNull LocalDate runsFrom, @NotNull LocalDate runsTo,
      @Min(1) @Max(20) Integer minReviewers,
      @NotEmpty @Size(max = 20) List<@Valid @NotNull Criterion> criteria) {}

  /** A tranche of an application's budget and the step that releases it. */
  record Tranche(@NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
      @NotNull @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) TrancheStep releasedOn) {}

  /** What a project promises: beneficiaries, sessions (活动场次), satisfaction in per cent. */
  record Kpis(@NotNull @Min(0) @Max(10_000_000) Integer beneficiaries, @NotNull @Min(0) @Max(100_000) Integer sessions,
      @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 1) BigDecimal satisfaction) {}

  /** {@code POST /api/v1/projects}: an application to a round whose call is open. */
  record Application(
      @NotNull Long round,
      @NotBlank @Size(max = 200) String title,
      @Size(max = 4000) String summary,
      @NotEmpty @Size(max = 10) List<@NotBlank String> categories,
      @Size(max = 50) List<@NotNull Long> needs,
      @NotEmpty @Size(max = 200) List<@NotBlank String> areas,
      @NotEmpty @Size(max = 8) List<@NotNull TargetGroup> targetGroups,
      Long provider,
      Long leadSocialWorker,
      @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal budget,
      @NotEmpty @Size(max = 10) List<@Valid @NotNull Tranche> tranches,
      @NotNull @Valid Kpis kpis) {
    List<Long> needsOrNone() { return needs == null ? List.of() : needs; }
  }

  /** {@code POST /api/v1/projects/{id}/reviews}: a score 0..100 for every criterion of the round, by its code. */
  record Review(@NotEmpty Map<String, @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal> scores,
      @Size(max = 2000) String note) {}

  /** {@code POST /api/v1/projects/{id}/conflicts}, {@code decline}, {@code terminate}: why. */
  record Reason(@NotBlank @Size(max = 500) String reason) {}

  /** The actions that take nothing but an optional note: shortlist, approve, contract, start. */
  record Note(@Size(max = 2000) String note) {}

  /** {@code POST /api/v1/projects/{id}/self-report}: the provider's report for a stage. */
  record SelfReport(@NotNull EvaluationStage stage, @NotBlank @Size(max = 4000) String text,
      @NotNull @Min(0) @Max(10_000_000) Integer beneficiaries, @NotNull @Min(0) @Max(100_000) Integer sessions,
      @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 1) BigDecimal satisfaction) {}

  /** {@code POST /api/v1/projects/{id}/check}: how a reviewer checked the self-report. */
  record Check(@NotEmpty @Size(max = 3) List<@NotNull CheckMethod> methods, @Size(max = 4000) String note) {}

  /** {@code POST /api/v1/projects/{id}/publish}: the result of the checked evaluation. */
  record Publish(@NotNull EvaluationResult result, @Size(max = 2000) String note) {}
}
