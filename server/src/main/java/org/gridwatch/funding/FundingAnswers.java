package org.gridwatch.funding;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the rounds' and projects' endpoints answer. Kinds, statuses and steps go out as codes the page words. */
public final class FundingAnswers {
  private FundingAnswers() {}

  public record CriterionView(String code, String name, BigDecimal weight) {}

  public record Round(long id, int year, RoundKind kind, String title, BigDecimal budget, LocalDate needsFrom,
      LocalDate callOpens, LocalDate callCloses, LocalDate runsFrom, LocalDate runsTo, int minReviewers, RoundPhase phase,
      List<CriterionView> criteria, boolean synthetic) {}

  public record Provider(long id, String name) {}

  public record TrancheView(int seq, BigDecimal amount, TrancheStep releasedOn, TrancheStatus status, boolean reopened) {}

  public record KpiView(int beneficiaries, int sessions, BigDecimal satisfaction) {}

  /** One line of the audit trail; {@code actor} and {@code note} only to staff. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Event(Instant at, String action, ProjectStatus fromStatus, ProjectStatus toStatus, String actorRole,
      String actor, String note) {}

  /** One reviewer's scores, to the funder and to that reviewer. */
  public record ReviewView(String reviewer, BigDecimal total, Map<String, BigDecimal> scores, String note, Instant at) {}

  /** What the public sees of the reviews once a project is approved: how many, and their average total. */
  public record ReviewSummary(int count, BigDecimal averageTotal) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record EvaluationView(EvaluationStage stage, int attempt, String selfReport, int beneficiaries, int sessions,
      BigDecimal satisfaction, Instant reportedAt, List<CheckMethod> checkMethods, String checkNote, Instant checkedAt,
      EvaluationResult result, String resultNote, Instant publishedAt) {}

  /** A project in a list. */
  public record ProjectSummary(long id, long round, String title, ProjectStatus status, Provider provider, BigDecimal budget,
      List<String> categories, List<String> areas, boolean synthetic) {}

  /**
   * A project in full. {@code reviews} is null for readers who may not see them; {@code reviewSummary} null until the
   * project is approved (and for readers who see the reviews themselves).
   */
  public record Project(long id, Round round, String title, String summary, ProjectStatus status, Provider provider,
      String leadSocialWorker, List<String> areas, List<String> categories, List<Long> needs, List<TargetGroup> targetGroups,
      BigDecimal budget, List<TrancheView> tranches, KpiView kpis, boolean rectificationUsed, LocalDate startedOn,
      LocalDate endedOn, @JsonRawValue String serviceArea, List<Event> timeline, List<EvaluationView> evaluations,
      List<ReviewView> reviews, ReviewSummary reviewSummary, int version, boolean synthetic) {}
}
