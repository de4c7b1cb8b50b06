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
}
