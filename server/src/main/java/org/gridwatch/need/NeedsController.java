package org.gridwatch.need;

import java.net.URI;
import java.util.List;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DayPeriod;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The needs map and what stands behind it: {@code GET /api/v1/needs} (figures per area), {@code /needs/cases} (the
 * cases of one figure), {@code /needs/unmet} (high demand no project serves) and needs recorded by hand. Who may call
 * them is in the access table (staff, funders, reviewers; never anonymous or residents).
 */
@RestController
class NeedsController {
  static final int DEFAULT_PERCENTILE = 80;

  private final NeedsMap map;
  private final NeedCases cases;
  private final UnmetDemand unmet;
  private final RecordedNeeds recorded;
  private final NeedCategories categories;
  private final NeedPeriod period;

  NeedsController(NeedsMap map, NeedCases cases, UnmetDemand unmet, RecordedNeeds recorded, NeedCategories categories,
      NeedPeriod period) {
    this.map = map;
    this.cases = cases;
    this.unmet = unmet;
    this.recorded = recorded;
    this.categories = categories;
    this.period = period;
  }

  @GetMapping("/api/v1/needs")
  NeedsMap.Answer needs(@RequestParam(defaultValue = "grid") String level, @RequestParam(required = false) String category,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    var l = DayPeriod.level(level);
    String c = categories.check(category, "category", false);
    return map.of(l, c, period.parse(from, to));
  }

  @GetMapping("/api/v1/needs/cases")
  NeedCases.Answer cases(@RequestParam(required = false) String area, @RequestParam(required = false) String category,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
    AreaView a = cases.area(area);
    String c = categories.check(category, "category", false);
    return cases.page(a, c, period.parse(from, to), NeedCases.limit(limit), cursor);
  }

  @GetMapping("/api/v1/needs/unmet")
  UnmetDemand.Answer unmet(@RequestParam(defaultValue = "grid") String level, @RequestParam(required = false) String category,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) Integer percentile) {
    var l = DayPeriod.level(level);
    String c = categories.check(category, "category", true);
    int p = percentile == null ? DEFAULT_PERCENTILE : NeedLayers.check(percentile);
    return unmet.of(l, c, period.parse(from, to), p, period.today());
  }

  @PostMapping("/api/v1/needs/recorded")
  ResponseEntity<RecordedNeed> record(@Validated @RequestBody RecordedNeedRequest body, Authentication auth) {
    RecordedNeed need = recorded.record(body, auth.getName());
    return ResponseEntity.created(URI.create("/api/v1/needs/recorded/" + need.id())).body(need);
  }

  @GetMapping("/api/v1/needs/recorded")
  List<RecordedNeed> recorded(@RequestParam(required = false) String area, @RequestParam(required = false) String category) {
    AreaView a = area == null || area.isBlank() ? null : cases.area(area);
    return recorded.list(a, categories.check(category, "category", false));
  }

  @GetMapping("/api/v1/needs/recorded/{id}")
  RecordedNeed recordedNeed(@PathVariable long id) {
    return recorded.find(id).orElseThrow(() -> ProblemException.notFound("unknown-need", "Unknown need",
        Text.of("need.no-such-record", String.valueOf(id))));
  }
}
