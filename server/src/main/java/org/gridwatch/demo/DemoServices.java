package org.gridwatch.demo;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.BuildingView;
import org.gridwatch.service.PointKind;
import org.gridwatch.service.ServiceKind;
import org.gridwatch.service.ServiceSeeding;
import org.gridwatch.service.WeeklyHours;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo's places and services, all synthetic (seeded, made once): in every community the point kinds a Shibei
 * community has (社区服务中心, 党群服务中心, 调解室, 警务室, 法律服务点; 党员工作室 and 养老驿站 in most), each at one of the
 * community's buildings; per subdistrict a home-care provider and a law firm: the ones the demo's organisations step
 * made to serve its communities (the law firm is each community's legal adviser), else synthetic ones of valid-format
 * credit codes; offers of 助餐 and 日间照料 at the elderly care stations, 上门探访 in each community, 家政 and 配送 across
 * each subdistrict, 法律咨询 in the legal adviser's office hours, 调解 at the mediation rooms; two months of bookings,
 * most fulfilled, the coming week's open.
 */
@Component
@DemoDataEnabled
class DemoServices {
  private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};

  private final AreaCatalog catalog;
  private final ServiceSeeding seeding;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  /** Grid code → {grid, community, subdistrict}, of the snapshot being seeded (seeding runs once, at start-up). */
  private Map<String, String[]> chains = Map.of();

  DemoServices(AreaCatalog catalog, ServiceSeeding seeding, JdbcTemplate jdbc, Clock clock) {
    this.catalog = catalog;
    this.seeding = seeding;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  String seed() {
    if (!seeding.isEmpty()) return "already there";
    AreaCatalog.Snapshot s = catalog.now();
    chains = new HashMap<>();
    for (AreaView g : s.level(AreaLevel.GRID)) {
      String community = g.parentCode();
      String subdistrict = s.find(community).map(AreaView::parentCode).orElse(community);
      chains.put(g.code(), new String[] {g.code(), community, subdistrict});
    }
    SplittableRandom random = new SplittableRandom(140_2);
    Instant now = clock.instant();
    Map<String, List<BuildingView>> byCommunity = new HashMap<>();
    for (BuildingView b : s.buildings()) {
      if (b.gridCode() == null) continue;
      s.find(b.gridCode()).ifPresent(g -> byCommunity.computeIfAbsent(g.parentCode(), k -> new ArrayList<>()).add(b));
    }
    List<ServiceSeeding.Point> points = new ArrayList<>();
    List<ServiceSeeding.Offer> offers = new ArrayList<>();
    List<Integer> bookable = new ArrayList<>();
    List<String> bookableCommunity = new ArrayList<>();
    List<WeeklyHours> office = weekdays(LocalTime.of(8, 30), LocalTime.of(17, 30));
    int organisations = 0;
    for (AreaView sub : s.level(AreaLevel.SUBDISTRICT)) {
      String short_ = sub.name().replace("街道", "");
      Long care = servingSubdistrict("SERVICE_PROVIDER", sub.code());
      Long law = servingSubdistrict("LAW_FIRM", sub.code());
      if (care == null) organisations++;
      if (law == null) organisations++;
      if (care == null) care = organisation(short_ + "居家养老服务中心（合成）", "SERVICE_PROVIDER", sub.code(), 1);
      if (law == null) law = organisation(short_ + "律师事务所（合成）", "LAW_FIRM", sub.code(), 2);
      offers.add(new ServiceSeeding.Offer(ServiceKind.HOUSEKEEPING, null, care, List.of(sub.code()), new BigDecimal("50.00"), 24, 120, 6,
          List.of()));
      offers.add(new ServiceSeeding.Offer(ServiceKind.DELIVERY, null, care, List.of(sub.code()), new BigDecimal("5.00"), 2, 60, 10,
          List.of()));
      for (AreaView community : s.children(sub.code())) {
        List<BuildingView> homes = byCommunity.getOrDefault(community.code(), List.of());
        if (homes.isEmpty()) continue;
        String name = community.name();
        int centre = point(points, random, homes, name + "社区服务中心（合成）", PointKind.COMMUNITY_SERVICE_CENTRE, office, null);
        point(points, random, homes, name + "党群服务中心（合成）", PointKind.PARTY_SERVICE_CENTRE, office, null);
        int mediation = point(points, random, homes, name + "人民调解室（合成）", PointKind.MEDIATION_ROOM, office, null);
        point(points, random, homes, name + "警务室（合成）", PointKind.POLICE_ROOM, weekdays(LocalTime.of(8, 0), LocalTime.of(20, 0)), null);
        int legal = point(points, random, homes, name + "法律服务点（合成）", PointKind.LEGAL_SERVICE_POINT, office, law);
        if (random.nextInt(10) < 7) point(points, random, homes, name + "党员工作室（合成）", PointKind.PARTY_MEMBER_STUDIO, office, null);
        offers.add(new ServiceSeeding.Offer(ServiceKind.HOME_VISIT, centre, care, List.of(community.code()), null, 24, 60, 4, List.of()));
        offers.add(new ServiceSeeding.Offer(ServiceKind.MEDIATION, mediation, care, List.of(), null, 0, 60, 2, List.of()));
        // 一社区一法律顾问: half a day a week of the subdistrict's law firm, in 30-minute consultations
        offers.add(new ServiceSeeding.Offer(ServiceKind.LEGAL_ADVICE, legal, law, List.of(), null, 24, 30, 1,
            List.of(new WeeklyHours(1 + random.nextInt(5), LocalTime.of(14, 0), LocalTime.of(17, 0)))));
        bookable.add(offers.size() - 3);
        bookableCommunity.add(community.code());
        if (random.nextInt(10) < 7) { // 养老驿站 in most communities, not all: the deserts show where one is missing
          int station = point(points, random, homes, name + "养老驿站（合成）", PointKind.ELDERLY_CARE_STATION,
              everyDay(LocalTime.of(7, 30), LocalTime.of(19, 0)), care);
          offers.add(new ServiceSeeding.Offer(ServiceKind.MEAL_ASSISTANCE, station, care, List.of(), new BigDecimal("12.00"), 2, 60, 30,
              List.of()));
          offers.add(new ServiceSeeding.Offer(ServiceKind.ELDERLY_DAY_CARE, station, care, List.of(), null, 24, 480, 15, List.of()));
          bookable.add(offers.size() - 2);
          bookableCommunity.add(community.code());
        }
      }
    }
    List<ServiceSeeding.Booking> bookings = bookings(random, s, byCommunity, bookable, bookableCommunity, now);
    seeding.seed(points, offers, bookings, now);
    return points.size() + " service points, " + offers.size() + " offers, " + bookings.size() + " bookings, " + organisations
        + " organisations of its own";
  }

  /** A point at one of the community's buildings (its ground floor): its index. */
  private int point(List<ServiceSeeding.Point> points, SplittableRandom random, List<BuildingView> homes, String name,
      PointKind kind, List<WeeklyHours> hours, Long organisation) {
    BuildingView b = homes.get(random.nextInt(homes.size()));
    String[] chain = chain(b);
    points.add(new ServiceSeeding.Point(name, kind, b.location().getX(), b.location().getY(), b.name() + "一楼", chain[0], chain[1],
        chain[2], organisation, hours));
    return points.size() - 1;
  }

  /** The building's grid, community and subdistrict codes. */
  private String[] chain(BuildingView b) { return chains.get(b.gridCode()); }

  /** Bookings over the last two months (most fulfilled, a few not) and the coming week (open), for residents of each community. */
  private List<ServiceSeeding.Booking> bookings(SplittableRandom random, AreaCatalog.Snapshot s,
      Map<String, List<BuildingView>> byCommunity, List<Integer> offers, List<String> communities, Instant now) {
    List<ServiceSeeding.Booking> out = new ArrayList<>();
    Instant hour = now.truncatedTo(ChronoUnit.HOURS);
    for (int i = 0; i < offers.size(); i++) {
      List<BuildingView> homes = byCommunity.get(communities.get(i));
      int n = 1 + random.nextInt(4);
      for (int k = 0; k < n; k++) {
        BuildingView home = homes.get(random.nextInt(homes.size()));
        boolean past = random.nextInt(5) > 0;
        Instant at = past ? hour.minus(Duration.ofHours(2 + random.nextInt(24 * 60))) : hour.plus(Duration.ofHours(26 + random.nextInt(24 * 6)));
        Instant created = at.minus(Duration.ofHours(24 + random.nextInt(72)));
        Boolean fulfilled = past ? random.nextInt(10) > 0 : null;
        String[] chain = chain(home);
        String phone = "1380000" + String.format("%04d", random.nextInt(10_000));
        out.add(new ServiceSeeding.Booking(offers.get(i), at, home.location().getX(), home.location().getY(), chain[0], chain[1], chain[2],
            SURNAMES[random.nextInt(SURNAMES.length)] + "某某（合成）", phone, created.isAfter(now) ? now : created, fulfilled,
            fulfilled == null ? null : at.plus(Duration.ofHours(1))));
      }
    }
    return out;
  }

  /** The first organisation of the kind serving a community of the subdistrict (as the organisations step made them), or null. */
  private Long servingSubdistrict(String kind, String subdistrict) {
    List<Long> ids = jdbc.queryForList("""
        SELECT DISTINCT o.id FROM organisation o JOIN organisation_service_area a ON a.organisation_id = o.id
         WHERE o.kind = ? AND a.area_kind = 'COMMUNITY' AND a.area_code LIKE ? ORDER BY o.id""", Long.class, kind, subdistrict + "%");
    return ids.isEmpty() ? null : ids.get(0);
  }

  /** A synthetic organisation with a credit code of the valid form (GB 32100 check character), marked 合成 in its name. */
  private long organisation(String name, String kind, String subdistrict, int n) {
    String body = "52" + subdistrict.substring(0, 6) + "MJ" + String.format("%07d", Long.parseLong(subdistrict.substring(6)) * 10 + n)
        .substring(0, 7) + "S";
    body = body.substring(0, 17);
    int sum = 0;
    for (int i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(body.charAt(i)) * CREDIT_WEIGHTS[i];
    int check = (31 - sum % 31) % 31;
    String code = body + CREDIT_CHARS.charAt(check);
    List<Long> existing = jdbc.queryForList("SELECT id FROM organisation WHERE credit_code = ?", Long.class, code);
    if (!existing.isEmpty()) return existing.get(0);
    // the organisations' own sequence, so that ids never meet those the organisation capability hands out
    boolean postgres = "PostgreSQL".equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()));
    Long id = jdbc.queryForObject(postgres ? "SELECT nextval('organisation_seq')" : "SELECT NEXT VALUE FOR organisation_seq", Long.class);
    jdbc.update("INSERT INTO organisation (id, credit_code, name, kind, created_at) VALUES (?, ?, ?, ?, ?)", id, code, name, kind,
        Timestamp.from(clock.instant()));
    return id;
  }

  private static List<WeeklyHours> weekdays(LocalTime from, LocalTime to) {
    List<WeeklyHours> out = new ArrayList<>();
    for (int d = 1; d <= 5; d++) out.add(new WeeklyHours(d, from, to));
    return out;
  }

  private static List<WeeklyHours> everyDay(LocalTime from, LocalTime to) {
    List<WeeklyHours> out = new ArrayList<>();
    for (int d = 1; d <= 7; d++) out.add(new WeeklyHours(d, from, to));
    return out;
  }
}
