package org.gridwatch.redistrict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13: a commit with warnings asks first (409 with the structured warnings, nothing written), the commit
 * lists what it created, reshaped and retired, and a revert is a new edit that brings back the outlines, codes,
 * cases and staff as they were; refused once a later edit touched the same areas. On the edit database.
 */
abstract class EditUndoContract extends PlannerContract {
  private static final List<String> SLOTS = List.of("gridMember", "policeOfficer", "patrolTeam", "volunteerTeam");

  @Test
  void aSplitWithWarningsAsksFirstListsWhatItMadeAndItsRevertRestoresOutlinesCodesCasesAndStaff() {
    GridCut cut = gridWithVerticalCut(600, 700);
    AreaView g = cut.grid();
    String community = g.parentCode();
    Map<String, Geometry> before = outlines(community);
    Point inside = g.boundary().getInteriorPoint();
    String caseId = http.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"垃圾\"}",
        inside.getX(), inside.getY())).json().get("id").asString();
    String caseGrid = gridOf(caseId);
    String staffBefore = staff(g.code());
    String body = "{\"line\":" + GeoJson.toJson(cut.line()) + "}";

    Http.Response asked = http.postJson("/api/v1/areas/" + g.code() + "/split", body, planner);
    assertThat(asked.status()).as(asked.body()).isEqualTo(409);
    assertThat(asked.json().get("type").asString()).endsWith("/problems/confirmation-required");
    JsonNode band = null;
    for (JsonNode w : asked.json().get("warnings")) if (w.get("kind").asString().equals("households-outside-band")) band = w;
    assertThat(band).as("halves of a grid of %d households fall outside the band: %s", g.households(), asked.body()).isNotNull();
    assertThat(band.get("grid").asString()).startsWith("new-");
    int hh = band.get("households").asInt();
    assertThat(hh < band.get("low").asInt() || hh > band.get("high").asInt()).as(band.toString()).isTrue();
    assertThat(outlines(community).keySet()).as("nothing was written").isEqualTo(before.keySet());

    Http.Response done = http.postJson("/api/v1/areas/" + g.code() + "/split", body.replaceFirst("\\}$", ",\"confirm\":true}"), planner);
    assertThat(done.status()).as(done.body()).isEqualTo(201);
    String editId = done.json().get("editId").asString();
    assertThat(done.json().get("created")).hasSize(2);
    for (JsonNode c : done.json().get("created")) {
      assertThat(c.get("name").asString()).startsWith(g.name());
      assertThat(http.get(c.get("href").asString(), planner).status()).as(c.get("href").asString()).isEqualTo(200);
    }
    assertThat(done.json().get("retired").get(0).get("code").asString()).isEqualTo(g.code());
    assertThat(http.get(done.json().get("retired").get(0).get("href").asString(), planner).status()).isEqualTo(200);
    assertThat(areas.now().find(g.code())).isEmpty();
    assertThat(gridOf(caseId)).isNotEqualTo(caseGrid);

    Http.Response undone = http.postJson("/api/v1/edits/" + editId + "/revert", "{}", planner);
    assertThat(undone.status()).as(undone.body()).isEqualTo(201);
    assertThat(undone.json().get("created").get(0).get("code").asString()).as("the grid comes back under its code").isEqualTo(g.code());
    assertThat(undone.json().get("retired").valueStream().map(r -> r.get("code").asString()).toList())
        .containsExactlyInAnyOrderElementsOf(done.json().get("created").valueStream().map(c -> c.get("code").asString()).toList());
    Map<String, Geometry> after = outlines(community);
    assertThat(after.keySet()).as("the community's grid codes").isEqualTo(before.keySet());
    before.forEach((code, outline) -> assertThat(MetricProjection.areaM2(outline.symDifference(after.get(code))))
        .as("outline of %s", code).isLessThan(0.5));
    assertThat(gridOf(caseId)).as("the case is back in its grid").isEqualTo(caseGrid);
    assertThat(staff(g.code())).as("the grid's staff").isEqualTo(staffBefore);

    JsonNode reverted = http.get("/api/v1/edits/" + editId, planner).json();
    String revertId = undone.json().get("editId").asString();
    assertThat(reverted.get("revertedBy").asString()).isEqualTo(revertId);
    assertThat(http.get("/api/v1/edits/" + revertId, planner).json().get("reverts").asString()).as("history keeps both").isEqualTo(editId);
    Http.Response twice = http.postJson("/api/v1/edits/" + editId + "/revert", "{}", planner);
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("type").asString()).endsWith("/problems/edit-reverted");
  }

  @Test
  void aRevertIsRefusedOnceALaterCommitTouchedTheSameAreas() {
    GridCut cut = gridWithVerticalCut(700, 800);
    Http.Response first = http.postJson("/api/v1/areas/" + cut.grid().code() + "/split?confirm=true",
        "{\"line\":" + GeoJson.toJson(cut.line()) + "}", planner);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    List<String> halves = first.json().get("created").valueStream().map(c -> c.get("code").asString()).toList();
    Http.Response merged = http.postJson("/api/v1/areas/merge?confirm=true", "{\"codes\":[\"" + String.join("\",\"", halves) + "\"]}", planner);
    assertThat(merged.status()).as(merged.body()).isEqualTo(201);

    assertThat(http.postJson("/api/v1/edits/" + first.json().get("editId").asString() + "/revert", "{}",
        Http.basic("police", TestEnvironment.DEMO_PASSWORD)).status()).isEqualTo(403);
    Http.Response refused = http.postJson("/api/v1/edits/" + first.json().get("editId").asString() + "/revert", "{}", planner);
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.json().get("type").asString()).endsWith("/problems/edit-superseded");
    String reasons = String.join("; ", refused.json().get("errors").valueStream().map(e -> e.get("reason").asString()).toList());
    halves.forEach(half -> assertThat(reasons).as("the refusal names each area a later edit changed").contains(half));
    String merge = merged.json().get("created").get(0).get("code").asString();
    assertThat(areas.now().find(merge)).as("the later edit stands").isPresent();
    assertThat(areas.now().find(cut.grid().code())).isEmpty();
    assertThat(http.postJson("/api/v1/edits/no-such-edit/revert", "{}", planner).status()).isEqualTo(404);
  }

  private Map<String, Geometry> outlines(String community) {
    Map<String, Geometry> out = new TreeMap<>();
    for (AreaView a : areas.now().children(community)) out.put(a.code(), a.boundary());
    return out;
  }

  private String gridOf(String caseId) {
    return jdbc.queryForObject("select grid_code from incident where public_id = ?", String.class, caseId);
  }

  private String staff(String grid) {
    JsonNode roster = http.get("/api/v1/grids/" + grid + "/roster", planner).json();
    return SLOTS.stream().map(s -> String.valueOf(roster.get(s))).toList().toString();
  }

  /** A staffed grid among the given slice that a north-south line through its interior cuts in two. */
  private GridCut gridWithVerticalCut(int from, int to) {
    for (AreaView candidate : areas.now().level(AreaLevel.GRID).subList(from, to)) {
      var e = candidate.boundary().getEnvelopeInternal();
      double x = candidate.boundary().getInteriorPoint().getX();
      Geometry line = candidate.boundary().getFactory().createLineString(new Coordinate[] {
          new Coordinate(x, e.getMinY() - 0.001), new Coordinate(x, e.getMaxY() + 0.001)});
      if (Split.byLine(candidate.boundary(), line).size() == 2 && !staff(candidate.code()).contains("null")) return new GridCut(candidate, line);
    }
    throw new AssertionError("no staffed grid in " + from + ".." + to + " is cut in two by a north-south line");
  }

  private record GridCut(AreaView grid, Geometry line) {}
}
