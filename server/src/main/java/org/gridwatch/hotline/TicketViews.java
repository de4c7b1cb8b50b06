package org.gridwatch.hotline;

import java.time.Instant;
import java.util.List;
import org.gridwatch.incident.Incident;
import org.gridwatch.incident.RequestType;
import org.gridwatch.incident.Status;

/** How the operators' API shows tickets: a list row (caller's phone masked) and one ticket with its history. */
final class TicketViews {
  private TicketViews() {}

  /** Where the case is and how it stands; null members while the ticket has no case. */
  record CaseRef(String id, Status status, Double lon, Double lat, String gridCode, String communityCode,
      String subdistrictCode) {
    static CaseRef of(Incident i) {
      return i == null ? null : new CaseRef(i.getPublicId(), i.getStatus(), i.getLocation().getX(), i.getLocation().getY(),
          i.getGridCode(), i.getCommunityCode(), i.getSubdistrictCode());
    }
  }

  record PendingView(Ticket.Pending kind, String reason, Instant until) {}

  record ReplyView(Instant at, Ticket.ReplyResult result, String text, int count) {}

  record VisitView(Instant at, Ticket.VisitResult result) {}

  /** One row of {@code GET /api/v1/hotline/tickets}. */
  record Summary(String ticketNumber, String caseId, TicketStatus status, boolean located, Instant receivedAt, Instant signBy,
      Instant dueBy, Instant signedAt, boolean signedLate, RequestType requestType, String category, String content,
      String address, String callerPhone, PendingView pending, int extensions, int redos, Ticket.VisitResult visitResult,
      CaseRef incident) {}

  record Summaries(List<Summary> tickets) {}

  /** The caller, sealed: shown in full on the one-ticket read (the operator calls back for 回访), masked in lists. */
  record CallerView(String name, String phone) {}

  /** {@code GET /api/v1/hotline/tickets/{number}}: the ticket, its case, the loop's state and its history. */
  record Detail(String ticketNumber, String caseId, TicketStatus status, boolean located, Instant receivedAt, Instant signBy,
      Instant dueBy, Instant signedAt, boolean signedLate, RequestType requestType, String category, String content,
      String address, CallerView caller, PendingView pending, Instant returnedAt, String returnReason, int extensions,
      ReplyView reply, VisitView visit, int redos, CaseRef incident, List<TicketRows.Event> history) {}

  static Summary summary(Ticket t, Incident i) {
    return new Summary(t.number(), t.caseId(), t.status(), t.located(), t.receivedAt(), t.signBy(), t.dueBy(), t.signedAt(),
        t.signedLate(), t.requestType(), t.category(), t.content(), t.address(), maskPhone(t.callerPhone()), pending(t),
        t.extensions(), t.redos(), t.visitResult(), CaseRef.of(i));
  }

  static Detail detail(Ticket t, Incident i, List<TicketRows.Event> history) {
    return new Detail(t.number(), t.caseId(), t.status(), t.located(), t.receivedAt(), t.signBy(), t.dueBy(), t.signedAt(),
        t.signedLate(), t.requestType(), t.category(), t.content(), t.address(),
        t.callerName() == null && t.callerPhone() == null ? null : new CallerView(t.callerName(), t.callerPhone()), pending(t),
        t.returnedAt(), t.returnReason(), t.extensions(),
        t.repliedAt() == null ? null : new ReplyView(t.repliedAt(), t.replyResult(), t.replyText(), t.replies()),
        t.visitedAt() == null ? null : new VisitView(t.visitedAt(), t.visitResult()), t.redos(), CaseRef.of(i), history);
  }

  private static PendingView pending(Ticket t) {
    return t.pending() == null ? null : new PendingView(t.pending(), t.pendingReason(), t.pendingUntil());
  }

  /** 138****1234: the first three and last four digits. */
  static String maskPhone(String phone) {
    if (phone == null) return null;
    String digits = phone.replaceAll("\\D", "");
    if (digits.length() < 8) return "****";
    return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
  }
}
