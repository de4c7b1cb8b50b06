package org.gridwatch.hotline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.incident.Action;
import org.gridwatch.incident.Actor;
import org.gridwatch.incident.Incident;
import org.gridwatch.incident.IncidentSearch;
import org.gridwatch.incident.Status;
import org.gridwatch.incident.Workflow;
import org.gridwatch.notification.Outbox;
import org.gridwatch.notification.OutboxMessage;
import org.gridwatch.notification.RecipientKind;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hotline's loop on top of the case workflow: 签收 (sign, late when after signBy), 退单 (return, with a reason,
 * approved or refused; approved rejects the case and tells the hotline), 延期 (extend the hotline's due date, approved
 * or refused), 回单 (reply once the case is resolved, sent to the hotline through the outbox) and 回访 (visit; a
 * dissatisfied caller reopens the case as 重办). Each step is one transaction, recorded in the ticket's history;
 * a step out of order is a 409 /problems/illegal-transition.
 */
@Service
public class TicketLoop {
  /** The configured endpoint (gridwatch.notification.endpoints.hotline) that replies and returns go to. */
  static final String ENDPOINT = "hotline";
  private static final Set<Status> RESOLVED_OR_LATER = Set.of(Status.RESOLVED, Status.VERIFIED, Status.CLOSED);
  private static final int MAX_NOTE = 1000;
  private static final int MAX_REPLY = 2000;

  private final TicketRows rows;
  private final Workflow workflow;
  private final IncidentSearch cases;
  private final Outbox outbox;
  private final Clock clock;

  TicketLoop(TicketRows rows, Workflow workflow, IncidentSearch cases, Outbox outbox, Clock clock) {
    this.rows = rows;
    this.workflow = workflow;
    this.cases = cases;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public TicketAnswer sign(String number, Actor actor) {
    Ticket t = rows.get(number);
    if (t.stage() != TicketStatus.RECEIVED) throw illegal(t, "sign");
    Instant now = clock.instant();
    var d = t.change();
    d.stage = TicketStatus.SIGNED;
    d.signedAt = now;
    d.signedLate = now.isAfter(t.signBy());
    return store(d.done(), "SIGNED", actor, d.signedLate ? "late" : null, null);
  }

  @Transactional
  public TicketAnswer requestReturn(String number, LoopRequests.ReturnRequest body, Actor actor) {
    Ticket t = rows.get(number);
    String reason = required("reason", body == null ? null : body.reason(), MAX_NOTE);
    if (!open(t) || t.pending() != null || !caseStillNew(t)) throw illegal(t, "return");
    var d = t.change();
    d.pending = Ticket.Pending.RETURN;
    d.pendingReason = reason;
    return store(d.done(), "RETURN_REQUESTED", actor, reason, null);
  }

  @Transactional
  public TicketAnswer approveReturn(String number, LoopRequests.DecisionRequest body, Actor actor) {
    Ticket t = rows.get(number);
    String note = optional("note", body == null ? null : body.note(), MAX_NOTE);
    if (t.pending() != Ticket.Pending.RETURN || !caseStillNew(t)) throw illegal(t, "return/approve");
    notTheRequester(t, "RETURN_REQUESTED", actor);
    if (t.caseId() != null) workflow.act(t.caseId(), Action.REJECT, Workflow.Input.of("12345 退单: " + t.pendingReason()), actor);
    Instant now = clock.instant();
    var d = t.change();
    d.stage = TicketStatus.RETURNED;
    d.returnedAt = now;
    d.returnReason = t.pendingReason();
    d.clearPending();
    outbox.enqueue(new OutboxMessage("HOTLINE_RETURN", RecipientKind.ENDPOINT, ENDPOINT, "WEBHOOK",
        Map.of("ticketNumber", t.number(), "reason", t.pendingReason(), "returnedAt", now.toString()), "HOTLINE_RETURN:" + t.number()));
    return store(d.done(), "RETURN_APPROVED", actor, note, null);
  }

  @Transactional
  public TicketAnswer refuseReturn(String number, LoopRequests.DecisionRequest body, Actor actor) {
    return refuse(number, Ticket.Pending.RETURN, "return/refuse", "RETURN_REFUSED", body, actor);
  }

  @Transactional
  public TicketAnswer requestExtension(String number, LoopRequests.ExtendRequest body, Actor actor) {
    Ticket t = rows.get(number);
    List<ProblemException.FieldError> errors = new ArrayList<>();
    Instant until = body == null ? null : body.until();
    if (until != null && !TicketRequest.plausible(until)) errors.add(new ProblemException.FieldError("until", Text.of("hotline.time-range")));
    else if (until == null || !until.isAfter(t.dueBy())) errors.add(new ProblemException.FieldError("until", Text.of("hotline.until-after-due")));
    String reason = body == null || body.reason() == null ? "" : body.reason().strip();
    if (reason.isEmpty() || reason.length() > MAX_NOTE) {
      errors.add(new ProblemException.FieldError("reason", Text.of("hotline.between-1-and-x-characters", String.valueOf(MAX_NOTE))));
    }
    if (!errors.isEmpty()) throw unprocessable(errors);
    if (!open(t) || t.pending() != null) throw illegal(t, "extend");
    var d = t.change();
    d.pending = Ticket.Pending.EXTEND;
    d.pendingReason = reason;
    d.pendingUntil = until;
    return store(d.done(), "EXTENSION_REQUESTED", actor, reason, until);
  }

  @Transactional
  public TicketAnswer approveExtension(String number, LoopRequests.DecisionRequest body, Actor actor) {
    Ticket t = rows.get(number);
    String note = optional("note", body == null ? null : body.note(), MAX_NOTE);
    if (t.pending() != Ticket.Pending.EXTEND) throw illegal(t, "extend/approve");
    notTheRequester(t, "EXTENSION_REQUESTED", actor);
    var d = t.change();
    d.dueBy = t.pendingUntil();
    d.extensions = t.extensions() + 1;
    d.clearPending();
    return store(d.done(), "EXTENSION_APPROVED", actor, note, t.pendingUntil());
  }

  @Transactional
  public TicketAnswer refuseExtension(String number, LoopRequests.DecisionRequest body, Actor actor) {
    return refuse(number, Ticket.Pending.EXTEND, "extend/refuse", "EXTENSION_REFUSED", body, actor);
  }

  /** 回单: only a signed ticket whose case is resolved or later; the reply goes to the hotline through the outbox. */
  @Transactional
  public TicketAnswer reply(String number, LoopRequests.ReplyRequest body, Actor actor) {
    Ticket t = rows.get(number);
    List<ProblemException.FieldError> errors = new ArrayList<>();
    String text = body == null || body.text() == null ? "" : body.text().strip();
    if (text.isEmpty() || text.length() > MAX_REPLY) {
      errors.add(new ProblemException.FieldError("text", Text.of("hotline.between-1-and-x-characters", String.valueOf(MAX_REPLY))));
    }
    if (body == null || body.result() == null) errors.add(new ProblemException.FieldError("result", Text.of("hotline.required")));
    if (!errors.isEmpty()) throw unprocessable(errors);
    if (t.stage() != TicketStatus.SIGNED || t.pending() != null || !caseIn(t, RESOLVED_OR_LATER)) throw illegal(t, "reply");
    Instant now = clock.instant();
    var d = t.change();
    d.stage = TicketStatus.REPLIED;
    d.repliedAt = now;
    d.replyResult = body.result();
    d.replyText = text;
    d.replies = t.replies() + 1;
    outbox.enqueue(new OutboxMessage("HOTLINE_REPLY", RecipientKind.ENDPOINT, ENDPOINT, "WEBHOOK",
        Map.of("ticketNumber", t.number(), "result", body.result().name(), "text", text, "repliedAt", now.toString()),
        "HOTLINE_REPLY:" + t.number() + ":" + d.replies));
    return store(d.done(), "REPLIED", actor, body.result().name(), null);
  }

  /** 回访: after a reply; DISSATISFIED reopens the case (重办) and the ticket waits for a new reply. */
  @Transactional
  public TicketAnswer visit(String number, LoopRequests.VisitRequest body, Actor actor) {
    Ticket t = rows.get(number);
    if (body == null || body.result() == null) throw unprocessable(List.of(new ProblemException.FieldError("result", Text.of("hotline.required"))));
    String note = optional("note", body.note(), MAX_NOTE);
    if (t.stage() != TicketStatus.REPLIED) throw illegal(t, "visit");
    var d = t.change();
    d.visitedAt = clock.instant();
    d.visitResult = body.result();
    if (body.result() == Ticket.VisitResult.DISSATISFIED) {
      if (caseIn(t, RESOLVED_OR_LATER)) {
        workflow.act(t.caseId(), Action.REOPEN, Workflow.Input.of("12345 回访不满意，重办" + (note == null ? "" : ": " + note)), actor);
      }
      d.redos = t.redos() + 1;
      d.stage = TicketStatus.SIGNED;
    } else {
      d.stage = TicketStatus.VISITED;
    }
    return store(d.done(), "VISITED", actor, body.result().name() + (note == null ? "" : ": " + note), null);
  }

  private TicketAnswer refuse(String number, Ticket.Pending kind, String step, String event, LoopRequests.DecisionRequest body,
      Actor actor) {
    Ticket t = rows.get(number);
    String note = optional("note", body == null ? null : body.note(), MAX_NOTE);
    if (t.pending() != kind) throw illegal(t, step);
    return store(t.change().clearPending().done(), event, actor, note, null);
  }

  /** Four eyes: a return or an extension is approved by someone other than who asked for it (403 otherwise). */
  private void notTheRequester(Ticket t, String requested, Actor actor) {
    String requester = null;
    for (TicketRows.Event e : rows.history(t.number())) if (e.type().equals(requested)) requester = e.actor();
    if (requester != null && requester.equals(actor.username())) {
      throw new ProblemException(org.springframework.http.HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
          Text.of("hotline.approve-own-request"), List.of());
    }
  }

  private TicketAnswer store(Ticket changed, String event, Actor actor, String note, Instant until) {
    rows.update(changed);
    rows.record(changed.number(), event, clock.instant(), actor.username(), note, until);
    return changed.answer();
  }

  /** Still in the hotline's hands and ours: neither returned nor replied. */
  private static boolean open(Ticket t) { return t.stage() == TicketStatus.RECEIVED || t.stage() == TicketStatus.SIGNED; }

  /** No case yet, or its case not taken up (REPORTED): only then can it be rejected back to the hotline. */
  private boolean caseStillNew(Ticket t) { return t.caseId() == null || caseIn(t, Set.of(Status.REPORTED)); }

  private boolean caseIn(Ticket t, Set<Status> statuses) {
    return t.caseId() != null && cases.byPublicId(t.caseId()).map(Incident::getStatus).filter(statuses::contains).isPresent();
  }

  private static String required(String field, String value, int max) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty() || v.length() > max) {
      throw unprocessable(List.of(new ProblemException.FieldError(field, Text.of("hotline.between-1-and-x-characters", String.valueOf(max)))));
    }
    return v;
  }

  private static String optional(String field, String value, int max) {
    if (value == null || value.isBlank()) return null;
    if (value.strip().length() > max) {
      throw unprocessable(List.of(new ProblemException.FieldError(field, Text.of("hotline.at-most-x-characters", String.valueOf(max)))));
    }
    return value.strip();
  }

  static ProblemException unprocessable(List<ProblemException.FieldError> errors) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "Invalid input", (Text) null, errors);
  }

  static ProblemException illegal(Ticket t, String step) {
    return new ProblemException(HttpStatus.CONFLICT, "illegal-transition", "Not allowed in this status",
        Text.of("hotline.cannot-x-ticket-x-while-x", step, t.number(), t.status().name()),
        List.of(new ProblemException.FieldError("status", Text.of("hotline.not-allowed-from-x", t.status().name()))));
  }
}
