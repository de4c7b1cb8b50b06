package org.gridwatch.funding;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.gridwatch.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decisions on a project outside its evaluations: shortlist (after enough reviews), decline, approve (立项),
 * contract (承接: the CONTRACT tranches are released), start, terminate (pending tranches stopped). Each locks the
 * project row, refuses an action its status does not allow (409 out-of-order naming the status), moves the version on
 * and writes the audit trail, all in one transaction: a refusal writes nothing.
 */
@Service
class Lifecycle {
  /** From where the funder may terminate: after approval, until the final review is published. */
  static final Set<ProjectStatus> TERMINABLE = EnumSet.of(ProjectStatus.APPROVED, ProjectStatus.CONTRACTED, ProjectStatus.RUNNING,
      ProjectStatus.MIDTERM_REVIEW, ProjectStatus.RECTIFYING, ProjectStatus.FINAL_REVIEW);
  private final ProjectStore store;
  private final Tranches tranches;
  private final Rounds rounds;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  Lifecycle(ProjectStore store, Tranches tranches, Rounds rounds, JdbcTemplate jdbc, Clock clock) {
    this.store = store;
    this.tranches = tranches;
    this.rounds = rounds;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public void shortlist(long id, String note, FundingCaller caller) {
    ProjectRow p = locked(id, "shortlist", EnumSet.of(ProjectStatus.APPLIED));
    int reviews = jdbc.queryForObject("SELECT COUNT(*) FROM project_review WHERE project_id = ?", Integer.class, id);
    int needed = jdbc.queryForObject("SELECT min_reviewers FROM funding_round WHERE id = ?", Integer.class, p.roundId());
    if (reviews < needed) {
      throw new ProblemException(HttpStatus.CONFLICT, "too-few-reviews", "Too few reviews",
          Text.of("funding.too-few-reviews", String.valueOf(reviews), String.valueOf(needed)), List.of())
          .with("reviews", reviews).with("minReviewers", needed);
    }
    move(p, ProjectStatus.SHORTLISTED, "SHORTLISTED", caller, note, "");
  }

  @Transactional
  public void decline(long id, String reason, FundingCaller caller) {
    ProjectRow p = locked(id, "decline", EnumSet.of(ProjectStatus.APPLIED, ProjectStatus.SHORTLISTED));
    move(p, ProjectStatus.DECLINED, "DECLINED", caller, reason, "");
  }

  @Transactional
  public void approve(long id, String note, FundingCaller caller) {
    ProjectRow p = locked(id, "approve", EnumSet.of(ProjectStatus.SHORTLISTED));
    move(p, ProjectStatus.APPROVED, "APPROVED", caller, note, "");
  }

  @Transactional
  public void contract(long id, String note, FundingCaller caller) {
    ProjectRow p = locked(id, "contract", EnumSet.of(ProjectStatus.APPROVED));
    Instant now = move(p, ProjectStatus.CONTRACTED, "CONTRACTED", caller, note, "");
    tranches.release(id, TrancheStep.CONTRACT, now);
  }

  /** The provider's staff or the funder start a contracted project: it runs from today. */
  @Transactional
  public void start(long id, String note, FundingCaller caller) {
    ProjectRow p = store.lock(id);
    if (!caller.is(Role.FUNDER) && !caller.actsFor(p.providerId())) throw FundingProblems.forbidden(Text.of("funding.only-provider"));
    requireStatus(p, "start", EnumSet.of(ProjectStatus.CONTRACTED));
    move(p, ProjectStatus.RUNNING, "STARTED", caller, note, "started_on = ?", Date.valueOf(rounds.today()));
  }

  @Transactional
  public void terminate(long id, String reason, FundingCaller caller) {
    ProjectRow p = locked(id, "terminate", TERMINABLE);
    Instant now = move(p, ProjectStatus.TERMINATED, "TERMINATED", caller, reason, "ended_on = ?", Date.valueOf(rounds.today()));
    tranches.stopPending(id, now);
  }

  private ProjectRow locked(long id, String action, Set<ProjectStatus> allowed) {
    ProjectRow p = store.lock(id);
    requireStatus(p, action, allowed);
    return p;
  }

  static void requireStatus(ProjectRow p, String action, Set<ProjectStatus> allowed) {
    if (!allowed.contains(p.status())) throw FundingProblems.outOfOrder(action, p.status());
  }

  /** Moves the project, writes the event; answers the instant both carry. */
  private Instant move(ProjectRow p, ProjectStatus to, String action, FundingCaller caller, String note, String extra, Object... args) {
    Instant now = clock.instant();
    store.move(p, to, now, extra, args);
    store.event(p.id(), action, p.status(), to, caller.username(), caller.role(), blankToNull(note), now);
    return now;
  }

  static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
