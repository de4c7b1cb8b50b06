package org.gridwatch.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.staff.Departments;
import org.gridwatch.staff.Duty;
import org.gridwatch.staff.RosterSeeding;
import org.gridwatch.staff.RosterSeeding.NewAssignment;
import org.gridwatch.staff.RosterSeeding.NewPerson;
import org.gridwatch.staff.RosterSeeding.NewTeam;
import org.gridwatch.staff.Slot;
import org.springframework.stereotype.Component;

/**
 * The synthetic demo roster, made once into an empty roster (seeded, so every install gets the same one):
 * a grid member and two teams per grid, a police officer per two or three grids of a community, community and
 * subdistrict staff, two people in each district department — and a few realistic gaps (about 2 % of grids without an
 * officer, 1 % without a volunteer team, a handful without a member or a patrol team). The demo accounts are
 * linked to people around grid {@value #DEMO_GRID}.
 */
@Component
@DemoDataEnabled
class DemoRoster {
  static final String DEMO_GRID = "370203014001001";
  static final Instant VALID_FROM = Instant.parse("2023-12-31T16:00:00Z");
  private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
  private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志鹏辉飞斌宇浩凯波丹晨欣怡佳琳雪梅慧颖亮新海峰燕婷";

  private final AreaCatalog areas;
  private final RosterSeeding seeding;
  private final List<NewPerson> made = new ArrayList<>();
  private final List<NewTeam> teams = new ArrayList<>();
  private final List<NewAssignment> assignments = new ArrayList<>();
  private final Map<String, String> accounts = new HashMap<>();

  DemoRoster(AreaCatalog areas, RosterSeeding seeding) {
    this.areas = areas;
    this.seeding = seeding;
  }

  /** Makes the roster into an empty one (start-up runs on one thread); answers what it did. */
  String seed() {
    if (!seeding.isEmpty()) return "already there";
    made.clear();
    teams.clear();
    assignments.clear();
    accounts.clear();
    int people = generate();
    List<NewPerson> linked = made.stream().map(p -> new NewPerson(p.code(), p.name(), p.duty(), p.unitCode(), p.phone(),
        accounts.get(p.code()))).toList();
    seeding.seed(linked, teams, assignments, VALID_FROM);
    return people + " people";
  }

  private int generate() {
    SplittableRandom random = new SplittableRandom(370203);
    int people = 0;
    AreaCatalog.Snapshot s = areas.now();
    for (AreaView sub : s.level(AreaLevel.SUBDISTRICT)) {
      for (int i = 1; i <= 3; i++) person(random, "S" + sub.code() + i, Duty.SUBDISTRICT_STAFF, sub.code(), people++);
      for (AreaView community : s.children(sub.code())) {
        for (int i = 1; i <= 2; i++) person(random, "C" + community.code() + i, Duty.COMMUNITY_STAFF, community.code(), people++);
        List<AreaView> grids = s.children(community.code());
        String officer = null;
        for (int g = 0; g < grids.size(); g++) {
          String grid = grids.get(g).code();
          if (g % 3 == 0) officer = person(random, "P" + grid, Duty.POLICE_OFFICER, community.code(), people++);
          if (random.nextDouble() >= 0.005) assign(grid, Slot.GRID_MEMBER, person(random, "G" + grid, Duty.GRID_MEMBER, community.code(), people++), null);
          if (random.nextDouble() >= 0.02) assign(grid, Slot.POLICE_OFFICER, officer, null);
          if (random.nextDouble() >= 0.005) assign(grid, Slot.PATROL_TEAM, null, team(grid, Slot.PATROL_TEAM, grids.get(g).name() + "巡防队"));
          if (random.nextDouble() >= 0.01) assign(grid, Slot.VOLUNTEER_TEAM, null, team(grid, Slot.VOLUNTEER_TEAM, grids.get(g).name() + "志愿服务队"));
        }
      }
    }
    for (String department : Departments.CODES) {
      for (int i = 1; i <= 2; i++) person(random, "D" + department + i, Duty.DEPARTMENT_STAFF, department, people++);
    }
    linkDemoAccounts();
    return people;
  }

  /** The demo accounts act as real people of the roster, around one grid of 敦化路街道. */
  private void linkDemoAccounts() {
    String community = DEMO_GRID.substring(0, 12), subdistrict = DEMO_GRID.substring(0, 9);
    link("G" + DEMO_GRID, "gridworker");
    link("P" + DEMO_GRID, "police");
    link("C" + community + "1", "community");
    link("S" + subdistrict + "1", "subdistrict");
    link("D" + Departments.CITY_MANAGEMENT + "1", "department");
  }

  private void link(String personCode, String username) { accounts.put(personCode, username); }

  private String person(SplittableRandom random, String code, Duty duty, String unit, int n) {
    String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + ""
        + GIVEN.charAt(random.nextInt(GIVEN.length())) + (random.nextBoolean() ? GIVEN.charAt(random.nextInt(GIVEN.length())) : "");
    String phone = String.format("13%09d", 100_000_000 + n);
    made.add(new NewPerson(code, name, duty, unit, phone, null));
    return code;
  }

  private String team(String grid, Slot kind, String name) {
    String code = (kind == Slot.PATROL_TEAM ? "TP" : "TV") + grid;
    teams.add(new NewTeam(code, name, kind, grid.substring(0, 12)));
    return code;
  }

  private void assign(String grid, Slot slot, String person, String team) {
    assignments.add(new NewAssignment(grid, slot, person, team));
  }
}
