package org.gridwatch.hotline;

import java.time.Instant;

/** The bodies of the hotline loop's steps; every member optional to Jackson, checked by the step (naming the field). */
final class LoopRequests {
  private LoopRequests() {}

  /** 退单: why the ticket is not ours (required). */
  record ReturnRequest(String reason) {}

  /** An approval or refusal of a pending 退单 or 延期, with an optional note. */
  record DecisionRequest(String note) {}

  /** 延期申请: the new due date asked for and why (both required). */
  record ExtendRequest(Instant until, String reason) {}

  /** 回单: the reply text and its result (both required). */
  record ReplyRequest(String text, Ticket.ReplyResult result) {}

  /** 回访: the caller's verdict (required) and a note. */
  record VisitRequest(Ticket.VisitResult result, String note) {}
}
