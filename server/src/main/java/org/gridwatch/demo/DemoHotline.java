package org.gridwatch.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.incident.Action;
import org.gridwatch.incident.Actor;
import org.gridwatch.incident.Workflow;
import org.gridwatch.security.Role;
import org.gridwatch.service.Sequences;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 12345 work orders for the demo (issue 17 part D), all synthetic and marked 演示: one ticket for each of the last
 * months' hotline-channel cases of the demo's case history (its times follow the case: received just before the case
 * was reported, signed mostly within the limit, replied after it was resolved, visited a day later), in every state —
 * returned with the rejected cases, extended, pending approval, replied, visited, a few dissatisfied and reopened as
 * 重办 — and a dozen recent tickets whose addresses no geocoder places, waiting to be located. No reply is put in
 * the outbox: the demo must not post to a real hotline.
 */
@Component
@DemoDataEnabled
class DemoHotline {
  static final int MAX_TICKETS = 300;
  static final int TO_LOCATE = 12;
  /** Tickets for places outside the district, returned to the hotline without a case. */
  static final int RETURNED_UNLOCATED = 3;
  private static final Actor OPERATOR = new Actor("operator", Set.of(Role.OPERATOR), Optional.empty());
  private static final String[] REPLIES = {"已安排网格员现场处理完毕（演示）", "已联系相关部门解释政策（演示）", "已协调物业维修（演示）"};

  private final JdbcTemplate jdbc;
  private final Sequences sequences;
  private final Workflow workflow;
  private final DistrictProfile district;
  private final Clock clock;

  DemoHotline(JdbcTemplate jdbc, Sequences sequences, Workflow workflow, DistrictProfile district, Clock clock) {
    this.jdbc = jdbc;
    this.sequences = sequences;
    this.workflow = workflow;
    this.district = district;
    this.clock = clock;
  }

  /** A hotline-channel case of the demo history. */
  private record Case(long id, String publicId, String category, String requestType, String description, String address,
      String status, Instant reported, Instant resolved) {}

  String seed() {
    Integer already = jdbc.queryForObject("SELECT COUNT(*) FROM hotline_ticket WHERE synthetic", Integer.class);
    if (already != null && already > 0) return "already there";
    Instant now = clock.instant();
    List<Case> cases = jdbc.query("SELECT id, public_id, category_code, request_type, description, address, status, reported_at,"
        + " resolved_at FROM incident WHERE channel = 'HOTLINE' AND reported_at >= ? ORDER BY reported_at DESC LIMIT " + MAX_TICKETS,
        (rs, i) -> new Case(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()),
        Timestamp.from(now.minus(Duration.ofDays(120))));
    SplittableRandom r = new SplittableRandom(20261207);
    List<Object[]> tickets = new ArrayList<>();
    List<Object[]> events = new ArrayList<>();
    List<String> redo = new ArrayList<>();
    DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(zoneOr());
    int seq = 0;
    for (Case c : cases) {
      String number = "DEMO-" + day.format(c.reported()) + "-" + String.format("%04d", ++seq);
      Instant received = c.reported().minus(Duration.ofMinutes(3 + r.nextInt(18)));
      Ticket t = new Ticket(number, received, received.plus(Duration.ofHours(2)),
          received.plus(Duration.ofDays("CONSULT".equals(c.requestType()) ? 3 : 7)));
      t.events.add(event(number, "RECEIVED", received, "12345", null, null));
      t.events.add(event(number, "LOCATED", received, "12345", c.publicId(), null));
      boolean fresh = Duration.between(received, now).toHours() < 2;
      if (!fresh || r.nextInt(3) == 0) {
        t.signedAt = min(received.plus(Duration.ofMinutes(5 + (r.nextInt(10) == 0 ? 120 + r.nextInt(300) : r.nextInt(110)))), now);
        t.stage = "SIGNED";
        t.events.add(event(number, "SIGNED", t.signedAt, "operator", t.signedAt.isAfter(t.signBy) ? "late" : null, null));
      }
      if ("REJECTED".equals(c.status())) {
        t.stage = "RETURNED";
        t.returnedAt = min(received.plus(Duration.ofHours(3)), now);
        t.returnReason = "非本区管辖事项，退回热线（演示）";
        t.events.add(event(number, "RETURN_REQUESTED", t.returnedAt.minus(Duration.ofMinutes(30)), "operator", t.returnReason, null));
        t.events.add(event(number, "RETURN_APPROVED", t.returnedAt, "admin", null, null));
      } else if (t.signedAt != null && r.nextInt(12) == 0) {
        Instant until = t.dueBy.plus(Duration.ofDays(5));
        Instant asked = min(received.plus(Duration.ofDays(2)), now);
        t.events.add(event(number, "EXTENSION_REQUESTED", asked, "operator", "需协调多个部门（演示）", until));
        if (c.resolved() == null && r.nextBoolean()) {
          t.pending = "EXTEND";
          t.pendingReason = "需协调多个部门（演示）";
          t.pendingUntil = until;
        } else {
          t.dueBy = until;
          t.extensions = 1;
          t.events.add(event(number, "EXTENSION_APPROVED", asked.plus(Duration.ofHours(1)), "admin", null, until));
        }
      }
      if (t.signedAt != null && c.resolved() != null && !"RETURNED".equals(t.stage)) {
        t.repliedAt = min(c.resolved().plus(Duration.ofMinutes(30 + r.nextInt(r.nextInt(8) == 0 ? 7200 : 600))), now);
        int x = r.nextInt(20);
        t.replyResult = x < 16 ? "SOLVED" : x < 19 ? "EXPLAINED" : "UNSOLVED";
        t.replyText = REPLIES[r.nextInt(REPLIES.length)];
        t.replies = 1;
        t.stage = "REPLIED";
        t.events.add(event(number, "REPLIED", t.repliedAt, "operator", t.replyResult, null));
        Instant visit = t.repliedAt.plus(Duration.ofDays(1));
        if (visit.isBefore(now) && r.nextInt(10) < 8) {
          int v = r.nextInt(20);
          t.visitedAt = visit;
          t.visitResult = v < 14 ? "SATISFIED" : v < 18 ? "BASIC" : "DISSATISFIED";
          t.stage = "VISITED";
          t.events.add(event(number, "VISITED", visit, "operator", t.visitResult, null));
          if ("DISSATISFIED".equals(t.visitResult)) {
            t.redos = 1;
            t.stage = "SIGNED";
            redo.add(c.publicId());
          }
        }
      }
      tickets.add(t.row(c));
      events.addAll(t.events);
    }
    for (int i = 0; i < TO_LOCATE + RETURNED_UNLOCATED; i++) {
      boolean returned = i >= TO_LOCATE;
      String number = (returned ? "DEMO-RET-" : "DEMO-LOC-") + String.format("%04d", i + 1);
      Instant received = now.minus(Duration.ofMinutes(20 + r.nextInt(3 * 24 * 60)));
      Ticket t = new Ticket(number, received, received.plus(Duration.ofHours(2)), received.plus(Duration.ofDays(7)));
      t.events.add(event(number, "RECEIVED", received, "12345", null, null));
      if (i % 2 == 0) {
        t.signedAt = min(received.plus(Duration.ofMinutes(30)), now);
        t.stage = "SIGNED";
        t.events.add(event(number, "SIGNED", t.signedAt, "operator", null, null));
      }
      if (returned) {
        t.stage = "RETURNED";
        t.returnedAt = min(received.plus(Duration.ofHours(1)), now);
        t.returnReason = "所报地点不在本区，退回热线改派（演示）";
        t.events.add(event(number, "RETURN_REQUESTED", t.returnedAt.minus(Duration.ofMinutes(20)), "operator", t.returnReason, null));
        t.events.add(event(number, "RETURN_APPROVED", t.returnedAt, "admin", null, null));
      }
      tickets.add(t.unlocated("来电人只说在“演示路" + (i + 3) + "号附近”，需人工定位（演示）", "演示路" + (i + 3) + "号附近",
          i % 3 == 0 ? "SANITATION" : "MUNICIPAL_FACILITY"));
      events.addAll(t.events);
    }
    jdbc.batchUpdate("INSERT INTO hotline_ticket (ticket_number, request_hash, received_at, sign_by, due_by, request_type,"
        + " category_code, content, address, caller_name, caller_phone, status, incident_id, case_public_id, signed_at, signed_late,"
        + " pending, pending_reason, pending_until, returned_at, return_reason, extensions, replied_at, reply_result, reply_text,"
        + " replies, visited_at, visit_result, redos, synthetic) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)", tickets);
    var ids = sequences.next("hotline_event_seq", events.size());
    List<Object[]> withIds = new ArrayList<>();
    for (Object[] e : events) {
      Object[] row = new Object[e.length + 1];
      row[0] = ids.next();
      System.arraycopy(e, 0, row, 1, e.length);
      withIds.add(row);
    }
    jdbc.batchUpdate("INSERT INTO hotline_event (id, ticket_number, type, at, actor, note, until_at) VALUES (?, ?, ?, ?, ?, ?, ?)", withIds);
    int reopened = 0;
    for (String id : redo) {
      try {
        workflow.act(id, Action.REOPEN, Workflow.Input.of("12345 回访不满意，重办（演示）"), OPERATOR);
        reopened++;
      } catch (RuntimeException e) {
        // a case the history left where it cannot be reopened: its ticket still counts the redo
      }
    }
    return tickets.size() + " tickets (" + TO_LOCATE + " to locate), " + reopened + " reopened after a dissatisfied visit";
  }

  private ZoneId zoneOr() { return district.timeZone(); }

  private static Instant min(Instant a, Instant b) { return a.isBefore(b) ? a : b; }

  private static Object[] event(String number, String type, Instant at, String actor, String note, Instant until) {
    return new Object[] {number, type, Timestamp.from(at), actor, note, until == null ? null : Timestamp.from(until)};
  }

  /** A ticket being made up, its loop's fields filled in as its story goes. */
  private static final class Ticket {
    final String number;
    final Instant received;
    final Instant signBy;
    Instant dueBy;
    String stage = "RECEIVED";
    Instant signedAt;
    String pending;
    String pendingReason;
    Instant pendingUntil;
    Instant returnedAt;
    String returnReason;
    int extensions;
    Instant repliedAt;
    String replyResult;
    String replyText;
    int replies;
    Instant visitedAt;
    String visitResult;
    int redos;
    final List<Object[]> events = new ArrayList<>();

    Ticket(String number, Instant received, Instant signBy, Instant dueBy) {
      this.number = number;
      this.received = received;
      this.signBy = signBy;
      this.dueBy = dueBy;
    }

    Object[] row(Case c) {
      return values(c.requestType(), c.category(), c.description() + "（12345 演示工单）", c.address(), c.id(), c.publicId());
    }

    Object[] unlocated(String content, String address, String category) {
      return values("COMPLAINT", category, content, address, null, null);
    }

    private Object[] values(String requestType, String category, String content, String address, Long incidentId, String caseId) {
      String phone = "1390000" + String.format("%04d", Math.floorMod(number.hashCode(), 10000));
      return new Object[] {number, "demo", ts(received), ts(signBy), ts(dueBy), requestType, category,
          content.length() > 4000 ? content.substring(0, 4000) : content, address, "演示来电人", phone, stage, incidentId, caseId,
          ts(signedAt), signedAt != null && signedAt.isAfter(signBy), pending, pendingReason, ts(pendingUntil), ts(returnedAt),
          returnReason, extensions, ts(repliedAt), replyResult, replyText, replies, ts(visitedAt), visitResult, redos};
    }

    private static Timestamp ts(Instant i) { return i == null ? null : Timestamp.from(i); }
  }
}
