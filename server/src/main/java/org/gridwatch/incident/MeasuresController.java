package org.gridwatch.incident;

import org.gridwatch.problem.Text;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.area.AreaHistory;
import org.locationtech.jts.geom.Geometry;
import org.gridwatch.problem.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/measures?level=grid|community|subdistrict|district&code=&from=&to=}: closure and handling
 * rates of an area (see {@link Measures} for each formula), overall and per category. Dates are ISO dates
 * (Beijing time) or instants; the default period is the last 365 days. {@code boundaries}: {@code recorded} (the
 * default: by the codes cases were recorded with), {@code current} (cases inside the area's outline now) or an
 * instant (inside the outline it had then, a retired area's too): measures on new or old boundaries.
 * {@code activity} ({@link CaseActivity}): cases reported and closed in the period, open and overdue now, by the
 * recorded codes — the console's strip of today's figures asks with {@code from} = today's date. {@code propertyTier}
 * ({@link Measures.PropertyTier}): the cases sent to property companies first, how many they answered in time and
 * closed themselves.
 */
@RestController
class MeasuresController {
  private final Measures measures;
  private final AreaCatalog areas;
  private final AreaHistory history;
  private final Clock clock;

  private final DistrictProfile district;
  private final CaseActivity activity;

  MeasuresController(Measures measures, AreaCatalog areas, AreaHistory history, Clock clock, DistrictProfile district,
      CaseActivity activity) {
    this.activity = activity;
    this.district = district;
    this.history = history;
    this.measures = measures;
    this.areas = areas;
    this.clock = clock;
  }

  @GetMapping("/api/v1/measures")
  Map<String, Object> measures(@RequestParam(defaultValue = "district") String level, @RequestParam(required = false) String code,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String boundaries) {
    MeasuresQuery q = MeasuresQuery.parse(level, code, from, to, boundaries, clock.instant(), district.timeZone());
    String column = q.column();
    Geometry outline = column == null ? null : outline(q);
    // by recorded codes: the three parts from one read of the case tally; inside an outline: counted
    Measures.Report recorded = outline == null ? measures.report(column, q.code(), q.from(), q.to(), clock.instant()) : null;
    Map<String, Measures.Figures> byCategory = recorded != null ? recorded.byCategory()
        : measures.byCategoryWithin(outline, q.from(), q.to());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("level", q.level());
    out.put("code", column == null ? district.code() : q.code());
    out.put("boundaries", outline == null ? "recorded" : q.boundaries());
    out.put("from", q.from());
    out.put("to", q.to());
    out.put("overall", Measures.total(byCategory).asMap());
    Map<String, Object> categories = new LinkedHashMap<>();
    byCategory.forEach((c, f) -> categories.put(c, f.asMap()));
    out.put("byCategory", categories);
    out.put("propertyTier", recorded != null ? recorded.propertyTier() : measures.propertyTierWithin(outline, q.from(), q.to()));
    out.put("activity", recorded != null ? recorded.activity() : activity.in(column, q.code(), q.from(), q.to(), clock.instant()));
    return out;
  }

  /**
   * The outline to count cases in: null to count by the codes cases were recorded with ({@code boundaries} absent
   * or {@code recorded}); the area's current outline ({@code current}); or the one it had at an instant (an old,
   * perhaps retired, area).
   */
  private Geometry outline(MeasuresQuery q) {
    String level = q.level(), code = q.code(), boundaries = q.boundaries();
    if (code == null) throw ProblemException.badInput("code", Text.of("incident.required-for-level-x", level));
    if (q.boundariesAt() == null) {
      var area = areas.now().find(code).orElseThrow(() -> ProblemException.badInput("code", Text.of("incident.no-current-area-has-code", code)));
      if (!area.level().name().equalsIgnoreCase(level)) throw ProblemException.badInput("code", Text.of("incident.x-x-not-x", code, area.level(), level));
      return boundaries == null || boundaries.equals("recorded") ? null : area.boundary();
    }
    AreaHistory.Version then = history.at(code, q.boundariesAt())
        .orElseThrow(() -> ProblemException.badInput("boundaries", Text.of("incident.x-had-no-outline-at", code, boundaries)));
    if (!then.level().name().equalsIgnoreCase(level)) throw ProblemException.badInput("code", Text.of("incident.x-x-not-x", code, then.level(), level));
    return then.boundary();
  }
}
