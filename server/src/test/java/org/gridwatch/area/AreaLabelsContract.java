package org.gridwatch.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gridwatch.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/areas/labels}: what a tile-drawn map labels and fills its grids by, for the areas whose label
 * point is in view — checked against the OGC API's grids (their {@code label_point} and households).
 */
abstract class AreaLabelsContract {
  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  @Test
  void theGridsOfAViewAreThoseWhoseLabelPointIsInItWithTheirHouseholds() {
    JsonNode grids = http.get("/ogcapi/collections/grids/items?limit=10000", "Accept", "application/geo+json").json().get("features");
    JsonNode some = grids.get(grids.size() / 2).get("properties");
    double lon = some.get("label_point").get(0).asDouble(), lat = some.get("label_point").get(1).asDouble();
    double w = lon - 0.01, s = lat - 0.01, e = lon + 0.01, n = lat + 0.01;
    List<String> expected = new ArrayList<>();
    for (JsonNode g : grids) {
      double x = g.at("/properties/label_point/0").asDouble(), y = g.at("/properties/label_point/1").asDouble();
      if (x >= w && x <= e && y >= s && y <= n) expected.add(g.get("id").asString());
    }
    JsonNode answer = http.get("/api/v1/areas/labels?level=grids&bbox=%s,%s,%s,%s".formatted(w, s, e, n)).json();
    List<String> codes = new ArrayList<>();
    answer.get("areas").forEach(a -> codes.add(a.get("code").asString()));
    assertThat(codes).containsExactlyInAnyOrderElementsOf(expected).contains(some.get("code").asString());
    assertThat(answer.get("truncated").asBoolean()).isFalse();
    JsonNode mine = null;
    for (JsonNode a : answer.get("areas")) if (a.get("code").asString().equals(some.get("code").asString())) mine = a;
    assertThat(mine.get("households").asInt()).isEqualTo(some.get("households").asInt());
    assertThat(mine.get("name").asString()).isEqualTo(some.get("name").asString());
    assertThat(mine.get("parent").asString()).isEqualTo(some.get("community_code").asString());
    assertThat(mine.get("at").get(0).asDouble()).isEqualTo(lon);
    assertThat(mine.get("at").get(1).asDouble()).isEqualTo(lat);
  }

  @Test
  void aViewAwayFromTheDistrictHasNoLabels() {
    assertThat(http.get("/api/v1/areas/labels?level=communities&bbox=10,10,10.1,10.1").json().get("areas").size()).isZero();
  }

  @Test
  void aBadLevelOrViewIsRefusedNamingTheField() {
    for (String q : List.of("level=grids&bbox=1,2,3", "level=grids&bbox=3,2,1,4", "level=grids&bbox=a,b,c,d",
        "level=grids&bbox=0,0,200,10", "level=grids")) {
      Http.Response r = http.get("/api/v1/areas/labels?" + q);
      assertThat(r.status()).as(q).isEqualTo(400);
      assertThat(r.json().get("errors").get(0).get("field").asString()).as(q).isEqualTo("bbox");
    }
    Http.Response r = http.get("/api/v1/areas/labels?level=districts&bbox=0,0,1,1");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("level");
  }
}
