package org.gridwatch.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.gridwatch.geo.Crs;
import org.gridwatch.support.DemoFiles;
import org.gridwatch.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Point;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/locate} as a client sees it, checked against the demo files read by JTS (not by the server):
 * the right grid and chain for WGS84, CGCS2000, GCJ-02 and BD-09 input; clear problems for bad input.
 */
abstract class LocateApiContract {
  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  /** A point deep inside a grid (the centre of its largest inscribed circle), far from every edge. */
  static Point deepInside(DemoFiles.Feature grid) {
    return new MaximumInscribedCircle(grid.geometry(), 1e-6).getCenter();
  }

  static List<DemoFiles.Feature> sampleGrids(int n, long seed) {
    List<DemoFiles.Feature> grids = DemoFiles.read("grids");
    SplittableRandom r = new SplittableRandom(seed);
    List<DemoFiles.Feature> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(grids.get(r.nextInt(grids.size())));
    return out;
  }

  static String q(double v) { return String.format(Locale.ROOT, "%.8f", v); }

  @Test
  void wgs84PointsLandInTheirGridWithTheWholeChain() {
    for (DemoFiles.Feature grid : sampleGrids(25, 1)) {
      Point p = deepInside(grid);
      Http.Response r = http.get("/api/v1/locate?lon=" + q(p.getX()) + "&lat=" + q(p.getY()));
      assertThat(r.status()).isEqualTo(200);
      JsonNode body = r.json();
      assertThat(body.at("/grid/code").asString()).isEqualTo(grid.code());
      assertThat(body.at("/grid/name").asString()).isEqualTo(grid.name());
      assertThat(body.at("/community/code").asString()).isEqualTo(grid.parentCode());
      assertThat(body.at("/subdistrict/code").asString()).isEqualTo(grid.code().substring(0, 9));
      assertThat(body.at("/district/code").asString()).isEqualTo("370203");
      assertThat(body.at("/grid/households").asInt()).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void gcj02Bd09AndCgcs2000InputsAreConvertedBeforePlacing() {
    int movedElsewhere = 0;
    for (DemoFiles.Feature grid : sampleGrids(25, 2)) {
      Point p = deepInside(grid);
      for (Crs crs : new Crs[] {Crs.GCJ02, Crs.BD09, Crs.CGCS2000}) {
        double[] c = crs.fromWgs84(p.getX(), p.getY());
        JsonNode body = http.get("/api/v1/locate?lon=" + q(c[0]) + "&lat=" + q(c[1]) + "&crs=" + crs).json();
        assertThat(body.at("/grid/code").asString()).as("%s input for grid %s", crs, grid.code()).isEqualTo(grid.code());
        assertThat(body.at("/input/crs").asString()).isEqualTo(crs.name());
        assertThat(body.at("/location/coordinates/0").asDouble()).isCloseTo(p.getX(), org.assertj.core.api.Assertions.within(1e-6));
      }
      // The same GCJ-02 numbers taken as WGS84 land about 460 m away: the conversion matters.
      double[] gcj = Crs.GCJ02.fromWgs84(p.getX(), p.getY());
      Http.Response asWgs = http.get("/api/v1/locate?lon=" + q(gcj[0]) + "&lat=" + q(gcj[1]));
      if (asWgs.status() == 404 || !asWgs.json().at("/grid/code").asString().equals(grid.code())) movedElsewhere++;
    }
    assertThat(movedElsewhere).isGreaterThanOrEqualTo(23);
  }

  @Test
  void aPointOnASharedBoundaryGoesToTheLowestCodeOfTheGridsItTouches() {
    List<DemoFiles.Feature> grids = DemoFiles.read("grids");
    java.util.Map<org.locationtech.jts.geom.Coordinate, java.util.TreeSet<String>> owners = new java.util.HashMap<>();
    for (DemoFiles.Feature g : grids.subList(0, 200)) {
      for (var c : g.geometry().getCoordinates()) owners.computeIfAbsent(c, k -> new java.util.TreeSet<>()).add(g.code());
    }
    int checked = 0;
    for (var e : owners.entrySet()) {
      if (e.getValue().size() < 2 || checked >= 20) continue;
      var c = e.getKey();
      // The vertex lies on the boundary of every grid listed (and of none of the others' interiors).
      JsonNode body = http.get("/api/v1/locate?lon=" + c.x + "&lat=" + c.y).json();
      String lowest = grids.stream().filter(g -> g.geometry().intersects(g.geometry().getFactory().createPoint(c)))
          .map(DemoFiles.Feature::code).sorted().findFirst().orElseThrow();
      assertThat(body.at("/grid/code").asString()).as("vertex %s shared by %s", c, e.getValue()).isEqualTo(lowest);
      checked++;
    }
    assertThat(checked).isEqualTo(20);
  }

  @Test
  void batchLocateAnswersEveryPointInOrder() {
    List<DemoFiles.Feature> grids = sampleGrids(300, 3);
    StringBuilder body = new StringBuilder("{\"crs\":\"WGS84\",\"points\":[");
    for (int i = 0; i < grids.size(); i++) {
      Point p = deepInside(grids.get(i));
      body.append(i > 0 ? "," : "").append('[').append(q(p.getX())).append(',').append(q(p.getY())).append(']');
    }
    body.append(",[121.0,36.5]]}");
    Http.Response r = http.postJson("/api/v1/locate", body.toString());
    assertThat(r.status()).isEqualTo(200);
    JsonNode results = r.json().get("results");
    assertThat(results.size()).isEqualTo(grids.size() + 1);
    for (int i = 0; i < grids.size(); i++) {
      assertThat(results.get(i).get("index").asInt()).isEqualTo(i);
      assertThat(results.get(i).at("/grid/code").asString()).isEqualTo(grids.get(i).code());
    }
    JsonNode outside = results.get(grids.size());
    assertThat(outside.get("grid").isNull()).isTrue();
    assertThat(outside.get("problem").asString()).contains("outside").contains("市北区");
  }

  @Test
  void badNumbersAreRefusedNamingTheField() {
    assertProblem(http.get("/api/v1/locate?lon=120.35&lat=NaN"), 400, "lat", "finite");
    assertProblem(http.get("/api/v1/locate?lon=abc&lat=36.1"), 400, "lon", "not a number");
    assertProblem(http.get("/api/v1/locate?lat=36.1"), 400, "lon", "required");
    assertProblem(http.get("/api/v1/locate?lon=120.35&lat=Infinity"), 400, "lat", "finite");
    assertProblem(http.get("/api/v1/locate?lon=190&lat=36.1"), 400, "lon", "outside [-180, 180]");
    assertProblem(http.get("/api/v1/locate?lon=120.35&lat=36.1&crs=EPSG:3857"), 400, "crs", "unknown CRS");
  }

  @Test
  void swappedCoordinatesAreCalledOut() {
    assertProblem(http.get("/api/v1/locate?lon=36.09&lat=120.355"), 400, "lat", "lon and lat look swapped");
  }

  @Test
  void aPointOutsideTheDistrictIsA404ThatSaysSo() {
    Http.Response r = http.get("/api/v1/locate?lon=120.20&lat=36.30");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("type").asString()).isEqualTo("/problems/outside-district");
    assertThat(r.json().get("detail").asString()).contains("outside").contains("370203");
  }

  @Test
  void badBatchBodiesAreRefused() {
    assertProblem(http.postJson("/api/v1/locate", "{\"points\": [[120.35, 36.1]"), 400, "body", "malformed JSON");
    assertProblem(http.postJson("/api/v1/locate", "{\"points\": [[120.35, \"x\"]]}"), 400, "points[0][1]", "must be a number");
    assertProblem(http.postJson("/api/v1/locate", "{\"points\": [[120.35]]}"), 400, "points[0]", "two numbers");
    assertProblem(http.postJson("/api/v1/locate", "{\"points\": [[120.35, 36.1, 0]]}"), 400, "points[0]", "two numbers");
    assertProblem(http.postJson("/api/v1/locate", "{\"points\": [[120.35, 95]]}"), 400, "points[0][1]", "outside [-90, 90]");
    assertProblem(http.postJson("/api/v1/locate", "{\"points\": []}"), 400, "points", "at least one");
    assertProblem(http.postJson("/api/v1/locate", "{\"crs\": \"MARS\", \"points\": [[1, 2]]}"), 400, "crs", "unknown CRS");
    StringBuilder many = new StringBuilder("{\"points\":[");
    for (int i = 0; i <= LocateController.MAX_POINTS; i++) many.append(i > 0 ? "," : "").append("[120.35,36.1]");
    assertProblem(http.postJson("/api/v1/locate", many.append("]}").toString()), 400, "points", "at most 10000");
  }

  /** Issue 10: objects or arrays where numbers or strings belong answered 500. */
  @Test
  void batchBodiesWithWrongTypesNaNOrSwappedPointsAreRefusedNamingTheField() {
    assertProblem(http.postJson("/api/v1/locate", "{\"crs\": {\"name\": \"GCJ02\"}, \"points\": [[120.35, 36.1]]}"), 400, "crs", "must be a string");
    assertProblem(http.postJson("/api/v1/locate", "{\"crs\": [\"GCJ02\"], \"points\": [[120.35, 36.1]]}"), 400, "crs", "must be a string");
    assertProblem(http.postJson("/api/v1/locate", "{\"points\": [[{\"lon\": 120.35}, 36.1]]}"), 400, "points[0][0]", "must be a number");
    assertProblem(http.postJson("/api/v1/locate", "{\"points\": [[120.35, [36.1]]]}"), 400, "points[0][1]", "must be a number");
    assertProblem(http.postJson("/api/v1/locate", "{\"points\": {\"0\": [120.35, 36.1]}}"), 400, "points", "must be an array");
    assertProblem(http.postJson("/api/v1/locate", "{\"points\": [120.35, 36.1]}"), 400, "points[0]", "must be an array");
    assertProblem(http.postJson("/api/v1/locate", "{\"points\": \"120.35,36.1\"}"), 400, "points", "must be an array");
    assertProblem(http.postJson("/api/v1/locate", "{\"points\": [[120.35, 36.1], [\"NaN\", 36.1]]}"), 400, "points[1][0]", "finite");
    assertProblem(http.postJson("/api/v1/locate", "{\"points\": [[120.35, \"-Infinity\"]]}"), 400, "points[0][1]", "finite");
    assertProblem(http.postJson("/api/v1/locate", "{\"points\": [[181, 36.1]]}"), 400, "points[0][0]", "outside [-180, 180]");
    assertProblem(http.postJson("/api/v1/locate", "{\"points\": [[120.35, 1e400]]}"), 400, "points[0][1]", "");
    assertProblem(http.postJson("/api/v1/locate", "{\"points\": [[36.09, 120.355]]}"), 400, "points[0][1]", "lon and lat look swapped");
    assertProblem(http.postJson("/api/v1/locate", "{\"points\": [null]}"), 400, "points[0]", "two numbers");
    assertProblem(http.postJson("/api/v1/locate", "[[120.35, 36.1]]"), 400, "body", "");
    assertProblem(http.postJson("/api/v1/locate", "null"), 400, "body", "");
    assertProblem(http.get("/api/v1/locate?lon=120.35&lat=36.1&lat=36.2"), 400, "lat", "not a number");
    assertProblem(http.get("/api/v1/locate?lon=-Infinity&lat=36.1"), 400, "lon", "finite");
    assertProblem(http.get("/api/v1/locate?lon=120.35&lat=-91"), 400, "lat", "outside [-90, 90]");
  }

  @Test
  void oversizedBodiesAreRefusedBeforeTheyAreRead() throws Exception {
    String huge = "{\"points\":[" + "[120.35,36.1],".repeat(400_000) + "[120.35,36.1]]}";
    Http.Response declared = http.postJson("/api/v1/locate", huge);
    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.json().get("type").asString()).isEqualTo("/problems/body-too-large");
    // Without a Content-Length (chunked), the limit is enforced while reading.
    var chunked = java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.url("/api/v1/locate")))
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
            () -> new java.io.ByteArrayInputStream(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build();
    var response = java.net.http.HttpClient.newHttpClient().send(chunked, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
  }

  static void assertProblem(Http.Response r, int status, String field, String reasonPart) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode errors = r.json().get("errors");
    assertThat(errors).as(r.body()).isNotNull();
    assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
    assertThat(errors.get(0).get("reason").asString()).contains(reasonPart);
  }
}
