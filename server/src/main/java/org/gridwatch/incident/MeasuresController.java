package org.gridwatch.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.problem.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/measures?level=grid|community|subdistrict|district&code=&from=&to=}: closure and handling
 * rates of an area (see {@link Measures} for each formula), overall and per category. Dates are ISO dates
 * (Beijing time) or instants; the default period is the last 365 days.
 */
@RestController
class MeasuresController {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private final Measures measures;
  private final AreaCatalog areas;
  private final Clock clock;

  MeasuresController(Measures measures, AreaCatalog areas, Clock clock) {
    this.measures = measures;
    this.areas = areas;
    this.clock = clock;
  }

  @GetMapping("/api/v1/measures")
  Map<String, Object> measures(@RequestParam(defaultValue = "district") String level, @RequestParam(required = false) String code,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    String column = switch (level.toLowerCase()) {
      case "grid" -> "gridCode";
      case "community" -> "communityCode";
      case "subdistrict" -> "subdistrictCode";
      case "district" -> null;
      default -> throw ProblemException.badInput("level", "'" + level + "' is not one of grid, community, subdistrict, district");
    };
    if (column != null) {
      if (code == null) throw ProblemException.badInput("code", "is required for level " + level);
      var area = areas.now().find(code).orElseThrow(() -> ProblemException.badInput("code", "no area has code '" + code + "'"));
      if (!area.level().name().equalsIgnoreCase(level)) throw ProblemException.badInput("code", code + " is a " + area.level() + ", not a " + level);
    }
    Instant end = to == null ? clock.instant() : instant(to, "to");
    Instant start = from == null ? end.minusSeconds(365L * 86400) : instant(from, "from");
    if (!start.isBefore(end)) throw ProblemException.badInput("from", "must be before to");
    Map<String, Measures.Figures> byCategory = measures.byCategory(column, code, start, end);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("level", level.toLowerCase());
    out.put("code", column == null ? "370203" : code);
    out.put("from", start);
    out.put("to", end);
    out.put("overall", Measures.total(byCategory).asMap());
    Map<String, Object> categories = new LinkedHashMap<>();
    byCategory.forEach((c, f) -> categories.put(c, f.asMap()));
    out.put("byCategory", categories);
    return out;
  }

  private static Instant instant(String text, String field) {
    try {
      return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(CHINA).toInstant() : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw ProblemException.badInput(field, "'" + text + "' is not a date (2026-01-31) or date-time");
    }
  }
}
