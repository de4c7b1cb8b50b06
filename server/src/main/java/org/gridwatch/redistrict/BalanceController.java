package org.gridwatch.redistrict;

import org.gridwatch.problem.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.BuildingView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.area.HouseholdBand;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.security.Role;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/areas/{community}/balance}, body {@code {"grids": N}} (optional; default round(households /
 * 400)), for PLANNER and ADMIN: a proposed regrouping of the community's buildings into N grids ({@link AutoBalance})
 * as a GeoJSON FeatureCollection with a {@code summary}. A draft: nothing is saved; features keep the {@code code} of
 * the current grid they match one-to-one, so the collection can be PUT to {@code /api/v1/areas/{community}/children}.
 */
@RestController
class BalanceController {
  private final EditSupport edits;
  private final JsonMapper json;
  private final DistrictProfile district;

  BalanceController(EditSupport edits, JsonMapper json, DistrictProfile district) {
    this.district = district;
    this.edits = edits;
    this.json = json;
  }

  @PostMapping("/api/v1/areas/{code}/balance")
  Map<String, Object> balance(@PathVariable String code, @jakarta.validation.Valid @RequestBody(required = false) BalanceRequest body, Authentication auth) {
    EditSupport.mayRedraw(auth);
    AreaCatalog.Snapshot s = edits.catalog.now();
    AreaView community = edits.area(code);
    if (community.level() != AreaLevel.COMMUNITY) {
      throw ProblemException.badInput("code", Text.of("redistrict.x-x-not-community", code, community.level().name().toLowerCase()));
    }
    Map<String, Geometry> current = new LinkedHashMap<>();
    for (AreaView g : s.children(code)) current.put(g.code(), g.boundary());
    Set<String> grids = current.keySet();
    List<BuildingView> buildings = s.buildings().stream().filter(b -> grids.contains(b.gridCode())).toList();
    if (buildings.isEmpty()) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "nothing-to-balance", "Nothing to balance",
          Text.of("redistrict.community-x-has-no-buildings", code), List.of(new ProblemException.FieldError("code", Text.of("redistrict.has-no-buildings"))));
    }
    int households = buildings.stream().mapToInt(BuildingView::households).sum();
    HouseholdBand band = district.householdBand(code);
    int n = gridCount(body, AutoBalance.defaultGrids(households, band), AutoBalance.maxGrids(buildings));
    return view(AutoBalance.propose(community.boundary(), buildings, n, current, band, district.polsbyPopperWarning()), band);
  }

  private static int gridCount(BalanceRequest body, int fallback, int max) {
    if (body == null || body.grids() == null) return fallback;
    if (body.grids().compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
      throw ProblemException.badInput("grids", Text.of("redistrict.must-1-x-one-grid", max));
    }
    return body.grids().intValueExact();
  }

  private Map<String, Object> view(AutoBalance.Proposal p, HouseholdBand band) {
    List<Map<String, Object>> features = new ArrayList<>();
    for (AutoBalance.Grid g : p.grids()) {
      Map<String, Object> properties = new LinkedHashMap<>();
      if (g.code() != null) properties.put("code", g.code());
      properties.putAll(g.shape().figures());
      properties.put("inBand", g.inBand());
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("type", "Feature");
      f.put("properties", properties);
      f.put("geometry", json.readTree(GeoJson.toJson(g.outline())));
      features.add(f);
    }
    AutoBalance.Summary s = p.summary();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("grids", s.grids());
    summary.put("households", Map.of("min", s.householdsMin(), "max", s.householdsMax()));
    summary.put("band", Map.of("low", band.low(), "high", band.high()));
    summary.put("inBand", s.inBand());
    summary.put("currentInBand", s.currentInBand());
    summary.put("polsbyPopper", Map.of("proposal", round3(s.polsbyPopper()), "current", round3(s.currentPolsbyPopper())));
    summary.put("warnings", s.warnings());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "FeatureCollection");
    out.put("features", features);
    out.put("summary", summary);
    return out;
  }

  private static double round3(double v) { return Math.round(v * 1000) / 1000.0; }
}
