package org.gridwatch.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.demo.DemoFunding.Criterion;
import org.gridwatch.demo.DemoFunding.Need;
import org.gridwatch.demo.DemoFunding.Round;
import org.gridwatch.demo.DemoProjectMaker.Ground;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's funded service projects (issue 15), all synthetic (flag set, titles and summaries marked 演示), written
 * once in one transaction with plain SQL: the 2015 model — 2015年社工示范项目 (10 projects) and 2015年公益创投项目 (26) —
 * and two rounds each later year (a purchase-of-service round from 2018) with growing budgets, all CLOSED with
 * reviews, tranches, activities and published evaluations (mostly pass, a few rectified then passed, one in seventeen
 * failed at the final review); this year's social-work round, started about five months before the clock's today,
 * with projects RUNNING, in MIDTERM_REVIEW, RECTIFYING (its mid-term tranche stopped) and one TERMINATED, aimed at the
 * communities with the most elder-care and neighbour-dispute cases (every other one, so unmet demand shows); and a
 * venture round in review whose applications {@code reviewer} has not scored yet. Plus needs recorded by hand.
 * Providers are the demo's social organisations and home-care providers serving the community, lead social workers
 * the demo's social workers there. Every project walks its lifecycle through {@link DemoProjectLife}.
 */
@Component
@DemoDataEnabled
class DemoProjects {
  static final int FIRST_YEAR = 2015;
  private static final List<String> SOCIAL_WORK = List.of("ELDERLY_CARE", "NEIGHBOUR_DISPUTE");
  private static final List<String> VENTURE = List.of("ELDERLY_CARE", "HOUSEKEEPING", "DELIVERY", "LEGAL_AID", "NEIGHBOUR_DISPUTE");
  private static final List<String> PURCHASE = List.of("HOUSEKEEPING", "DELIVERY", "LEGAL_AID");

  private final AreaCatalog areas;
  private final DistrictProfile district;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final TransactionTemplate tx;

  DemoProjects(AreaCatalog areas, DistrictProfile district, JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
    this.areas = areas;
    this.district = district;
    this.jdbc = jdbc;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
  }

  String seed() {
    if (jdbc.queryForObject("SELECT count(*) FROM funding_round", Long.class) > 0) return "already there";
    long started = System.nanoTime();
    ZoneId zone = district.timeZone();
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    Ground ground = ground();
    if (ground.providersByCommunity().isEmpty()) return "no organisations to fund (the organisations step made none)";
    Set<String> known = new HashSet<>(jdbc.queryForList("SELECT code FROM category", String.class));
    SplittableRandom r = new SplittableRandom(15_2015);
    List<Need> needs = DemoNeeds.recorded(ground.areas(), VENTURE.stream().filter(known::contains).toList(), today, zone, r);
    DemoRounds rounds = new DemoRounds(ground, new DemoProjectMaker(ground, r), r, zone, needs);
    for (int year = FIRST_YEAR; year < today.getYear(); year++) {
      int later = year - FIRST_YEAR;
      rounds.closed(year, "SOCIAL_WORK_DEMONSTRATION", year + "年社工示范项目", 10 + later / 3, available(SOCIAL_WORK, known),
          growth(later, 100_000, 300_000));
      rounds.closed(year, "VENTURE_PHILANTHROPY", year + "年公益创投项目", 26 + later / 2, available(VENTURE, known),
          growth(later, 30_000, 100_000));
      if (year >= 2018) {
        rounds.closed(year, "SERVICE_PURCHASE", year + "年政府购买社区服务项目", 4 + (year - 2018) / 3, available(PURCHASE, known),
            growth(later, 50_000, 150_000));
      }
    }
    List<String> running = available(SOCIAL_WORK, known);
    rounds.running(today, running, demandRanking(running), growth(today.getYear() - FIRST_YEAR, 100_000, 300_000));
    rounds.inReview(today, available(VENTURE, known), growth(today.getYear() + 1 - FIRST_YEAR, 30_000, 100_000));
    long made = System.nanoTime();
    tx.executeWithoutResult(status -> new DemoProjectRows(jdbc).write(needs, rounds.made()));
    long written = System.nanoTime();
    int projects = rounds.made().stream().mapToInt(x -> x.projects.size()).sum();
    return rounds.made().size() + " rounds, " + projects + " projects, " + needs.size() + " recorded needs (made in "
        + (made - started) / 1_000_000 + " ms, written in " + (written - made) / 1_000_000 + " ms)";
  }

  /** Budget bounds in yuan, 6 % more each year after the first. */
  private static long[] growth(int years, long low, long high) {
    double f = Math.pow(1.06, years);
    return new long[] {Math.round(low * f), Math.round(high * f)};
  }

  private static List<String> available(List<String> wanted, Set<String> known) {
    List<String> out = wanted.stream().filter(known::contains).toList();
    return out.isEmpty() ? List.copyOf(known).subList(0, 1) : out;
  }

  /** Per category, the communities by their cases over the last year, most first. */
  private Map<String, List<String>> demandRanking(List<String> categories) {
    Map<String, List<String>> out = new HashMap<>();
    for (String c : categories) {
      out.put(c, jdbc.queryForList("SELECT community_code FROM incident WHERE category_code = ? AND duplicate_of IS NULL"
          + " AND merged_into IS NULL GROUP BY community_code ORDER BY count(*) DESC, community_code", String.class, c));
    }
    return out;
  }

  private Ground ground() {
    AreaCatalog.Snapshot s = areas.now();
    Map<String, List<Long>> providers = new HashMap<>();
    jdbc.query("""
        SELECT a.area_code, o.id FROM organisation o JOIN organisation_service_area a ON a.organisation_id = o.id
         WHERE o.kind IN ('SOCIAL_ORGANISATION', 'SERVICE_PROVIDER') AND a.area_kind = 'COMMUNITY' AND a.valid_to IS NULL
         ORDER BY a.area_code, o.kind, o.id""", rs -> {
      if (s.find(rs.getString(1)).isPresent()) providers.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
    });
    Map<String, Long> socialWorkers = new HashMap<>();
    jdbc.query("SELECT id, home_grid FROM volunteer WHERE kind = 'SOCIAL_WORKER' AND home_grid IS NOT NULL ORDER BY id", rs -> {
      long id = rs.getLong(1);
      s.find(rs.getString(2)).map(AreaView::parentCode).ifPresent(c -> socialWorkers.putIfAbsent(c, id));
    });
    List<Long> demo = jdbc.queryForList("SELECT organisation_id FROM organisation_staff WHERE username = 'organisation'", Long.class);
    return new Ground(s, providers, socialWorkers, demo.isEmpty() ? null : demo.get(0));
  }

  /** The communities that have a provider to fund, in code order. */
  static List<AreaView> fundable(Ground g) {
    return g.areas().level(AreaLevel.COMMUNITY).stream().filter(c -> g.providersByCommunity().containsKey(c.code()))
        .sorted(Comparator.comparing(AreaView::code)).toList();
  }

  /** A budget between the bounds, in whole thousands of yuan. */
  static BigDecimal budget(SplittableRandom r, long[] bounds) {
    long thousands = bounds[0] / 1000 + r.nextLong(Math.max(1, (bounds[1] - bounds[0]) / 1000 + 1));
    return BigDecimal.valueOf(thousands * 1000).setScale(2, RoundingMode.UNNECESSARY);
  }

  static List<Criterion> criteria(String kind) {
    if ("SOCIAL_WORK_DEMONSTRATION".equals(kind)) {
      return List.of(c("NEED_FIT", "需求契合度", 30), c("DESIGN", "专业方案设计", 25), c("TEAM", "社工团队能力", 20),
          c("BUDGET", "预算合理性", 15), c("SUSTAINABILITY", "可持续性", 10));
    }
    return List.of(c("NEED_FIT", "需求契合度", 30), c("INNOVATION", "创新性", 25), c("FEASIBILITY", "可行性", 20),
        c("BUDGET", "预算合理性", 15), c("PARTICIPATION", "居民参与", 10));
  }

  private static Criterion c(String code, String name, int weight) {
    return new Criterion(code, name, BigDecimal.valueOf(weight).setScale(2, RoundingMode.UNNECESSARY));
  }
}
