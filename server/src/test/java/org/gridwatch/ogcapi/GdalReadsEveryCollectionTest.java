package org.gridwatch.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.gridwatch.support.DemoFiles;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.gridwatch.support.OnH2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** GDAL's own OGC API – Features driver ({@code ogrinfo OAPIF:...}) lists and reads every collection. */
@OnH2
@EnabledIf("org.gridwatch.support.TestEnvironment#gdalAvailable")
class GdalReadsEveryCollectionTest {
  @LocalServerPort int port;

  String ogrinfo(String... args) throws IOException, InterruptedException { return ogrinfoAs(null, args); }

  /** ogrinfo signed in with HTTP Basic ({@code GDAL_HTTP_USERPWD}) when a user is given. */
  String ogrinfoAs(String user, String... args) throws IOException, InterruptedException {
    String[] cmd = new String[args.length + 2];
    cmd[0] = "ogrinfo";
    cmd[1] = "-ro";
    System.arraycopy(args, 0, cmd, 2, args.length);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (user != null) pb.environment().put("GDAL_HTTP_USERPWD", user + ":" + TestEnvironment.DEMO_PASSWORD);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void gdalListsTheFourCollections() throws Exception {
    String out = ogrinfo("OAPIF:http://localhost:" + port + "/ogcapi");
    assertThat(out).contains("subdistricts", "communities", "grids", "buildings").contains("(Multi Polygon)").contains("(Point)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"subdistricts", "communities", "grids", "buildings"})
  void gdalReadsEveryFeatureFollowingNextLinks(String collection) throws Exception {
    String out = ogrinfo("-al", "-q", "OAPIF:http://localhost:" + port + "/ogcapi", collection);
    long features = out.lines().filter(l -> l.startsWith("OGRFeature(")).count();
    assertThat(features).isEqualTo(DemoFiles.read(collection).size());
    assertThat(out).contains("code (String) = 370203");
  }

  @ParameterizedTest
  @ValueSource(strings = {"cameras", "patrol-routes", "grid-coverage"})
  void gdalReadsTheSkyNetAndGroundNetWhenSignedIn(String collection) throws Exception {
    String[] police = Http.basic("police", TestEnvironment.DEMO_PASSWORD);
    long expected = new Http(port).get("/ogcapi/collections/" + collection + "/items?limit=1", police).json()
        .get("numberMatched").asLong();
    String out = ogrinfoAs("police", "-al", "-q", "OAPIF:http://localhost:" + port + "/ogcapi", collection);
    assertThat(out.lines().filter(l -> l.startsWith("OGRFeature(")).count()).isEqualTo(expected).isPositive();
    assertThat(ogrinfo("OAPIF:http://localhost:" + port + "/ogcapi")).doesNotContain(collection);
  }

  /**
   * Part 2 as GDAL reads it: the grids asked for in EPSG:4549 (CGCS2000 Gauss–Krüger CM 120E, the district's survey
   * CRS) through GDAL's GeoJSON driver (GDAL 3.6's OAPIF driver has no CRS option), with the SRS set explicitly
   * because GeoJSON readers assume lon/lat, match the EPSG:4326 grids transformed independently by
   * {@code gdaltransform} within 1 cm. EPSG:4549's axes are northing, easting: that is the order served, and GDAL,
   * which reads GeoJSON positions as x, y as given, reports them so.
   */
  @Test
  void gdalReadsGridsInEpsg4549MatchingGdaltransformOfTheWgs84OnesWithinACentimetre() throws Exception {
    String items = "http://localhost:" + port + "/ogcapi/collections/grids/items?f=json&limit=15";
    String read = run(null, "ogr2ogr", "-f", "GeoJSON", "-a_srs", "EPSG:4549", "-lco", "COORDINATE_PRECISION=4", "/vsistdout/",
        items + "&crs=http://www.opengis.net/def/crs/EPSG/0/4549");
    tools.jackson.databind.JsonNode metres = tools.jackson.databind.json.JsonMapper.builder().build().readTree(read);
    assertThat(metres.at("/crs/properties/name").asString()).as(read.substring(0, Math.min(400, read.length()))).contains("4549");
    tools.jackson.databind.JsonNode lonLat = new Http(port).get("/ogcapi/collections/grids/items?limit=15").json();
    assertThat(metres.get("features").size()).isEqualTo(15);
    java.util.List<double[]> wgs84 = new java.util.ArrayList<>();
    java.util.List<Integer> featureOf = new java.util.ArrayList<>();
    for (int i = 0; i < 15; i++) {
      assertThat(metres.at("/features/" + i + "/properties/code").asString()).isEqualTo(lonLat.at("/features/" + i + "/id").asString());
      for (double[] p : OgcApiContract.coordinates(lonLat.at("/features/" + i + "/geometry"))) {
        wgs84.add(p);
        featureOf.add(i);
      }
    }
    StringBuilder in = new StringBuilder();
    wgs84.forEach(p -> in.append(p[0]).append(' ').append(p[1]).append('\n'));
    java.util.List<double[]> eastNorth = run(in.toString(), "gdaltransform", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:4549")
        .lines().filter(l -> !l.isBlank()).map(l -> l.trim().split("\\s+"))
        .map(t -> new double[] {Double.parseDouble(t[0]), Double.parseDouble(t[1])}).toList();
    assertThat(eastNorth).hasSameSizeAs(wgs84);
    int compared = 0;
    for (int i = 0; i < 15; i++) {
      final int feature = i;
      java.util.List<double[]> expected = new java.util.ArrayList<>();
      for (int k = 0; k < eastNorth.size(); k++) if (featureOf.get(k) == feature) expected.add(eastNorth.get(k));
      java.util.List<double[]> got = OgcApiContract.coordinates(metres.at("/features/" + i + "/geometry"));
      assertThat(got).hasSameSizeAs(expected);
      for (double[] g : got) { // g = northing, easting; rings may run the other way round, so match vertex by vertex
        double nearest = expected.stream().mapToDouble(e -> Math.hypot(e[1] - g[0], e[0] - g[1])).min().orElseThrow();
        assertThat(nearest).as("vertex %s,%s of grid %s", g[0], g[1], feature).isLessThan(0.01);
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(100);
  }

  /** Runs a GDAL command (stdin fed when given) and returns its standard output; fails on a non-zero exit. */
  static String run(String stdin, String... cmd) throws IOException, InterruptedException {
    java.io.File errors = java.io.File.createTempFile("gdal", ".err");
    errors.deleteOnExit();
    Process p = new ProcessBuilder(cmd).redirectError(errors).start();
    if (stdin != null) {
      try (var w = p.getOutputStream()) { w.write(stdin.getBytes(StandardCharsets.UTF_8)); }
    } else {
      p.getOutputStream().close();
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + java.nio.file.Files.readString(errors.toPath())).isZero();
    return out;
  }
}
