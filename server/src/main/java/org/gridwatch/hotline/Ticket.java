package org.gridwatch.hotline;

import java.time.Instant;
import org.gridwatch.incident.RequestType;

/**
 * One stored hotline ticket (a row of {@code hotline_ticket}). {@code stage} is the hotline loop's own step; the
 * status shown ({@link #status()}) is TO_LOCATE while no case exists and the ticket was not returned.
 */
record Ticket(String number, String requestHash, Instant receivedAt, Instant signBy, Instant dueBy, RequestType requestType,
    String category, String content, String address, String callerName, String callerPhone, TicketStatus stage,
    Long incidentId, String caseId, Instant signedAt, boolean signedLate, Pending pending, String pendingReason,
    Instant pendingUntil, Instant returnedAt, String returnReason, int extensions, Instant repliedAt, ReplyResult replyResult,
    String replyText, int replies, Instant visitedAt, VisitResult visitResult, int redos, long version) {

  /** A request waiting for approval: 退单 or 延期. */
  enum Pending { RETURN, EXTEND }

  /** 回单 result: solved, explained (answered, nothing to solve), unsolved. */
  enum ReplyResult { SOLVED, EXPLAINED, UNSOLVED }

  /** 回访 result: satisfied, basically satisfied, dissatisfied. */
  enum VisitResult { SATISFIED, BASIC, DISSATISFIED }

  boolean located() { return incidentId != null; }

  TicketStatus status() { return !located() && stage != TicketStatus.RETURNED ? TicketStatus.TO_LOCATE : stage; }

  TicketAnswer answer() { return new TicketAnswer(number, caseId, status(), located()); }

  Draft change() { return new Draft(this); }

  /** A copy of a ticket to change the loop's fields of, then {@link #done()} as the ticket to store. */
  static final class Draft {
    private final Ticket t;
    TicketStatus stage;
    Long incidentId;
    String caseId;
    Instant signedAt;
    boolean signedLate;
    Pending pending;
    String pendingReason;
    Instant pendingUntil;
    Instant returnedAt;
    String returnReason;
    int extensions;
    Instant dueBy;
    Instant repliedAt;
    ReplyResult replyResult;
    String replyText;
    int replies;
    Instant visitedAt;
    VisitResult visitResult;
    int redos;

    private Draft(Ticket t) {
      this.t = t;
      stage = t.stage; incidentId = t.incidentId; caseId = t.caseId; signedAt = t.signedAt; signedLate = t.signedLate;
      pending = t.pending; pendingReason = t.pendingReason; pendingUntil = t.pendingUntil; returnedAt = t.returnedAt;
      returnReason = t.returnReason; extensions = t.extensions; dueBy = t.dueBy; repliedAt = t.repliedAt;
      replyResult = t.replyResult; replyText = t.replyText; replies = t.replies; visitedAt = t.visitedAt;
      visitResult = t.visitResult; redos = t.redos;
    }

    Draft clearPending() {
      pending = null;
      pendingReason = null;
      pendingUntil = null;
      return this;
    }

    Ticket done() {
      return new Ticket(t.number, t.requestHash, t.receivedAt, t.signBy, dueBy, t.requestType, t.category, t.content, t.address,
          t.callerName, t.callerPhone, stage, incidentId, caseId, signedAt, signedLate, pending, pendingReason, pendingUntil,
          returnedAt, returnReason, extensions, repliedAt, replyResult, replyText, replies, visitedAt, visitResult, redos,
          t.version);
    }
  }
}
