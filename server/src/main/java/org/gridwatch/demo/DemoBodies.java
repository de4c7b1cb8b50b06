package org.gridwatch.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.CompoundView;
import org.gridwatch.governance.BodyKind;
import org.gridwatch.governance.BodyRules;
import org.gridwatch.governance.Majority;
import org.gridwatch.governance.PassBase;

/**
 * The demo's bodies of self-governance and of the party (issue 16), planned in memory: in every community a residents'
 * congress, a residents' committee, a consultation-and-supervision committee and a party committee; a grid council and
 * a party branch (under the committee) in most grids; a compound council and a party group (under its grid's branch)
 * in some compounds. Members sit for a term from the body's constitution; about one in nine left during the last year
 * and was replaced the day after. Every party body's members are registered party members of it (no phones: the demo's
 * people have none, their lookup hash is of the numbered name), and each community
 * has a few more registered through 双报到 with the service they signed up for. Names say 演示.
 */
final class DemoBodies {
  static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "林", "何"};
  private static final String[] GIVEN = {"建华", "秀英", "志强", "桂兰", "海燕", "国庆", "丽华", "明", "军", "红梅", "德福", "玉珍", "春生",
      "淑芬", "文杰", "晓东", "美玲", "振国"};
  private static final String[] SERVICES = {"助老", "环境整治", "法律咨询", "文明劝导", "政策宣讲", "助学", "邻里调解"};
  private static final String[] EMPLOYERS = {"市北区某机关（演示）", "青岛某国有企业（演示）", "某中学（演示）", "某医院（演示）", "某街道办事处（演示）"};

  static final class Body {
    long id;
    BodyKind kind;
    String name, areaKind, areaCode, community, grid;
    Body parent;
    BodyRules rules;
    LocalDate constitutedOn;
    double lon, lat;
    final List<Member> members = new ArrayList<>();

    /** The members in term on the day (term_to inclusive). */
    List<Member> inTerm(LocalDate day) {
      return members.stream().filter(m -> !m.from.isAfter(day) && (m.to == null || !m.to.isBefore(day))).toList();
    }
  }

  static final class Member {
    long id;
    Body body;
    String name, role;
    boolean voting;
    LocalDate from, to;
    PartyMember partyMember;
  }

  static final class PartyMember {
    long id;
    String name, community, grid, employer, service;
    Body body;
    boolean dualReport;
    LocalDate reportedOn;
  }

  /** Per community: its four community bodies by kind, its grid councils and every body serving it. */
  static final class Community {
    final AreaView area;
    final Map<BodyKind, Body> bodies = new HashMap<>();
    final List<Body> gridCouncils = new ArrayList<>();
    final List<Body> all = new ArrayList<>();

    Community(AreaView area) { this.area = area; }
  }

  final List<Body> bodies = new ArrayList<>();
  final List<PartyMember> partyMembers = new ArrayList<>();
  final Map<String, Community> communities = new HashMap<>();
  private final SplittableRandom r;
  private final LocalDate today;
  private int people;

  DemoBodies(SplittableRandom r, LocalDate today) {
    this.r = r;
    this.today = today;
  }

  void plan(AreaCatalog.Snapshot s) {
    Map<String, List<CompoundView>> compoundsByCommunity = new HashMap<>();
    for (CompoundView k : s.compounds()) {
      if (k.grid() != null) s.find(k.grid()).ifPresent(g -> compoundsByCommunity.computeIfAbsent(g.parentCode(), x -> new ArrayList<>()).add(k));
    }
    for (AreaView c : s.level(AreaLevel.COMMUNITY)) {
      Community community = new Community(c);
      communities.put(c.code(), community);
      // 居委会换届: the community bodies were constituted at the last election, two to four years ago
      LocalDate elected = today.minusYears(2).minusDays(r.nextInt(700));
      double[] at = interior(c);
      Body congress = body(community, BodyKind.RESIDENTS_CONGRESS, c.name() + "居民会议（演示）", "COMMUNITY", c.code(), null, null, elected, at);
      members(congress, "REPRESENTATIVE", 9 + r.nextInt(5), "CHAIR");
      members(body(community, BodyKind.RESIDENTS_COMMITTEE, c.name() + "居民委员会（演示）", "COMMUNITY", c.code(), null, null, elected, at),
          "MEMBER", 5 + r.nextInt(3), "CHAIR", "DEPUTY_CHAIR");
      members(body(community, BodyKind.SUPERVISION_COMMITTEE, c.name() + "居民协商议事监督委员会（演示）", "COMMUNITY", c.code(), null, null,
          elected, at), "MEMBER", 3 + r.nextInt(3), "CHAIR");
      Body committee = body(community, BodyKind.PARTY_COMMITTEE, c.name() + "社区党委（演示）", "COMMUNITY", c.code(), null, null,
          elected.minusDays(r.nextInt(60)), at);
      members(committee, "MEMBER", 5 + r.nextInt(3), "SECRETARY", "DEPUTY_SECRETARY");
      Map<String, Body> branches = new HashMap<>();
      List<AreaView> grids = s.children(c.code()).stream().filter(g -> g.level() == AreaLevel.GRID)
          .sorted(java.util.Comparator.comparing(AreaView::code)).toList();
      // Most grids, not all: the map shows the gaps. The last two of each community always wait for their council and
      // branch, so a community's staff have somewhere to constitute one.
      int waiting = Math.min(2, Math.max(0, grids.size() - 1));
      for (int i = 0; i < grids.size(); i++) {
        AreaView g = grids.get(i);
        if (r.nextInt(100) >= 85 || i >= grids.size() - waiting) continue;
        double[] gat = interior(g);
        String label = g.name().endsWith("网格") ? g.name() : g.name() + "网格";
        Body council = body(community, BodyKind.GRID_COUNCIL, label + "议事会（演示）", "GRID", g.code(), g.code(), null,
            elected.plusDays(r.nextInt(200)), gat);
        members(council, "MEMBER", 3 + r.nextInt(3), "CHAIR");
        community.gridCouncils.add(council);
        if (r.nextInt(100) < 90) {
          Body branch = body(community, BodyKind.PARTY_BRANCH, label + "党支部（演示）", "GRID", g.code(), g.code(), committee,
              committee.constitutedOn.plusDays(r.nextInt(120)), gat);
          members(branch, "MEMBER", 2 + r.nextInt(3), "SECRETARY");
          branches.put(g.code(), branch);
        }
      }
      for (CompoundView k : compoundsByCommunity.getOrDefault(c.code(), List.of())) {
        if (r.nextInt(100) >= 35) continue;
        double[] kat = {k.outline().getInteriorPoint().getX(), k.outline().getInteriorPoint().getY()};
        String yard = k.name().replace("（合成）", "");
        Body council = body(community, BodyKind.COMPOUND_COUNCIL, yard + "楼院协管会（演示）", "COMPOUND", k.name(), k.grid(), null,
            elected.plusDays(200 + r.nextInt(200)), kat);
        members(council, "MEMBER", 3 + r.nextInt(3), "CHAIR");
        Body branch = branches.get(k.grid());
        if (branch != null) {
          members(body(community, BodyKind.PARTY_GROUP, yard + "党小组（演示）", "COMPOUND", k.name(), k.grid(), branch,
              branch.constitutedOn.plusDays(30 + r.nextInt(200)), kat), "MEMBER", 2 + r.nextInt(2), "SECRETARY");
        }
      }
      dualReport(community, committee, branches);
    }
  }

  private Body body(Community community, BodyKind kind, String name, String areaKind, String areaCode, String grid, Body parent,
      LocalDate constituted, double[] at) {
    Body b = new Body();
    b.kind = kind;
    b.name = name;
    b.areaKind = areaKind;
    b.areaCode = areaCode;
    b.community = community.area.code();
    b.grid = grid;
    b.parent = parent;
    // the defaults of the contract: residents' bodies by the share of those present, party bodies by all members in term
    b.rules = kind.party() ? new BodyRules(Majority.MORE_THAN_HALF, Majority.MORE_THAN_HALF, PassBase.ALL_MEMBERS, false)
        : new BodyRules(Majority.MORE_THAN_HALF, Majority.MORE_THAN_HALF, PassBase.PRESENT, true);
    b.constitutedOn = constituted.isAfter(today.minusDays(30)) ? today.minusDays(30) : constituted;
    b.lon = at[0];
    b.lat = at[1];
    bodies.add(b);
    community.all.add(b);
    if (kind != BodyKind.GRID_COUNCIL && kind != BodyKind.COMPOUND_COUNCIL && kind != BodyKind.PARTY_BRANCH && kind != BodyKind.PARTY_GROUP) {
      community.bodies.put(kind, b);
    }
    return b;
  }

  /** The leading roles first, then {@code others} members of the role; some left in the last year, replaced the next day. */
  private void members(Body b, String role, int others, String... leading) {
    List<String> roles = new ArrayList<>(List.of(leading));
    for (int i = 0; i < others; i++) roles.add(role);
    for (String ro : roles) {
      Member m = member(b, ro, b.constitutedOn);
      long served = java.time.temporal.ChronoUnit.DAYS.between(b.constitutedOn, today);
      if (served > 60 && r.nextInt(9) == 0) {
        m.to = today.minusDays(1 + r.nextInt((int) Math.min(330, served - 30)));
        member(b, ro, m.to.plusDays(1));
      }
    }
  }

  private Member member(Body b, String role, LocalDate from) {
    Member m = new Member();
    m.body = b;
    m.role = role;
    m.voting = true;
    m.from = from;
    m.name = name();
    b.members.add(m);
    if (b.kind.party()) m.partyMember = partyMember(m.name, b, b.community, b.grid, false);
    return m;
  }

  /** A few party members employed elsewhere who report to this community (双报到), registered with its committee or a branch. */
  private void dualReport(Community c, Body committee, Map<String, Body> branches) {
    List<Body> orgs = new ArrayList<>(branches.values());
    orgs.add(committee);
    for (int i = 2 + r.nextInt(5); i > 0; i--) {
      Body org = orgs.get(r.nextInt(orgs.size()));
      PartyMember p = partyMember(name(), org, c.area.code(), org.grid, true);
      p.employer = EMPLOYERS[r.nextInt(EMPLOYERS.length)];
      p.service = SERVICES[r.nextInt(SERVICES.length)];
      p.reportedOn = today.minusDays(30 + r.nextInt(900));
    }
    // some members of the branches are 双报到 too
    for (Body b : branches.values()) {
      for (Member m : b.members) {
        if (m.partyMember != null && r.nextInt(6) == 0) {
          m.partyMember.dualReport = true;
          m.partyMember.employer = EMPLOYERS[r.nextInt(EMPLOYERS.length)];
          m.partyMember.service = SERVICES[r.nextInt(SERVICES.length)];
          m.partyMember.reportedOn = m.from;
        }
      }
    }
  }

  private PartyMember partyMember(String name, Body org, String community, String grid, boolean dual) {
    PartyMember p = new PartyMember();
    p.name = name;
    p.body = org;
    p.community = community;
    p.grid = grid;
    p.dualReport = dual;
    partyMembers.add(p);
    return p;
  }

  /** A synthetic person's name, numbered so that name and phone stay unique ("王建华（演示12）"). */
  String name() {
    people++;
    return SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)] + "（演示" + people + "）";
  }

  static double[] interior(AreaView a) {
    var p = a.boundary().getInteriorPoint();
    return new double[] {p.getX(), p.getY()};
  }
}
