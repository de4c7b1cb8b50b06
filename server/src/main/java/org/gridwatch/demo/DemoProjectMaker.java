package org.gridwatch.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.demo.DemoFunding.Activity;
import org.gridwatch.demo.DemoFunding.Area;
import org.gridwatch.demo.DemoFunding.Criterion;
import org.gridwatch.demo.DemoFunding.Need;
import org.gridwatch.demo.DemoFunding.Project;
import org.gridwatch.demo.DemoFunding.Review;
import org.gridwatch.demo.DemoFunding.Round;
import org.gridwatch.demo.DemoFunding.Tranche;
import org.gridwatch.geo.Geometries;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Makes one synthetic project of a round in one community: its target areas (the whole community for social-work
 * projects, one to three of its grids otherwise) and their union as the service area, a provider that serves the
 * community, its lead social worker, texts marked 演示, a budget in tranches, reviews scoring every criterion, and
 * activities at points drawn inside the service area.
 */
final class DemoProjectMaker {
  static final String[] REVIEWERS = {"reviewer", "reviewer2", "reviewer3"};
  static final String SYNTHETIC = "（演示）";
  private static final Map<String, String[]> THEMES = Map.of(
      "ELDERLY_CARE", new String[] {"“银龄守护”独居老人关爱", "ELDERLY", "为独居、空巢老人提供上门探访、助餐对接与健康讲座"},
      "NEIGHBOUR_DISPUTE", new String[] {"“和睦邻里”矛盾调解", "ALL_RESIDENTS", "培育楼院调解骨干，邻里纠纷在网格内化解"},
      "HOUSEKEEPING", new String[] {"“巧手到家”家政互助", "LOW_INCOME", "链接家政志愿者，为困难家庭提供清洁与照护帮扶"},
      "DELIVERY", new String[] {"“爱心送达”代购配送", "DISABLED", "为行动不便居民代购送药、送菜上门"},
      "LEGAL_AID", new String[] {"“法治进楼院”法律服务", "ALL_RESIDENTS", "律师驻点答疑，普法讲座进楼院"},
      "PROPERTY_MANAGEMENT", new String[] {"“共建美好家园”物业协商", "ALL_RESIDENTS", "搭建居民、物业、社区三方协商平台"});

  /** What the demo knows of the district: the snapshot, who serves each community, its social workers. */
  record Ground(AreaCatalog.Snapshot areas, Map<String, List<Long>> providersByCommunity, Map<String, Long> socialWorkerByCommunity,
      Long demoOrganisation) {}

  private final Ground ground;
  private final SplittableRandom random;
  private int persons;

  DemoProjectMaker(Ground ground, SplittableRandom random) {
    this.ground = ground;
    this.random = random;
  }

  /** A project of the round, applied for by its provider (the demo account {@code organisation} for the demo's organisation). */
  Project make(Round round, AreaView community, String category, long provider, BigDecimal budget, List<Need> needs) {
    String[] theme = THEMES.getOrDefault(category, THEMES.get("ELDERLY_CARE"));
    boolean socialWork = "SOCIAL_WORK_DEMONSTRATION".equals(round.kind);
    List<AreaView> grids = ground.areas().children(community.code());
    List<AreaView> targets = new ArrayList<>();
    if (socialWork || grids.isEmpty()) {
      targets.add(community);
    } else {
      int from = random.nextInt(grids.size());
      int n = Math.min(grids.size(), 1 + random.nextInt(3));
      for (int i = 0; i < n; i++) targets.add(grids.get((from + i) % grids.size()));
    }
    List<Area> areas = targets.stream().map(a -> new Area(a.code(), a.level().name())).toList();
    String place = community.name() + (targets.size() == 1 && targets.get(0) != community ? targets.get(0).name() : "");
    String kind = socialWork ? "社工服务项目" : "SERVICE_PURCHASE".equals(round.kind) ? "服务项目" : "公益创投项目";
    String title = round.year + "年" + place + theme[0] + kind + SYNTHETIC;
    String summary = "演示数据（合成，非真实项目）：" + theme[2] + "。服务范围：" + place + "。";
    boolean big = socialWork;
    int beneficiaries = big ? 400 + random.nextInt(800) : 150 + random.nextInt(450);
    int sessions = big ? 24 + random.nextInt(36) : 10 + random.nextInt(20);
    BigDecimal satisfaction = BigDecimal.valueOf(850 + random.nextInt(100), 1);
    String actor = provider == (ground.demoOrganisation() == null ? -1 : ground.demoOrganisation()) ? "organisation" : "承接机构" + SYNTHETIC;
    Long lead = socialWork || random.nextInt(3) > 0 ? ground.socialWorkerByCommunity().get(community.code()) : null;
    Project p = new Project(round, title, summary, provider, lead, theme[1], budget, beneficiaries, sessions, satisfaction,
        union(targets), List.of(category), areas, needs, actor);
    BigDecimal contract = budget.multiply(new BigDecimal("0.40")).setScale(2, RoundingMode.HALF_UP);
    BigDecimal midterm = budget.multiply(new BigDecimal("0.30")).setScale(2, RoundingMode.HALF_UP);
    p.tranches.add(new Tranche(1, contract, "CONTRACT"));
    p.tranches.add(new Tranche(2, midterm, "MIDTERM"));
    p.tranches.add(new Tranche(3, budget.subtract(contract).subtract(midterm), "FINAL"));
    return p;
  }

  /** A review by the reviewer, every criterion scored 60–98, the total their weighted sum. */
  void review(Project p, String reviewer, LocalDate day, DemoProjectLife life) {
    Map<String, BigDecimal> scores = new LinkedHashMap<>();
    BigDecimal total = BigDecimal.ZERO;
    for (Criterion c : p.round.criteria) {
      BigDecimal score = BigDecimal.valueOf(60 + random.nextInt(39));
      scores.put(c.code(), score);
      total = total.add(score.multiply(c.weight()));
    }
    total = total.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    String note = total.compareTo(BigDecimal.valueOf(80)) >= 0 ? "需求分析扎实，建议立项（演示）" : "方案可行，预算需细化（演示）";
    p.reviews.add(new Review(reviewer, scores, total, note, life.at(day, 14)));
  }

  /**
   * {@code n} activities between the two days (inclusive), each at a point inside a target area; with known persons,
   * about three in ten are signed-in groups whose participants are all known (as keyed hashes).
   */
  void activities(Project p, int n, LocalDate from, LocalDate to, boolean knownPersons, DemoProjectLife life) {
    long days = Math.max(0, ChronoUnit.DAYS.between(from, to));
    List<String> pool = new ArrayList<>();
    for (int i = 0; knownPersons && i < 40; i++) pool.add(personKey(++persons));
    PreparedGeometry serviceArea = PreparedGeometryFactory.prepare(p.serviceArea);
    String[] what = {"主题活动", "入户走访", "小组活动", "骨干培训", "宣传咨询"};
    for (int i = 0; i < n; i++) {
      LocalDate day = from.plusDays(days == 0 ? 0 : (days * (i + 1)) / (n + 1));
      Area target = p.areas.get(i % p.areas.size());
      AreaView area = ground.areas().find(target.code()).orElseThrow();
      List<AreaView> grids = ground.areas().children(area.code());
      AreaView grid = grids.isEmpty() ? area : grids.get(random.nextInt(grids.size()));
      Point at = pointIn(grid.boundary(), serviceArea);
      List<String> known = new ArrayList<>();
      int participants;
      if (knownPersons && random.nextInt(10) < 3) {
        participants = 8 + random.nextInt(18);
        for (int k = 0; k < participants; k++) known.add(pool.get((k * 7 + i * 3) % pool.size()));
        known = known.stream().distinct().toList();
        participants = known.size();
      } else {
        participants = 20 + random.nextInt(100);
      }
      p.activities.add(new Activity(grid.name() + what[i % what.length] + SYNTHETIC, day, grid.name() + "活动室" + SYNTHETIC, round7(at.getX()),
          round7(at.getY()), grid.code(), participants, 2 + random.nextInt(9), known, p.providerActor, life.at(day, 18)));
    }
  }

  /** A random point inside the grid and the service area (rejection sampling in its envelope), else the grid's interior point. */
  private Point pointIn(MultiPolygon boundary, PreparedGeometry serviceArea) {
    Envelope e = boundary.getEnvelopeInternal();
    for (int i = 0; i < 40; i++) {
      Point p = Geometries.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(
          round7(e.getMinX() + random.nextDouble() * e.getWidth()), round7(e.getMinY() + random.nextDouble() * e.getHeight())));
      if (boundary.contains(p) && serviceArea.contains(p)) return p;
    }
    return boundary.getInteriorPoint();
  }

  private static double round7(double v) { return Math.round(v * 1e7) / 1e7; }

  /** The union of the areas' boundaries, as a multipolygon. */
  static MultiPolygon union(List<AreaView> areas) {
    if (areas.size() == 1) return areas.get(0).boundary(); // a unary union of one large community is slow and changes nothing
    Geometry u = Geometries.FACTORY.buildGeometry(areas.stream().map(a -> (Geometry) a.boundary()).toList()).union();
    if (u instanceof MultiPolygon m) return m;
    if (u instanceof Polygon p) return Geometries.FACTORY.createMultiPolygon(new Polygon[] {p});
    List<Polygon> parts = new ArrayList<>();
    for (int i = 0; i < u.getNumGeometries(); i++) if (u.getGeometryN(i) instanceof Polygon p) parts.add(p);
    return Geometries.FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
  }

  /** A synthetic person's key, shaped like the keyed hash the impact capability stores (never an identity). */
  private static String personKey(int n) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(("demo-person-" + n).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
