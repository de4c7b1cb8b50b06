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
    // Anyone's list: the area layers, then the community's public layers (issue 14), the approved funded projects (issue 15) and
    // the published decisions of councils and the bodies of self-governance (issue 16): no personal data in any of them.
    assertThat(ids).containsExactly("subdistricts", "communities", "grids", "buildings", "compounds", "organisations", "property-areas",
        "volunteer-density", "service-points", "service-deserts", "projects", "decisions", "bodies");
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

  /** What the planner's history slider asks: the outlines valid at an instant inside the view only (issue 18). */
  @Test
  void aPastMomentInsideABboxHoldsTheAreasThereOnly() {
    DemoFiles.Feature grid = DemoFiles.read("grids").get(321);
    var p = grid.geometry().getInteriorPoint();
    String bbox = (p.getX() - 0.0002) + "," + (p.getY() - 0.0002) + "," + (p.getX() + 0.0002) + "," + (p.getY() + 0.0002);
    JsonNode then = getJson("/ogcapi/collections/grids/items?limit=1000&datetime=2025-06-01T00:00:00Z&bbox=" + bbox, "application/geo+json");
    List<String> codes = new ArrayList<>();
    then.get("features").forEach(f -> codes.add(f.get("id").asString()));
    assertThat(codes).contains(grid.code()).hasSizeLessThan(5);
    assertThat(then.get("numberMatched").asInt()).isEqualTo(codes.size());
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

  // --- Part 2: coordinate reference systems ---
  static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";

  /**
   * EPSG:4549 from its EPSG definition, by proj4j's coordinate transform rather than the server's code. The source
   * is CGCS2000 geographic (GRS80): WGS84 and CGCS2000 are taken as identical, as PROJ/GDAL do (a null
   * transformation); GdalReadsEveryCollectionTest checks the same against gdaltransform.
   */
  static double[] epsg4549EastNorth(double lon, double lat) {
    var factory = new org.locationtech.proj4j.CRSFactory();
    var transform = new org.locationtech.proj4j.CoordinateTransformFactory().createTransform(
        factory.createFromParameters("CGCS2000", "+proj=longlat +ellps=GRS80 +no_defs"),
        factory.createFromParameters("CGCS2000 / 3-degree Gauss-Kruger CM 120E",
            "+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs"));
    var out = new org.locationtech.proj4j.ProjCoordinate();
    transform.transform(new org.locationtech.proj4j.ProjCoordinate(lon, lat), out);
    return new double[] {out.x, out.y};
  }

  static List<double[]> coordinates(JsonNode geometry) {
    List<double[]> out = new ArrayList<>();
    collect(geometry.get("coordinates"), out);
    return out;
  }

  private static void collect(JsonNode n, List<double[]> out) {
    if (n.get(0).isNumber()) out.add(new double[] {n.get(0).asDouble(), n.get(1).asDouble()});
    else n.forEach(c -> collect(c, out));
  }

  @Test
  void collectionsOfferTheChineseCrsAndSayTheirStorageCrs() {
    JsonNode grids = getJson("/ogcapi/collections/grids", "application/json");
    List<String> crs = new ArrayList<>();
    grids.get("crs").forEach(c -> crs.add(c.asString()));
    assertThat(crs).containsExactly(CRS84, EPSG + "4326", EPSG + "4490", EPSG + "4549");
    assertThat(grids.get("storageCrs").asString()).isEqualTo(CRS84);
    List<String> classes = new ArrayList<>();
    getJson("/ogcapi/conformance", "application/json").get("conformsTo").forEach(c -> classes.add(c.asString()));
    assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");
  }

  @Test
  void aGridReadInEpsg4549MatchesItsCrs84OutlineTransformedIndependentlyWithinACentimetre() {
    String items = "/ogcapi/collections/grids/items?limit=20";
    Http.Response lonLat = http.get(items);
    Http.Response metres = http.get(items + "&crs=" + EPSG + "4549");
    assertThat(lonLat.header("Content-Crs")).isEqualTo("<" + CRS84 + ">");
    assertThat(metres.status()).as(metres.body()).isEqualTo(200);
    assertThat(metres.header("Content-Crs")).isEqualTo("<" + EPSG + "4549>");
    JsonNode a = lonLat.json().get("features"), b = metres.json().get("features");
    assertThat(b.size()).isEqualTo(20);
    int compared = 0;
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.get(i).get("id").asString()).isEqualTo(a.get(i).get("id").asString());
      List<double[]> ll = coordinates(a.get(i).get("geometry")), ne = coordinates(b.get(i).get("geometry"));
      assertThat(ne).hasSameSizeAs(ll);
      List<double[]> expected = new ArrayList<>();
      for (double[] p : ll) {
        double[] en = epsg4549EastNorth(p[0], p[1]);
        expected.add(new double[] {en[1], en[0]}); // EPSG:4549's axes are northing, easting
      }
      // Rings may run the other way round (the right-hand rule applies to lon/lat), so match vertex by vertex.
      for (double[] got : ne) {
        double nearest = expected.stream().mapToDouble(e -> Math.hypot(e[0] - got[0], e[1] - got[1])).min().orElseThrow();
        assertThat(nearest).as("vertex %s,%s of %s", got[0], got[1], b.get(i).get("id")).isLessThan(0.01);
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(100);
  }

  @Test
  void epsg4326And4490ByUriAreLatitudeFirstAndUnknownCrsIsRefused() {
    String one = "/ogcapi/collections/buildings/items?limit=3";
    JsonNode lonLat = http.get(one).json().get("features");
    for (String code : new String[] {"4326", "4490"}) {
      Http.Response r = http.get(one + "&crs=" + EPSG + code);
      assertThat(r.header("Content-Crs")).isEqualTo("<" + EPSG + code + ">");
      JsonNode latLon = r.json().get("features");
      for (int i = 0; i < 3; i++) {
        JsonNode p = lonLat.get(i).at("/geometry/coordinates"), q = latLon.get(i).at("/geometry/coordinates");
        assertThat(q.get(0).asDouble()).isEqualTo(p.get(1).asDouble());
        assertThat(q.get(1).asDouble()).isEqualTo(p.get(0).asDouble());
      }
    }
    String id = lonLat.get(0).get("id").asString();
    Http.Response item = http.get("/ogcapi/collections/buildings/items/" + id + "?crs=" + EPSG + "4490");
    assertThat(item.status()).isEqualTo(200);
    assertThat(item.header("Content-Crs")).isEqualTo("<" + EPSG + "4490>");
    assertThat(item.header("ETag")).isNotEqualTo(http.get("/ogcapi/collections/buildings/items/" + id).header("ETag"));
    for (String bad : new String[] {"crs=EPSG:9999", "crs=" + EPSG + "3857", "bbox-crs=nonsense&bbox=1,2,3,4"}) {
      Http.Response r = http.get("/ogcapi/collections/grids/items?" + bad);
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.body()).contains(bad.startsWith("crs") ? "\"crs\"" : "bbox-crs");
    }
  }

  @Test
  void aBboxInEpsg4549SelectsWhatTheSameBoxInCrs84Selects() {
    JsonNode first = http.get("/ogcapi/collections/buildings/items?limit=1").json().at("/features/0");
    double lon = first.at("/geometry/coordinates/0").asDouble(), lat = first.at("/geometry/coordinates/1").asDouble();
    double[] en = epsg4549EastNorth(lon, lat);
    // A 20 m box around the building in northing, easting order.
    String box = (en[1] - 10) + "," + (en[0] - 10) + "," + (en[1] + 10) + "," + (en[0] + 10);
    JsonNode hits = http.get("/ogcapi/collections/buildings/items?bbox-crs=" + EPSG + "4549&bbox=" + box).json().get("features");
    List<String> ids = new ArrayList<>();
    hits.forEach(f -> ids.add(f.get("id").asString()));
    assertThat(ids).contains(first.get("id").asString());
    JsonNode far = http.get("/ogcapi/collections/buildings/items?bbox-crs=" + EPSG + "4549&bbox="
        + (en[1] + 5000) + "," + (en[0] + 5000) + "," + (en[1] + 5010) + "," + (en[0] + 5010)).json().get("features");
    far.forEach(f -> assertThat(f.get("id").asString()).isNotEqualTo(first.get("id").asString()));
  }

  // --- Part 4: what editing there is, and only that ---
  static final String[] PLANNER = Http.basic("planner", org.gridwatch.support.TestEnvironment.DEMO_PASSWORD);

  @Test
  void aPutThatChangesAttributesIsRefusedNamingEachAndSavesNothing() {
    String path = "/ogcapi/collections/grids/items/" + getJson("/ogcapi/collections/grids/items?limit=1", "application/geo+json")
        .at("/features/0/id").asString();
    Http.Response before = http.get(path);
    JsonNode feature = before.json();
    String name = feature.at("/properties/name").asString();
    var edited = (tools.jackson.databind.node.ObjectNode) feature.deepCopy();
    ((tools.jackson.databind.node.ObjectNode) edited.get("properties")).put("name", name + " renamed").put("households", 1);
    Http.Response put = http.put(path, edited.toString(), PLANNER);
    assertThat(put.status()).as(put.body()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    put.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields).containsExactlyInAnyOrder("properties.name", "properties.households");
    Http.Response after = http.get(path);
    assertThat(after.json().at("/properties/name").asString()).isEqualTo(name);
    assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
    // Sent back as read (as QGIS does after moving nothing; it may write a date-time in another form), it is accepted.
    var asRead = (tools.jackson.databind.node.ObjectNode) feature.deepCopy();
    String validFrom = feature.at("/properties/valid_from").asString();
    ((tools.jackson.databind.node.ObjectNode) asRead.get("properties")).put("valid_from",
        Instant.parse(validFrom).atOffset(java.time.ZoneOffset.ofHours(8)).toString());
    Http.Response unchanged = http.put(path, asRead.toString(), PLANNER);
    assertThat(unchanged.status()).as(unchanged.body()).isEqualTo(204);
    assertThat(http.get(path).json().at("/properties/name").asString()).isEqualTo(name);
  }

  @Test
  void everyMethodNotAllowedSaysWhatIsAllowed() throws Exception {
    String grid = "/ogcapi/collections/grids/items/" + getJson("/ogcapi/collections/grids/items?limit=1", "application/geo+json")
        .at("/features/0/id").asString();
    Http.Response delete = http.delete(grid, PLANNER);
    assertThat(delete.status()).isEqualTo(405);
    assertThat(allow(delete)).contains("GET", "HEAD", "PUT", "OPTIONS").doesNotContain("DELETE", "PATCH");
    var patch = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.url(grid)))
        .header(PLANNER[0], PLANNER[1]).header("Content-Type", "application/merge-patch+json")
        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"properties\":{\"name\":\"x\"}}")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(patch.statusCode()).isEqualTo(405);
    assertThat(patch.headers().firstValue("Allow").orElse("")).contains("PUT").doesNotContain("PATCH");
    String building = "/ogcapi/collections/buildings/items/" + getJson("/ogcapi/collections/buildings/items?limit=1",
        "application/geo+json").at("/features/0/id").asString();
    Http.Response put = http.put(building, "{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}", PLANNER);
    assertThat(put.status()).isEqualTo(405);
    assertThat(allow(put)).containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS");
    assertThat(allow(http.options(building))).containsExactlyInAnyOrderElementsOf(allow(put));
    Http.Response post = http.postJson("/ogcapi/conformance", "{}", PLANNER);
    assertThat(post.status()).isEqualTo(405);
    assertThat(allow(post)).contains("GET").doesNotContain("POST");
  }

  static List<String> allow(Http.Response r) {
    assertThat(r.header("Allow")).as("Allow on " + r.status()).isNotNull();
    return java.util.Arrays.stream(r.header("Allow").split(",")).map(String::strip).toList();
  }

  @Test
  void conformanceDeclaresExactlyTheClassesImplemented() {
    List<String> classes = new ArrayList<>();
    getJson("/ogcapi/conformance", "application/json").get("conformsTo").forEach(c -> classes.add(c.asString()));
    String f1 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/", f4 = "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/";
    assertThat(classes).containsExactlyInAnyOrder(f1 + "core", f1 + "oas30", f1 + "html", f1 + "geojson",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
        f4 + "create-replace-delete", f4 + "optimistic-locking", f4 + "features");
  }

  @Test
  void theApiDocumentDeclaresTheWritesAndTheirSecuritySchemes() {
    JsonNode api = http.get("/ogcapi/api", PLANNER).json();
    assertThat(api.at("/components/securitySchemes/basicAuth/scheme").asString()).isEqualTo("basic");
    assertThat(api.at("/components/securitySchemes/sessionCookie/in").asString()).isEqualTo("cookie");
    JsonNode put = api.at("/paths/~1collections~1grids~1items~1{featureId}/put");
    assertThat(put.isObject()).as("PUT of a grid declared").isTrue();
    List<String> schemes = new ArrayList<>();
    put.get("security").forEach(s -> s.propertyNames().forEach(schemes::add));
    assertThat(schemes).containsExactlyInAnyOrder("basicAuth", "sessionCookie");
    assertThat(put.at("/responses/412").isObject()).isTrue();
    assertThat(api.at("/paths/~1collections~1grids~1items/post/security").isArray()).isTrue();
    assertThat(api.at("/paths/~1collections~1buildings~1items~1{featureId}/put").isMissingNode()).isTrue();
    assertThat(api.at("/paths/~1collections~1incidents~1items/get/security").isArray()).as("signed-in collection").isTrue();
    assertThat(api.at("/paths/~1collections~1grids~1items/get/security").isMissingNode()).as("public read").isTrue();
  }
}
