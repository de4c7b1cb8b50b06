package org.gridwatch.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.service.Sequences;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo's publications (政务社务公开), all synthetic and marked 演示: the district's and each subdistrict's notices;
 * per community a notice, a residents' council notice, a quarterly finances disclosure, three service guides at its
 * community service centre (居住证, 老年优待证, 低保), an expired notice and, in its first grid, a grid officer's item
 * waiting for the community's review. Written once with batched SQL (a few thousand rows), skipped when present.
 */
@Component
@DemoDataEnabled
class DemoPublications {
  private static final String DEMO = "demo-publisher";
  private static final String[][] GUIDES = {
      {"居住证办理", "在本社区居住半年以上、有合法稳定就业或住所的非本市户籍人员", "居民身份证\n近期一寸白底照片\n居住登记凭证\n租赁合同或房产证明",
          "免费", "15 个工作日"},
      {"老年优待证办理", "本区户籍或持居住证的 60 周岁以上老年人", "居民身份证\n户口簿或居住证\n近期一寸照片", "免费", "即时办结"},
      {"最低生活保障申请", "家庭人均收入低于本市城乡低保标准、财产符合规定的本区户籍家庭", "申请书\n家庭成员身份证与户口簿\n收入与财产情况说明\n银行账户信息",
          "免费", "30 个工作日"}};

  private final AreaCatalog catalog;
  private final DistrictProfile district;
  private final Sequences sequences;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  /** The district's today while seeding (seeding runs once, at start-up). */
  private LocalDate today;

  DemoPublications(AreaCatalog catalog, DistrictProfile district, Sequences sequences, JdbcTemplate jdbc, Clock clock) {
    this.catalog = catalog;
    this.district = district;
    this.sequences = sequences;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  private record Item(String kind, String title, String body, String publisherLevel, String publisherName, AreaView area,
      LocalDate from, LocalDate to, String status, Instant publishedAt, String[] guide, Long servicePoint) {}

  String seed() {
    Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM publication WHERE created_by = ?", Integer.class, DEMO);
    if (present != null && present > 0) return "already there";
    AreaCatalog.Snapshot s = catalog.now();
    Instant now = clock.instant();
    today = LocalDate.ofInstant(now, district.timeZone());
    SplittableRandom r = new SplittableRandom(170_1);
    Map<String, Long> centres = new HashMap<>();
    jdbc.query("SELECT community_code, MIN(id) FROM service_point WHERE kind = 'COMMUNITY_SERVICE_CENTRE' GROUP BY community_code",
        (java.sql.ResultSet rs) -> { centres.put(rs.getString(1), rs.getLong(2)); });
    List<Item> items = new ArrayList<>();
    String office = district.name(false) + "人民政府";
    for (AreaView d : s.level(AreaLevel.DISTRICT)) {
      items.add(published("GOVERNMENT_AFFAIRS", "关于做好冬季供暖保障工作的公告（演示）", "各街道、社区：今冬供暖季即将开始，请各单位做好设施巡检与应急值守，"
          + "居民如遇室温不达标可拨打供热服务热线反映。本公告为演示数据。", "DISTRICT", office, d, today.minusDays(12), null, now, r));
      items.add(published("GOVERNMENT_AFFAIRS", "区级民生实事项目进展公示（演示）", "今年确定的十项民生实事项目进展情况如下：老旧小区改造、养老助餐点建设、"
          + "背街小巷整治等项目均按计划推进。详细数据为演示用途。", "DISTRICT", office, d, today.minusDays(30), today.plusDays(60), now, r));
    }
    for (AreaView sub : s.level(AreaLevel.SUBDISTRICT)) {
      items.add(published("NOTICE", sub.name() + "关于开展燃气安全入户检查的通知（演示）", "近期将由燃气公司工作人员入户检查燃气设施，"
          + "检查人员佩戴工作证，不收取任何费用，请居民配合。本通知为演示数据。", "SUBDISTRICT", sub.name() + "办事处", sub, today.minusDays(6),
          today.plusDays(24), now, r));
    }
    for (AreaView c : s.level(AreaLevel.COMMUNITY)) {
      String committee = c.name() + "居委会";
      items.add(published("NOTICE", c.name() + "关于楼院消防通道清理的通知（演示）", "为保障消防通道畅通，本周末将集中清理楼道及消防通道堆放物品，"
          + "请居民提前自行清理。联系社区居委会办公室。本通知为演示数据。", "COMMUNITY", committee, c, today.minusDays(3), today.plusDays(14), now, r));
      items.add(published("COMMUNITY_AFFAIRS", c.name() + "居民议事会议题征集（演示）", "本月居民议事会将讨论加装电梯、停车管理等事项，"
          + "欢迎居民通过网格员或社区居委会提出议题。本公示为演示数据。", "COMMUNITY", committee, c, today.minusDays(8), today.plusDays(22), now, r));
      int income = 20 + r.nextInt(30), spent = 10 + r.nextInt(income - 9);
      items.add(published("FINANCES", c.name() + "第三季度财务收支公开（演示）", "一、收入：上级拨付工作经费 " + income + ".0 万元。\n二、支出：居民活动 "
          + (spent / 2) + ".0 万元，环境整治 " + (spent - spent / 2) + ".0 万元。\n三、结余：" + (income - spent) + ".0 万元。\n以上数据为演示用途。",
          "COMMUNITY", committee, c, today.minusDays(20), null, now, r));
      for (String[] g : GUIDES) {
        Item guide = published("SERVICE_GUIDE", g[0] + "办事指南（" + c.name() + "，演示）", "办理" + g[0] + "请携带所列材料到社区服务中心窗口办理。本指南为演示数据。",
            "COMMUNITY", committee, c, today.minusDays(60), null, now, r);
        items.add(new Item(guide.kind(), guide.title(), guide.body(), guide.publisherLevel(), guide.publisherName(), c, guide.from(), null,
            "PUBLISHED", guide.publishedAt(), g, centres.get(c.code())));
      }
      items.add(published("NOTICE", c.name() + "国庆期间办公时间调整的通知（演示）", "节日期间社区服务中心值班安排如下。本通知为演示数据，已过期。",
          "COMMUNITY", committee, c, today.minusDays(70), today.minusDays(60), now, r));
      s.children(c.code()).stream().filter(a -> a.level() == AreaLevel.GRID).min(java.util.Comparator.comparing(AreaView::code)).ifPresent(g ->
          items.add(new Item("NOTICE", g.name() + "楼道照明维修提示（演示）", "网格内部分楼道照明损坏，已报物业维修，预计三日内修复。本提示为演示数据。",
              "GRID", g.name() + "信息员", g, today, null, "PENDING_REVIEW", null, null, null)));
    }
    write(items, now);
    int lines = dutyLines(s, now);
    return items.size() + " publications, " + lines + " duty lines";
  }

  private Item published(String kind, String title, String body, String level, String name, AreaView area, LocalDate from,
      LocalDate to, Instant now, SplittableRandom r) {
    Instant at = now.minus(Duration.ofMinutes(60L * 24 * Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(from, today))))
        .plus(Duration.ofMinutes(r.nextInt(600)));
    if (at.isAfter(now)) at = now.minusSeconds(60 + r.nextInt(3600));
    return new Item(kind, title, body, level, name, area, from, to, "PUBLISHED", at, null, null);
  }

  private void write(List<Item> items, Instant now) {
    Iterator<Long> ids = sequences.next("publication_seq", items.size());
    List<Object[]> rows = new ArrayList<>(), guides = new ArrayList<>();
    Timestamp created = Timestamp.from(now);
    for (Item i : items) {
      long id = ids.next();
      rows.add(new Object[] {id, i.kind(), i.title(), i.body(), "OFFICER", i.publisherLevel(), i.publisherName(), DEMO,
          i.area().level().name(), i.area().code(), Date.valueOf(i.from()), i.to() == null ? null : Date.valueOf(i.to()), i.status(),
          i.publishedAt() == null ? null : Timestamp.from(i.publishedAt()), created, created});
      if (i.guide() != null) {
        guides.add(new Object[] {id, i.guide()[0], i.guide()[1], i.guide()[2], i.servicePoint(), "周一至周五 9:00–12:00，13:30–17:00",
            i.guide()[3], i.guide()[4], "0532-8000" + String.format("%04d", (int) (id % 10000))});
      }
    }
    jdbc.batchUpdate("INSERT INTO publication (id, kind, title, body, publisher_kind, publisher_level, publisher_name, created_by,"
        + " area_level, area_code, valid_from, valid_to, status, published_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        + " ?, ?, ?, ?, ?)", rows);
    jdbc.batchUpdate("INSERT INTO service_guide (publication_id, item, eligibility, materials, service_point_id, hours, fees, time_limit,"
        + " contact_phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", guides);
  }

  /**
   * The duty lines the portal shows beside a grid's contacts (网格员、社区民警值班电话, the community office's line):
   * numbers of the demo, made from the area's code, no one's real phone.
   */
  private int dutyLines(AreaCatalog.Snapshot s, Instant now) {
    List<Object[]> rows = new ArrayList<>();
    java.sql.Timestamp at = java.sql.Timestamp.from(now);
    for (AreaView grid : s.level(AreaLevel.GRID)) {
      rows.add(new Object[] {grid.code(), "GRID_MEMBER", "0532-6" + digits(grid.code(), 7), at, DEMO});
      rows.add(new Object[] {grid.code(), "POLICE_OFFICER", "0532-6" + digits(grid.code() + "110", 7), at, DEMO});
    }
    for (AreaView community : s.level(AreaLevel.COMMUNITY)) {
      rows.add(new Object[] {community.code(), "COMMUNITY_OFFICE", "0532-8" + digits(community.code(), 7), at, DEMO});
    }
    jdbc.batchUpdate("INSERT INTO duty_line (area_code, role, phone, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)", rows);
    return rows.size();
  }

  private static String digits(String seed, int n) {
    return String.format("%0" + n + "d", Math.floorMod((long) seed.hashCode() * 2654435761L, (long) Math.pow(10, n)));
  }
}
