package org.gridwatch.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.demo.DemoFunding.Need;

/**
 * Synthetic needs recorded by hand over the last year (a survey, a grid council's topic, a home visit), three per
 * subdistrict in its communities and grids, with one subdistrict-wide; every text says it is demo data.
 */
final class DemoNeeds {
  private static final String[] SOURCES = {"SURVEY", "COUNCIL_TOPIC", "VISIT", "OTHER"};
  private static final String[] RECORDERS = {"planner", "community", "funder"};
  private static final Map<String, String> WHAT = Map.of(
      "ELDERLY_CARE", "独居老人助餐与上门探访需求集中",
      "NEIGHBOUR_DISPUTE", "楼院噪音、漏水引发的邻里纠纷反复出现",
      "HOUSEKEEPING", "困难家庭缺少家政与照护帮手",
      "DELIVERY", "行动不便居民买药买菜困难",
      "LEGAL_AID", "居民对赡养、继承等法律咨询需求较多",
      "PROPERTY_MANAGEMENT", "老旧小区无物业，公共维修无人负责");
  private static final Map<String, String> EVIDENCE = Map.of(
      "SURVEY", "入户问卷", "COUNCIL_TOPIC", "网格议事会议题记录", "VISIT", "社工走访台账", "OTHER", "居民来信汇总");

  private DemoNeeds() {}

  static List<Need> recorded(AreaCatalog.Snapshot s, List<String> categories, LocalDate today, ZoneId zone, SplittableRandom r) {
    List<Need> out = new ArrayList<>();
    int n = 0;
    for (AreaView sub : s.level(AreaLevel.SUBDISTRICT)) {
      List<AreaView> communities = s.children(sub.code());
      if (communities.isEmpty()) continue;
      for (int i = 0; i < 3; i++, n++) {
        AreaView community = communities.get(r.nextInt(communities.size()));
        List<AreaView> grids = s.children(community.code());
        AreaView area = i == 2 && n % 4 == 0 ? sub : i == 1 && !grids.isEmpty() ? grids.get(r.nextInt(grids.size())) : community;
        out.add(need(area, categories.get(n % categories.size()), SOURCES[n % SOURCES.length], RECORDERS[n % RECORDERS.length],
            today.minusDays(10 + r.nextInt(320)), zone, r));
      }
    }
    return out;
  }

  /** A need behind a project: recorded in its community while needs were collected. */
  static Need behind(AreaView community, String category, LocalDate day, ZoneId zone, SplittableRandom r) {
    return need(community, category, r.nextBoolean() ? "VISIT" : "COUNCIL_TOPIC", "community", day, zone, r);
  }

  private static Need need(AreaView area, String category, String source, String recorder, LocalDate day, ZoneId zone,
      SplittableRandom r) {
    int residents = 20 + r.nextInt(300);
    String description = area.name() + WHAT.getOrDefault(category, "居民反映服务需求") + "，约" + residents + "名居民受影响（演示数据，合成）";
    String evidence = EVIDENCE.get(source) + "（演示）";
    return new Need(area.code(), area.level().name(), category, source, description, evidence, residents, recorder,
        day.atTime(9 + r.nextInt(8), r.nextInt(60)).atZone(zone).toInstant());
  }
}
