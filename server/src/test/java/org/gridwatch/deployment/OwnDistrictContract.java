package org.gridwatch.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Locale;
import java.util.Map;
import org.gridwatch.support.FeatureFiles;
import org.gridwatch.support.FeatureFiles.Row;
import org.gridwatch.support.Http;
import org.gridwatch.support.RosterFiles;
import org.gridwatch.support.SurveyedDistrict;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11, what it must show: a district that is not the demo goes from an empty server to running, in the order a
 * district office works (docs/deploy.md). Its boundaries come as a zipped Shapefile in a Gauss–Krüger zone far from the
 * demo's (EPSG:4551, CM 126E, near Harbin), its buildings as GeoJSON in the zone-prefixed form of that zone
 * (EPSG:4530), its roster as an .xlsx workbook and its cameras in EPSG:4551 metres. Then points are located, a
 * resident's case reaches the imported grid member's account, coverage is computed, and the OGC API serves it all —
 * and no answer anywhere says Shibei. Positions are projected by H2GIS's transformer, not by Gridwatch's.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.gridwatch.support.RestoresMetricZone.class)
abstract class OwnDistrictContract {
  static final String[] ADMIN = Http.basic("admin", TestEnvironment.DEMO_PASSWORD);
  /** Words and numbers of the demo district: none may appear in any answer about this one. */
  static final List<String> DEMO_WORDS = List.of("Shibei", "shibei", "市北", "370203", "Qingdao", "青岛", "4549");

  @LocalServerPort int port;
  final List<String> answers = new ArrayList<>();



  /** A grid's centre in EPSG:4551 metres (the i-th of {@link SurveyedDistrict#grids()}). */
  static double[] centre(String grid) {
    int s = grid.charAt(8) - '1', c = grid.charAt(11) - '1', g = grid.charAt(14) - '1';
    return new double[] {SurveyedDistrict.X0 + s * 2000 + g * 1000 + 500, SurveyedDistrict.Y0 + c * 1500 + 750};
  }

  Http.Response kept(Http.Response r) {
    answers.add(r.body());
    return r;
  }

  @Test
  void aDistrictThatIsNotTheDemoGoesFromAnEmptyServerToRunning() {
    Http http = new Http(port);
    List<String> grids = SurveyedDistrict.grids();
    String first = grids.get(0), second = grids.get(1);

    // 1. Boundaries: one zipped Shapefile in metres, its .prj saying EPSG:4551. First checked as a form upload (a
    //    dry run stores nothing), then imported as the raw body.
    byte[] shapefile = FeatureFiles.zippedShapefile(SurveyedDistrict.EPSG, SurveyedDistrict.areas());
    Http.Response checked = kept(http.upload("/api/v1/areas/import?dryRun=true", "boundaries.zip", "application/zip", shapefile, ADMIN));
    assertThat(checked.status()).as(checked.body()).isEqualTo(200);
    assertThat(checked.json().get("dryRun").asBoolean()).isTrue();
    assertThat(checked.json().at("/levels/grids").asInt()).isEqualTo(8);
    assertThat(kept(http.get("/api/v1/district")).json().get("loaded").asBoolean()).as("a dry run stores nothing").isFalse();
    Http.Response areas = kept(http.postBytes("/api/v1/areas/import", shapefile, "application/zip", ADMIN));
    assertThat(areas.status()).as(areas.body()).isEqualTo(200);
    assertThat(areas.json().get("stored").asInt()).isEqualTo(15);
    JsonNode district = kept(http.get("/api/v1/district")).json();
    assertThat(district.get("code").asString()).isEqualTo(SurveyedDistrict.DISTRICT);
    assertThat(district.get("name").asString()).isEqualTo("松花区");
    assertThat(district.at("/metricCrs/code").asString()).as("the zone nearest the district, not the demo's").isEqualTo("EPSG:4551");

    // 2. Buildings: GeoJSON in the zone-prefixed form (EPSG:4530: 42 million metres more easting), one per grid.
    List<Row> buildings = new ArrayList<>();
    for (int i = 0; i < grids.size(); i++) {
      double[] c = centre(grids.get(i));
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("code", "B" + (i + 1));
      p.put("name", (i + 1) + "号楼");
      p.put("compound", "柳岸小区");
      p.put("households", 300 + 10 * i);
      p.put("residents", 700 + 20 * i);
      p.put("address", "江畔路" + (i + 1) + "号");
      buildings.add(new Row(SurveyedDistrict.point(42_000_000 + c[0], c[1]), p));
    }
    Http.Response built = kept(http.postBytes("/api/v1/buildings/import", FeatureFiles.geoJson("EPSG:4530", buildings),
        "application/geo+json", ADMIN));
    assertThat(built.status()).as(built.body()).isEqualTo(200);
    assertThat(built.json().get("stored").asInt()).isEqualTo(grids.size());
    JsonNode firstGrid = kept(http.get("/api/v1/areas/" + first)).json();
    assertThat(firstGrid.toString()).as("households counted from the building placed in the grid").contains("\"households\":300");

    // 3. People: an .xlsx workbook, 一员一警两队 for the first grid, a member only for the second.
    List<List<Object>> roster = new ArrayList<>();
    roster.add(new ArrayList<>(RosterFiles.HEADER));
    roster.add(rosterRow("P001", "李网格", "13900000001", "专职网格员", first, null, null));
    roster.add(rosterRow("P002", "王民警", "13900000002", "社区民警", first, null, null));
    roster.add(rosterRow("P003", "赵队员", null, "巡防队", first, "T-P-1", "江畔巡防队"));
    roster.add(rosterRow(null, null, null, "志愿服务队", first, "T-V-1", "柳岸志愿服务队"));
    roster.add(rosterRow("P004", "陈网格", "13900000004", "专职网格员", second, null, null));
    // A browser form may send the workbook as application/octet-stream: its name says what it is.
    Http.Response rosterChecked = kept(http.upload("/api/v1/roster/import?dryRun=true", "名册.xlsx", "application/octet-stream",
        RosterFiles.xlsx(roster), ADMIN));
    assertThat(rosterChecked.status()).as(rosterChecked.body()).isEqualTo(200);
    assertThat(rosterChecked.json().get("refused").asInt()).isZero();
    RosterFiles.Answer people = RosterFiles.post(http, "/api/v1/roster/import", RosterFiles.xlsx(roster), RosterFiles.XLSX, ADMIN);
    answers.add(people.text());
    assertThat(people.status()).as(people.text()).isEqualTo(200);
    JsonNode firstRoster = kept(http.get("/api/v1/grids/" + first + "/roster", ADMIN)).json();
    assertThat(firstRoster.at("/gridMember/name").asString()).isEqualTo("李网格");
    assertThat(firstRoster.get("gaps").size()).as("一员一警两队 complete").isZero();

    // 4. Every grid's centre, projected independently, is located in that grid.
    for (String grid : grids) {
      double[] m = centre(grid), ll = SurveyedDistrict.wgs84(m[0], m[1]);
      Http.Response located = kept(http.get(String.format(Locale.ROOT, "/api/v1/locate?lon=%.7f&lat=%.7f", ll[0], ll[1])));
      assertThat(located.status()).as(located.body()).isEqualTo(200);
      assertThat(located.body()).as(grid).contains("\"" + grid + "\"");
    }

    // 5. An account for the imported grid member; a resident's case in the grid reaches that account's queue.
    Http.Response account = kept(http.postJson("/api/v1/people/P001/account",
        "{\"username\":\"li.wangge\",\"password\":\"songhua-grid-2026\"}", ADMIN));
    assertThat(account.status()).as(account.body()).isEqualTo(201);
    double[] at = SurveyedDistrict.wgs84(centre(first)[0] + 120, centre(first)[1] - 80);
    Http.Response reported = kept(http.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"垃圾堆放\"}",
        at[0], at[1])));
    assertThat(reported.status()).as(reported.body()).isEqualTo(201);
    assertThat(reported.body()).contains("\"" + first + "\"");
    String id = reported.json().get("id").asString();
    String[] member = Http.basic("li.wangge", "songhua-grid-2026");
    Http.Response queue = kept(http.get("/api/v1/incidents?limit=100", member));
    assertThat(queue.status()).as(queue.body()).isEqualTo(200);
    List<String> mine = new ArrayList<>();
    queue.json().get("items").forEach(i -> mine.add(i.get("id").asString()));
    assertThat(mine).as("the grid member's queue").contains(id);

    // 6. Sky net in EPSG:4551 metres: a dome camera at the first grid's centre covers part of it.
    double[] cam = centre(first);
    Http.Response cameras = kept(http.postJson("/api/v1/cameras/import", String.format(Locale.ROOT,
        "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4551\"}},\"features\":["
            + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.3f,%.3f]},"
            + "\"properties\":{\"code\":\"SH-C1\",\"type\":\"DOME\",\"range\":100,\"status\":\"ONLINE\"}}]}", cam[0], cam[1]), ADMIN));
    assertThat(cameras.status()).as(cameras.body()).isEqualTo(200);
    assertThat(cameras.json().get("stored").asInt()).as(cameras.body()).isEqualTo(1);
    JsonNode coverage = kept(http.get("/api/v1/coverage/grids/" + first, ADMIN)).json();
    // A 100 m disc in a 1,000 m × 1,500 m grid: π·100² / 1.5e6 ≈ 0.0209.
    assertThat(coverage.get("cameraCoverage").asDouble()).as(coverage.toString()).isCloseTo(Math.PI * 100 * 100 / 1.5e6, within(0.002));
    assertThat(coverage.get("staffingComplete").asBoolean()).isTrue();

    // 7. The OGC API serves the district's grids, and offers them in the district's own metric CRS.
    JsonNode items = kept(http.get("/ogcapi/collections/grids/items?limit=100", "Accept", "application/geo+json")).json();
    List<String> served = new ArrayList<>();
    items.get("features").forEach(f -> served.add(f.at("/properties/code").asString()));
    assertThat(served).containsExactlyInAnyOrderElementsOf(grids);
    Http.Response collection = kept(http.get("/ogcapi/collections/grids", "Accept", "application/json"));
    assertThat(collection.body()).contains("http://www.opengis.net/def/crs/EPSG/0/4551");
    Http.Response metric = kept(http.get("/ogcapi/collections/grids/items/" + first + "?crs=http://www.opengis.net/def/crs/EPSG/0/4551",
        "Accept", "application/geo+json"));
    assertThat(metric.status()).as(metric.body()).isEqualTo(200);
    JsonNode outline = metric.json().get("geometry");
    JsonNode ring = outline.get("type").asString().equals("MultiPolygon") ? outline.at("/coordinates/0/0") : outline.at("/coordinates/0");
    // EPSG:4551's own axis order (OGC API Part 2): northing, then easting; the survey's metres come back exactly.
    List<Double> northings = new ArrayList<>(), eastings = new ArrayList<>();
    ring.forEach(p -> { northings.add(p.get(0).asDouble()); eastings.add(p.get(1).asDouble()); });
    assertThat(eastings.stream().mapToDouble(Double::doubleValue).min().orElseThrow()).as("west edge: " + ring)
        .isCloseTo(SurveyedDistrict.X0, within(0.01));
    assertThat(northings.stream().mapToDouble(Double::doubleValue).min().orElseThrow()).as("south edge: " + ring)
        .isCloseTo(SurveyedDistrict.Y0, within(0.01));
    for (String path : List.of("/ogcapi", "/ogcapi/collections", "/open311/v2/discovery.json", "/api/v1/config",
        "/api/v1/areas/" + SurveyedDistrict.DISTRICT, "/api/v1/incidents/" + id)) {
      kept(http.get(path, "Accept", "application/json"));
    }

    // 8. Nothing of the demo anywhere.
    for (String body : answers) {
      for (String word : DEMO_WORDS) {
        // A number counts only as a whole token: a UUID, a timestamp or a coordinate may hold the same digits by chance.
        Pattern mention = word.chars().allMatch(Character::isDigit)
            ? Pattern.compile("(?<![0-9A-Za-z.\\-])" + word + "(?![0-9A-Za-z])")
            : Pattern.compile(Pattern.quote(word));
        assertThat(mention.matcher(body).find()).as("an answer mentions the demo's " + word + ": " + body).isFalse();
      }
    }
  }

  static List<Object> rosterRow(String code, String name, String phone, String role, String grid, String team, String teamName) {
    List<Object> r = new ArrayList<>();
    r.add(code); r.add(name); r.add(phone); r.add(role); r.add(grid); r.add(null); r.add(team); r.add(teamName); r.add(null);
    return r;
  }
}
