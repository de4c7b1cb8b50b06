package org.gridwatch.building;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gridwatch.area.MadeUpDistrict;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.geo.Geometries;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/buildings/import} on a deployment that is not the demo ({@link MadeUpDistrict}): buildings as
 * points and footprints land in their grids and the households of every area follow; compounds become a layer,
 * drawn or derived; bad features are named and nothing is stored unless {@code partial}. Each test uses its own
 * codes and compounds and compares households before and after, since the class shares one database.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.gridwatch.support.RestoresMetricZone.class)
abstract class BuildingImportContract {
  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  Http http;
  String[] planner = Http.basic("planner", TestEnvironment.DEMO_PASSWORD);




  @BeforeEach
  void district() {
    MadeUpDistrict.load(context);
    http = new Http(port);
  }

  @Test
  void buildingsLandInTheirGridsAndAreasCountTheirHouseholds() {
    int west1 = households(MadeUpDistrict.GRID_WEST_1), west = households(MadeUpDistrict.WEST);
    int east = households(MadeUpDistrict.GRID_EAST), district = households(MadeUpDistrict.DISTRICT);
    int eastResidents = http.get("/api/v1/areas/" + MadeUpDistrict.GRID_EAST).json().at("/area/residents").asInt();
    String file = collection(
        compound("翠园小区", box(108.901, 108.905, 34.201, 34.205)),
        building("A-1", "翠园1号楼", "翠园小区", 100, 250, point(108.902, 34.202)),
        building("A-2", "翠园2号楼", "翠园小区", 60, 150, box(108.9035, 108.9045, 34.2035, 34.2045)),
        building("A-3", "枫林苑1号楼", "枫林苑", 40, 90, box(108.950, 108.951, 34.250, 34.251)),
        building("A-4", "枫林苑2号楼", "枫林苑", 5, 11, point(108.955, 34.255)));
    JsonNode answer = postImport(file, "");
    assertThat(answer.get("stored").asInt()).isEqualTo(5);
    assertThat(answer.get("refused").asInt()).isZero();
    assertThat(answer.get("errors").size()).isZero();
    assertThat(households(MadeUpDistrict.GRID_WEST_1)).isEqualTo(west1 + 160);
    assertThat(households(MadeUpDistrict.WEST)).isEqualTo(west + 160);
    assertThat(households(MadeUpDistrict.GRID_EAST)).isEqualTo(east + 45);
    assertThat(households(MadeUpDistrict.DISTRICT)).isEqualTo(district + 205);
    assertThat(http.get("/api/v1/areas/" + MadeUpDistrict.GRID_EAST).json().at("/area/residents").asInt()).isEqualTo(eastResidents + 101);

    JsonNode drawn = compoundNamed("翠园小区"), derived = compoundNamed("枫林苑");
    assertThat(drawn.get("derived").asBoolean()).isFalse();
    assertThat(drawn.get("buildings").asInt()).isEqualTo(2);
    assertThat(drawn.get("households").asInt()).isEqualTo(160);
    assertThat(drawn.get("grids").toString()).isEqualTo("[\"" + MadeUpDistrict.GRID_WEST_1 + "\"]");
    assertThat(org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance.distance(geometry(drawn.get("outline")),
        box(108.901, 108.905, 34.201, 34.205))).as("the outline as drawn").isLessThan(1e-7);
    assertThat(derived.get("derived").asBoolean()).isTrue();
    assertThat(derived.get("households").asInt()).isEqualTo(45);
    Geometry outline = geometry(derived.get("outline"));
    assertThat(outline.covers(box(108.950, 108.951, 34.250, 34.251))).isTrue();
    assertThat(outline.covers(point(108.955, 34.255))).isTrue();
    assertThat(outline.covers(point(108.940, 34.240))).as("no farther than the hull and its margin").isFalse();

    JsonNode ogc = http.get("/ogcapi/collections/compounds/items?limit=100", "Accept", "application/geo+json").json();
    List<String> names = new ArrayList<>();
    ogc.get("features").forEach(f -> names.add(f.at("/properties/name").asString()));
    assertThat(names).contains("翠园小区", "枫林苑");
    JsonNode building = http.get("/ogcapi/collections/buildings/items/A-2", "Accept", "application/geo+json").json();
    assertThat(building.at("/properties/grid_code").asString()).isEqualTo(MadeUpDistrict.GRID_WEST_1);
    assertThat(building.at("/properties/compound").asString()).isEqualTo("翠园小区");
  }

  @Test
  void theExportImportsAgainAsItWas() {
    postImport(collection(
        compound("松园", box(108.931, 108.934, 34.231, 34.234)),
        building("X-1", "松园1号楼", "松园", 30, 70, box(108.932, 108.933, 34.232, 34.233))), "");
    Http.Response export = http.get("/api/v1/buildings/export", planner);
    assertThat(export.status()).isEqualTo(200);
    JsonNode features = export.json().get("features");
    JsonNode x1 = null, compound = null;
    for (JsonNode f : features) {
      if ("X-1".equals(f.at("/properties/code").asString(null))) x1 = f;
      if ("松园".equals(f.at("/properties/name").asString(null)) && "compound".equals(f.at("/properties/kind").asString())) compound = f;
    }
    assertThat(x1).isNotNull();
    assertThat(x1.at("/geometry/type").asString()).isEqualTo("MultiPolygon");
    assertThat(x1.at("/properties/households").asInt()).isEqualTo(30);
    assertThat(compound).isNotNull();
    int before = households(MadeUpDistrict.GRID_EAST);
    JsonNode again = postImport(export.body(), "?dryRun=true");
    assertThat(again.get("refused").asInt()).isZero();
    assertThat(again.get("stored").asInt()).isEqualTo(features.size());
    assertThat(households(MadeUpDistrict.GRID_EAST)).isEqualTo(before);
  }

  @Test
  void badFeaturesAreNamedAndNothingIsStored() {
    int district = households(MadeUpDistrict.DISTRICT);
    int buildings = buildingCount();
    String file = collection(
        building("B-1", "好楼", null, 10, 20, point(108.91, 34.21)),
        building("B-2", "负户数", null, -3, 20, point(108.91, 34.22)),
        building("B-1", "重复编码", null, 10, 20, point(108.91, 34.23)),
        building("B-4", "区外", null, 10, 20, point(109.50, 34.23)),
        building("B-5", "自交", null, 10, 20, bowTie()),
        compound(null, box(108.94, 108.95, 34.24, 34.25)));
    Http.Response refused = http.postJson("/api/v1/buildings/import", file, planner);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    List<String> fields = new ArrayList<>();
    refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields).containsExactly("features[1].properties.households", "features[2].properties.code",
        "features[3].geometry", "features[4].geometry", "features[5].properties.name");
    assertThat(households(MadeUpDistrict.DISTRICT)).isEqualTo(district);
    assertThat(buildingCount()).isEqualTo(buildings);

    JsonNode dry = postImport(file, "?dryRun=true");
    assertThat(dry.get("stored").asInt()).isEqualTo(1);
    assertThat(dry.get("refused").asInt()).isEqualTo(5);
    assertThat(buildingCount()).isEqualTo(buildings);

    JsonNode partial = postImport(file, "?partial=true");
    assertThat(partial.get("stored").asInt()).isEqualTo(1);
    assertThat(partial.get("refused").asInt()).isEqualTo(5);
    assertThat(partial.get("errors").size()).isEqualTo(5);
    assertThat(households(MadeUpDistrict.DISTRICT)).isEqualTo(district + 10);
    assertThat(buildingCount()).isEqualTo(buildings + 1);
  }

  @Test
  void reasonsAreInTheReadersLanguageAndOnlyPlannersImport() {
    String file = collection(building("C-1", "楼", null, -1, 0, point(108.91, 34.21)));
    Http.Response zh = http.postJson("/api/v1/buildings/import", file, concat(planner, "Accept-Language", "zh-CN"));
    assertThat(zh.json().at("/errors/0/reason").asString()).isEqualTo("不能为负数");
    Http.Response operator = http.postJson("/api/v1/buildings/import",
        collection(building("C-2", "楼", null, 1, 1, point(108.91, 34.21))), Http.basic("operator", TestEnvironment.DEMO_PASSWORD));
    assertThat(operator.status()).isEqualTo(403);
    Http.Response notANumber = http.postJson("/api/v1/buildings/import",
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[108.91,34.21]},"
            + "\"properties\":{\"code\":\"C-3\",\"households\":\"many\"}}]}", planner);
    assertThat(notANumber.status()).isEqualTo(400);
    assertThat(notANumber.json().at("/errors/0/field").asString()).isEqualTo("features[0].properties.households");
    assertThat(http.get("/api/v1/buildings/export").status()).isEqualTo(401);
  }

  /**
   * A survey delivery: a zipped Shapefile in EPSG:4545 (CM 108°E) and a GeoJSON file in the zone-prefixed EPSG:4524.
   * Projected constants by GDAL ({@code gdaltransform -s_srs EPSG:4326 -t_srs EPSG:4545 -output_xy}): (108.905, 34.205)
   * is (583408.137997776, 3786771.23561705); (108.952, 34.252) is (36587691.2420138, 3792024.51485545) in EPSG:4524.
   */
  @Test
  void aShapefileAndAGeoJsonFileInGaussKrugerZonesLandWhereTheirWgs84TwinsLand() throws Exception {
    var factory = new org.locationtech.jts.geom.GeometryFactory();
    var rows = List.of(new org.gridwatch.support.FeatureFiles.Row(
        factory.createPoint(new org.locationtech.jts.geom.Coordinate(583408.137997776, 3786771.23561705)),
        new java.util.LinkedHashMap<>(java.util.Map.of("code", "S-1", "name", "测绘楼", "households", 12L, "residents", 30L))));
    byte[] zip = org.gridwatch.support.FeatureFiles.zippedShapefile(4545, rows);
    int west1 = households(MadeUpDistrict.GRID_WEST_1);
    // as a browser form uploads it: multipart, part "file"
    Http.Response shp = http.upload("/api/v1/buildings/import", "delivery.zip", "application/zip", zip, planner);
    assertThat(shp.status()).as(shp.body()).isEqualTo(200);
    assertThat(households(MadeUpDistrict.GRID_WEST_1)).isEqualTo(west1 + 12);
    JsonNode s1 = http.get("/ogcapi/collections/buildings/items/S-1", "Accept", "application/geo+json").json();
    assertThat(s1.at("/geometry/coordinates/0").asDouble()).isCloseTo(108.905, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(s1.at("/geometry/coordinates/1").asDouble()).isCloseTo(34.205, org.assertj.core.data.Offset.offset(1e-6));

    String prefixed = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4524\"}},"
        + "\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[36587691.2420138,3792024.51485545]},"
        + "\"properties\":{\"code\":\"S-2\",\"households\":7}}]}";
    postImport(prefixed, "");
    JsonNode s2 = http.get("/ogcapi/collections/buildings/items/S-2", "Accept", "application/geo+json").json();
    assertThat(s2.at("/properties/grid_code").asString()).isEqualTo(MadeUpDistrict.GRID_EAST);
    assertThat(s2.at("/geometry/coordinates/0").asDouble()).isCloseTo(108.952, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(s2.at("/geometry/coordinates/1").asDouble()).isCloseTo(34.252, org.assertj.core.data.Offset.offset(1e-6));

    Http.Response undeclared = http.postJson("/api/v1/buildings/import", prefixed.replace(
        "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4524\"}},", "").replace("S-2", "S-3"), planner);
    assertThat(undeclared.status()).isEqualTo(400);
    assertThat(undeclared.json().at("/errors/0/field").asString()).isEqualTo("crs");
  }

  // ---------------------------------------------------------------- helpers

  JsonNode postImport(String file, String query) {
    Http.Response r = http.postJson("/api/v1/buildings/import" + query, file, planner);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  int households(String code) { return http.get("/api/v1/areas/" + code).json().at("/area/households").asInt(); }

  int buildingCount() {
    return http.get("/ogcapi/collections/buildings/items?limit=1", "Accept", "application/geo+json").json().get("numberMatched").asInt();
  }

  JsonNode compoundNamed(String name) {
    for (JsonNode c : http.get("/api/v1/compounds").json()) if (c.get("name").asString().equals(name)) return c;
    throw new AssertionError("no compound " + name);
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static Geometry geometry(JsonNode geoJson) { return GeoJson.read(geoJson, "outline"); }

  static Geometry point(double lon, double lat) { return Geometries.point(lon, lat); }

  static Geometry box(double west, double east, double south, double north) {
    return Geometries.FACTORY.toGeometry(new org.locationtech.jts.geom.Envelope(west, east, south, north));
  }

  /** A polygon crossing itself: invalid. */
  static Geometry bowTie() {
    return Geometries.FACTORY.createPolygon(new org.locationtech.jts.geom.Coordinate[] {
        new org.locationtech.jts.geom.Coordinate(108.92, 34.22), new org.locationtech.jts.geom.Coordinate(108.921, 34.221),
        new org.locationtech.jts.geom.Coordinate(108.921, 34.22), new org.locationtech.jts.geom.Coordinate(108.92, 34.221),
        new org.locationtech.jts.geom.Coordinate(108.92, 34.22)});
  }

  static String collection(String... features) {
    return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
  }

  static String building(String code, String name, String compound, int households, int residents, Geometry g) {
    return "{\"type\":\"Feature\",\"geometry\":" + GeoJson.toJson(g) + ",\"properties\":{\"code\":\"" + code + "\",\"name\":\""
        + name + "\"" + (compound == null ? "" : ",\"compound\":\"" + compound + "\"") + ",\"households\":" + households
        + ",\"residents\":" + residents + ",\"address\":\"测试路 " + code + "\"}}";
  }

  static String compound(String name, Geometry outline) {
    return "{\"type\":\"Feature\",\"geometry\":" + GeoJson.toJson(outline) + ",\"properties\":{\"kind\":\"compound\""
        + (name == null ? "" : ",\"name\":\"" + name + "\"") + "}}";
  }
}
