package org.gridwatch.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.gridwatch.demo.DemoBodies.Body;
import org.gridwatch.demo.DemoBodies.Community;
import org.gridwatch.demo.DemoBodies.Member;
import org.gridwatch.demo.DemoConsultation.Ground;
import org.gridwatch.demo.DemoConsultation.Place;
import org.gridwatch.demo.DemoConsultation.PastCase;
import org.gridwatch.governance.BodyKind;

/**
 * A year of the 三事制 loop in every community, planned in memory: about one meeting a month (the residents' committee
 * most months, a grid council, the party committee, the congress twice a year) at the community's service centre or
 * party service centre (the grid's own service point for a grid council, when it has one); topics from residents'
 * proposals (with supporters), from the community's past cases, from recorded needs and from the party committee or
 * the congress; attendance of every member in term, a few meetings short of their quorum (their topics go to the next
 * meeting); decisions by vote (each present voting member's choice, adopted by the body's rule, a few voted down) or
 * by consensus where the body allows it; one or two tasks per adopted decision — most verified by their due day, some
 * late, some still open past it — and the supervision committee's check of most topics carried out. Each community also
 * has a meeting planned for the coming days, some proposals waiting and one declined.
 */
final class DemoMeetings {
  private static final String[][] TITLES = {
      {"RESIDENT_PROPOSAL", "楼道堆物清理与消防通道畅通", "小区增设电动自行车充电桩", "老旧楼道加装扶手", "宠物管理公约", "楼院绿地改建为休闲角"},
      {"CASES", "反复发生的占道经营问题", "楼上漏水引发的邻里纠纷", "夜间噪音扰民问题", "公共区域停车秩序", "垃圾分类点位异味"},
      {"NEED", "高龄独居老人助餐服务", "社区法律咨询需求", "青少年课后托管", "居家养老上门服务"},
      {"BODY", "党员志愿者包楼联户安排", "社区年度民生实事项目", "文明创建任务分解", "防汛防台应急预案"}};
  private static final String[] TEAMS = {"网格志愿服务队（演示）", "党员先锋队（演示）", "楼长队伍（演示）"};

  static final class Topic {
    long id;
    String title, description, source, status = "ACCEPTED", declineReason, proposer, grid, community;
    Body body, sourceBody;
    Long needId;
    double lon, lat;
    Instant createdAt, decidedAt, doneAt;
    final List<PastCase> cases = new ArrayList<>();
    final List<String> supporters = new ArrayList<>();
  }

  static final class Meeting {
    long id;
    Body body;
    String title, status, placeName, grid, minutes;
    Long servicePoint;
    double lon, lat;
    Instant startsAt, endsAt;
    Boolean quorumMet;
    Integer attendees;
    final List<Topic> agenda = new ArrayList<>();
    final List<Object[]> invitees = new ArrayList<>(); // kind, name, organisation id or null, present or null
    final List<Member> present = new ArrayList<>(), absent = new ArrayList<>();
  }

  static final class Decision {
    long id;
    Meeting meeting;
    Topic topic;
    String method, text;
    int votesFor, against, abstentions;
    boolean adopted;
    Instant publishedAt;
    final List<Object[]> votes = new ArrayList<>(); // member, choice
    final List<Task> tasks = new ArrayList<>();
  }

  static final class Task {
    long id;
    Decision decision;
    String title, ownerKind, ownerName, status;
    Long ownerRef;
    Member ownerMember; // its id is the owner's ref once the members are written
    LocalDate dueOn;
    Instant doneAt, verifiedAt;
  }

  record Supervision(Topic topic, Member member, String result, Instant at) {}

  final List<Topic> topics = new ArrayList<>();
  final List<Meeting> meetings = new ArrayList<>();
  final List<Decision> decisions = new ArrayList<>();
  final List<Supervision> supervisions = new ArrayList<>();
  private final Ground g;
  private final DemoBodies people;
  private final SplittableRandom r;
  private final ZoneId zone;
  private final Instant now;
  private final LocalDate today;

  DemoMeetings(Ground g, DemoBodies people, SplittableRandom r) {
    this.g = g;
    this.people = people;
    this.r = r;
    this.zone = g.zone();
    this.now = g.now();
    this.today = LocalDate.ofInstant(now, zone);
  }

  void plan() {
    List<Community> communities = people.communities.values().stream().sorted(Comparator.comparing(c -> c.area.code())).toList();
    for (Community c : communities) year(c);
  }

  private void year(Community c) {
    List<Topic> carried = new ArrayList<>();
    LocalDate first = today.minusDays(360 + r.nextInt(10));
    for (int month = 0; month < 12; month++) {
      LocalDate day = first.plusDays(month * 30L + r.nextInt(8));
      if (!day.isBefore(today)) break;
      Body body = bodyFor(c, month, day);
      Meeting m = meeting(c, body, day);
      m.agenda.addAll(carried);
      carried.clear();
      for (int n = 1 + r.nextInt(2); n > 0; n--) m.agenda.add(topic(c, body, day.minusDays(5 + r.nextInt(20)), body.kind.party() ? "BODY" : null));
      if (r.nextInt(40) == 0) { // called off: its topics wait for the next one
        m.status = "CANCELLED";
        carried.addAll(m.agenda);
        continue;
      }
      held(m, r.nextInt(14) == 0);
      if (!m.quorumMet) { carried.addAll(m.agenda); continue; }
      for (Topic t : m.agenda) decide(m, t);
    }
    // the next meeting, planned: the topics waiting and a fresh one
    Body next = c.bodies.get(BodyKind.RESIDENTS_COMMITTEE);
    Meeting planned = meeting(c, next, today.plusDays(2 + r.nextInt(12)));
    planned.agenda.addAll(carried);
    planned.agenda.add(topic(c, next, today.minusDays(1 + r.nextInt(6)), null));
    // proposals not yet taken up, and one declined
    topic(c, next, today.minusDays(1 + r.nextInt(10)), "RESIDENT_PROPOSAL").status = "PROPOSED";
    Topic declined = topic(c, next, today.minusDays(20 + r.nextInt(200)), "RESIDENT_PROPOSAL");
    declined.status = "DECLINED";
    declined.declineReason = "不属于社区议事范围，已转物业公司按合同处理（演示）";
  }

  private Body bodyFor(Community c, int month, LocalDate day) {
    Body b = switch (month % 6) {
      case 1, 4 -> c.gridCouncils.isEmpty() ? null : c.gridCouncils.get(r.nextInt(c.gridCouncils.size()));
      case 3 -> c.bodies.get(BodyKind.PARTY_COMMITTEE);
      case 5 -> c.bodies.get(BodyKind.RESIDENTS_CONGRESS);
      default -> null;
    };
    return b != null && !b.constitutedOn.isAfter(day) ? b : c.bodies.get(BodyKind.RESIDENTS_COMMITTEE);
  }

  private Meeting meeting(Community c, Body body, LocalDate day) {
    Meeting m = new Meeting();
    m.body = body;
    m.status = "PLANNED";
    m.title = body.name.replace("（演示）", "") + day.getMonthValue() + "月议事会议（演示）";
    m.startsAt = day.atTime(LocalTime.of(r.nextInt(3) == 0 ? 9 : 19, 0)).atZone(zone).toInstant();
    m.endsAt = m.startsAt.plus(Duration.ofMinutes(90 + 30 * r.nextInt(3)));
    // a grid's own service point, else the community's (the party service centre for a party body)
    Place p = body.grid != null && g.pointsByGrid().containsKey(body.grid) ? g.pointsByGrid().get(body.grid)
        : g.pointsByCommunity().getOrDefault(c.area.code() + (body.kind.party() ? ":PARTY" : ""), g.pointsByCommunity().get(c.area.code()));
    if (p != null) {
      m.servicePoint = p.id();
      m.placeName = p.name();
      m.lon = p.lon();
      m.lat = p.lat();
      m.grid = p.grid();
    } else {
      m.placeName = body.grid != null ? body.name.replace("（演示）", "") + "议事点（演示）" : c.area.name() + "居委会议事室（演示）";
      m.lon = body.lon;
      m.lat = body.lat;
      m.grid = body.grid != null ? body.grid : g.gridAt(body.lon, body.lat);
    }
    m.invitees.add(new Object[] {"RESIDENT", "居民代表" + people.name(), null, null});
    Long company = g.propertyCompanies().get(body.grid != null ? body.grid : c.area.code());
    if (company != null && r.nextBoolean()) m.invitees.add(new Object[] {"PROPERTY_COMPANY", g.organisationNames().get(company), company, null});
    meetings.add(m);
    return m;
  }

  /** Attendance of every member in term that day; {@code thin}: most stay away, so the quorum may fail. */
  private void held(Meeting m, boolean thin) {
    LocalDate day = LocalDate.ofInstant(m.startsAt, zone);
    List<Member> inTerm = m.body.inTerm(day);
    for (Member x : inTerm) (r.nextInt(100) < (thin ? 30 : 88) ? m.present : m.absent).add(x);
    int voting = (int) inTerm.stream().filter(x -> x.voting).count();
    m.quorumMet = m.body.rules.quorumMet((int) m.present.stream().filter(x -> x.voting).count(), voting);
    m.status = "HELD";
    int guests = 0;
    for (Object[] i : m.invitees) {
      i[3] = r.nextInt(10) < 8;
      if ((Boolean) i[3]) guests++;
    }
    m.attendees = m.present.size() + guests + r.nextInt(m.body.kind == BodyKind.RESIDENTS_CONGRESS ? 30 : 12);
    m.minutes = "会议纪要（演示）：应到" + inTerm.size() + "人，实到" + m.present.size() + "人，" + (m.quorumMet ? "符合" : "不足")
        + "法定人数；议题" + m.agenda.size() + "项。";
  }

  private Topic topic(Community c, Body body, LocalDate created, String source) {
    Topic t = new Topic();
    String[] kinds = {"RESIDENT_PROPOSAL", "RESIDENT_PROPOSAL", "CASES", "CASES", "NEED", "BODY"};
    t.source = source != null ? source : kinds[r.nextInt(kinds.length)];
    t.body = body;
    t.community = c.area.code();
    t.createdAt = created.atTime(10, 0).atZone(zone).toInstant();
    t.lon = body.lon;
    t.lat = body.lat;
    if (t.source.equals("CASES") && !casesOf(c, t)) t.source = "RESIDENT_PROPOSAL";
    if (t.source.equals("NEED")) {
      List<Long> needs = g.needsByCommunity().getOrDefault(c.area.code(), List.of());
      if (needs.isEmpty()) t.source = "RESIDENT_PROPOSAL";
      else t.needId = needs.get(r.nextInt(needs.size()));
    }
    if (t.source.equals("BODY")) {
      t.sourceBody = body.kind == BodyKind.PARTY_COMMITTEE ? c.bodies.get(BodyKind.RESIDENTS_CONGRESS) : c.bodies.get(BodyKind.PARTY_COMMITTEE);
    }
    if (t.source.equals("RESIDENT_PROPOSAL")) {
      t.proposer = people.name();
      for (int n = 2 + r.nextInt(6); n > 0; n--) t.supporters.add(people.name());
    }
    String[] titles = java.util.Arrays.stream(TITLES).filter(x -> x[0].equals(t.source)).findFirst().orElseThrow();
    t.title = titles[1 + r.nextInt(titles.length - 1)] + "（演示）";
    t.description = "示例议题（演示数据）：" + t.title.replace("（演示）", "") + "，由" + c.area.name() + "提出，拟提交" + body.name + "协商。";
    t.grid = body.grid != null ? body.grid : g.gridAt(t.lon, t.lat);
    topics.add(t);
    return t;
  }

  /** One or two past closed cases of the community, not yet in a topic, reported before the topic: its point is theirs. */
  private boolean casesOf(Community c, Topic t) {
    List<PastCase> pool = g.closedCases().getOrDefault(c.area.code(), List.of());
    for (PastCase k : pool) {
      if (k.taken || !k.closedAt.isBefore(t.createdAt)) continue;
      k.taken = true;
      t.cases.add(k);
      if (t.cases.size() == 1) {
        t.lon = k.lon;
        t.lat = k.lat;
      }
      if (t.cases.size() == 2 || r.nextBoolean()) break;
    }
    return !t.cases.isEmpty();
  }

  private void decide(Meeting m, Topic t) {
    Decision d = new Decision();
    d.meeting = m;
    d.topic = t;
    decisions.add(d);
    t.decidedAt = m.endsAt;
    if (m.body.rules.consensusAllowed() && r.nextInt(10) < 3) {
      d.method = "CONSENSUS";
      d.adopted = true;
    } else {
      d.method = "VOTE";
      int inFavour = r.nextInt(12) == 0 ? 35 : 90; // a contested topic now and then
      for (Member x : m.present) {
        if (!x.voting) continue;
        int roll = r.nextInt(100);
        String choice = roll < inFavour ? "FOR" : roll < inFavour + (100 - inFavour) / 2 ? "AGAINST" : "ABSTAIN";
        d.votes.add(new Object[] {x, choice});
        if (choice.equals("FOR")) d.votesFor++;
        else if (choice.equals("AGAINST")) d.against++;
        else d.abstentions++;
      }
      LocalDate day = LocalDate.ofInstant(m.startsAt, zone);
      int voting = (int) m.body.inTerm(day).stream().filter(x -> x.voting).count();
      d.adopted = m.body.rules.adopted(d.votesFor, d.votes.size(), voting);
    }
    d.text = (d.adopted ? "经协商议定：" + t.title.replace("（演示）", "") + "由相关方按分工落实，社区跟踪督办（演示）"
        : "经表决未获通过：" + t.title.replace("（演示）", "") + "暂缓实施，另行征求意见（演示）");
    if (m.endsAt.plus(Duration.ofDays(3)).isBefore(now) && r.nextInt(10) < 8) d.publishedAt = m.endsAt.plus(Duration.ofDays(2));
    t.status = d.adopted ? "DECIDED" : "NOT_AGREED";
    if (d.adopted) tasks(d);
  }

  private void tasks(Decision d) {
    LocalDate day = LocalDate.ofInstant(d.meeting.startsAt, zone);
    for (int n = 1 + r.nextInt(2); n > 0; n--) {
      Task k = new Task();
      k.decision = d;
      k.title = (n == 2 ? "宣传发动：" : "落实：") + d.topic.title;
      owner(k, d);
      k.dueOn = day.plusDays(14 + r.nextInt(46));
      fate(k);
      d.tasks.add(k);
    }
    if (d.tasks.stream().allMatch(k -> k.status.equals("VERIFIED"))) {
      Topic t = d.topic;
      t.status = "CARRIED_OUT";
      t.doneAt = d.tasks.stream().map(k -> k.verifiedAt).max(Comparator.naturalOrder()).orElseThrow();
      Instant check = t.doneAt.plus(Duration.ofDays(2 + r.nextInt(10)));
      Body supervisors = people.communities.get(t.community).bodies.get(BodyKind.SUPERVISION_COMMITTEE);
      List<Member> inTerm = supervisors.inTerm(LocalDate.ofInstant(check, zone));
      if (check.isBefore(now) && r.nextInt(10) < 8 && !inTerm.isEmpty()) {
        supervisions.add(new Supervision(t, inTerm.get(r.nextInt(inTerm.size())), r.nextInt(12) == 0 ? "UNSATISFACTORY" : "SATISFACTORY", check));
        t.status = "CHECKED";
      }
    }
  }

  private void owner(Task k, Decision d) {
    int kind = r.nextInt(4);
    Long company = g.propertyCompanies().get(d.meeting.body.grid != null ? d.meeting.body.grid : d.topic.community);
    if (kind == 0 && company != null) {
      k.ownerKind = "PROPERTY_COMPANY";
      k.ownerRef = company;
      k.ownerName = g.organisationNames().get(company);
    } else if (kind == 1) {
      k.ownerKind = "TEAM";
      k.ownerName = TEAMS[r.nextInt(TEAMS.length)];
    } else {
      Member x = d.meeting.present.get(r.nextInt(d.meeting.present.size()));
      k.ownerKind = "PERSON";
      k.ownerMember = x;
      k.ownerName = x.name;
    }
  }

  /** Most verified by the due day, some late, some still open past it; those not yet due in any state. */
  private void fate(Task k) {
    Instant created = k.decision.meeting.endsAt;
    Instant dueEnd = k.dueOn.plusDays(1).atStartOfDay(zone).toInstant();
    int roll = r.nextInt(100);
    if (!k.dueOn.isBefore(today)) {
      k.status = roll < 45 ? "OPEN" : roll < 70 ? "DONE" : "VERIFIED";
    } else {
      k.status = roll < 78 ? "VERIFIED" : roll < 90 ? "LATE" : roll < 95 ? "DONE" : "OPEN";
    }
    if (k.status.equals("OPEN")) return;
    Instant until = k.status.equals("LATE") ? now.isBefore(dueEnd.plus(Duration.ofDays(40))) ? now : dueEnd.plus(Duration.ofDays(40))
        : now.isBefore(dueEnd) ? now : dueEnd;
    Instant from = k.status.equals("LATE") ? dueEnd : created;
    long span = Math.max(3_600, Duration.between(from, until).getSeconds());
    k.doneAt = from.plusSeconds(r.nextLong(span / 2 + 1));
    if (k.status.equals("DONE")) return;
    k.verifiedAt = k.doneAt.plusSeconds(r.nextLong(span / 2 + 1));
    if (k.verifiedAt.isAfter(now)) k.verifiedAt = now.minusSeconds(60);
    if (k.doneAt.isAfter(k.verifiedAt)) k.doneAt = k.verifiedAt.minusSeconds(60);
    k.status = "VERIFIED";
  }

  /**
   * Open cases the community convened (召集利益相关方): each in a topic of its own (source CASES, accepted) taken up by
   * its grid's council, else the residents' committee, on the agenda of a meeting planned for the coming days.
   */
  void convene(List<DemoConsultation.OpenCase> cases) {
    for (DemoConsultation.OpenCase k : cases) {
      Community c = people.communities.get(k.community);
      if (c == null) continue;
      Body body = c.gridCouncils.stream().filter(b -> k.grid.equals(b.grid)).findFirst().orElse(c.bodies.get(BodyKind.RESIDENTS_COMMITTEE));
      Topic t = topic(c, body, today, "BODY");
      t.source = "CASES";
      t.sourceBody = null;
      t.createdAt = k.convenedAt;
      t.title = "召集相关方协商：" + k.categoryName + "（演示）";
      t.description = "示例议题（演示数据）：案件" + k.publicId + "转入协商，召集利益相关方共同协商解决。";
      PastCase linked = new PastCase(k.id, k.lon, k.lat, k.convenedAt);
      t.cases.add(linked);
      t.lon = k.lon;
      t.lat = k.lat;
      t.grid = k.grid;
      Meeting m = meeting(c, body, today.plusDays(1 + r.nextInt(6)));
      m.agenda.add(t);
    }
  }
}
