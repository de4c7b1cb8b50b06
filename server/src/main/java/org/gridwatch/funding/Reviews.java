package org.gridwatch.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.funding.FundingAnswers.CriterionView;
import org.gridwatch.funding.FundingAnswers.ReviewSummary;
import org.gridwatch.funding.FundingAnswers.ReviewView;
import org.gridwatch.funding.FundingRequests.Review;
import org.gridwatch.organisation.OrganisationStaff;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.problem.Text;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviewers' scores of applications: every criterion of the round exactly once, 0..100, the total their weighted sum;
 * one review per reviewer, only while the project is APPLIED. A reviewer who declared a conflict of interest on the
 * project, or whose account is staff of the provider, may not score it (nor check its evaluations).
 */
@Service
class Reviews {
  private static final BigDecimal HUNDRED = new BigDecimal("100");
  private final ProjectStore store;
  private final Rounds rounds;
  private final OrganisationStaff organisationStaff;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  Reviews(ProjectStore store, Rounds rounds, OrganisationStaff organisationStaff, JdbcTemplate jdbc, Clock clock) {
    this.store = store;
    this.rounds = rounds;
    this.organisationStaff = organisationStaff;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public void score(long id, Review body, FundingCaller caller) {
    ProjectRow p = store.lock(id);
    Lifecycle.requireStatus(p, "review", EnumSet.of(ProjectStatus.APPLIED));
    mayJudge(p, caller.username());
    if (reviewed(id, caller.username())) throw alreadyReviewed();
    List<CriterionView> criteria = rounds.criteria(p.roundId());
    List<FieldError> errors = new ArrayList<>();
    Set<String> known = new java.util.HashSet<>();
    BigDecimal total = BigDecimal.ZERO;
    for (CriterionView c : criteria) {
      known.add(c.code());
      BigDecimal score = body.scores().get(c.code());
      if (score == null) errors.add(new FieldError("scores." + c.code(), Text.of("funding.score-missing", c.code())));
      else total = total.add(score.multiply(c.weight()));
    }
    for (String code : body.scores().keySet()) {
      if (!known.contains(code)) errors.add(new FieldError("scores." + code, Text.of("funding.score-unknown", code)));
    }
    if (!errors.isEmpty()) throw FundingProblems.invalid("invalid-review", "Invalid review", errors);
    Instant now = clock.instant();
    long reviewId = store.nextId("project_review_seq");
    jdbc.update("INSERT INTO project_review (id, project_id, reviewer, total, note, created_at) VALUES (?, ?, ?, ?, ?, ?)", reviewId, id,
        caller.username(), total.divide(HUNDRED, 2, RoundingMode.HALF_UP), Lifecycle.blankToNull(body.note()), Timestamp.from(now));
    for (CriterionView c : criteria) {
      jdbc.update("INSERT INTO project_review_score (review_id, criterion_code, score) VALUES (?, ?, ?)", reviewId, c.code(),
          body.scores().get(c.code()));
    }
    store.event(id, "REVIEWED", p.status(), p.status(), caller.username(), caller.role(), null, now);
  }

  /** A reviewer declares a conflict of interest on an application they have not scored: they may not score it then. */
  @Transactional
  public void declareConflict(long id, String reason, FundingCaller caller) {
    ProjectRow p = store.lock(id);
    Lifecycle.requireStatus(p, "declare a conflict", EnumSet.of(ProjectStatus.APPLIED, ProjectStatus.SHORTLISTED));
    if (reviewed(id, caller.username())) throw alreadyReviewed();
    if (declared(id, caller.username())) {
      throw new ProblemException(HttpStatus.CONFLICT, "conflict-declared", "Conflict already declared",
          Text.of("funding.conflict-declared"), List.of());
    }
    Instant now = clock.instant();
    jdbc.update("INSERT INTO review_conflict (project_id, reviewer, reason, declared_at) VALUES (?, ?, ?, ?)", id, caller.username(),
        reason.strip(), Timestamp.from(now));
    // The reason stays in review_conflict: the trail, which the public reads once approved, says only that one was declared.
    store.event(id, "CONFLICT_DECLARED", p.status(), p.status(), caller.username(), caller.role(), null, now);
  }

  /** 409 conflict-of-interest when the reviewer declared a conflict on the project or is staff of its provider. */
  void mayJudge(ProjectRow p, String reviewer) {
    if (declared(p.id(), reviewer)) throw FundingProblems.conflictOfInterest(Text.of("funding.conflict-declared-by-you"));
    if (organisationStaff.organisationOf(reviewer).filter(o -> o == p.providerId()).isPresent()) {
      throw FundingProblems.conflictOfInterest(Text.of("funding.reviewer-is-provider-staff"));
    }
  }

  /** Every review of the project, or only {@code reviewer}'s when not null. */
  List<ReviewView> of(long projectId, String reviewer) {
    List<Object> args = new ArrayList<>(List.of(projectId));
    if (reviewer != null) args.add(reviewer);
    List<ReviewView> out = new ArrayList<>();
    jdbc.query("SELECT id, reviewer, total, note, created_at FROM project_review WHERE project_id = ?"
        + (reviewer == null ? "" : " AND reviewer = ?") + " ORDER BY created_at, id", rs -> {
      Map<String, BigDecimal> scores = new LinkedHashMap<>();
      jdbc.query("SELECT criterion_code, score FROM project_review_score WHERE review_id = ? ORDER BY criterion_code",
          s -> { scores.put(s.getString(1), s.getBigDecimal(2).setScale(2)); }, rs.getLong(1));
      out.add(new ReviewView(rs.getString(2), rs.getBigDecimal(3).setScale(2), scores, rs.getString(4), rs.getTimestamp(5).toInstant()));
    }, args.toArray());
    return out;
  }

  ReviewSummary summary(long projectId) {
    return jdbc.queryForObject("SELECT COUNT(*), AVG(total) FROM project_review WHERE project_id = ?",
        (rs, i) -> new ReviewSummary(rs.getInt(1), rs.getBigDecimal(2) == null ? null : rs.getBigDecimal(2).setScale(2, RoundingMode.HALF_UP)),
        projectId);
  }

  private boolean reviewed(long id, String reviewer) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM project_review WHERE project_id = ? AND reviewer = ?", Integer.class, id, reviewer) > 0;
  }

  private boolean declared(long id, String reviewer) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM review_conflict WHERE project_id = ? AND reviewer = ?", Integer.class, id, reviewer) > 0;
  }

  private static ProblemException alreadyReviewed() {
    return new ProblemException(HttpStatus.CONFLICT, "already-reviewed", "Already reviewed", Text.of("funding.already-reviewed"), List.of());
  }
}
