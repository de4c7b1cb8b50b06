package org.gridwatch.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * With {@code gridwatch.demo-data.enabled=false} on an empty database the product's own start-up still runs and
 * finishes: the status says ready, health is UP, and nothing of the demo is there — no roster, cameras, routes or
 * cases — while the accounts to sign in with and import a district's own data exist.
 */
abstract class EmptyStartupContract {
  @LocalServerPort int port;
  Http http;
  String[] admin;

  @BeforeEach
  void client() {
    http = new Http(port);
    admin = Http.basic("admin", TestEnvironment.DEMO_PASSWORD);
  }

  @Test
  void startUpFinishesAndSaysReady() {
    JsonNode status = http.get("/api/v1/status").json();
    assertThat(status.get("ready").asBoolean()).isTrue();
    assertThat(status.get("stage").asString()).isEqualTo("ready");
    assertThat(status.at("/message/en").asString()).isEqualTo("Ready");
    assertThat(http.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
  }

  @Test
  void nothingOfTheDemoIsThere() {
    for (String path : new String[] {"/api/v1/cameras", "/api/v1/routes"}) {
      Http.Response r = http.get(path, admin);
      assertThat(r.status()).as(path).isEqualTo(200);
      assertThat(r.json().size()).as(path).isZero();
    }
    Http.Response cases = http.get("/api/v1/incidents?status=CLOSED", admin);
    assertThat(cases.status()).isEqualTo(200);
    assertThat(cases.json().get("items").size()).isZero();
    Http.Response gaps = http.get("/api/v1/roster/gaps", admin);
    assertThat(gaps.json().get("grids").asInt()).isZero();
    Http.Response roster = http.get("/api/v1/grids/370203014001001/roster", admin);
    assertThat(roster.status() == 404 || roster.json().path("gridMember").isNull()).as(roster.body()).isTrue();
  }

  @Test
  void anEmptyDeploymentSaysNoDistrictIsLoaded() {
    JsonNode district = http.get("/api/v1/district").json();
    assertThat(district.get("loaded").asBoolean()).isFalse();
    assertThat(district.get("extent").isNull()).isTrue();
    assertThat(district.at("/metricCrs/chosenBy").asString()).isEqualTo("none");
    assertThat(http.get("/api/v1/config").json().get("dataAttribution").asString()).as("not the demo's credit")
        .doesNotContain("OpenStreetMap contributors (ODbL)");
  }

  @Test
  void theLayersAreEmptyNotBroken() {
    Http.Response grids = http.get("/ogcapi/collections/grids/items?limit=10", "Accept", "application/geo+json");
    assertThat(grids.status()).isEqualTo(200);
    assertThat(grids.json().get("features").size()).isZero();
    Http.Response found = http.get("/api/v1/areas?q=1");
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.json().size()).isZero();
    Http.Response located = http.get("/api/v1/locate?lon=120.38&lat=36.09");
    assertThat(located.status()).isEqualTo(404);
    assertThat(located.contentType()).startsWith("application/problem+json");
  }
}
