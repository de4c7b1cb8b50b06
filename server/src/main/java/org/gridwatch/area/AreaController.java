package org.gridwatch.area;

import org.gridwatch.problem.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.gridwatch.problem.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/areas}: find areas by code or name ({@code ?q=}), and one area with its chain up to the
 * district ({@code /api/v1/areas/{code}}). Outlines are served by the OGC API.
 */
@RestController
@RequestMapping("/api/v1/areas")
class AreaController {
  static final int MAX_RESULTS = 20;
  private final AreaCatalog catalog;
  private final AreaHistory history;
  private final tools.jackson.databind.json.JsonMapper json;

  AreaController(AreaCatalog catalog, AreaHistory history, tools.jackson.databind.json.JsonMapper json) {
    this.catalog = catalog;
    this.history = history;
    this.json = json;
  }

  record AreaSummary(String code, String level, String name, String nameEn, String parentCode, String kind,
      double areaM2, int households, int residents, boolean synthetic, List<Double> bbox) {
    static AreaSummary of(AreaView a) {
      var e = a.boundary().getEnvelopeInternal();
      return new AreaSummary(a.code(), a.level().name().toLowerCase(Locale.ROOT), a.name(), a.nameEn(), a.parentCode(),
          a.kind(), Math.round(a.areaM2() * 10) / 10.0, a.households(), a.residents(), a.synthetic(),
          List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
    }
  }

  record AreaDetail(AreaSummary area, List<AreaSummary> chain, int children) {}

  @GetMapping
  List<AreaSummary> search(@RequestParam(required = false) String q) {
    if (q == null || q.isBlank()) throw ProblemException.badInput("q", Text.of("area.required-code-or-start-or"));
    String needle = q.trim().toLowerCase(Locale.ROOT);
    if (needle.length() > 60) throw ProblemException.badInput("q", Text.of("area.longer-than-60-characters"));
    AreaCatalog.Snapshot s = catalog.now();
    List<AreaView> hits = new ArrayList<>();
    for (AreaLevel level : AreaLevel.values()) {
      for (AreaView a : s.level(level)) {
        if (a.code().startsWith(needle) || a.name().toLowerCase(Locale.ROOT).contains(needle)
            || (a.nameEn() != null && a.nameEn().toLowerCase(Locale.ROOT).contains(needle))) {
          hits.add(a);
        }
      }
    }
    // Exact code first, then names that start with the query, then the coarser levels.
    hits.sort(Comparator.<AreaView>comparingInt(a -> a.code().equals(needle) ? 0 : 1)
        .thenComparingInt(a -> a.name().toLowerCase(Locale.ROOT).startsWith(needle) ? 0 : 1)
        .thenComparing(AreaView::level).thenComparing(AreaView::code));
    return hits.stream().limit(MAX_RESULTS).map(AreaSummary::of).toList();
  }

  /** When a level's boundaries changed, oldest first: {@code /api/v1/areas/changes?level=grids} (the history slider's notches). */
  @GetMapping("/changes")
  List<Instant> changes(@RequestParam(defaultValue = "grids") String level) {
    for (AreaLevel l : AreaLevel.values()) if (l.plural().equals(level)) return history.changes(l);
    throw ProblemException.badInput("level", Text.of("area.one-subdistricts-communities-grids"));
  }

  /** Every version of an area's outline, oldest first, with the time each was valid. */
  @GetMapping("/{code}/history")
  List<java.util.Map<String, Object>> history(@PathVariable String code) {
    List<AreaHistory.Version> versions = history.of(code);
    if (versions.isEmpty()) throw unknown(code);
    return versions.stream().map(this::version).toList();
  }

  @GetMapping(value = "/{code}", params = "at")
  java.util.Map<String, Object> areaAt(@PathVariable String code, @RequestParam String at) {
    java.time.Instant when = instant(at, "at");
    return version(history.at(code, when).orElseThrow(() -> ProblemException.notFound("not-then", "Not valid then",
        Text.of("area.area-x-had-no-outline", code, when))));
  }

  static java.time.Instant instant(String text, String field) {
    try {
      return text.length() == 10 ? java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
          : java.time.OffsetDateTime.parse(text).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw ProblemException.badInput(field, Text.of("area.x-not-date-2026-11", text));
    }
  }

  private java.util.Map<String, Object> version(AreaHistory.Version v) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("code", v.code());
    m.put("version", v.version());
    m.put("validFrom", v.validFrom());
    m.put("validTo", v.validTo());
    m.put("areaM2", Math.round(v.areaM2() * 10) / 10.0);
    m.put("households", v.households());
    m.put("residents", v.residents());
    m.put("geometry", json.readTree(org.gridwatch.geo.GeoJson.toJson(v.boundary())));
    return m;
  }

  private static ProblemException unknown(String code) {
    return ProblemException.notFound("unknown-area", "Unknown area", Text.of("area.there-no-area-with-code", code));
  }

  @GetMapping("/{code}")
  AreaDetail area(@PathVariable String code) {
    AreaCatalog.Snapshot s = catalog.now();
    AreaView a = s.find(code).orElseThrow(() -> ProblemException.notFound("unknown-area", "Unknown area",
        Text.of("area.there-no-area-with-code", code)));
    return new AreaDetail(AreaSummary.of(a), s.chain(a).stream().skip(1).map(AreaSummary::of).toList(),
        s.children(code).size());
  }
}
