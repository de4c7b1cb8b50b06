package org.gridwatch.skynet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13: a camera's live view (GB/T 28181 device id or URL), set by the command centre and shown with the cameras
 * that see a case's place.
 */
abstract class CameraLiveViewContract {
  @LocalServerPort int port;
  static final String[] OPERATOR = Http.basic("operator", TestEnvironment.DEMO_PASSWORD);

  /** A working all-round camera of the demo's sky net: it sees every point a few metres from it. */
  JsonNode domeCamera(Http http, int skip) {
    int seen = 0;
    for (JsonNode c : http.get("/api/v1/cameras", OPERATOR).json()) {
      if (c.get("type").asString().equals("DOME") && c.get("status").asString().equals("ONLINE") && seen++ == skip) return c;
    }
    throw new AssertionError("the demo has no working dome camera");
  }

  String caseNear(Http http, JsonNode camera) {
    double lon = camera.get("lon").asDouble() + 0.00003, lat = camera.get("lat").asDouble(); // about 3 m east
    Http.Response r = http.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"路口垃圾\"}", lon, lat));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  JsonNode seeing(Http http, String caseId, String code) {
    Http.Response r = http.get("/api/v1/incidents/" + caseId + "/cameras", OPERATOR);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    for (JsonNode c : r.json().get("cameras")) if (c.get("code").asString().equals(code)) return c;
    throw new AssertionError(code + " is not among the cameras that see " + caseId + ": " + r.body());
  }

  @Test
  void theCommandCentreSetsALiveViewAndTheCaseShowsItWithTheCamerasThatSeeThePlace() {
    Http http = new Http(port);
    JsonNode camera = domeCamera(http, 0);
    String code = camera.get("code").asString(), id = caseNear(http, camera);
    JsonNode before = seeing(http, id, code);
    assertThat(before.get("liveView").isNull()).as("empty by default").isTrue();
    assertThat(before.get("distanceM").asLong()).isBetween(1L, 5L);
    assertThat(before.get("sector").get("type").asString()).isEqualTo("Polygon");

    String device = "37020300001320000001";
    Http.Response set = http.patch("/api/v1/cameras/" + code, "{\"liveView\":\"" + device + "\"}", OPERATOR);
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.json().get("liveView").asString()).isEqualTo(device);
    assertThat(seeing(http, id, code).get("liveView").asString()).isEqualTo(device);

    String url = "https://video.example.org/live/" + code;
    assertThat(http.patch("/api/v1/cameras/" + code, "{\"liveView\":\"" + url + "\"}", OPERATOR).status()).isEqualTo(200);
    assertThat(seeing(http, id, code).get("liveView").asString()).isEqualTo(url);
    // Setting the live view changes nothing else of the camera.
    JsonNode after = http.get("/api/v1/cameras/" + code, OPERATOR).json();
    assertThat(after.get("lon").asDouble()).isEqualTo(camera.get("lon").asDouble());
    assertThat(after.get("rangeM").asDouble()).isEqualTo(camera.get("rangeM").asDouble());

    assertThat(http.patch("/api/v1/cameras/" + code, "{\"liveView\":\"\"}", OPERATOR).status()).isEqualTo(200);
    assertThat(seeing(http, id, code).get("liveView").isNull()).as("blank clears it").isTrue();
  }

  @Test
  void aBadLiveViewIsRefusedNamingTheFieldAndLeavesTheOldOne() {
    Http http = new Http(port);
    JsonNode camera = domeCamera(http, 1);
    String code = camera.get("code").asString();
    assertThat(http.patch("/api/v1/cameras/" + code, "{\"liveView\":\"rtsp://10.0.0.8/stream1\"}", OPERATOR).status()).isEqualTo(200);
    for (String bad : new String[] {"javascript:alert(1)", "ftp://files.example.org/x", "two words", "x".repeat(501)}) {
      Http.Response r = http.patch("/api/v1/cameras/" + code, "{\"liveView\":\"" + bad + "\"}", OPERATOR);
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.json().at("/errors/0/field").asString()).as(bad).isEqualTo("liveView");
    }
    Http.Response wrongType = http.patch("/api/v1/cameras/" + code, "{\"liveView\":[\"1\"]}", OPERATOR);
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(http.patch("/api/v1/cameras/NO-SUCH-CAMERA", "{\"liveView\":\"1\"}", OPERATOR).status()).isEqualTo(404);
    String id = caseNear(http, camera);
    assertThat(seeing(http, id, code).get("liveView").asString()).isEqualTo("rtsp://10.0.0.8/stream1");
  }

  @Test
  void onlyThoseWhoMayReadPoliceInformationSeeTheCamerasOfACase() {
    Http http = new Http(port);
    JsonNode camera = domeCamera(http, 2);
    String id = caseNear(http, camera);
    assertThat(http.get("/api/v1/incidents/" + id + "/cameras").status()).isEqualTo(401);
    assertThat(http.get("/api/v1/incidents/" + id + "/cameras", Http.basic("gridworker", TestEnvironment.DEMO_PASSWORD)).status())
        .isEqualTo(403);
    assertThat(http.patch("/api/v1/cameras/" + camera.get("code").asString(), "{\"liveView\":\"1\"}",
        Http.basic("gridworker", TestEnvironment.DEMO_PASSWORD)).status()).isEqualTo(403);
    assertThat(http.get("/api/v1/incidents/GW-NO-SUCH/cameras", OPERATOR).status()).isEqualTo(404);
  }
}
