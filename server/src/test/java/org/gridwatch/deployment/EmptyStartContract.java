package org.gridwatch.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridwatch.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A district's first start: the demo disabled, nothing imported yet. The server comes UP, says no district is
 * loaded, and every map layer is empty rather than failing — the state a district office starts its imports from.
 */
abstract class EmptyStartContract {
  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  @Test
  void anEmptyDeploymentIsUpAndSaysNoDistrictIsLoaded() {
    assertThat(http.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
    JsonNode district = http.get("/api/v1/district").json();
    assertThat(district.get("loaded").asBoolean()).isFalse();
    assertThat(district.get("extent").isNull()).isTrue();
    assertThat(district.at("/metricCrs/chosenBy").asString()).isEqualTo("none");
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
