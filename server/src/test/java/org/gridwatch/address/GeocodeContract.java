package org.gridwatch.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.BuildingView;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/geocode} and {@code /reverse} on the demo's addresses: the forms a resident or a 12345 agent
 * types find the right building and its grid; nothing found is a 404 with suggestions that do find something. The
 * building asked about is picked from the stored table (the first with a building number and two units or more),
 * and what it should answer is read from the catalog, not written here.
 */
abstract class GeocodeContract {
  @LocalServerPort int port;
  @Autowired AddressRegister register;
  @Autowired AreaCatalog catalog;
  Http http;
  AddressLine target;
  BuildingView building;

  @BeforeEach
  void pick() {
    http = new Http(port);
    List<AddressLine> all = register.all();
    target = all.stream().filter(a -> a.building() != null && a.units() != null && a.units() >= 2 && a.road().length() >= 3)
        .filter(a -> a.number().chars().allMatch(Character::isDigit)).findFirst().orElseThrow();
    building = catalog.now().buildings().stream().filter(b -> b.code().equals(target.buildingCode())).findFirst().orElseThrow();
  }

  @Test
  void aFullAddressFindsItsBuildingPointAndGrid() {
    String full = target.road() + target.number() + "号" + target.building() + "号楼2单元";
    JsonNode first = geocode(full).get(0);
    assertThat(first.get("building").asString()).isEqualTo(target.buildingCode());
    assertThat(first.get("address").asString()).isEqualTo(full);
    assertThat(first.get("match").asString()).isEqualTo("EXACT");
    assertThat(first.get("lon").asDouble()).isCloseTo(building.location().getX(), org.assertj.core.data.Offset.offset(1e-6));
    assertThat(first.get("lat").asDouble()).isCloseTo(building.location().getY(), org.assertj.core.data.Offset.offset(1e-6));
    var grid = catalog.now().gridAt(building.location().getX(), building.location().getY()).orElseThrow();
    assertThat(first.at("/grid/code").asString()).isEqualTo(grid.code());
    assertThat(first.at("/grid/name").asString()).isEqualTo(grid.name());
    assertThat(first.toString()).as("no personal data").doesNotContain("phone", "reporter", "residents");
  }

  @Test
  void theWaysPeopleWriteItFindTheSameBuilding() {
    String road = target.road(), n = target.number(), b = target.building();
    List<String> forms = List.of(
        fullWidth(road + n + "号" + b + "号楼"),
        road + " " + n + " 號 " + b + " 号楼",
        road + n + "号第" + chinese(Integer.parseInt(b)) + "号楼",
        road + chinese(Integer.parseInt(n)) + "号" + b + "栋",
        road + n + "-" + b,
        "青岛市" + road + n + "号" + b + "号楼附近",
        PinyinInitials.of(road) + n + "-" + b,
        PinyinInitials.of(road).toUpperCase() + n + "-" + b);
    for (String q : forms) {
      JsonNode results = geocode(q);
      List<String> exact = new ArrayList<>();
      results.forEach(r -> { if (r.get("match").asString().equals("EXACT")) exact.add(r.get("building").asString()); });
      assertThat(exact).as(q).contains(target.buildingCode());
    }
  }

  @Test
  void aRoadAndNumberAnswerEveryBuildingAtThatNumber() {
    List<String> expected = register.all().stream().filter(a -> a.road().equals(target.road()) && a.number().equals(target.number()))
        .sorted(Comparator.comparing(a -> a.building() == null ? 0 : Integer.parseInt(a.building()))).map(AddressLine::buildingCode).toList();
    JsonNode results = http.get("/api/v1/geocode?limit=50&q=" + enc(target.road() + target.number() + "号")).json().get("results");
    List<String> got = new ArrayList<>();
    results.forEach(r -> {
      got.add(r.get("building").asString());
      assertThat(r.get("match").asString()).isEqualTo("EXACT");
    });
    assertThat(got).containsExactlyElementsOf(expected);
  }

  @Test
  void aNumberTheRoadDoesNotHaveAnswersItsNearestNumbersAsPartial() {
    JsonNode results = geocode(target.road() + "99999号");
    assertThat(results.size()).isPositive();
    results.forEach(r -> {
      assertThat(r.get("match").asString()).isEqualTo("PARTIAL");
      assertThat(r.get("address").asString()).startsWith(target.road());
    });
    JsonNode tooManyUnits = geocode(target.road() + target.number() + "号" + target.building() + "号楼" + (target.units() + 1) + "单元");
    assertThat(tooManyUnits.get(0).get("building").asString()).isEqualTo(target.buildingCode());
    assertThat(tooManyUnits.get(0).get("match").asString()).as("the building has no such unit").isEqualTo("PARTIAL");
  }

  @Test
  void aCompoundsNameFindsItsBuildings() {
    JsonNode first = geocode(target.compound() + target.building() + "号楼").get(0);
    assertThat(first.get("building").asString()).isEqualTo(target.buildingCode());
    assertThat(first.get("match").asString()).isEqualTo("EXACT");
    assertThat(first.get("compound").asString()).isEqualTo(target.compound());
  }

  @Test
  void aMistypedRoadIsFoundLoosely() {
    String mistyped = "某" + target.road().substring(1);
    JsonNode results = geocode(mistyped + target.number() + "号" + target.building() + "号楼");
    List<String> buildings = new ArrayList<>();
    results.forEach(r -> {
      buildings.add(r.get("building").asString());
      assertThat(r.get("match").asString()).isEqualTo("LOOSE");
    });
    assertThat(buildings).contains(target.buildingCode());
  }

  @Test
  void nothingMatchingIsA404WithSuggestionsThatDoMatch() {
    Http.Response none = http.get("/api/v1/geocode?q=" + enc("火星路1号"), "Accept-Language", "zh");
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.contentType()).startsWith("application/problem+json");
    assertThat(none.json().at("/errors/0/field").asString()).isEqualTo("q");
    JsonNode suggestions = none.json().get("suggestions");
    assertThat(suggestions.size()).isPositive();
    suggestions.forEach(s -> assertThat(http.get("/api/v1/geocode?q=" + enc(s.asString())).status()).as(s.asString()).isEqualTo(200));
  }

  @Test
  void anEmptyOrOverlongQueryIsA400NamingQ() {
    for (String q : List.of("", "%20%20", enc("路".repeat(101)))) {
      Http.Response bad = http.get("/api/v1/geocode?q=" + q);
      assertThat(bad.status()).as(q).isEqualTo(400);
      assertThat(bad.json().at("/errors/0/field").asString()).isEqualTo("q");
    }
    assertThat(http.get("/api/v1/geocode").json().at("/errors/0/field").asString()).isEqualTo("q");
    assertThat(http.get("/api/v1/geocode?q=x&limit=0").json().at("/errors/0/field").asString()).isEqualTo("limit");
  }

  @Test
  void reverseFindsTheNearestAddress() {
    double lon = building.location().getX() + 0.00003, lat = building.location().getY();
    JsonNode answer = http.get("/api/v1/geocode/reverse?lon=" + lon + "&lat=" + lat).json();
    assertThat(answer.get("results").size()).isEqualTo(1);
    JsonNode r = answer.get("results").get(0);
    assertThat(r.get("building").asString()).isEqualTo(target.buildingCode());
    assertThat(r.get("address").asString()).isEqualTo(target.text(null));
    assertThat(r.get("distanceM").asLong()).isBetween(1L, 5L);
    assertThat(http.get("/api/v1/geocode/reverse?lon=200&lat=36").json().at("/errors/0/field").asString()).isEqualTo("lon");
    assertThat(http.get("/api/v1/geocode/reverse?lon=120&lat=-95").json().at("/errors/0/field").asString()).isEqualTo("lat");
    assertThat(http.get("/api/v1/geocode/reverse?lon=abc&lat=36").json().at("/errors/0/field").asString()).isEqualTo("lon");
    assertThat(http.get("/api/v1/geocode/reverse?lon=0&lat=0").status()).as("far from every building").isEqualTo(404);
  }

  @Test
  void open311RequestsWithOnlyAnAddressAreCasesInItsGrid() {
    String form = "api_key=test-api-key&service_code=SANITATION&description=x&address_string="
        + enc(target.road() + target.number() + "号" + target.building() + "号楼");
    Http.Response created = http.postForm("/open311/v2/requests.json", form);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get(0).get("service_request_id").asString();
    JsonNode incident = http.get("/api/v1/incidents/" + id, Http.basic("operator", TestEnvironment.DEMO_PASSWORD)).json();
    var grid = catalog.now().gridAt(building.location().getX(), building.location().getY()).orElseThrow();
    assertThat(incident.toString()).contains("\"" + grid.code() + "\"");
    Http.Response unknown = http.postForm("/open311/v2/requests.json", "api_key=test-api-key&service_code=SANITATION&address_string=" + enc("火星路1号"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get(0).get("description").asString()).contains("address_string");
    Http.Response roadOnly = http.postForm("/open311/v2/requests.json", "api_key=test-api-key&service_code=SANITATION&address_string=" + enc(target.road()));
    assertThat(roadOnly.status()).as("a road alone names no building").isEqualTo(400);
  }

  @Test
  void ogcApiBuildingsCarryTheStandardAddress() {
    JsonNode item = http.get("/ogcapi/collections/buildings/items/" + target.buildingCode(), "Accept", "application/geo+json").json();
    assertThat(item.at("/properties/address").asString()).isEqualTo(target.text(null));
  }

  JsonNode geocode(String q) {
    Http.Response r = http.get("/api/v1/geocode?q=" + enc(q));
    assertThat(r.status()).as(q + ": " + r.body()).isEqualTo(200);
    return r.json().get("results");
  }

  static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

  static String fullWidth(String s) {
    StringBuilder out = new StringBuilder();
    s.chars().forEach(c -> out.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : (char) c));
    return out.toString();
  }

  /** 1 to 999 in Chinese numerals: 3 → 三, 12 → 十二, 128 → 一百二十八. */
  static String chinese(int n) {
    String d = "零一二三四五六七八九";
    if (n < 10) return String.valueOf(d.charAt(n));
    if (n < 20) return "十" + (n % 10 == 0 ? "" : d.charAt(n % 10));
    if (n < 100) return d.charAt(n / 10) + "十" + (n % 10 == 0 ? "" : String.valueOf(d.charAt(n % 10)));
    int rest = n % 100;
    String tail = rest == 0 ? "" : rest < 10 ? "零" + d.charAt(rest) : rest < 20 ? "一" + chinese(rest) : chinese(rest);
    return d.charAt(n / 100) + "百" + tail;
  }
}
