package org.gridwatch.skynet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gridwatch.area.MadeUpDistrict;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Cameras, obstacles and patrol routes sent in the CGCS2000 Gauss–Krüger coordinates survey offices deliver land where
 * their WGS84 twins land, in a district that is not the demo ({@link MadeUpDistrict}, zone CM 108°E).
 *
 * <p>The projected constants were computed independently of Gridwatch, with GDAL 3 ({@code gdaltransform -s_srs
 * EPSG:4326 -t_srs EPSG:4545 -output_xy}, and {@code -t_srs EPSG:4524} for the zone-prefixed easting):
 * <pre>
 *   WGS84 lon, lat         EPSG:4545 easting, northing            EPSG:4524 easting, northing
 *   108.912,  34.212       584046.354399009, 3787553.50652403     36584046.354399, 3787553.50652403
 *   108.905,  34.205       583408.137997776, 3786771.23561705
 *   108.925,  34.225       585231.328176405, 3789006.41823756
 *   108.9505, 34.2505      587554.622140821, 3791856.82472331
 *   108.9515, 34.2505      587646.739547739, 3791857.68532721
 *   108.9515, 34.2515      587645.702605404, 3791968.61790809
 *   108.9505, 34.2515      587553.586288596, 3791967.75729231
 * </pre>
 * One millionth of a degree (about 0.1 m) is the tolerance: CGCS2000 and WGS84 are taken as one.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.gridwatch.support.RestoresMetricZone.class)
abstract class SurveyCoordinatesContract {
  static final double DEGREE_TOLERANCE = 1e-6;

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired ObstacleRepository obstacles;
  Http http;
  String[] admin = Http.basic("admin", TestEnvironment.DEMO_PASSWORD);




  @BeforeEach
  void district() {
    MadeUpDistrict.load(context);
    http = new Http(port);
  }

  @Test
  void camerasInAGaussKrugerZoneLandWhereTheirWgs84TwinsLand() {
    JsonNode answer = importCameras("{\"type\":\"FeatureCollection\","
        + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4545\"}},\"features\":["
        + camera("GK-1", "584046.354399009, 3787553.50652403") + "]}", "");
    assertThat(answer.get("stored").asInt()).as(answer.toString()).isEqualTo(1);
    importCameras("{\"type\":\"FeatureCollection\",\"features\":[" + camera("WG-1", "108.912, 34.212") + "]}", "");
    JsonNode twin = http.get("/api/v1/cameras/WG-1", admin).json();
    for (String code : new String[] {"GK-1"}) {
      JsonNode c = http.get("/api/v1/cameras/" + code, admin).json();
      assertThat(c.get("lon").asDouble()).isCloseTo(108.912, within(DEGREE_TOLERANCE));
      assertThat(c.get("lat").asDouble()).isCloseTo(34.212, within(DEGREE_TOLERANCE));
      assertThat(c.get("gridCode").asString()).isEqualTo(twin.get("gridCode").asString()).isEqualTo(MadeUpDistrict.GRID_WEST_1);
    }
  }

  @Test
  void csvCamerasTakeTheZonePrefixedEastingAndNorthingFirstIsReadSwapped() {
    Http.Response csv = http.post("/api/v1/cameras/import?crs=EPSG:4524", "code,lon,lat,type,range\nGK-2,36584046.354399,3787553.50652403,DOME,50\n",
        "text/csv", admin);
    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
    assertThat(csv.json().get("stored").asInt()).as(csv.body()).isEqualTo(1);
    importCameras("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4545\"}},"
        + "\"features\":[" + camera("GK-3", "3787553.50652403, 584046.354399009") + "]}", "");
    for (String code : new String[] {"GK-2", "GK-3"}) {
      JsonNode c = http.get("/api/v1/cameras/" + code, admin).json();
      assertThat(c.get("lon").asDouble()).as(code).isCloseTo(108.912, within(DEGREE_TOLERANCE));
      assertThat(c.get("lat").asDouble()).as(code).isCloseTo(34.212, within(DEGREE_TOLERANCE));
    }
  }

  @Test
  void aCrsNotAcceptedOrNumbersOutsideTheZoneAreRefusedAndNothingIsStored() {
    Http.Response mercator = http.postJson("/api/v1/cameras/import", "{\"type\":\"FeatureCollection\","
        + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:3857\"}},\"features\":[" + camera("BAD-1", "12124000, 4056000") + "]}", admin);
    assertThat(mercator.status()).isEqualTo(400);
    assertThat(mercator.json().at("/errors/0/field").asString()).isEqualTo("crs");
    assertThat(http.get("/api/v1/cameras/BAD-1", admin).status()).isEqualTo(404);
    JsonNode degrees = importCameras("{\"type\":\"FeatureCollection\","
        + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4545\"}},\"features\":[" + camera("BAD-2", "108.912, 34.212") + "]}", "");
    assertThat(degrees.get("refused").asInt()).isEqualTo(1);
    assertThat(degrees.at("/errors/0/field").asString()).isEqualTo("rows[0].lon");
    assertThat(degrees.at("/errors/0/reason").asString()).as("degrees read as metres fall far away").contains("outside the district");
    assertThat(http.get("/api/v1/cameras/BAD-2", admin).status()).isEqualTo(404);
    Http.Response disagree = http.postJson("/api/v1/routes?crs=EPSG:4545", route("R-BAD", "EPSG:4546",
        "[583408.137997776, 3786771.23561705], [585231.328176405, 3789006.41823756]"), admin);
    assertThat(disagree.status()).isEqualTo(400);
    assertThat(disagree.json().at("/errors/0/field").asString()).isEqualTo("crs");
    assertThat(http.get("/api/v1/routes/R-BAD", admin).status()).isEqualTo(404);
  }

  @Test
  void obstaclesAndRoutesInTheZoneLandOnTheirWgs84Corners() {
    Http.Response imported = http.postJson("/api/v1/obstacles/import?crs=EPSG:4545", "{\"type\":\"FeatureCollection\",\"features\":["
        + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[587554.622140821, 3791856.82472331],"
        + "[587646.739547739, 3791857.68532721],[587645.702605404, 3791968.61790809],[587553.586288596, 3791967.75729231],"
        + "[587554.622140821, 3791856.82472331]]]},\"properties\":{\"code\":\"OB-GK\",\"height_m\":20}}]}", admin);
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().get("stored").asInt()).isEqualTo(1);
    Coordinate[] corners = obstacles.findById("OB-GK").orElseThrow().boundary().getCoordinates();
    double[][] expected = {{108.9505, 34.2505}, {108.9515, 34.2505}, {108.9515, 34.2515}, {108.9505, 34.2515}};
    for (double[] e : expected) {
      assertThat(java.util.Arrays.stream(corners).anyMatch(c -> Math.abs(c.x - e[0]) < DEGREE_TOLERANCE && Math.abs(c.y - e[1]) < DEGREE_TOLERANCE))
          .as("a corner at %s", java.util.Arrays.toString(e)).isTrue();
    }

    Http.Response route = http.postJson("/api/v1/routes", route("R-GK", "EPSG:4545",
        "[583408.137997776, 3786771.23561705], [585231.328176405, 3789006.41823756]"), admin);
    assertThat(route.status()).as(route.body()).isEqualTo(201);
    JsonNode geometry = route.json().get("geometry");
    JsonNode line = geometry.get("type").asString().equals("MultiLineString") ? geometry.at("/coordinates/0") : geometry.get("coordinates");
    assertThat(line.get(0).get(0).asDouble()).isCloseTo(108.905, within(DEGREE_TOLERANCE));
    assertThat(line.get(0).get(1).asDouble()).isCloseTo(34.205, within(DEGREE_TOLERANCE));
    assertThat(line.get(1).get(0).asDouble()).isCloseTo(108.925, within(DEGREE_TOLERANCE));
    assertThat(line.get(1).get(1).asDouble()).isCloseTo(34.225, within(DEGREE_TOLERANCE));
  }

  JsonNode importCameras(String body, String query) {
    Http.Response r = http.postJson("/api/v1/cameras/import" + query, body, admin);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  static String camera(String code, String position) {
    return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + position + "]},"
        + "\"properties\":{\"code\":\"" + code + "\",\"type\":\"DOME\",\"range\":50}}";
  }

  static String route(String code, String crs, String positions) {
    return "{\"code\":\"" + code + "\",\"name\":\"巡逻线\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"" + crs + "\"}},"
        + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[" + positions + "]},\"mode\":\"FOOT\",\"width\":30,"
        + "\"schedule\":[{\"days\":\"MON-FRI\",\"start\":\"08:00\",\"end\":\"10:00\",\"passes\":2}]}";
  }
}
