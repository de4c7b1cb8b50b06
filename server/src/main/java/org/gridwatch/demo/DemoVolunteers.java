package org.gridwatch.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.privacy.ResidentIdNumber;
import org.gridwatch.volunteer.Availability;
import org.gridwatch.volunteer.CertificateLevel;
import org.gridwatch.volunteer.Registration;
import org.gridwatch.volunteer.RegistrationRequest;
import org.gridwatch.volunteer.VolunteerKind;
import org.gridwatch.volunteer.VolunteerTeams;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's volunteers and social workers, registered once into an empty register (seeded: the same people on every
 * install), all synthetic and named so (“（合成）”): in every community one professional social worker and six to ten
 * volunteers living in its grids (so some grids have none: the density map shows it), with skills among the services
 * the grids need and weekly availability, each community's volunteers forming its volunteer service team. ID numbers
 * are synthetic, with the district's code, a plausible birth date and a valid check character. The demo accounts
 * {@code volunteer} and {@code socialworker} are two of them, in the community of the demo's staff accounts.
 */
@Component
@DemoDataEnabled
class DemoVolunteers {
  static final String[] SKILLS = {"助餐", "上门探访", "家政", "配送", "法律咨询", "心理疏导", "文艺", "医疗", "维修"};
  private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡";
  private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力";
  private static final String SYNTHETIC = "（合成）";

  private final AreaCatalog areas;
  private final Registration registration;
  private final VolunteerTeams teams;
  private final TransactionTemplate tx;
  private final Set<String> idNumbers = new HashSet<>();
  private int phones;

  DemoVolunteers(AreaCatalog areas, Registration registration, VolunteerTeams teams, PlatformTransactionManager transactions) {
    this.areas = areas;
    this.registration = registration;
    this.teams = teams;
    this.tx = new TransactionTemplate(transactions);
  }

  /** Registers the demo's people into an empty register, in one transaction; answers what it did. */
  String seed() {
    if (registration.anyRegistered()) return "already there";
    int[] made = tx.execute(status -> register(new SplittableRandom(140)));
    return made[0] + " volunteers, " + made[1] + " social workers, " + made[2] + " teams";
  }

  private int[] register(SplittableRandom r) {
    AreaCatalog.Snapshot s = areas.now();
    String districtCode = s.level(AreaLevel.DISTRICT).stream().map(AreaView::code).findFirst().orElse("110105");
    String demoCommunity = s.find(DemoRoster.DEMO_GRID).map(AreaView::parentCode).orElse(null);
    List<Registration.Registrant> people = new ArrayList<>();
    Map<String, List<Integer>> teamOf = new LinkedHashMap<>(); // a team's grid and name → its members' places in people
    List<AreaView> communities = s.level(AreaLevel.COMMUNITY).stream().sorted(Comparator.comparing(AreaView::code)).toList();
    int socialWorkers = 0;
    for (AreaView community : communities) {
      List<AreaView> grids = s.children(community.code()).stream().filter(g -> g.level() == AreaLevel.GRID)
          .sorted(Comparator.comparing(AreaView::code)).toList();
      if (grids.isEmpty()) continue;
      boolean demo = community.code().equals(demoCommunity);
      String firstGrid = demo ? DemoRoster.DEMO_GRID : grids.get(0).code();
      people.add(new Registration.Registrant(new RegistrationRequest(VolunteerKind.SOCIAL_WORKER, name(r),
          idNumber(r, districtCode, 1971, 2003), phone(), firstGrid, pick(r, List.of("心理疏导", "上门探访", "法律咨询", "文艺"), 2),
          weekdays(), r.nextInt(2, 6), CertificateLevel.values()[r.nextInt(10) < 6 ? 0 : r.nextInt(10) < 8 ? 1 : 2], null),
          demo ? "socialworker" : null));
      socialWorkers++;
      List<Integer> members = teamOf.computeIfAbsent(firstGrid + "\t" + community.name() + "志愿服务队" + SYNTHETIC, k -> new ArrayList<>());
      int n = r.nextInt(6, 11);
      for (int i = 0; i < n; i++) {
        String grid = demo && i == 0 ? DemoRoster.DEMO_GRID : grids.get(r.nextInt(grids.size())).code();
        if (r.nextInt(10) < 7) members.add(people.size());
        people.add(new Registration.Registrant(new RegistrationRequest(VolunteerKind.VOLUNTEER, name(r),
            idNumber(r, districtCode, 1950, 2007), phone(), grid, pick(r, List.of(SKILLS), r.nextInt(1, 4)), windows(r), stars(r),
            null, null), demo && i == 0 ? "volunteer" : null));
      }
    }
    List<Long> ids = registration.registerAll(people);
    teamOf.forEach((gridAndName, members) -> {
      String[] key = gridAndName.split("\t");
      teams.addAll(teams.create(key[1], key[0]), members.stream().map(ids::get).toList());
    });
    return new int[] {people.size() - socialWorkers, socialWorkers, teamOf.size()};
  }

  private static String name(SplittableRandom r) {
    return SURNAMES.charAt(r.nextInt(SURNAMES.length())) + "" + GIVEN.charAt(r.nextInt(GIVEN.length()))
        + (r.nextBoolean() ? GIVEN.charAt(r.nextInt(GIVEN.length())) + "" : "") + SYNTHETIC;
  }

  /** A synthetic ID number: the district's code, a birth date in the years given, a sequence, its check character. */
  private String idNumber(SplittableRandom r, String districtCode, int fromYear, int toYear) {
    while (true) {
      LocalDate born = LocalDate.of(r.nextInt(fromYear, toYear + 1), 1, 1).plusDays(r.nextInt(365));
      String first17 = districtCode + String.format("%1$tY%1$tm%1$td%2$03d", born, r.nextInt(1000));
      String id = first17 + ResidentIdNumber.checkCharacter(first17);
      if (idNumbers.add(id)) return id;
    }
  }

  private String phone() { return String.format("170%08d", 10_000_000 + ++phones); }

  private static List<String> pick(SplittableRandom r, List<String> from, int count) {
    List<String> pool = new ArrayList<>(from);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count && !pool.isEmpty(); i++) out.add(pool.remove(r.nextInt(pool.size())));
    return out;
  }

  /** Most volunteers help on weekend mornings or weekday evenings; a few on weekday mornings (the retired). */
  private static List<Availability> windows(SplittableRandom r) {
    List<Availability> out = new ArrayList<>();
    if (r.nextBoolean()) out.add(new Availability(r.nextInt(6, 8), LocalTime.of(9, 0), LocalTime.of(12, 0)));
    if (r.nextInt(3) > 0) out.add(new Availability(r.nextInt(1, 6), LocalTime.of(18, 30), LocalTime.of(20, 30)));
    if (out.isEmpty()) out.add(new Availability(r.nextInt(1, 6), LocalTime.of(8, 30), LocalTime.of(11, 30)));
    return out;
  }

  private static List<Availability> weekdays() {
    List<Availability> out = new ArrayList<>();
    for (int d = 1; d <= 5; d++) out.add(new Availability(d, LocalTime.of(9, 0), LocalTime.of(17, 30)));
    return out;
  }

  private static int stars(SplittableRandom r) {
    int x = r.nextInt(100);
    return x < 35 ? 0 : x < 60 ? 1 : x < 78 ? 2 : x < 90 ? 3 : x < 97 ? 4 : 5;
  }
}
