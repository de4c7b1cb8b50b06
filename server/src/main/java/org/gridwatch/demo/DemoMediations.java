package org.gridwatch.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gridwatch.demo.DemoConsultation.Ground;
import org.gridwatch.demo.DemoConsultation.OpenCase;
import org.gridwatch.demo.DemoConsultation.Place;

/**
 * Mediation (人民调解) of the demo's neighbour disputes, planned in memory. Of the closed disputes, about nine in ten
 * were mediated at the level that handled the case: most settled (at the grid the case counts as kept in it, 纠纷不出网格;
 * a dispute escalated to the community or above was not), a few not (on to litigation, arbitration or a petition); the rest were handled without a
 * mediation record. Sessions at the community's mediation room, the agreement signed the day the case was resolved,
 * the follow-up visit made after the 30 days for most that are due. A few open disputes are being mediated now.
 */
final class DemoMediations {
  private static final String[] TYPES = {"NOISE", "WATER_LEAK", "PARKING", "SHARED_SPACE", "PETS", "PROPERTY_LINE", "FAMILY", "DEBT", "OTHER"};
  private static final String[] OUTCOMES = {"LITIGATION", "ARBITRATION", "PETITION"};

  record Dispute(long id, String grid, String community, String level, Instant opened, Instant resolved) {}

  static final class Mediation {
    long id, incidentId;
    String disputeType, mediatorKind, mediatorName, level, status, outcome, agreement, followUpResult, followUpNote, grid, community, openedBy;
    Long lawFirm;
    LocalDate signedOn, followUpDue, followedUpOn;
    Instant openedAt, closedAt;
    final List<String[]> parties = new ArrayList<>(); // role, name, phone
    final List<Object[]> sessions = new ArrayList<>(); // held at, place, note
  }

  final List<Mediation> all = new ArrayList<>();
  private final Ground g;
  private final DemoBodies people;
  private final SplittableRandom r;
  private final LocalDate today;

  DemoMediations(Ground g, DemoBodies people, SplittableRandom r) {
    this.g = g;
    this.people = people;
    this.r = r;
    this.today = LocalDate.ofInstant(g.now(), g.zone());
  }

  void plan(List<Dispute> closed, List<OpenCase> open) {
    for (Dispute d : closed) {
      int roll = r.nextInt(100);
      if (roll >= 90) continue; // handled without a mediation record
      Mediation m = mediation(d.id(), d.grid(), d.community(), d.opened().plus(Duration.ofHours(2 + r.nextInt(48))), d.resolved());
      // mediated where the case was handled: a dispute escalated out of its grid was not settled in it
      m.level = d.level();
      m.closedAt = d.resolved();
      if (r.nextInt(100) < (m.level.equals("GRID") ? 8 : 15)) {
        m.status = "NOT_SETTLED";
        m.outcome = OUTCOMES[r.nextInt(OUTCOMES.length)];
        continue;
      }
      m.status = "SETTLED";
      m.signedOn = LocalDate.ofInstant(d.resolved(), g.zone());
      m.agreement = "调解协议（演示）：双方自愿达成协议，" + agreement(m.disputeType) + "，今后互谅互让、和睦相处。";
      m.followUpDue = m.signedOn.plusDays(30);
      if (m.followUpDue.isBefore(today) && r.nextInt(10) < 8) {
        m.followedUpOn = m.followUpDue.plusDays(r.nextInt(6));
        if (m.followedUpOn.isAfter(today)) m.followedUpOn = today;
        m.followUpResult = r.nextInt(12) == 0 ? "BROKEN" : "HOLDING";
        m.followUpNote = m.followUpResult.equals("HOLDING") ? "回访：协议履行良好（演示）" : "回访：一方未按约履行，已再次约谈（演示）";
      }
    }
    for (OpenCase k : open) {
      Instant opened = (k.dispatchedAt != null ? k.dispatchedAt : k.reportedAt).plus(Duration.ofHours(1));
      if (opened.isAfter(g.now())) opened = g.now().minusSeconds(600);
      Mediation m = mediation(k.id, k.grid, k.community, opened, g.now());
      m.level = "GRID";
      m.status = "OPEN";
    }
  }

  private Mediation mediation(long incident, String grid, String community, Instant opened, Instant until) {
    Mediation m = new Mediation();
    m.incidentId = incident;
    m.grid = grid;
    m.community = community;
    m.openedAt = opened.isAfter(until) ? until.minusSeconds(3_600) : opened;
    m.openedBy = r.nextBoolean() ? "gridworker" : "community";
    m.disputeType = TYPES[r.nextInt(TYPES.length)];
    int kind = r.nextInt(10);
    Long law = g.lawFirms().get(community);
    if (kind < 2 && law != null) {
      m.mediatorKind = "LAWYER";
      m.lawFirm = law;
      m.mediatorName = DemoBodies.SURNAMES[r.nextInt(DemoBodies.SURNAMES.length)] + "律师（演示）";
    } else {
      m.mediatorKind = kind < 4 ? "VOLUNTEER" : "PEOPLES_MEDIATOR";
      m.mediatorName = people.name();
    }
    m.parties.add(new String[] {"APPLICANT", people.name(), phone()});
    m.parties.add(new String[] {"RESPONDENT", people.name(), phone()});
    if (r.nextInt(5) == 0) m.parties.add(new String[] {"RESPONDENT", people.name(), phone()});
    Place room = g.mediationRooms().get(community);
    long span = Math.max(600, Duration.between(m.openedAt, until).getSeconds());
    int sessions = 1 + r.nextInt(3);
    for (int i = 0; i < sessions; i++) {
      Instant at = m.openedAt.plusSeconds(span * (i + 1) / (sessions + 1));
      m.sessions.add(new Object[] {at, room, i == 0 ? "首次调解：听取双方陈述（演示）" : "再次调解：商议解决方案（演示）"});
    }
    all.add(m);
    return m;
  }

  private String phone() { return String.format("1380001%04d", r.nextInt(10_000)); }

  private static String agreement(String type) {
    return switch (type) {
      case "NOISE" -> "一方承诺晚十点后不再进行装修和娱乐活动";
      case "WATER_LEAK" -> "漏水方负责维修并赔偿楼下损失";
      case "PARKING" -> "双方按划定车位停放，不再占用对方车位";
      case "PETS" -> "养犬方文明养犬、牵绳出行并清理粪便";
      default -> "双方按协商方案各自履行";
    };
  }
}
