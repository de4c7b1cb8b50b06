package org.gridwatch.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridwatch.support.DemoFiles;
import org.gridwatch.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The OGC API – Features read interface as QGIS and GDAL use it (see REFERENCE.md), checked against the
 * demo files read independently by JTS.
 */
abstract class OgcApiContract {
  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  JsonNode getJson(String path, String expectedType) {
    Http.Response r = http.get(path, "Accept", "application/json");
    assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
    assertThat(r.contentType()).as(path).startsWith(expectedType);
    return r.json();
  }

  static JsonNode link(JsonNode doc, String rel) {
    for (JsonNode l : doc.get("links")) if (l.get("rel").asString().equals(rel)) return l;
    return null;
  }

  @Test
  void landingPageLinksWhatClientsNeed() {
    JsonNode landing = getJson("/ogcapi", "application/json");
    assertThat(link(landing, "service-desc").get("type").asString()).isEqualTo("application/vnd.oai.openapi+json;version=3.0");
    assertThat(link(landing, "conformance").get("href").asString()).endsWith("/ogcapi/conformance");
    assertThat(link(landing, "data").get("href").asString()).endsWith("/ogcapi/collections");
    for (JsonNode l : landing.get("links")) assertThat(l.get("href").asString()).doesNotEndWith(".json");
    JsonNode conformance = getJson("/ogcapi/conformance", "application/json");
    List<String> classes = new ArrayList<>();
    conformance.get("conformsTo").forEach(c -> classes.add(c.asString()));
    assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson");
  }

  @Test
  void openApiDocumentIs30AndDeclaresTheLimitRange() {
    Http.Response r = http.get("/ogcapi/api");
    assertThat(r.contentType()).startsWith("application/vnd.oai.openapi+json;version=3.0");
    JsonNode api = r.json();
    assertThat(api.get("openapi").asString()).startsWith("3.0.");
    JsonNode limit = api.at("/components/parameters/limit/schema");
    assertThat(limit.get("minimum").asInt()).isEqualTo(1);
    assertThat(limit.get("maximum").asInt()).isEqualTo(10_000);
    assertThat(limit.get("default").asInt()).isEqualTo(10);
    assertThat(api.get("paths").has("/collections/grids/items")).isTrue();
  }

  @Test
  void collectionsListTheAreaLayersWithExtents() {
    JsonNode collections = getJson("/ogcapi/collections", "application/json").get("collections");
    List<String> ids = new ArrayList<>();
    collections.forEach(c -> ids.add(c.get("id").asString()));
    assertThat(ids).containsExactly("subdistricts", "communities", "grids", "buildings");
    JsonNode grids = getJson("/ogcapi/collections/grids", "application/json");
    JsonNode bbox = grids.at("/extent/spatial/bbox/0");
    Envelope district = DemoFiles.read("district").get(0).geometry().getEnvelopeInternal();
    assertThat(bbox.get(0).asDouble()).isCloseTo(district.getMinX(), org.assertj.core.api.Assertions.within(1e-6));
    assertThat(bbox.get(3).asDouble()).isCloseTo(district.getMaxY(), org.assertj.core.api.Assertions.within(1e-6));
    assertThat(link(grids, "items").get("type").asString()).isEqualTo("application/geo+json");
  }

  @Test
  void itemsDefaultToTenWithCountsAndATimestamp() {
    JsonNode page = getJson("/ogcapi/collections/grids/items", "application/geo+json");
    assertThat(page.get("type").asString()).isEqualTo("FeatureCollection");
    assertThat(page.get("numberReturned").asInt()).isEqualTo(10);
    assertThat(page.get("features").size()).isEqualTo(10);
    assertThat(page.get("numberMatched").asInt()).isEqualTo(DemoFiles.read("grids").size());
    assertThat(Instant.parse(page.get("timeStamp").asString())).isBefore(Instant.now().plusSeconds(1));
    assertThat(link(page, "next").get("type").asString()).isEqualTo("application/geo+json");
  }

  @Test
  void followingNextLinksReadsEveryGridExactlyOnce() {
    Set<String> seen = new HashSet<>();
    String url = "/ogcapi/collections/grids/items?limit=250";
    int pages = 0;
    while (url != null) {
      JsonNode page = getJson(url, "application/geo+json");
      page.get("features").forEach(f -> assertThat(seen.add(f.get("id").asString())).isTrue());
      JsonNode next = link(page, "next");
      url = next == null ? null : next.get("href").asString();
      pages++;
    }
    Set<String> expected = new HashSet<>();
    DemoFiles.read("grids").forEach(g -> expected.add(g.code()));
    assertThat(seen).isEqualTo(expected);
    assertThat(pages).isEqualTo((expected.size() + 249) / 250);
  }

  @Test
  void limitAboveTheMaximumIsClampedAndOtherBadParametersAreRefused() {
    JsonNode page = getJson("/ogcapi/collections/buildings/items?limit=50000", "application/geo+json");
    assertThat(page.get("numberReturned").asInt()).isEqualTo(10_000);
    assertThat(page.get("numberMatched").asInt()).isEqualTo(DemoFiles.read("buildings").size());
    assertThat(link(page, "next")).isNotNull();
    assertBadParameter("/ogcapi/collections/grids/items?limit=0", "limit");
    assertBadParameter("/ogcapi/collections/grids/items?limit=ten", "limit");
    assertBadParameter("/ogcapi/collections/grids/items?colour=red", "colour");
    assertBadParameter("/ogcapi/collections/grids/items?bbox=1,2,3", "bbox");
    assertBadParameter("/ogcapi/collections/grids/items?bbox=120.3,36.2,120.4,36.1", "bbox");
    assertBadParameter("/ogcapi/collections/grids/items?datetime=yesterday", "datetime");
    assertBadParameter("/ogcapi/collections/grids/items?cursor=%21%21", "cursor");
    assertBadParameter("/ogcapi/collections/subdistricts/items?community=370203014001", "community");
    // Collections other than the public area layers need a login; signed in, an unknown one is a 404.
    assertThat(http.get("/ogcapi/collections/nonsense/items").status()).isEqualTo(401);
    assertThat(http.get("/ogcapi/collections/nonsense/items",
        Http.basic("operator", org.gridwatch.support.TestEnvironment.DEMO_PASSWORD)).status()).isEqualTo(404);
  }

  void assertBadParameter(String path, String field) {
    Http.Response r = http.get(path);
    assertThat(r.status()).as(path).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().at("/errors/0/field").asString()).isEqualTo(field);
  }

  @Test
  void bboxSelectsExactlyTheGridsThatIntersectIt() {
    double minX = 120.345, minY = 36.085, maxX = 120.362, maxY = 36.097;
    GeometryFactory gf = new GeometryFactory();
    Geometry box = gf.toGeometry(new Envelope(minX, maxX, minY, maxY));
    Set<String> expected = new HashSet<>();
    DemoFiles.read("grids").stream().filter(g -> g.geometry().intersects(box)).forEach(g -> expected.add(g.code()));
    JsonNode page = getJson("/ogcapi/collections/grids/items?limit=10000&bbox=" + minX + "," + minY + "," + maxX + "," + maxY,
        "application/geo+json");
    Set<String> got = new HashSet<>();
    page.get("features").forEach(f -> got.add(f.get("id").asString()));
    assertThat(got).isEqualTo(expected).hasSizeGreaterThan(5);
    assertThat(page.get("numberMatched").asInt()).isEqualTo(expected.size());
  }

  @Test
  void parentCodeFiltersSelectTheChildren() {
    DemoFiles.Feature community = DemoFiles.read("communities").get(40);
    long expected = DemoFiles.read("grids").stream().filter(g -> g.parentCode().equals(community.code())).count();
    JsonNode page = getJson("/ogcapi/collections/grids/items?limit=100&community=" + community.code(), "application/geo+json");
    assertThat(page.get("numberMatched").asLong()).isEqualTo(expected).isGreaterThan(0);
    page.get("features").forEach(f -> assertThat(f.at("/properties/community_code").asString()).isEqualTo(community.code()));
    JsonNode subs = getJson("/ogcapi/collections/communities/items?limit=100&subdistrict=370203014", "application/geo+json");
    assertThat(subs.get("numberMatched").asLong())
        .isEqualTo(DemoFiles.read("communities").stream().filter(c -> c.parentCode().equals("370203014")).count());
  }

  @Test
  void datetimeSelectsWhatWasValidThen() {
    assertThat(getJson("/ogcapi/collections/subdistricts/items?datetime=2020-01-01T00:00:00Z", "application/geo+json")
        .get("numberMatched").asInt()).isZero();
    assertThat(getJson("/ogcapi/collections/subdistricts/items?datetime=2025-06-01T00:00:00Z", "application/geo+json")
        .get("numberMatched").asInt()).isEqualTo(22);
    assertThat(getJson("/ogcapi/collections/subdistricts/items?datetime=../2021-01-01T00:00:00Z", "application/geo+json")
        .get("numberMatched").asInt()).isZero();
    assertThat(getJson("/ogcapi/collections/subdistricts/items?datetime=2019-01-01T00:00:00Z/..", "application/geo+json")
        .get("numberMatched").asInt()).isEqualTo(22);
  }

  @Test
  void aSingleGridHasGeometryFiguresAndAStrongEtag() {
    DemoFiles.Feature grid = DemoFiles.read("grids").get(123);
    Http.Response r = http.get("/ogcapi/collections/grids/items/" + grid.code());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/geo+json");
    String etag = r.header("ETag");
    assertThat(etag).startsWith("\"").doesNotStartWith("W/");
    JsonNode f = r.json();
    assertThat(f.get("id").asString()).isEqualTo(grid.code());
    assertThat(f.at("/geometry/type").asString()).isEqualTo("MultiPolygon");
    int households = DemoFiles.read("buildings").stream().filter(b -> grid.geometry().contains(b.geometry()))
        .mapToInt(b -> b.properties().get("households").asInt()).sum();
    assertThat(f.at("/properties/households").asInt()).isEqualTo(households);
    double lon = f.at("/geometry/coordinates/0/0/0/0").asDouble();
    assertThat(lon).isBetween(120.30, 120.43);
    List<Coordinate> ring = new ArrayList<>();
    f.at("/geometry/coordinates/0/0").forEach(c -> ring.add(new Coordinate(c.get(0).asDouble(), c.get(1).asDouble())));
    assertThat(Orientation.isCCW(ring.toArray(Coordinate[]::new))).as("right-hand rule").isTrue();
    assertThat(http.get("/ogcapi/collections/grids/items/" + grid.code(), "If-None-Match", etag).status()).isEqualTo(304);
    Http.Response missing = http.get("/ogcapi/collections/grids/items/370203999999999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).startsWith("application/problem+json");
  }

  @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void casesAreACollectionForSignedInUsersWithoutPersonalData() {
    String[] operator = Http.basic("operator", org.gridwatch.support.TestEnvironment.DEMO_PASSWORD);
    assertThat(http.get("/ogcapi/collections/incidents/items").status()).isEqualTo(401);
    List<String> anonymous = new ArrayList<>();
    getJson("/ogcapi/collections", "application/json").get("collections").forEach(c -> anonymous.add(c.get("id").asString()));
    assertThat(anonymous).doesNotContain("incidents");
    Http.Response listed = http.get("/ogcapi/collections", operator[0], operator[1]);
    assertThat(listed.body()).contains("\"incidents\"");
    long total = jdbc.queryForObject("select count(*) from incident", Long.class);
    Http.Response page = http.get("/ogcapi/collections/incidents/items?limit=100", operator[0], operator[1]);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.json().get("numberMatched").asLong()).isEqualTo(total);
    assertThat(page.json().get("features").size()).isEqualTo(100);
    assertThat(page.body()).doesNotContain("reporter").doesNotContain("phone");
    String box = "120.35,36.08,120.37,36.10";
    long inBox = jdbc.queryForObject("select count(*) from incident where ST_Intersects(location, ST_MakeEnvelope(120.35, 36.08, 120.37, 36.10, 4326))", Long.class);
    JsonNode boxed = http.get("/ogcapi/collections/incidents/items?limit=1&bbox=" + box, operator[0], operator[1]).json();
    assertThat(boxed.get("numberMatched").asLong()).isEqualTo(inBox).isGreaterThan(0);
    String next = link(boxed, "next").get("href").asString();
    JsonNode second = http.get(next, operator[0], operator[1]).json();
    assertThat(second.at("/features/0/id").asString()).isNotEqualTo(boxed.at("/features/0/id").asString());
    String id = boxed.at("/features/0/id").asString();
    assertThat(http.get("/ogcapi/collections/incidents/items/" + id, operator[0], operator[1]).json().at("/properties/id").asString())
        .isEqualTo(id);
  }

  @Test
  void everyResourceHasAnHtmlRepresentation() {
    for (String path : new String[] {"/ogcapi", "/ogcapi/conformance", "/ogcapi/collections", "/ogcapi/collections/grids",
        "/ogcapi/collections/grids/items", "/ogcapi/collections/subdistricts/items/370203014"}) {
      Http.Response r = http.get(path + "?f=html");
      assertThat(r.status()).as(path).isEqualTo(200);
      assertThat(r.contentType()).as(path).startsWith("text/html");
    }
    assertThat(http.get("/ogcapi/collections/subdistricts/items/370203014", "Accept", "text/html").body()).contains("敦化路街道");
  }
}
