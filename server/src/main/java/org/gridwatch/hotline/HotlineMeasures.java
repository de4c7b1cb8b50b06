package org.gridwatch.hotline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.incident.Categories;
import org.gridwatch.incident.Category;
import org.gridwatch.incident.Incident;
import org.gridwatch.incident.IncidentSearch;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hotline bulletin's measures over the tickets received in a period (district dates, both ends included), per
 * department (the category's responsible department) or per area (the case's community or subdistrict; tickets not
 * located yet form a row with no code). Each rate comes with its numerator and denominator; a rate over nothing is null.
 * <ul>
 *   <li>及时签收率 signedOnTimeRate: signed by signBy / signed, or whose signBy has passed;</li>
 *   <li>按时办结率 closedOnTimeRate: case resolved by dueBy / not returned, and resolved or past dueBy;</li>
 *   <li>退单率 returnRate: returned / received;</li>
 *   <li>重办率 redoRate: reopened at least once after a dissatisfied visit / replied;</li>
 *   <li>回访率 visitRate: visited / replied;</li>
 *   <li>满意率 satisfactionRate: latest visit SATISFIED or BASIC / visited (basically satisfied counts as satisfied);</li>
 *   <li>按时反馈率 repliedOnTimeRate: replied by dueBy / not returned, and replied or past dueBy.</li>
 * </ul>
 */
@Service
public class HotlineMeasures {
  public enum By { DEPARTMENT, AREA }

  public enum Level { SUBDISTRICT, COMMUNITY }

  /** A rate and the counts it is made of. */
  public record Rate(Double rate, int numerator, int denominator) {
    static Rate of(int numerator, int denominator) {
      return new Rate(denominator == 0 ? null : Math.round(10000.0 * numerator / denominator) / 10000.0, numerator, denominator);
    }
  }

  public record Row(String code, String name, int tickets, Rate signedOnTimeRate, Rate closedOnTimeRate, Rate returnRate,
      Rate redoRate, Rate visitRate, Rate satisfactionRate, Rate repliedOnTimeRate) {}

  /** The answer: the period, the grouping, a row per group (largest first) and the whole period's row. */
  public record Answer(LocalDate from, LocalDate to, By by, Level level, List<Row> rows, Row total) {}

  private final TicketRows rows;
  private final IncidentSearch cases;
  private final Categories categories;
  private final AreaCatalog areas;
  private final DistrictProfile district;
  private final Clock clock;

  HotlineMeasures(TicketRows rows, IncidentSearch cases, Categories categories, AreaCatalog areas, DistrictProfile district,
      Clock clock) {
    this.rows = rows;
    this.cases = cases;
    this.categories = categories;
    this.areas = areas;
    this.district = district;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Answer measure(LocalDate from, LocalDate to, By by, Level level) {
    Instant start = from.atStartOfDay(district.timeZone()).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(district.timeZone()).toInstant();
    Instant now = clock.instant();
    Map<String, List<Counted>> groups = new LinkedHashMap<>();
    List<Counted> all = new ArrayList<>();
    for (Ticket t : rows.list(null, start, end, Integer.MAX_VALUE)) {
      Incident i = t.caseId() == null ? null : cases.byPublicId(t.caseId()).orElse(null);
      Counted c = new Counted(t, i == null ? null : i.getResolvedAt());
      all.add(c);
      String key = by == By.DEPARTMENT ? categories.find(t.category()).map(Category::getDepartmentCode).orElse(null)
          : i == null ? null : level == Level.COMMUNITY ? i.getCommunityCode() : i.getSubdistrictCode();
      groups.computeIfAbsent(key == null ? "" : key, k -> new ArrayList<>()).add(c);
    }
    Function<String, String> name = code -> by == By.AREA ? areas.now().find(code).map(AreaView::name).orElse(null) : null;
    List<Row> out = new ArrayList<>();
    groups.forEach((code, counted) -> out.add(row(code.isEmpty() ? null : code, code.isEmpty() ? null : name.apply(code), counted, now)));
    out.sort(Comparator.comparingInt(Row::tickets).reversed().thenComparing(r -> r.code() == null ? "~" : r.code()));
    return new Answer(from, to, by, by == By.AREA ? level : null, out, row(null, null, all, now));
  }

  /** A ticket and its case's resolution time (null: no case, or not resolved). */
  private record Counted(Ticket t, Instant resolvedAt) {}

  private static Row row(String code, String name, List<Counted> counted, Instant now) {
    int signDue = 0, signedOnTime = 0, closeDue = 0, closedOnTime = 0, returned = 0, replied = 0, redone = 0, visited = 0,
        satisfied = 0, replyDue = 0, repliedOnTime = 0;
    for (Counted c : counted) {
      Ticket t = c.t();
      if (t.signedAt() != null || t.signBy().isBefore(now)) signDue++;
      if (t.signedAt() != null && !t.signedAt().isAfter(t.signBy())) signedOnTime++;
      boolean isReturned = t.stage() == TicketStatus.RETURNED;
      if (isReturned) returned++;
      if (!isReturned && (c.resolvedAt() != null || t.dueBy().isBefore(now))) closeDue++;
      if (!isReturned && c.resolvedAt() != null && !c.resolvedAt().isAfter(t.dueBy())) closedOnTime++;
      if (!isReturned && (t.repliedAt() != null || t.dueBy().isBefore(now))) replyDue++;
      if (!isReturned && t.repliedAt() != null && !t.repliedAt().isAfter(t.dueBy())) repliedOnTime++;
      if (t.replies() > 0) replied++;
      if (t.replies() > 0 && t.redos() > 0) redone++;
      if (t.replies() > 0 && t.visitedAt() != null) visited++;
      if (t.replies() > 0 && t.visitedAt() != null && t.visitResult() != Ticket.VisitResult.DISSATISFIED) satisfied++;
    }
    return new Row(code, name, counted.size(), Rate.of(signedOnTime, signDue), Rate.of(closedOnTime, closeDue),
        Rate.of(returned, counted.size()), Rate.of(redone, replied), Rate.of(visited, replied), Rate.of(satisfied, visited),
        Rate.of(repliedOnTime, replyDue));
  }
}
