package org.gridwatch.funding;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gridwatch.funding.FundingAnswers.EvaluationView;
import org.gridwatch.funding.FundingRequests.Check;
import org.gridwatch.funding.FundingRequests.Publish;
import org.gridwatch.funding.FundingRequests.SelfReport;
import org.gridwatch.problem.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluations as published practice runs them: the provider's self-report (RUNNING → the stage's review; after a
 * rectification RECTIFYING → the same stage's review again, attempt 2), a reviewer's check, the funder's published
 * result, which moves the project and its tranches as {@link PublishRule} says. The mid-term comes first: a final
 * self-report needs a passed mid-term.
 */
@Service
class Evaluations {
  private static final EnumSet<ProjectStatus> IN_REVIEW = EnumSet.of(ProjectStatus.MIDTERM_REVIEW, ProjectStatus.FINAL_REVIEW);
  private static final String COLUMNS = "id, stage, attempt, self_report, beneficiaries, sessions, satisfaction, reported_at,"
      + " check_methods, check_note, checked_at, result, result_note, published_at";
  private final ProjectStore store;
  private final Tranches tranches;
  private final Reviews reviews;
  private final Rounds rounds;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  Evaluations(ProjectStore store, Tranches tranches, Reviews reviews, Rounds rounds, JdbcTemplate jdbc, Clock clock) {
    this.store = store;
    this.tranches = tranches;
    this.reviews = reviews;
    this.rounds = rounds;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** An evaluation as stored, with its id (the answer leaves it out). */
  record Stored(long id, EvaluationView view) {}

  @Transactional
  public void selfReport(long id, SelfReport body, FundingCaller caller) {
    ProjectRow p = store.lock(id);
    if (!caller.actsFor(p.providerId())) throw FundingProblems.forbidden(Text.of("funding.only-provider"));
    Optional<Stored> last = latest(id);
    int attempt;
    if (p.status() == ProjectStatus.RUNNING) {
      boolean midtermPassed = passed(id, EvaluationStage.MIDTERM);
      if ((body.stage() == EvaluationStage.MIDTERM) == midtermPassed) throw FundingProblems.outOfOrder("self-report " + body.stage(), p.status());
      attempt = 1;
    } else if (p.status() == ProjectStatus.RECTIFYING && last.isPresent() && last.get().view().stage() == body.stage()) {
      attempt = last.get().view().attempt() + 1;
    } else {
      throw FundingProblems.outOfOrder("self-report " + body.stage(), p.status());
    }
    Instant now = clock.instant();
    jdbc.update("INSERT INTO project_evaluation (id, project_id, stage, attempt, self_report, beneficiaries, sessions, satisfaction,"
        + " reported_by, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", store.nextId("project_evaluation_seq"), id,
        body.stage().name(), attempt, body.text().strip(), body.beneficiaries(), body.sessions(), body.satisfaction(), caller.username(),
        Timestamp.from(now));
    store.move(p, body.stage().reviewStatus(), now, "");
    store.event(id, "SELF_REPORTED", p.status(), body.stage().reviewStatus(), caller.username(), caller.role(), body.stage().name(), now);
  }

  @Transactional
  public void check(long id, Check body, FundingCaller caller) {
    ProjectRow p = store.lock(id);
    Lifecycle.requireStatus(p, "check", IN_REVIEW);
    Stored e = latest(id).filter(s -> s.view().checkedAt() == null).orElseThrow(() -> FundingProblems.outOfOrder("check", p.status()));
    reviews.mayJudge(p, caller.username());
    Instant now = clock.instant();
    String methods = body.methods().stream().distinct().map(Enum::name).collect(Collectors.joining(","));
    jdbc.update("UPDATE project_evaluation SET check_methods = ?, check_note = ?, checked_by = ?, checked_at = ? WHERE id = ?", methods,
        Lifecycle.blankToNull(body.note()), caller.username(), Timestamp.from(now), e.id());
    store.move(p, p.status(), now, "");
    store.event(id, "CHECKED", p.status(), p.status(), caller.username(), caller.role(), Lifecycle.blankToNull(body.note()), now);
  }

  @Transactional
  public void publish(long id, Publish body, FundingCaller caller) {
    ProjectRow p = store.lock(id);
    Lifecycle.requireStatus(p, "publish", IN_REVIEW);
    Stored e = latest(id).filter(s -> s.view().checkedAt() != null && s.view().result() == null)
        .orElseThrow(() -> FundingProblems.outOfOrder("publish", p.status()));
    EvaluationStage stage = e.view().stage();
    PublishRule.Outcome o = PublishRule.outcome(stage, body.result(), p.rectificationUsed());
    Instant now = clock.instant();
    jdbc.update("UPDATE project_evaluation SET result = ?, result_note = ?, published_by = ?, published_at = ? WHERE id = ?",
        body.result().name(), Lifecycle.blankToNull(body.note()), caller.username(), Timestamp.from(now), e.id());
    String extra = o.usesRectification() ? "rectification_used = TRUE" : "";
    if (o.ends()) {
      store.move(p, o.next(), now, extra.isEmpty() ? "ended_on = ?" : extra + ", ended_on = ?", Date.valueOf(rounds.today()));
    } else {
      store.move(p, o.next(), now, extra);
    }
    switch (o.tranches()) {
      case RELEASE -> tranches.release(id, stage.step(), now);
      case STOP -> tranches.stop(id, stage.step(), now);
      case STOP_ALL -> tranches.stopPending(id, now);
    }
    store.event(id, "PUBLISHED", p.status(), o.next(), caller.username(), caller.role(),
        stage.name() + " " + body.result().name() + (body.note() == null || body.note().isBlank() ? "" : ": " + body.note().strip()), now);
  }

  /** The project's evaluations, oldest first; only the published ones when {@code publishedOnly}. */
  List<EvaluationView> of(long projectId, boolean publishedOnly) {
    return jdbc.query("SELECT " + COLUMNS + " FROM project_evaluation WHERE project_id = ?" + (publishedOnly ? " AND result IS NOT NULL" : "")
        + " ORDER BY id", (rs, i) -> view(rs).view(), projectId);
  }

  private Optional<Stored> latest(long projectId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM project_evaluation WHERE project_id = ? ORDER BY id DESC", (rs, i) -> view(rs), projectId)
        .stream().findFirst();
  }

  private boolean passed(long projectId, EvaluationStage stage) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM project_evaluation WHERE project_id = ? AND stage = ? AND result = 'PASS'",
        Integer.class, projectId, stage.name()) > 0;
  }

  private static Stored view(java.sql.ResultSet rs) throws java.sql.SQLException {
    String methods = rs.getString(9);
    return new Stored(rs.getLong(1), new EvaluationView(EvaluationStage.valueOf(rs.getString(2)), rs.getInt(3), rs.getString(4),
        rs.getInt(5), rs.getInt(6), rs.getBigDecimal(7) == null ? null : rs.getBigDecimal(7).setScale(1), instant(rs.getTimestamp(8)),
        methods == null ? null : Arrays.stream(methods.split(",")).map(CheckMethod::valueOf).toList(), rs.getString(10),
        instant(rs.getTimestamp(11)), rs.getString(12) == null ? null : EvaluationResult.valueOf(rs.getString(12)), rs.getString(13),
        instant(rs.getTimestamp(14))));
  }

  private static Instant instant(Timestamp t) { return t == null ? null : t.toInstant(); }
}
