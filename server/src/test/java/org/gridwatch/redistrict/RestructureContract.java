package org.gridwatch.redistrict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.TilingCheck;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Edits that cannot be undone (merges), on a database of their own so that the rest of the suite keeps the
 * demo outlines it uses as its oracle.
 */
abstract class RestructureContract extends PlannerContract {
  AreaView[] neighbours(int index) {
    AreaView a = areas.now().level(AreaLevel.GRID).get(index);
    AreaView b = areas.now().children(a.parentCode()).stream()
        .filter(n -> !n.code().equals(a.code()) && n.boundary().intersection(a.boundary()).getLength() > 0.0005).findFirst().orElseThrow();
    return new AreaView[] {a, b};
  }

  Http.Response merge(String... codes) {
    return http.postJson("/api/v1/areas/merge?confirm=true", "{\"codes\":[\"" + String.join("\",\"", codes) + "\"]}", planner);
  }

  @Test
  void mergingTwoNeighboursMakesANewGridWithBothHouseholdsAndTheirOpenCases() {
    AreaView[] pair = neighbours(400);
    AreaView a = pair[0], b = pair[1];
    AreaView community = areas.now().find(a.parentCode()).orElseThrow();
    int maxSerial = jdbc.queryForList("select code from area where parent_code = ?", String.class, community.code()).stream()
        .mapToInt(c -> Integer.parseInt(c.substring(12))).max().orElseThrow();
    Point inA = a.boundary().getInteriorPoint();
    String caseId = http.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"垃圾\"}",
        inA.getX(), inA.getY())).json().get("id").asString();

    JsonNode rosterA = http.get("/api/v1/grids/" + a.code() + "/roster", planner).json();
    JsonNode rosterB = http.get("/api/v1/grids/" + b.code() + "/roster", planner).json();
    Http.Response r = merge(a.code(), b.code());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String merged = r.json().get("created").get(0).get("code").asString();
    assertThat(merged).startsWith(community.code()).isEqualTo(community.code() + String.format("%03d", maxSerial + 1));
    assertThat(r.header("ETag")).isNotBlank();
    assertThat(r.json().get("casesMoved").toString()).contains(caseId);
    JsonNode rosterMerged = http.get("/api/v1/grids/" + merged + "/roster", planner).json();
    for (String slot : List.of("gridMember", "policeOfficer", "patrolTeam", "volunteerTeam")) {
      JsonNode expected = rosterA.get(slot).isNull() ? rosterB.get(slot) : rosterA.get(slot);
      assertThat(rosterMerged.get(slot).toString()).as(slot).isEqualTo(expected.toString());
    }
    assertThat(jdbc.queryForObject("select count(*) from grid_assignment where grid_code in (?, ?) and valid_to is null",
        Integer.class, a.code(), b.code())).as("the old grids' assignments ended").isZero();

    AreaView now = areas.now().find(merged).orElseThrow();
    assertThat(now.households()).isEqualTo(a.households() + b.households());
    assertThat(areas.now().find(a.code())).isEmpty();
    assertThat(http.get("/api/v1/areas/" + a.code()).status()).isEqualTo(404);
    JsonNode history = http.get("/api/v1/areas/" + a.code() + "/history").json();
    assertThat(history.size()).isEqualTo(1);
    assertThat(history.get(0).get("validTo").isNull()).as("the retired outline keeps its dates").isFalse();
    assertThat(areas.now().gridAt(inA.getX(), inA.getY()).orElseThrow().code()).isEqualTo(merged);
    String before = java.time.Instant.parse(history.get(0).get("validTo").asString()).minusMillis(1).toString();
    JsonNode then = http.get("/ogcapi/collections/grids/items?limit=100&community=" + community.code() + "&datetime=" + before).json();
    JsonNode today = http.get("/ogcapi/collections/grids/items?limit=100&community=" + community.code() + "&datetime="
        + java.time.Instant.now()).json();
    assertThat(then.toString()).as("the OGC layer as it was").contains("\"" + a.code() + "\"").doesNotContain("\"" + merged + "\"");
    assertThat(today.toString()).contains("\"" + merged + "\"").doesNotContain("\"id\":\"" + a.code() + "\"");
    assertThat(then.get("numberMatched").asInt()).isEqualTo(today.get("numberMatched").asInt() + 1);
    assertThat(jdbc.queryForObject("select grid_code from incident where public_id = ?", String.class, caseId)).isEqualTo(merged);
    assertThat(jdbc.queryForObject("select count(*) from incident_event e join incident i on i.id = e.incident_id"
        + " where i.public_id = ? and e.type = 'REHOMED'", Integer.class, caseId)).isEqualTo(1);
    assertThat(TilingCheck.check(Map.of("c", community.boundary()), Map.of("c",
        areas.now().children(community.code()).stream().map(x -> (Geometry) x.boundary()).toList()))).isEmpty();

    // Codes are never reused: merging again takes the next serial, not one given up.
    AreaView neighbour = areas.now().children(community.code()).stream()
        .filter(n -> !n.code().equals(merged) && n.boundary().intersection(now.boundary()).getLength() > 0.0005).findFirst().orElseThrow();
    Http.Response again = merge(merged, neighbour.code());
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(again.json().get("created").get(0).get("code").asString()).isEqualTo(community.code() + String.format("%03d", maxSerial + 2));
  }

  @Test
  void splittingAGridAlongALineMakesTwoNewGridsAndMovesItsCases() {
    GridCut found = gridWithVerticalCut(800, 900);
    AreaView g = found.grid();
    Geometry line = found.line();
    AreaView community = areas.now().find(g.parentCode()).orElseThrow();
    int maxSerial = jdbc.queryForList("select code from area where parent_code = ?", String.class, community.code()).stream()
        .mapToInt(c -> Integer.parseInt(c.substring(12))).max().orElseThrow();
    Point onTheCut = g.boundary().getInteriorPoint(); // the line runs through it: the shared-edge rule decides
    String caseId = http.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"垃圾\"}",
        onTheCut.getX(), onTheCut.getY())).json().get("id").asString();
    // The case is stored at the coordinates sent (7 decimals); ask the locator about that very point.
    Point inside = g.boundary().getFactory().createPoint(new org.locationtech.jts.geom.Coordinate(
        Double.parseDouble(String.format(Locale.ROOT, "%.7f", onTheCut.getX())), Double.parseDouble(String.format(Locale.ROOT, "%.7f", onTheCut.getY()))));
    String memberBefore = http.get("/api/v1/grids/" + g.code() + "/roster", planner).json().get("gridMember").toString();
    Http.Response r = http.postJson("/api/v1/areas/" + g.code() + "/split?confirm=true", "{\"line\":" + org.gridwatch.geo.GeoJson.toJson(line) + "}", planner);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    List<String> codes = List.of(r.json().get("created").get(0).get("code").asString(), r.json().get("created").get(1).get("code").asString());
    assertThat(codes).as(r.body()).containsExactly(community.code() + String.format("%03d", maxSerial + 1), community.code() + String.format("%03d", maxSerial + 2));
    int households = codes.stream().mapToInt(c -> areas.now().find(c).orElseThrow().households()).sum();
    assertThat(households).isEqualTo(g.households());
    assertThat(areas.now().find(g.code())).isEmpty();
    for (String half : codes) {
      assertThat(http.get("/api/v1/grids/" + half + "/roster", planner).json().get("gridMember").toString())
          .as("both halves keep the old grid's member").isEqualTo(memberBefore);
    }
    String owner = areas.now().gridAt(inside.getX(), inside.getY()).orElseThrow().code();
    assertThat(codes).contains(owner);
    assertThat(jdbc.queryForObject("select grid_code from incident where public_id = ?", String.class, caseId)).isEqualTo(owner);
    assertThat(TilingCheck.check(Map.of("c", community.boundary()), Map.of("c",
        areas.now().children(community.code()).stream().map(x -> (Geometry) x.boundary()).toList()))).isEmpty();

    AreaView other = areas.now().level(AreaLevel.GRID).get(5);
    String far = "{\"line\":{\"type\":\"LineString\",\"coordinates\":[[121.0,37.0],[121.1,37.1]]}}";
    Http.Response refused = http.postJson("/api/v1/areas/" + other.code() + "/split?confirm=true", far, planner);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("line");
    assertThat(http.postJson("/api/v1/areas/" + other.code() + "/split?confirm=true", "{\"line\":{\"type\":\"Point\",\"coordinates\":[120.3,36.1]}}",
        planner).json().get("errors").get(0).get("field").asString()).isEqualTo("line");
    assertThat(areas.now().find(other.code())).isPresent();
  }

  @Test
  void mergesThatCannotBeAreRefusedNamingTheField() {
    List<AreaView> grids = areas.now().level(AreaLevel.GRID);
    AreaView first = grids.get(10);
    AreaView farInSameCommunity = areas.now().children(first.parentCode()).stream()
        .filter(n -> !n.code().equals(first.code()) && n.boundary().distance(first.boundary()) > 0.0005).findFirst().orElseThrow();
    Http.Response apart = merge(first.code(), farInSameCommunity.code());
    assertThat(apart.status()).isEqualTo(422);
    assertThat(apart.json().get("errors").get(0).get("field").asString()).isEqualTo("codes");
    AreaView elsewhere = grids.stream().filter(g -> !g.parentCode().equals(first.parentCode())).findFirst().orElseThrow();
    assertThat(merge(first.code(), elsewhere.code()).json().get("errors").get(0).get("field").asString()).isEqualTo("codes");
    assertThat(merge(first.code()).status()).isEqualTo(400);
    assertThat(merge(first.code(), "370203999999999").status()).isEqualTo(404);
    assertThat(http.postJson("/api/v1/areas/merge?confirm=true", "{\"codes\":[\"" + first.code() + "\",\"" + farInSameCommunity.code() + "\"]}",
        Http.basic("police", TestEnvironment.DEMO_PASSWORD)).status()).isEqualTo(403);
    assertThat(areas.now().find(first.code())).as("nothing half-written").isPresent();
  }

  @Test
  void aMergePreviewSaysWhatTheCommitThenDoes() {
    AreaView[] pair = neighbours(600);
    AreaView a = pair[0], b = pair[1];
    Point inB = outsideCompounds(b);
    String caseId = http.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"垃圾\"}",
        inB.getX(), inB.getY())).json().get("id").asString();
    String body = "{\"codes\":[\"" + a.code() + "\",\"" + b.code() + "\"]}";
    JsonNode preview = http.postJson("/api/v1/areas/merge/preview", body, planner).json();
    assertThat(preview.get("kind").asString()).isEqualTo("merge");
    assertThat(preview.get("retired").toString()).contains(a.code()).contains(b.code());
    JsonNode created = null;
    for (JsonNode t : preview.get("touched")) if (t.get("before").isNull()) created = t;
    assertThat(created).as(preview.toString()).isNotNull();
    assertThat(created.get("after").get("households").asInt()).isEqualTo(a.households() + b.households());
    String memberOfA = http.get("/api/v1/grids/" + a.code() + "/roster", planner).json().get("gridMember").get("name").asString();
    JsonNode moved = null;
    for (JsonNode c : preview.get("cases")) if (c.get("publicId").asString().equals(caseId)) moved = c;
    assertThat(moved).as("the open case in B is listed with who will answer for it").isNotNull();
    assertThat(moved.get("responsible").asString()).startsWith(memberOfA);
    JsonNode staffNew = null;
    for (JsonNode st : preview.get("staff")) if (st.get("area").asString().equals("new-1")) staffNew = st;
    assertThat(staffNew.get("gridMember").asString()).startsWith(memberOfA);
    assertThat(staffNew.get("openCasesAfter").asInt()).isEqualTo(preview.get("cases").size()
        + jdbc.queryForObject("select count(*) from incident where grid_code = ? and status not in ('REJECTED','CLOSED','MERGED')", Integer.class, a.code()));
    assertThat(areas.now().find(a.code())).as("a preview saves nothing").isPresent();

    Http.Response r = merge(a.code(), b.code());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("casesMoved").size()).isEqualTo(preview.get("cases").size());
    AreaView made = areas.now().find(r.json().get("created").get(0).get("code").asString()).orElseThrow();
    assertThat(made.households()).isEqualTo(created.get("after").get("households").asInt());
  }

  @Test
  void aGridSplitIntoTwoDrawnPolygonsTilesItExactly() {
    AreaView g = areas.now().level(AreaLevel.GRID).get(700);
    var env = g.boundary().getEnvelopeInternal();
    double midX = (env.getMinX() + env.getMaxX()) / 2;
    Geometry west = g.boundary().intersection(g.boundary().getFactory().toGeometry(new org.locationtech.jts.geom.Envelope(
        env.getMinX() - 1e-3, midX, env.getMinY() - 1e-3, env.getMaxY() + 1e-3)));
    Geometry east = g.boundary().difference(west);
    // As a client draws them: valid at the 7 decimals GeoJSON carries.
    var sevenDecimals = new org.locationtech.jts.precision.GeometryPrecisionReducer(new org.locationtech.jts.geom.PrecisionModel(1e7));
    west = sevenDecimals.reduce(west);
    east = sevenDecimals.reduce(east);
    String body = "{\"pieces\":[" + org.gridwatch.geo.GeoJson.toJson(west) + "," + org.gridwatch.geo.GeoJson.toJson(east) + "]}";
    Http.Response overlapping = http.postJson("/api/v1/areas/" + g.code() + "/split?confirm=true",
        "{\"pieces\":[" + org.gridwatch.geo.GeoJson.toJson(g.boundary()) + "," + org.gridwatch.geo.GeoJson.toJson(east) + "]}", planner);
    assertThat(overlapping.status()).as(overlapping.body()).isEqualTo(422);
    assertThat(overlapping.json().get("errors").get(0).get("field").asString()).startsWith("pieces");
    assertThat(areas.now().find(g.code())).as("nothing half-written").isPresent();
    Http.Response r = http.postJson("/api/v1/areas/" + g.code() + "/split?confirm=true", body, planner);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    AreaView community = areas.now().find(g.parentCode()).orElseThrow();
    List<AreaView> halves = r.json().get("created").valueStream().map(c -> areas.now().find(c.get("code").asString()).orElseThrow()).toList();
    assertThat(halves).hasSize(2);
    assertThat(halves.stream().mapToDouble(h -> org.gridwatch.geo.MetricProjection.areaM2(h.boundary())).sum())
        .as("the halves cover the grid within the snapping to 1e-7°").isCloseTo(org.gridwatch.geo.MetricProjection.areaM2(g.boundary()),
            org.assertj.core.data.Offset.offset(g.areaM2() * TilingCheck.TOLERANCE));
    assertThat(TilingCheck.check(Map.of("c", community.boundary()), Map.of("c",
        areas.now().children(community.code()).stream().map(x -> (Geometry) x.boundary()).toList()))).isEmpty();
  }

  @Test
  void aBuildingMovedIntoTheNeighbourTakesItsPlotAndNothingElse() {
    AreaView to = null;
    org.gridwatch.area.BuildingView moving = null;
    for (int i = 800; i < 900 && moving == null; i++) {
      AreaView[] pair = neighbours(i);
      AreaView from = pair[1];
      to = pair[0];
      for (var b : areas.now().buildings()) {
        if (from.code().equals(b.gridCode()) && b.location().distance(to.boundary()) < 0.0005
            && http.postJson("/api/v1/areas/" + to.code() + "/buildings/preview", "{\"buildings\":[\"" + b.code() + "\"]}", planner).status() == 200) {
          moving = b;
          break;
        }
      }
    }
    assertThat(moving).as("a building next to a neighbouring grid").isNotNull();
    String body = "{\"buildings\":[\"" + moving.code() + "\"]}";
    JsonNode preview = http.postJson("/api/v1/areas/" + to.code() + "/buildings/preview", body, planner).json();
    assertThat(preview.get("moving").size()).as(preview.toString()).isEqualTo(1);
    assertThat(preview.get("moving").get(0).get("building").asString()).isEqualTo(moving.code());
    int householdsBefore = to.households();
    Http.Response r = http.postJson("/api/v1/areas/" + to.code() + "/buildings?confirm=true", body, planner);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    String code = moving.code();
    assertThat(areas.now().buildings().stream().filter(b -> b.code().equals(code)).findFirst().orElseThrow().gridCode()).isEqualTo(to.code());
    assertThat(areas.now().find(to.code()).orElseThrow().households()).isEqualTo(householdsBefore + moving.households());
    assertThat(http.postJson("/api/v1/areas/" + to.code() + "/buildings?confirm=true", body, planner).json().get("errors").get(0).get("field").asString())
        .as("already there").isEqualTo("buildings");
  }

  Http.Response saveDraft(String name, String kind, String code, String edit) {
    return http.postJson("/api/v1/drafts", "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\",\"code\":\"" + code
        + "\",\"edit\":" + edit + "}", planner);
  }

  String grown(AreaView g) {
    AreaView community = areas.now().find(g.parentCode()).orElseThrow();
    return org.gridwatch.geo.GeoJson.toJson(g.boundary().buffer(0.0002).intersection(community.boundary()));
  }

  @Test
  void aDraftKeepsItsPreviewAndCommitsExactlyThatLater() {
    AreaView g = areas.now().level(AreaLevel.GRID).get(950);
    Http.Response saved = saveDraft("东扩 " + g.code(), "reshape", g.code(), grown(g));
    assertThat(saved.status()).as(saved.body()).isEqualTo(201);
    String id = saved.json().get("id").asString();
    assertThat(saved.header("Location")).endsWith("/api/v1/drafts/" + id);
    assertThat(areas.now().find(g.code()).orElseThrow().etag()).as("saving a draft changes nothing").isEqualTo(g.etag());
    assertThat(http.get("/api/v1/drafts", planner).body()).contains(id).contains("东扩 " + g.code());
    JsonNode preview = http.get("/api/v1/drafts/" + id, planner).json().get("preview");
    int promised = 0;
    for (JsonNode t : preview.get("touched")) if (t.get("code").asString().equals(g.code())) promised = t.get("after").get("households").asInt();

    Http.Response committed = http.postJson("/api/v1/drafts/" + id + "/commit", "{\"confirm\":true}", planner);
    assertThat(committed.status()).as(committed.body()).isEqualTo(200);
    assertThat(areas.now().find(g.code()).orElseThrow().households()).as("what the saved preview promised").isEqualTo(promised);
    assertThat(http.get("/api/v1/drafts/" + id, planner).json().get("status").asString()).isEqualTo("committed");
    assertThat(http.postJson("/api/v1/drafts/" + id + "/commit", "{\"confirm\":true}", planner).status()).as("committed once only").isEqualTo(409);
    assertThat(http.get("/api/v1/drafts", planner).body()).doesNotContain(id);
  }

  @Test
  void aDraftWhoseAreasChangedMeanwhileIsNotCommittedAndCanBeDiscarded() {
    AreaView g = areas.now().level(AreaLevel.GRID).get(1000);
    String id = saveDraft("draft on " + g.code(), "reshape", g.code(), grown(g)).json().get("id").asString();
    Http.Response direct = http.postJson("/api/v1/areas/" + g.code() + "/reshape?confirm=true", grown(g), planner);
    assertThat(direct.status()).as(direct.body()).isEqualTo(200);
    String etag = areas.now().find(g.code()).orElseThrow().etag();
    Http.Response stale = http.postJson("/api/v1/drafts/" + id + "/commit", "{\"confirm\":true}", planner);
    assertThat(stale.status()).as(stale.body()).isEqualTo(412);
    assertThat(areas.now().find(g.code()).orElseThrow().etag()).as("nothing half-written").isEqualTo(etag);
    assertThat(http.delete("/api/v1/drafts/" + id, planner).status()).isEqualTo(204);
    assertThat(http.get("/api/v1/drafts/" + id, planner).json().get("status").asString()).isEqualTo("discarded");
    assertThat(http.delete("/api/v1/drafts/" + id, planner).status()).isEqualTo(409);

    int open = http.get("/api/v1/drafts", planner).json().size();
    String outside = "{\"type\":\"Polygon\",\"coordinates\":[[[121,37],[121.01,37],[121.01,37.01],[121,37]]]}";
    assertThat(saveDraft("refused", "reshape", g.code(), outside).status()).as("a refused edit is not saved").isEqualTo(422);
    assertThat(saveDraft("", "reshape", g.code(), grown(areas.now().find(g.code()).orElseThrow())).json().get("errors").get(0)
        .get("field").asString()).isEqualTo("name");
    assertThat(saveDraft("x", "rotate", g.code(), "{}").json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
    assertThat(http.postJson("/api/v1/drafts", "{\"name\":\"x\",\"kind\":\"reshape\",\"code\":\"" + g.code() + "\",\"edit\":{}}",
        Http.basic("police", TestEnvironment.DEMO_PASSWORD)).status()).isEqualTo(403);
    assertThat(http.get("/api/v1/drafts", planner).json().size()).isEqualTo(open);
  }

  @Test
  void anAutoBalanceProposalSavedAsADraftRegroupsTheCommunityWhenCommitted() {
    AreaView community = areas.now().level(AreaLevel.COMMUNITY).get(60);
    JsonNode proposal = http.postJson("/api/v1/areas/" + community.code() + "/balance", "{}", planner).json();
    String collection = "{\"type\":\"FeatureCollection\",\"features\":" + proposal.get("features") + "}";
    Http.Response saved = saveDraft("均衡 " + community.code(), "children", community.code(), collection);
    assertThat(saved.status()).as(saved.body()).isEqualTo(201);
    JsonNode preview = saved.json().get("preview");
    assertThat(preview.get("kind").asString()).isEqualTo("children");
    Http.Response committed = http.postJson("/api/v1/drafts/" + saved.json().get("id").asString() + "/commit", "{\"confirm\":true}", planner);
    assertThat(committed.status()).as(committed.body()).isBetween(200, 201);
    List<AreaView> grids = areas.now().children(community.code());
    assertThat(grids).hasSize(proposal.get("features").size());
    for (AreaView g : grids) {
      if (g.households() > 0) assertThat(g.households()).as(g.code()).isBetween(AutoBalanceTest.BAND.low(), AutoBalanceTest.BAND.high());
    }
    assertThat(grids.stream().mapToInt(AreaView::households).sum()).isEqualTo(community.households());
    assertThat(TilingCheck.check(Map.of("c", community.boundary()), Map.of("c", grids.stream().map(x -> (Geometry) x.boundary()).toList())))
        .isEmpty();
  }

  @Test
  void renumberingOnRequestGivesEveryGridANewCodeInReadingOrderAndKeepsOutlinesCasesAndStaff() {
    AreaView community = areas.now().level(AreaLevel.COMMUNITY).get(90);
    List<AreaView> before = areas.now().children(community.code());
    AreaView first = before.get(0);
    Point inFirst = first.boundary().getInteriorPoint();
    String caseId = http.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"垃圾\"}",
        inFirst.getX(), inFirst.getY())).json().get("id").asString();
    String member = http.get("/api/v1/grids/" + first.code() + "/roster", planner).json().get("gridMember").toString();
    int maxSerial = jdbc.queryForList("select code from area where parent_code = ?", String.class, community.code()).stream()
        .mapToInt(c -> Integer.parseInt(c.substring(12))).max().orElseThrow();
    JsonNode dry = http.postJson("/api/v1/areas/" + community.code() + "/renumber?dryRun=true", "{}", planner).json();
    assertThat(dry.get("touched").size()).as(dry.toString()).isEqualTo(2 * before.size());
    assertThat(areas.now().find(first.code())).as("a dry run saves nothing").isPresent();
    assertThat(http.postJson("/api/v1/areas/" + community.code() + "/renumber", "{}", Http.basic("police", TestEnvironment.DEMO_PASSWORD))
        .status()).isEqualTo(403);

    Http.Response r = http.postJson("/api/v1/areas/" + community.code() + "/renumber", "{}", planner);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<AreaView> after = areas.now().children(community.code());
    assertThat(after).hasSize(before.size());
    for (int i = 0; i < after.size(); i++) {
      assertThat(after.get(i).code()).isEqualTo(community.code() + String.format("%03d", maxSerial + 1 + i));
      if (i > 0) {
        double north = after.get(i - 1).boundary().getInteriorPoint().getY(), here = after.get(i).boundary().getInteriorPoint().getY();
        assertThat(Math.round(here / Renumbering.ROW)).as("reading order: north first").isLessThanOrEqualTo(Math.round(north / Renumbering.ROW));
      }
    }
    for (AreaView old : before) assertThat(areas.now().find(old.code())).as("retired, never reused").isEmpty();
    AreaView same = after.stream().filter(a -> org.gridwatch.geo.MetricProjection.areaM2(a.boundary().symDifference(first.boundary())) < 0.01)
        .findFirst().orElseThrow();
    assertThat(same.name()).isEqualTo(first.name());
    assertThat(same.households()).isEqualTo(first.households());
    assertThat(jdbc.queryForObject("select grid_code from incident where public_id = ?", String.class, caseId)).isEqualTo(same.code());
    assertThat(http.get("/api/v1/grids/" + same.code() + "/roster", planner).json().get("gridMember").toString()).isEqualTo(member);
  }

  /** Cases reported in the last 365 days inside an outline and not rejected or merged, counted row by row. */
  long dueInside(Geometry outline) {
    var inside = org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(outline);
    return jdbc.query("select ST_X(location), ST_Y(location), status from incident where reported_at >= ?", (rs, i) ->
            inside.covers(org.gridwatch.geo.Geometries.point(rs.getDouble(1), rs.getDouble(2)))
                && !List.of("REJECTED", "MERGED").contains(rs.getString(3)),
        java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(365)))).stream().filter(b -> b).count();
  }

  @Test
  void measuresCanBeTakenOnTheOldBoundariesOrTheNewOnes() {
    AreaView[] pair = neighbours(500);
    AreaView a = pair[0], b = pair[1];
    String[] operator = Http.basic("operator", TestEnvironment.DEMO_PASSWORD);
    // The demo's random year of cases can leave a grid without one in the last 365 days: a case reported now is due there.
    Point inA = a.boundary().getInteriorPoint();
    assertThat(http.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"垃圾\"}",
        inA.getX(), inA.getY())).status()).isEqualTo(201);
    java.time.Instant before = java.time.Instant.now();
    Http.Response merged = merge(a.code(), b.code());
    assertThat(merged.status()).as(merged.body()).isEqualTo(201);
    String c = merged.json().get("created").get(0).get("code").asString();
    JsonNode onNew = http.get("/api/v1/measures?level=grid&code=" + c + "&boundaries=current", operator).json();
    JsonNode recorded = http.get("/api/v1/measures?level=grid&code=" + c, operator).json();
    JsonNode onOld = http.get("/api/v1/measures?level=grid&code=" + a.code() + "&boundaries=" + before, operator).json();
    assertThat(onNew.get("boundaries").asString()).isEqualTo("current");
    assertThat(onNew.at("/overall/due").asLong()).isEqualTo(dueInside(areas.now().find(c).orElseThrow().boundary())).isPositive();
    assertThat(onOld.at("/overall/due").asLong()).as("on the retired grid's old outline").isEqualTo(dueInside(a.boundary())).isPositive();
    assertThat(recorded.at("/overall/due").asLong()).as("by recorded codes the new grid has only the cases moved into it")
        .isLessThan(onNew.at("/overall/due").asLong());
    assertThat(http.get("/api/v1/measures?level=grid&code=" + a.code() + "&boundaries=2001-01-01", operator).json()
        .at("/errors/0/field").asString()).isEqualTo("boundaries");
  }

  @Test
  void aCommunityReshapeCarriesItsGridsAndTheOpenCasesAcrossTheBorder() {
    AreaView a = null, b = null;
    for (AreaView c : areas.now().level(AreaLevel.COMMUNITY).subList(40, 120)) {
      AreaView cc = c;
      var n = areas.now().children(c.parentCode()).stream()
          .filter(x -> !x.code().equals(cc.code()) && x.boundary().intersection(cc.boundary()).getLength() > 0.002).findFirst();
      if (n.isPresent()) {
        a = c;
        b = n.get();
        break;
      }
    }
    assertThat(a).as("two neighbouring communities").isNotNull();
    Geometry strip = Reshape.overlay(b.boundary(), a.boundary().buffer(0.0002), org.locationtech.jts.operation.overlayng.OverlayNG.INTERSECTION);
    Point inStrip = strip.getInteriorPoint();
    String caseId = http.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"垃圾\"}",
        inStrip.getX(), inStrip.getY())).json().get("id").asString();
    assertThat(jdbc.queryForObject("select community_code from incident where public_id = ?", String.class, caseId)).isEqualTo(b.code());
    Geometry grown = Reshape.overlay(a.boundary(), strip, org.locationtech.jts.operation.overlayng.OverlayNG.UNION);
    JsonNode preview = http.postJson("/api/v1/areas/" + a.code() + "/preview", org.gridwatch.geo.GeoJson.toJson(grown), planner).json();
    assertThat(preview.get("touched").toString()).as("the preview lists the grids that follow").contains(a.code() + "0").contains(b.code() + "0");
    Http.Response r = http.postJson("/api/v1/areas/" + a.code() + "/reshape?confirm=true", org.gridwatch.geo.GeoJson.toJson(grown), planner);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    for (AreaView c : List.of(areas.now().find(a.code()).orElseThrow(), areas.now().find(b.code()).orElseThrow())) {
      assertThat(TilingCheck.check(Map.of("c", c.boundary()), Map.of("c",
          areas.now().children(c.code()).stream().map(x -> (Geometry) x.boundary()).toList()))).as("%s tiled by its grids", c.code()).isEmpty();
    }
    Map<String, Object> row = jdbc.queryForMap("select grid_code, community_code from incident where public_id = ?", caseId);
    assertThat((String) row.get("grid_code")).startsWith(a.code());
    assertThat(row.get("community_code")).isEqualTo(a.code());
  }

  AreaView[] neighbouringCommunities(int from) {
    for (AreaView c : areas.now().level(AreaLevel.COMMUNITY).subList(from, from + 40)) {
      var n = areas.now().children(c.parentCode()).stream()
          .filter(x -> !x.code().equals(c.code()) && x.boundary().intersection(c.boundary()).getLength() > 0.002).findFirst();
      if (n.isPresent()) return new AreaView[] {c, n.get()};
    }
    throw new AssertionError("no neighbouring communities");
  }

  void assertTiled(AreaView parent) {
    assertThat(TilingCheck.check(Map.of("p", parent.boundary()), Map.of("p",
        areas.now().children(parent.code()).stream().map(x -> (Geometry) x.boundary()).toList()))).as("%s tiled", parent.code()).isEmpty();
  }

  @Test
  void mergingTwoCommunitiesRecreatesTheirGridsInTheNewOneWithCasesAndStaff() {
    AreaView[] pair = neighbouringCommunities(10);
    AreaView a = pair[0], b = pair[1];
    AreaView firstGrid = areas.now().children(a.code()).get(0);
    Point inside = firstGrid.boundary().getInteriorPoint();
    String caseId = http.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"垃圾\"}",
        inside.getX(), inside.getY())).json().get("id").asString();
    String member = http.get("/api/v1/grids/" + firstGrid.code() + "/roster", planner).json().get("gridMember").toString();
    int grids = areas.now().children(a.code()).size() + areas.now().children(b.code()).size();
    JsonNode preview = http.postJson("/api/v1/areas/merge/preview", "{\"codes\":[\"" + a.code() + "\",\"" + b.code() + "\"]}", planner).json();
    assertThat(preview.get("touched").size()).as("the two communities, the new one, and every grid retired and re-created")
        .isEqualTo(3 + 2 * grids);
    Http.Response r = merge(a.code(), b.code());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    AreaView c = areas.now().find(r.json().get("created").get(0).get("code").asString()).orElseThrow();
    assertThat(c.level()).isEqualTo(AreaLevel.COMMUNITY);
    assertThat(c.households()).isEqualTo(a.households() + b.households());
    assertThat(areas.now().find(a.code())).isEmpty();
    assertThat(areas.now().find(firstGrid.code())).as("grids are re-coded under the new community").isEmpty();
    assertThat(areas.now().children(c.code())).hasSize(grids).allMatch(g -> g.code().startsWith(c.code()));
    assertTiled(areas.now().find(c.parentCode()).orElseThrow());
    assertTiled(c);
    Map<String, Object> row = jdbc.queryForMap("select grid_code, community_code from incident where public_id = ?", caseId);
    assertThat((String) row.get("grid_code")).startsWith(c.code());
    assertThat(row.get("community_code")).isEqualTo(c.code());
    assertThat(http.get("/api/v1/grids/" + row.get("grid_code") + "/roster", planner).json().get("gridMember").toString()).isEqualTo(member);
  }

  @Test
  void splittingACommunityByALineKeepsEveryGridWholeOnOneSide() {
    for (AreaView community : areas.now().level(AreaLevel.COMMUNITY).subList(70, 100)) {
      var e = community.boundary().getEnvelopeInternal();
      double y = community.boundary().getInteriorPoint().getY();
      String line = String.format(Locale.ROOT, "{\"line\":{\"type\":\"LineString\",\"coordinates\":[[%.7f,%.7f],[%.7f,%.7f]]}}",
          e.getMinX() - 0.001, y, e.getMaxX() + 0.001, y);
      int grids = areas.now().children(community.code()).size();
      Http.Response r = http.postJson("/api/v1/areas/" + community.code() + "/split?confirm=true", line, planner);
      if (r.status() == 422) {
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("line");
        assertThat(areas.now().find(community.code())).as("nothing half-written").isPresent();
        continue;
      }
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      // The answer lists every area created, at every level: the two halves and the grids re-created in them.
      List<AreaView> created = r.json().get("created").valueStream().map(x -> areas.now().find(x.get("code").asString()).orElseThrow()).toList();
      List<AreaView> halves = created.stream().filter(a -> a.level() == AreaLevel.COMMUNITY).toList();
      assertThat(halves).hasSize(2);
      assertThat(created).hasSize(2 + grids);
      assertThat(halves.stream().mapToInt(h -> areas.now().children(h.code()).size()).sum()).isEqualTo(grids);
      assertThat(halves.stream().mapToInt(AreaView::households).sum()).isEqualTo(community.households());
      for (AreaView h : halves) assertTiled(h);
      assertTiled(areas.now().find(community.parentCode()).orElseThrow());
      return;
    }
    throw new AssertionError("no community could be split by a line through its middle");
  }

  /** Runs {@code n} copies of {@code call} at once (released together) and answers their responses. */
  static List<Http.Response> atOnce(int n, java.util.function.Supplier<Http.Response> call) throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(n);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Http.Response>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) futures.add(pool.submit(() -> { start.await(); return call.get(); }));
      start.countDown();
      List<Http.Response> out = new java.util.ArrayList<>();
      for (var f : futures) out.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Issue 10: two planners splitting one grid at once; the loser used to get a 500. */
  @Test
  void twoSplitsOfOneGridAtOnceMakeOneSplitAndA412() throws Exception {
    GridCut found = gridWithVerticalCut(1030, 1070);
    AreaView g = found.grid();
    Geometry line = found.line();
    String code = g.code(), body = "{\"line\":" + org.gridwatch.geo.GeoJson.toJson(line) + "}";
    AreaView community = areas.now().find(g.parentCode()).orElseThrow();
    int before = areas.now().children(community.code()).size();
    List<Http.Response> answers = atOnce(2, () -> http.postJson("/api/v1/areas/" + code + "/split?confirm=true", body, planner));
    List<Integer> statuses = answers.stream().map(Http.Response::status).sorted().toList();
    assertThat(statuses).as(answers.toString()).satisfies(s -> assertThat(s.get(0)).isEqualTo(201), s -> assertThat(s.get(1)).as("the loser: the area changed meanwhile, or is gone").isIn(404, 412));
    Http.Response loser = answers.stream().filter(r -> r.status() != 201).findFirst().orElseThrow();
    assertThat(loser.contentType()).startsWith("application/problem+json");
    assertThat(loser.json().get("detail").asString()).contains(code);
    assertThat(areas.now().children(community.code())).as("exactly one split was stored").hasSize(before + 1);
    assertThat(jdbc.queryForObject("select count(*) from area where parent_code = ? and retired_at is null", Integer.class, community.code()))
        .isEqualTo(before + 1);
    assertTiled(community);
  }

  /** Merging the same pair twice at once: one merge, one 412, never a 500 (nor a second new grid). */
  @Test
  void twoMergesOfTheSamePairAtOnceMakeOneGridAndA412() throws Exception {
    AreaView[] pair = neighbours(1090);
    AreaView community = areas.now().find(pair[0].parentCode()).orElseThrow();
    int before = areas.now().children(community.code()).size();
    List<Http.Response> answers = atOnce(2, () -> merge(pair[0].code(), pair[1].code()));
    assertThat(answers.stream().map(Http.Response::status).sorted().toList()).as(answers.toString()).satisfies(s -> assertThat(s.get(0)).isEqualTo(201), s -> assertThat(s.get(1)).as("the loser: the area changed meanwhile, or is gone").isIn(404, 412));
    assertThat(areas.now().children(community.code())).hasSize(before - 1);
    assertTiled(community);
  }

  /**
   * Issue 10: two drafts of one grid, saved on the same outline, committed at once. The second used to be checked
   * against the catalog before the first had committed and went through on an outline it never previewed (200 and
   * 200); now the draft's tags are checked under the edit's lock: one commits, the other is stale (412).
   */
  @Test
  void twoDraftsOfOneGridCommittedAtOnceCommitOneAndTheOtherIsStale() throws Exception {
    AreaView g = areas.now().level(AreaLevel.GRID).get(1075);
    AreaView community = areas.now().find(g.parentCode()).orElseThrow();
    String wider = org.gridwatch.geo.GeoJson.toJson(g.boundary().buffer(0.0003).intersection(community.boundary()));
    Http.Response first = saveDraft("东扩 " + g.code(), "reshape", g.code(), grown(g));
    Http.Response second = saveDraft("再扩 " + g.code(), "reshape", g.code(), wider);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    List<String> ids = List.of(first.json().get("id").asString(), second.json().get("id").asString());
    int versionsBefore = http.get("/api/v1/areas/" + g.code() + "/history").json().size();
    var next = new java.util.concurrent.atomic.AtomicInteger();
    List<Http.Response> answers = atOnce(2, () -> http.postJson("/api/v1/drafts/" + ids.get(next.getAndIncrement()) + "/commit", "{\"confirm\":true}", planner));
    assertThat(answers.stream().map(Http.Response::status).sorted().toList()).as(answers.toString()).containsExactly(200, 412);
    Http.Response loser = answers.stream().filter(r -> r.status() == 412).findFirst().orElseThrow();
    assertThat(loser.contentType()).startsWith("application/problem+json");
    assertThat(loser.json().get("detail").asString()).as("names an area the winner changed").contains("changed since the draft was saved");
    assertThat(http.get("/api/v1/areas/" + g.code() + "/history").json().size()).as("one new version only").isEqualTo(versionsBefore + 1);
    long open = ids.stream().filter(id -> http.get("/api/v1/drafts/" + id, planner).json().get("status").asString().equals("open")).count();
    assertThat(open).as("the stale draft stays open, to be previewed again or discarded").isEqualTo(1);
    assertTiled(community);
  }

  /** A grid among the given slice of the current grids that a north-south line through its interior cuts in two. */
  private GridCut gridWithVerticalCut(int from, int to) {
    for (AreaView candidate : areas.now().level(AreaLevel.GRID).subList(from, to)) {
      var e = candidate.boundary().getEnvelopeInternal();
      double x = candidate.boundary().getInteriorPoint().getX();
      Geometry cut = candidate.boundary().getFactory().createLineString(new org.locationtech.jts.geom.Coordinate[] {
          new org.locationtech.jts.geom.Coordinate(x, e.getMinY() - 0.001), new org.locationtech.jts.geom.Coordinate(x, e.getMaxY() + 0.001)});
      if (Split.byLine(candidate.boundary(), cut).size() == 2) return new GridCut(candidate, cut);
    }
    throw new AssertionError("no grid in " + from + ".." + to + " is cut in two by a north-south line");
  }

  private record GridCut(AreaView grid, Geometry line) {}

  /** A point of the area outside every compound: a case there stays with the grid (no property company first). */
  private Point outsideCompounds(AreaView area) {
    var env = area.boundary().getEnvelopeInternal();
    for (int i = 1; i < 20; i++) for (int j = 1; j < 20; j++) {
      Point p = area.boundary().getFactory().createPoint(new org.locationtech.jts.geom.Coordinate(
          env.getMinX() + env.getWidth() * i / 20, env.getMinY() + env.getHeight() * j / 20));
      if (area.boundary().contains(p) && areas.now().compoundAt(p.getX(), p.getY()).isEmpty()) return p;
    }
    throw new AssertionError("no point of " + area.code() + " outside every compound");
  }
}
