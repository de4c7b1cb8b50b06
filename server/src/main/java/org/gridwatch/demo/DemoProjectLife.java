package org.gridwatch.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.gridwatch.demo.DemoFunding.Evaluation;
import org.gridwatch.demo.DemoFunding.Event;
import org.gridwatch.demo.DemoFunding.Project;
import org.gridwatch.demo.DemoFunding.Tranche;

/**
 * Walks one demo project through the lifecycle the funding capability enforces (issue 15's contract), so that its
 * status, tranches, evaluations, dates and audit trail agree by construction: every step checks the status it starts
 * from, moves the status, bumps the version and writes the event. Not thread-safe; one per project.
 */
final class DemoProjectLife {
  static final String FUNDER = "funder";

  private final Project p;
  private final ZoneId zone;

  DemoProjectLife(Project p, ZoneId zone) {
    this.p = p;
    this.zone = zone;
  }

  /** The instant of a day at a working hour, in the district's zone. */
  Instant at(LocalDate day, int hour) { return day.atTime(hour, 0).atZone(zone).toInstant(); }

  void apply(LocalDate day) {
    Instant at = at(day, 10);
    p.status = "APPLIED";
    p.appliedBy = p.providerActor;
    p.appliedAt = at;
    p.updatedAt = at;
    p.version = 0;
    p.events.add(new Event(at, "APPLIED", null, "APPLIED", p.providerActor, providerRole(), null));
  }

  void shortlist(LocalDate day) { move(day, "SHORTLISTED", "APPLIED", "SHORTLISTED", FUNDER, "FUNDER", null); }

  void decline(LocalDate day, String reason) { move(day, "DECLINED", "APPLIED", "DECLINED", FUNDER, "FUNDER", reason); }

  void approve(LocalDate day) { move(day, "APPROVED", "SHORTLISTED", "APPROVED", FUNDER, "FUNDER", null); }

  void contract(LocalDate day) {
    move(day, "CONTRACTED", "APPROVED", "CONTRACTED", FUNDER, "FUNDER", null);
    tranches("CONTRACT", "RELEASED", day);
  }

  void start(LocalDate day) {
    move(day, "STARTED", "CONTRACTED", "RUNNING", p.providerActor, providerRole(), null);
    p.startedOn = day;
  }

  /** The provider's self-report: RUNNING → the stage's review, or RECTIFYING → the stage's review again (attempt 2). */
  void selfReport(String stage, LocalDate day, String text, int beneficiaries, int sessions, BigDecimal satisfaction) {
    int attempt = "RECTIFYING".equals(p.status) ? 2 : 1;
    String from = attempt == 2 ? "RECTIFYING" : "RUNNING";
    move(day, "SELF_REPORTED", from, stage + "_REVIEW", p.providerActor, providerRole(), null);
    p.evaluations.put(stage + attempt, new Evaluation(stage, attempt, text, beneficiaries, sessions, satisfaction, p.providerActor,
        at(day, 10)));
  }

  void check(LocalDate day, String reviewer, String methods, String note) {
    Evaluation e = current();
    require(e.checkedAt == null, "checked twice");
    e.checkMethods = methods;
    e.checkNote = note;
    e.checkedBy = reviewer;
    e.checkedAt = at(day, 15);
    event(day, 15, "CHECKED", p.status, p.status, reviewer, "REVIEWER", null);
  }

  /** The funder publishes the checked evaluation's result, with the contract's consequences for status and tranches. */
  void publish(LocalDate day, String result, String note) {
    Evaluation e = current();
    require(e.checkedAt != null && e.result == null, "publish before check");
    e.result = result;
    e.resultNote = note;
    e.publishedBy = FUNDER;
    e.publishedAt = at(day, 16);
    String from = p.status;
    boolean midterm = "MIDTERM".equals(e.stage);
    String to;
    if ("PASS".equals(result)) {
      to = midterm ? "RUNNING" : "CLOSED";
      tranches(e.stage, "RELEASED", day);
    } else if (midterm) {
      tranches("MIDTERM", "STOPPED", day);
      to = p.rectificationUsed ? "TERMINATED" : "RECTIFYING";
      if ("TERMINATED".equals(to)) tranches(null, "STOPPED", day);
    } else {
      to = "RECTIFY".equals(result) && !p.rectificationUsed ? "RECTIFYING" : "CLOSED";
      if ("CLOSED".equals(to)) tranches("FINAL", "STOPPED", day);
    }
    if ("RECTIFYING".equals(to)) p.rectificationUsed = true;
    if ("CLOSED".equals(to) || "TERMINATED".equals(to)) p.endedOn = day;
    event(day, 16, "PUBLISHED", from, to, FUNDER, "FUNDER", result + (note == null ? "" : ": " + note));
    p.status = to;
  }

  /** The funder ends the project early: pending tranches stop. */
  void terminate(LocalDate day, String reason) {
    require(!"CLOSED".equals(p.status) && !"APPLIED".equals(p.status) && !"SHORTLISTED".equals(p.status), "terminate from " + p.status);
    move(day, "TERMINATED", p.status, "TERMINATED", FUNDER, "FUNDER", reason);
    tranches(null, "STOPPED", day);
    p.endedOn = day;
  }

  private Evaluation current() {
    Evaluation last = null;
    for (Evaluation e : p.evaluations.values()) last = e;
    require(last != null, "no self-report");
    return last;
  }

  /** Tranches of a step (all pending ones when step is null) to a status; a stopped one released again is reopened. */
  private void tranches(String step, String status, LocalDate day) {
    for (Tranche t : p.tranches) {
      if (step == null ? !"PENDING".equals(t.status) : !t.releasedOn.equals(step)) continue;
      if ("RELEASED".equals(status) && "STOPPED".equals(t.status)) t.reopened = true;
      t.status = status;
      t.changedAt = at(day, 16);
    }
  }

  private void move(LocalDate day, String action, String from, String to, String actor, String role, String note) {
    require(from.equals(p.status), action + " from " + p.status);
    event(day, 11, action, from, to, actor, role, note);
    p.status = to;
  }

  private void event(LocalDate day, int hour, String action, String from, String to, String actor, String role, String note) {
    Instant at = at(day, hour);
    p.events.add(new Event(at, action, from, to, actor, role, note));
    p.updatedAt = at;
    p.version++;
  }

  private String providerRole() { return FUNDER.equals(p.providerActor) ? "FUNDER" : "ORGANISATION_STAFF"; }

  private static void require(boolean ok, String what) {
    if (!ok) throw new IllegalStateException("demo project out of order: " + what);
  }
}
