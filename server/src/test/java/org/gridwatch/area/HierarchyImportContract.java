package org.gridwatch.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.support.FeatureFiles;
import org.gridwatch.support.FeatureFiles.Row;
import org.gridwatch.support.Http;
import org.gridwatch.support.SurveyedDistrict;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/areas/import} on an empty system, as a district that is not the demo would use it: a made-up
 * district near Harbin (126.6°E, CGCS2000 Gauss–Krüger CM 126E, EPSG:4551; zone 42 with its prefix, EPSG:4530),
 * drawn in metres by its survey office and delivered as a zipped Shapefile, GeoJSON with a {@code crs} member and a
 * GeoPackage. After the import, {@code /api/v1/locate} answers the right grid for grid centres projected to WGS 84
 * by an independent transformer (H2GIS's ST_Transform). Every bad delivery is a 4xx naming the feature, and nothing
 * is stored. Each test starts from an empty hierarchy (the class has a database of its own).
 */
@org.junit.jupiter.api.extension.ExtendWith(org.gridwatch.support.RestoresMetricZone.class)
abstract class HierarchyImportContract {
  private static final GeometryFactory PLANE = new GeometryFactory();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final String DISTRICT = SurveyedDistrict.DISTRICT;
  static final double X0 = SurveyedDistrict.X0, Y0 = SurveyedDistrict.Y0;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired AreaCatalog catalog;
  Http http;



  @BeforeEach
  void emptyHierarchy() {
    http = new Http(port);
    jdbc.update("delete from area_version");
    for (String level : List.of("GRID", "COMMUNITY", "SUBDISTRICT", "DISTRICT")) jdbc.update("delete from area where level = ?", level);
    jdbc.update("delete from dataset_import");
    catalog.reload();
  }

  // ------------------------------------------------------------------ the district as its survey office draws it

  static Geometry rectangle(double x1, double y1, double x2, double y2) { return SurveyedDistrict.rectangle(x1, y1, x2, y2); }

  static Row area(String level, String code, String parent, String name, Geometry g) {
    return SurveyedDistrict.area(level, code, parent, name, g);
  }

  static List<Row> district() { return SurveyedDistrict.areas(); }

  static String gridAt(double x, double y) { return SurveyedDistrict.gridAt(x, y); }

  static double[] wgs84(double x, double y) { return SurveyedDistrict.wgs84(x, y); }

  static List<Row> shifted(List<Row> rows, double dx) {
    return rows.stream().map(r -> {
      Geometry g = r.geometry().copy();
      g.apply((org.locationtech.jts.geom.CoordinateFilter) c -> c.x += dx);
      g.geometryChanged();
      return new Row(g, r.attributes());
    }).toList();
  }

  // ------------------------------------------------------------------ HTTP

  record Answer(int status, String contentType, byte[] body) {
    JsonNode json() { return JSON.readTree(body); }

    /** Every error's field and reason, "field: reason". */
    List<String> errors() {
      List<String> out = new ArrayList<>();
      json().path("errors").forEach(e -> out.add(e.path("field").asString() + ": " + e.path("reason").asString()));
      return out;
    }
  }

  Answer post(String query, byte[] body, String contentType, String user, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.url("/api/v1/areas/import" + query)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
    Http.withHeaders(b, headers); // English texts unless a test asks for another language
    String[] auth = Http.basic(user, TestEnvironment.DEMO_PASSWORD);
    b.header(auth[0], auth[1]);
    return send(b.build());
  }

  Answer importAsAdmin(String query, byte[] body, String contentType) { return post(query, body, contentType, "admin"); }

  Answer export(String format) {
    String[] auth = Http.basic("admin", TestEnvironment.DEMO_PASSWORD);
    return send(HttpRequest.newBuilder(URI.create(http.url("/api/v1/areas/export?f=" + format))).header(auth[0], auth[1]).GET().build());
  }

  private static Answer send(HttpRequest request) {
    try {
      HttpResponse<byte[]> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  int storedAreas() { return jdbc.queryForObject("select count(*) from area", Integer.class); }

  void assertNothingStored() {
    assertThat(storedAreas()).isZero();
    assertThat(http.get("/api/v1/district").json().get("loaded").asBoolean()).isFalse();
  }

  /** Every grid centre, and a point 50 m inside each grid's south-west corner, locates in that grid. */
  void assertLocatesEveryGrid() {
    for (double x = X0 + 50; x < X0 + 4000; x += 500) {
      for (double y = Y0 + 50; y < Y0 + 3000; y += 500) {
        double[] p = wgs84(x, y);
        JsonNode located = http.get("/api/v1/locate?lon=" + p[0] + "&lat=" + p[1]).json();
        assertThat(located.at("/grid/code").asString()).as("the grid at %.0f E %.0f N", x, y).isEqualTo(gridAt(x, y));
      }
    }
  }

  // ------------------------------------------------------------------ imports that succeed

  @Test
  void aZippedShapefileInAGaussKrugerZoneBecomesTheHierarchy() {
    Answer a = importAsAdmin("", FeatureFiles.zippedShapefile(4551, district()), "application/zip");
    assertThat(a.status()).as(new String(a.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    JsonNode report = a.json();
    assertThat(report.get("stored").asInt()).isEqualTo(15);
    assertThat(report.get("refused").asInt()).isZero();
    assertThat(report.get("crs").asString()).isEqualTo("EPSG:4551");
    assertThat(report.at("/levels/grids").asInt()).isEqualTo(8);
    assertThat(storedAreas()).isEqualTo(15);
    assertLocatesEveryGrid();
    JsonNode district = http.get("/api/v1/district").json();
    assertThat(district.get("code").asString()).isEqualTo(DISTRICT);
    assertThat(district.get("name").asString()).isEqualTo("松花区");
    assertThat(district.at("/metricCrs/code").asString()).isEqualTo("EPSG:4551");
    // 1,000 m by 1,500 m in the survey's metres: a grid's area is measured in the district's own zone
    assertThat(http.get("/api/v1/areas/" + DISTRICT + "001001001").json().at("/area/areaM2").asDouble()).isCloseTo(1_500_000, org.assertj.core.data.Offset.offset(5.0));
  }

  @Test
  void geoJsonWithACrsMemberAndAZonePrefixedGeoPackageImportAlike() {
    Answer a = importAsAdmin("", FeatureFiles.geoJson("urn:ogc:def:crs:EPSG::4551", district()), "application/geo+json");
    assertThat(a.status()).as(new String(a.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertLocatesEveryGrid();
    emptyHierarchy();
    // zone 42 with its number in the easting: 42,000,000 m further east on paper, the same ground
    Answer b = importAsAdmin("", FeatureFiles.geoPackage("areas", 4530, shifted(district(), 42_000_000)), "application/geopackage+sqlite3");
    assertThat(b.status()).as(new String(b.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(b.json().get("crs").asString()).isEqualTo("EPSG:4530");
    assertLocatesEveryGrid();
  }

  @Test
  void aDryRunAnswersWhatWouldBeStoredAndStoresNothing() {
    Answer a = importAsAdmin("?dryRun=true", FeatureFiles.zippedShapefile(4551, district()), "application/zip");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().get("dryRun").asBoolean()).isTrue();
    assertThat(a.json().get("stored").asInt()).isEqualTo(15);
    assertThat(a.json().get("district").asString()).isEqualTo(DISTRICT);
    assertNothingStored();
  }

  @Test
  void anExportImportsBackAsTheSameAreasInBothFormats() {
    assertThat(importAsAdmin("", FeatureFiles.zippedShapefile(4551, district()), "application/zip").status()).isEqualTo(200);
    Map<String, String> before = areas();
    Map<String, Double> areasM2 = new java.util.HashMap<>();
    catalog.now().byCode().values().forEach(a -> areasM2.put(a.code(), a.areaM2()));
    Answer geojson = export("geojson"), gpkg = export("gpkg");
    assertThat(geojson.status()).isEqualTo(200);
    assertThat(geojson.contentType()).startsWith("application/geo+json");
    assertThat(gpkg.status()).isEqualTo(200);
    for (Answer file : List.of(geojson, gpkg)) {
      emptyHierarchy();
      Answer again = importAsAdmin("", file.body(), file.contentType());
      assertThat(again.status()).as(new String(again.body(), StandardCharsets.UTF_8)).isEqualTo(200);
      Map<String, String> after = areas();
      assertThat(after.keySet()).isEqualTo(before.keySet());
      for (String code : before.keySet()) {
        assertThat(after.get(code)).isEqualTo(before.get(code));
        // GeoJSON keeps 7 decimals (about 1 cm): areas agree to 0.001 %
        assertThat(catalog.now().find(code).orElseThrow().areaM2()).isCloseTo(areasM2.get(code), org.assertj.core.data.Percentage.withPercentage(1e-3));
      }
    }
  }

  /** Every area as "level parent name outline (to 1e-7°)", by code. */
  private Map<String, String> areas() {
    Map<String, String> out = new java.util.TreeMap<>();
    org.locationtech.jts.geom.PrecisionModel pm = new org.locationtech.jts.geom.PrecisionModel(1e7);
    for (AreaView a : catalog.now().byCode().values()) {
      out.put(a.code(), a.level() + " " + a.parentCode() + " " + a.name() + " "
          + org.locationtech.jts.precision.GeometryPrecisionReducer.reduce(a.boundary(), pm).norm().toText());
    }
    return out;
  }

  // ------------------------------------------------------------------ refusals: 4xx naming the feature, nothing stored

  @Test
  void aShapefileWithoutItsPrjIsRefusedNamingIt() {
    Map<String, byte[]> parts = FeatureFiles.shapefileParts(4551, district(), "UTF-8");
    parts.remove(".prj");
    Answer a = importAsAdmin("", FeatureFiles.zip("songhua", parts), "application/zip");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(a.errors()).singleElement().asString().startsWith(".prj: ").contains("songhua.prj");
    assertNothingStored();
  }

  @Test
  void aCrsOutsideTheAcceptedOnesIsRefused() {
    Map<String, byte[]> parts = FeatureFiles.shapefileParts(4551, district(), "UTF-8");
    parts.put(".prj", ("PROJCS[\"Xian_1980_3_Degree_GK_CM_126E\",GEOGCS[\"GCS_Xian_1980\",DATUM[\"D_Xian_1980\",SPHEROID[\"Xian_1980\","
        + "6378140.0,298.257]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],"
        + "PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",126.0],"
        + "PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]").getBytes(StandardCharsets.UTF_8));
    Answer a = importAsAdmin("", FeatureFiles.zip("xian80", parts), "application/zip");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.errors()).singleElement().asString().startsWith("crs: ").contains("Xian_1980").contains("EPSG:4534-4554");
    assertNothingStored();
  }

  @Test
  void geoJsonInMetresWithoutACrsIsRefusedAskingForIt() {
    Answer a = importAsAdmin("", FeatureFiles.geoJson(null, district()), "application/geo+json");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.errors()).singleElement().asString().startsWith("crs: ").contains("declare the CRS");
    assertNothingStored();
    assertThat(importAsAdmin("?crs=EPSG:4551", FeatureFiles.geoJson(null, district()), "application/geo+json").status()).isEqualTo(200);
  }

  @Test
  void codesThatDoNotNestAreNamedByFeature() {
    List<Row> rows = new ArrayList<>(district());
    Row grid = rows.get(3); // the first subdistrict's first community's first grid
    assertThat(grid.attributes().get("level")).isEqualTo("grid");
    Map<String, Object> wrong = new LinkedHashMap<>(grid.attributes());
    wrong.put("code", DISTRICT + "002001009"); // a grid code under the other subdistrict's community
    rows.set(3, new Row(grid.geometry(), wrong));
    Answer a = importAsAdmin("", FeatureFiles.zippedShapefile(4551, rows), "application/zip");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.errors()).anySatisfy(e -> assertThat(e).startsWith("features[3].properties.parent: " + DISTRICT + "002001009: ")
        .contains("does not start with its parent's code " + DISTRICT + "001001"));
    assertThat(a.json().get("detail").asString()).contains("nothing was stored");
    Answer zh = post("", FeatureFiles.zippedShapefile(4551, rows), "application/zip", "admin", "Accept-Language", "zh-CN");
    assertThat(zh.errors()).anySatisfy(e -> assertThat(e).startsWith("features[3].properties.parent: " + DISTRICT + "002001009：")
        .contains("编码不以上级编码 " + DISTRICT + "001001 开头"));
    assertThat(zh.json().get("detail").asString()).contains("未保存");
    assertNothingStored();
  }

  @Test
  void overlapsAndGapsAreNamedWithWhereTheyAre() {
    List<Row> rows = new ArrayList<>(district());
    // the first grid pushed 200 m east: it overlaps its neighbour and leaves a strip of its community uncovered
    Row grid = rows.get(3);
    rows.set(3, new Row(rectangle(X0 + 200, Y0, X0 + 1200, Y0 + 1500), grid.attributes()));
    Answer a = importAsAdmin("", FeatureFiles.zippedShapefile(4551, rows), "application/zip");
    assertThat(a.status()).isEqualTo(400);
    String community = DISTRICT + "001001";
    double[] overlapSw = wgs84(X0 + 1000, Y0), overlapNe = wgs84(X0 + 1200, Y0 + 1500);
    double[] gapSw = wgs84(X0, Y0), gapNe = wgs84(X0 + 200, Y0 + 1500);
    List<String> errors = a.errors();
    assertThat(errors).anySatisfy(e -> {
      assertThat(e).startsWith("features[2]: " + community + ": " + community + "001 and " + community + "002 overlap by 300000");
      assertThat(bbox(e)).satisfies(b -> assertAround(b, overlapSw, overlapNe));
    });
    assertThat(errors).anySatisfy(e -> {
      assertThat(e).startsWith("features[2]: " + community + ": 300000").contains("covered by none of its children");
      assertThat(bbox(e)).satisfies(b -> assertAround(b, gapSw, gapNe));
    });
    assertNothingStored();
  }

  private static double[] bbox(String reason) {
    String inside = reason.substring(reason.lastIndexOf('[') + 1, reason.lastIndexOf(']'));
    return java.util.Arrays.stream(inside.split(",")).mapToDouble(s -> Double.parseDouble(s.strip())).toArray();
  }

  /** The named box is the expected one to within a metre or so (1e-5°). */
  private static void assertAround(double[] box, double[] sw, double[] ne) {
    org.assertj.core.data.Offset<Double> m = org.assertj.core.data.Offset.offset(2e-5);
    assertThat(box[0]).isCloseTo(Math.min(sw[0], ne[0]), m);
    assertThat(box[1]).isCloseTo(Math.min(sw[1], ne[1]), m);
    assertThat(box[2]).isCloseTo(Math.max(sw[0], ne[0]), m);
    assertThat(box[3]).isCloseTo(Math.max(sw[1], ne[1]), m);
  }

  @Test
  void anInvalidPolygonIsNamed() {
    List<Row> rows = new ArrayList<>(district());
    Row grid = rows.get(3);
    Geometry bowTie = PLANE.createPolygon(new Coordinate[] {new Coordinate(X0, Y0), new Coordinate(X0 + 1000, Y0 + 1500),
        new Coordinate(X0 + 1000, Y0), new Coordinate(X0, Y0 + 1500), new Coordinate(X0, Y0)});
    rows.set(3, new Row(bowTie, grid.attributes()));
    Answer a = importAsAdmin("", FeatureFiles.geoJson("EPSG:4551", rows), "application/geo+json");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.errors()).anySatisfy(e -> assertThat(e).startsWith("features[3].geometry: " + DISTRICT + "001001001: ")
        .contains("not a valid polygon"));
    assertNothingStored();
  }

  @Test
  void notAZipADamagedZipAndAnOversizedFileAreRefused() {
    byte[] zip = FeatureFiles.zippedShapefile(4551, district());
    for (byte[] body : List.of("not a zip".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOf(zip, zip.length / 2))) {
      Answer a = importAsAdmin("", body, "application/zip");
      assertThat(a.status()).isEqualTo(400);
      assertThat(a.contentType()).startsWith("application/problem+json");
    }
    Answer big = importAsAdmin("", new byte[5 * 1024 * 1024], "application/zip");
    assertThat(big.status()).isEqualTo(413);
    assertThat(importAsAdmin("", new byte[] {1, 2, 3}, "text/csv").status()).isEqualTo(415);
    assertNothingStored();
  }

  @Test
  void onlyAnAdminImportsOnlyIntoAnEmptySystemAndNeverInPart() {
    byte[] file = FeatureFiles.zippedShapefile(4551, district());
    assertThat(post("", file, "application/zip", "planner").status()).isEqualTo(403);
    Answer partial = importAsAdmin("?partial=true", file, "application/zip");
    assertThat(partial.status()).isEqualTo(400);
    assertThat(partial.errors()).singleElement().asString().startsWith("partial: ");
    assertNothingStored();
    assertThat(importAsAdmin("", file, "application/zip").status()).isEqualTo(200);
    Answer again = importAsAdmin("", file, "application/zip");
    assertThat(again.status()).isEqualTo(409);
    assertThat(storedAreas()).isEqualTo(15);
  }
}
