package org.gridwatch.staff;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The synthetic demo roster, made once into an empty roster (seeded, so every install gets the same one):
 * a grid member and two teams per grid, a police officer per two or three grids of a community, community and
 * subdistrict staff, two people in each district department — and a few realistic gaps (about 2 % of grids without an
 * officer, 1 % without a volunteer team, a handful without a member or a patrol team). The demo accounts are
 * linked to people around grid {@value #DEMO_GRID}.
 */
@Component
@Order(10)
class DemoRoster implements ApplicationRunner {
  static final String DEMO_GRID = "370203014001001";
  static final Instant VALID_FROM = Instant.parse("2023-12-31T16:00:00Z");
  private static final Logger log = LoggerFactory.getLogger(DemoRoster.class);
  private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
  private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志鹏辉飞斌宇浩凯波丹晨欣怡佳琳雪梅慧颖亮新海峰燕婷";

  private final EntityManager em;
  private final TransactionTemplate tx;
  private final AreaCatalog areas;
  private final PersonRepository persons;
  private final Roster roster;
  private final boolean demoData;

  DemoRoster(EntityManager em, TransactionTemplate tx, AreaCatalog areas, PersonRepository persons, Roster roster,
      @Value("${gridwatch.demo-data.enabled:true}") boolean demoData) {
    this.em = em;
    this.tx = tx;
    this.areas = areas;
    this.persons = persons;
    this.roster = roster;
    this.demoData = demoData;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (demoData && persons.count() == 0) tx.executeWithoutResult(s -> generate());
    roster.reload();
  }

  private void generate() {
    SplittableRandom random = new SplittableRandom(370203);
    int people = 0;
    AreaCatalog.Snapshot s = areas.now();
    for (AreaView sub : s.level(AreaLevel.SUBDISTRICT)) {
      for (int i = 1; i <= 3; i++) person(random, "S" + sub.code() + i, Duty.SUBDISTRICT_STAFF, sub.code(), people++);
      for (AreaView community : s.children(sub.code())) {
        for (int i = 1; i <= 2; i++) person(random, "C" + community.code() + i, Duty.COMMUNITY_STAFF, community.code(), people++);
        List<AreaView> grids = s.children(community.code());
        Person officer = null;
        for (int g = 0; g < grids.size(); g++) {
          String grid = grids.get(g).code();
          if (g % 3 == 0) officer = person(random, "P" + grid, Duty.POLICE_OFFICER, community.code(), people++);
          if (random.nextDouble() >= 0.005) assign(grid, Slot.GRID_MEMBER, person(random, "G" + grid, Duty.GRID_MEMBER, community.code(), people++), null);
          if (random.nextDouble() >= 0.02) assign(grid, Slot.POLICE_OFFICER, officer, null);
          if (random.nextDouble() >= 0.005) assign(grid, Slot.PATROL_TEAM, null, team(grid, Team.Kind.PATROL, grids.get(g).name() + "巡防队"));
          if (random.nextDouble() >= 0.01) assign(grid, Slot.VOLUNTEER_TEAM, null, team(grid, Team.Kind.VOLUNTEER, grids.get(g).name() + "志愿服务队"));
        }
      }
    }
    for (String department : Departments.CODES) {
      for (int i = 1; i <= 2; i++) person(random, "D" + department + i, Duty.DEPARTMENT_STAFF, department, people++);
    }
    em.flush();
    linkDemoAccounts();
    log.info("Demo roster: {} people", people);
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

  private void link(String personCode, String username) {
    persons.findByCode(personCode).ifPresent(p -> p.linkAccount(username));
  }

  private Person person(SplittableRandom random, String code, Duty duty, String unit, int n) {
    String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + ""
        + GIVEN.charAt(random.nextInt(GIVEN.length())) + (random.nextBoolean() ? GIVEN.charAt(random.nextInt(GIVEN.length())) : "");
    String phone = String.format("13%09d", 100_000_000 + n);
    Person p = new Person(code, name, duty, unit, phone, true);
    em.persist(p);
    return p;
  }

  private Team team(String grid, Team.Kind kind, String name) {
    Team t = new Team((kind == Team.Kind.PATROL ? "TP" : "TV") + grid, name, kind, grid.substring(0, 12), true);
    em.persist(t);
    return t;
  }

  private void assign(String grid, Slot slot, Person person, Team team) {
    em.persist(new GridAssignment(grid, RoleType.of(slot), person, team, VALID_FROM));
  }
}
