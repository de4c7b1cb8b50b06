package org.gridwatch.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.gridwatch.area.AreaView;
import org.gridwatch.demo.DemoFunding.Need;
import org.gridwatch.demo.DemoFunding.Project;
import org.gridwatch.demo.DemoFunding.Round;
import org.gridwatch.demo.DemoProjectMaker.Ground;

/**
 * The demo's rounds and their projects' lives: closed rounds of past years, this year's running round and a round in
 * review (dates relative to today, so the demo is live whenever it starts). Each project's statuses, tranches,
 * evaluations and events come from {@link DemoProjectLife}.
 */
final class DemoRounds {
  private final Ground ground;
  private final DemoProjectMaker maker;
  private final SplittableRandom r;
  private final ZoneId zone;
  private final List<Need> needs;
  private final List<AreaView> communities;
  private final List<Round> made = new ArrayList<>();
  private final Map<String, BigDecimal> lastBudget = new HashMap<>();
  private int cursor;

  DemoRounds(Ground ground, DemoProjectMaker maker, SplittableRandom r, ZoneId zone, List<Need> needs) {
    this.ground = ground;
    this.maker = maker;
    this.r = r;
    this.zone = zone;
    this.needs = needs;
    this.communities = DemoProjects.fundable(ground);
  }

  List<Round> made() { return made; }

  /**
   * A past round, every project CLOSED after its final review except one declined application (venture rounds after
   * the first year): one in nine rectified at mid-term then passed, one in thirteen rectified at the final review, one
   * in seventeen failed it.
   */
  void closed(int year, String kind, String title, int count, List<String> categories, long[] bounds) {
    Round round = new Round(year, kind, title, LocalDate.of(year, 1, 5), LocalDate.of(year, 1, 20), LocalDate.of(year, 2, 15),
        LocalDate.of(year, 3, 10), LocalDate.of(year, 12, 20), DemoProjects.criteria(kind));
    boolean declineOne = year > DemoProjects.FIRST_YEAR && "VENTURE_PHILANTHROPY".equals(kind);
    Set<String> titles = new HashSet<>();
    for (int i = 0; i < count + (declineOne ? 1 : 0); i++) {
      AreaView community = next();
      Project p = project(round, community, categories.get(i % categories.size()), provider(community), bounds, List.of(), titles);
      DemoProjectLife life = new DemoProjectLife(p, zone);
      applyAndReview(p, life, DemoProjectMaker.REVIEWERS.length);
      if (i == count) {
        life.decline(round.callCloses.plusDays(10), "与本轮资助方向不符（演示）");
        continue;
      }
      contractAndStart(p, life);
      long length = ChronoUnit.DAYS.between(round.runsFrom, round.runsTo);
      LocalDate mid = round.runsFrom.plusDays(length / 2 - 10 + r.nextInt(5));
      boolean midRectify = i % 9 == 4, finalRectify = i % 13 == 6, fail = i % 17 == 11;
      evaluate(p, life, "MIDTERM", mid, midRectify ? "RECTIFY" : "PASS", true);
      if (midRectify) evaluate(p, life, "MIDTERM", mid.plusDays(30), "PASS", true);
      LocalDate fin = round.runsTo.minusDays(40 - r.nextInt(5));
      // the model year in full (known persons among the participants); later years lighter, to keep the step quick
      boolean model = year == DemoProjects.FIRST_YEAR;
      maker.activities(p, model ? 3 + r.nextInt(4) : 2 + r.nextInt(2), p.startedOn.plusDays(7), fin.minusDays(3), model, life);
      evaluate(p, life, "FINAL", fin, fail ? "FAIL" : finalRectify ? "RECTIFY" : "PASS", true);
      if (finalRectify) evaluate(p, life, "FINAL", fin.plusDays(20), "PASS", true);
    }
    finish(round);
  }

  /**
   * This year's social-work round, started about five months ago: projects in the communities with the most cases of
   * their category (every other one, so some high-demand communities stay unserved), the first run by the demo
   * account {@code organisation}'s organisation; RUNNING (three passed the mid-term review, one not yet reported),
   * MIDTERM_REVIEW (one checked, one only reported), RECTIFYING, TERMINATED.
   */
  void running(LocalDate today, List<String> categories, Map<String, List<String>> ranking, long[] bounds) {
    Round round = new Round(today.getYear(), "SOCIAL_WORK_DEMONSTRATION", today.getYear() + "年社工示范项目", today.minusDays(300),
        today.minusDays(240), today.minusDays(210), today.minusDays(150), today.plusDays(215), DemoProjects.criteria(
            "SOCIAL_WORK_DEMONSTRATION"));
    String[] plan = {"PASSED", "PASSED", "PASSED", "EARLY", "CHECKED", "REPORTED", "RECTIFYING", "TERMINATED"};
    Map<String, Integer> rank = new HashMap<>();
    Set<String> used = new HashSet<>(), titles = new HashSet<>();
    for (int i = 0; i < plan.length; i++) {
      String category = categories.get(i % categories.size());
      AreaView community = i == 0 ? demoCommunity() : null;
      Long provider = community == null ? null : ground.demoOrganisation();
      while (community == null) community = ranked(ranking.getOrDefault(category, List.of()), rank, category, used);
      used.add(community.code());
      if (provider == null) provider = provider(community);
      Need need = DemoNeeds.behind(community, category, round.needsFrom.plusDays(r.nextInt(50)), zone, r);
      needs.add(need);
      Project p = project(round, community, category, provider, bounds, List.of(need), titles);
      DemoProjectLife life = new DemoProjectLife(p, zone);
      applyAndReview(p, life, DemoProjectMaker.REVIEWERS.length);
      contractAndStart(p, life);
      switch (plan[i]) {
        case "PASSED" -> evaluate(p, life, "MIDTERM", today.minusDays(30 + r.nextInt(5)), "PASS", true);
        case "CHECKED" -> evaluate(p, life, "MIDTERM", today.minusDays(8), null, true);
        case "REPORTED" -> evaluate(p, life, "MIDTERM", today.minusDays(5), null, false);
        case "RECTIFYING" -> evaluate(p, life, "MIDTERM", today.minusDays(30), "RECTIFY", true);
        case "TERMINATED" -> life.terminate(today.minusDays(60), "承接机构核心社工团队离职，无法按合同履约（演示）");
        default -> { }
      }
      LocalDate last = p.endedOn != null ? p.endedOn.minusDays(1) : today.minusDays(1);
      maker.activities(p, 5 + r.nextInt(5), p.startedOn.plusDays(5), last, true, life);
    }
    finish(round);
  }

  /**
   * A venture round whose call closed five days ago: eight applications, four scored by reviewer2 and reviewer3 (one
   * of them a conflict reviewer3 declared instead), two by reviewer2 alone, two by no one; {@code reviewer} has scored
   * none, so that account can score in the page.
   */
  void inReview(LocalDate today, List<String> categories, long[] bounds) {
    LocalDate runsFrom = today.plusDays(30);
    int year = runsFrom.getYear();
    Round round = new Round(year, "VENTURE_PHILANTHROPY", year + "年公益创投项目", today.minusDays(100), today.minusDays(50),
        today.minusDays(5), runsFrom, today.plusDays(330), DemoProjects.criteria("VENTURE_PHILANTHROPY"));
    Set<String> titles = new HashSet<>();
    for (int i = 0; i < 8; i++) {
      AreaView community = i == 0 && demoCommunity() != null ? demoCommunity() : next();
      Long provider = i == 0 && ground.demoOrganisation() != null ? ground.demoOrganisation() : provider(community);
      String category = categories.get(i % categories.size());
      Need need = DemoNeeds.behind(community, category, round.needsFrom.plusDays(r.nextInt(40)), zone, r);
      needs.add(need);
      Project p = project(round, community, category, provider, bounds, List.of(need), titles);
      DemoProjectLife life = new DemoProjectLife(p, zone);
      life.apply(round.callOpens.plusDays(r.nextInt(45)));
      if (i < 6) maker.review(p, "reviewer2", today.minusDays(4 - i % 3), life);
      if (i == 3) p.conflicts.add(new DemoFunding.Conflict("reviewer3", "本人曾任该机构项目督导（演示）", life.at(today.minusDays(4), 9)));
      else if (i < 4) maker.review(p, "reviewer3", today.minusDays(3 - i % 2), life);
    }
    finish(round);
  }

  private void applyAndReview(Project p, DemoProjectLife life, int reviewers) {
    Round round = p.round;
    life.apply(round.callOpens.plusDays(r.nextInt((int) ChronoUnit.DAYS.between(round.callOpens, round.callCloses) + 1)));
    for (int k = 0; k < reviewers; k++) maker.review(p, DemoProjectMaker.REVIEWERS[k], round.callCloses.plusDays(1 + r.nextInt(6)), life);
  }

  private void contractAndStart(Project p, DemoProjectLife life) {
    Round round = p.round;
    life.shortlist(round.callCloses.plusDays(10));
    life.approve(round.callCloses.plusDays(14));
    life.contract(round.runsFrom.minusDays(5));
    life.start(round.runsFrom.plusDays(r.nextInt(5)));
  }

  /** A self-report on the day, the check four days later (if checked), the result eight days later (if any). */
  private void evaluate(Project p, DemoProjectLife life, String stage, LocalDate day, String result, boolean checked) {
    boolean fin = "FINAL".equals(stage);
    boolean good = result == null || "PASS".equals(result);
    int share = (fin ? 100 : 50) - (good ? 0 : 25) + r.nextInt(12);
    int beneficiaries = p.kpiBeneficiaries * share / 100, sessions = p.kpiSessions * share / 100;
    BigDecimal satisfaction = BigDecimal.valueOf((good ? 880 : 780) + r.nextInt(100), 1);
    life.selfReport(stage, day, (fin ? "结项" : "中期") + "自评：开展服务" + sessions + "场，服务" + beneficiaries + "人次（演示数据）",
        beneficiaries, sessions, satisfaction);
    if (!checked) return;
    String[] methods = {"DOCUMENTS,PHONE", "DOCUMENTS,SITE_VISIT", "DOCUMENTS,PHONE,SITE_VISIT"};
    life.check(day.plusDays(4), DemoProjectMaker.REVIEWERS[r.nextInt(3)], methods[r.nextInt(3)], "台账、回访与现场核查（演示）");
    if (result == null) return;
    String note = switch (result) {
      case "PASS" -> "达到合同约定指标（演示）";
      case "RECTIFY" -> "服务台账不完整，限期整改（演示）";
      default -> "未达到主要服务指标（演示）";
    };
    life.publish(day.plusDays(8), result, note);
  }

  private Project project(Round round, AreaView community, String category, long provider, long[] bounds, List<Need> projectNeeds,
      Set<String> titles) {
    Project p = maker.make(round, community, category, provider, DemoProjects.budget(r, bounds), projectNeeds);
    String base = p.title;
    for (int n = 2; !titles.add(p.title); n++) p.title = base.replace(DemoProjectMaker.SYNTHETIC, "（" + n + "）" + DemoProjectMaker.SYNTHETIC);
    round.projects.add(p);
    return p;
  }

  /**
   * The round's budget: what its projects were granted (declined ones aside) plus a tenth, and at least 5 % more than
   * the last round of its kind (funding grows each year), rounded up to ten thousand yuan.
   */
  private void finish(Round round) {
    BigDecimal granted = round.projects.stream().filter(p -> !"DECLINED".equals(p.status)).map(p -> p.budget)
        .reduce(BigDecimal.ZERO, BigDecimal::add).multiply(new BigDecimal("1.1"));
    BigDecimal last = lastBudget.get(round.kind);
    if (last != null) granted = granted.max(last.multiply(new BigDecimal("1.05")));
    BigDecimal tenThousands = granted.divide(BigDecimal.valueOf(10_000), 0, RoundingMode.UP).max(BigDecimal.ONE);
    round.budget = tenThousands.multiply(BigDecimal.valueOf(10_000)).setScale(2, RoundingMode.UNNECESSARY);
    lastBudget.put(round.kind, round.budget);
    made.add(round);
  }

  private AreaView next() { return communities.get(cursor++ % communities.size()); }

  private long provider(AreaView community) {
    List<Long> serving = ground.providersByCommunity().get(community.code());
    return serving.get(r.nextInt(serving.size()));
  }

  /** The community the demo's organisation serves, or null. */
  private AreaView demoCommunity() {
    Long demo = ground.demoOrganisation();
    if (demo == null) return null;
    return communities.stream().filter(c -> ground.providersByCommunity().get(c.code()).contains(demo)).findFirst().orElse(null);
  }

  /** The next-but-one community of the category's demand ranking that has a provider and no project yet; else the next in turn. */
  private AreaView ranked(List<String> ranking, Map<String, Integer> rank, String category, Set<String> used) {
    int k = rank.getOrDefault(category, 0);
    while (k < ranking.size()) {
      String code = ranking.get(k);
      k += 2;
      rank.put(category, k);
      if (!used.contains(code) && ground.providersByCommunity().containsKey(code)) {
        return ground.areas().find(code).orElse(null);
      }
    }
    AreaView c = next();
    return used.contains(c.code()) ? null : c;
  }
}
