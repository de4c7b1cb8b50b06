package org.gridwatch.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridwatch.support.DemoFiles;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Service deserts against an independent computation: every building against every point offering the service, by
 * haversine (great-circle) distance, each building placed in its grid by the demo file's outlines. The server measures
 * in its Gauss–Krüger zone (within 0.1 % of the geodesic); a building that close to the distance may go either way, so
 * the server's affected residents per grid must lie between the oracle's at 0.2 % less and 0.2 % more distance.
 */
abstract class ServiceDesertsContract {
  static final String[] ADMIN = Http.basic("admin", TestEnvironment.DEMO_PASSWORD);
  static final double EARTH_RADIUS_M = 6_371_008.8;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  record Building(double lon, double lat, int residents) {}

  @Test
  void desertsMatchABruteForceComputationOverBuildings() {
    // points offering REPAIR in three grids of different subdistricts, beside whatever the demo offers
    long org = ServiceFixtures.organisation(jdbc, "维修服务社（合成）", "SERVICE_PROVIDER");
    List<String> grids = DemoFiles.read("grids").stream().map(DemoFiles.Feature::code).toList();
    for (String grid : List.of(grids.get(0), grids.get(grids.size() / 2), grids.get(grids.size() - 1))) {
      Point at = ServiceFixtures.inside(grid);
      Http.Response p = http.postJson("/api/v1/service-points", "{\"name\":\"维修点（合成）\",\"kind\":\"COMMUNITY_SERVICE_CENTRE\","
          + ServiceFixtures.lonLat(at) + ",\"organisation\":" + org + "}", ADMIN);
      assertThat(p.status()).as(p.body()).isEqualTo(201);
      Http.Response o = http.postJson("/api/v1/services", "{\"service\":\"REPAIR\",\"servicePoint\":" + p.json().get("id").asLong()
          + ",\"organisation\":" + org + "}", ADMIN);
      assertThat(o.status()).as(o.body()).isEqualTo(201);
    }
    List<double[]> points = pointsOffering("REPAIR");
    assertThat(points).hasSizeGreaterThanOrEqualTo(3);
    List<Building> buildings = jdbc.query("SELECT ST_X(location), ST_Y(location), residents FROM building",
        (rs, i) -> new Building(rs.getDouble(1), rs.getDouble(2), rs.getInt(3)));
    Map<Building, String> gridOf = placeInGrids(buildings);

    for (int distance : new int[] {300, 800}) {
      JsonNode answer = http.get("/api/v1/services/deserts?service=REPAIR&distance=" + distance).json();
      assertThat(answer.get("method").asString()).isEqualTo("straight-line");
      Map<String, Integer> server = new HashMap<>();
      for (JsonNode g : answer.get("grids")) {
        assertThat(g.get("residentsAffected").asInt()).isPositive();
        assertThat(g.get("residentsAffected").asInt()).isLessThanOrEqualTo(g.get("residents").asInt());
        server.put(g.get("code").asString(), g.get("residentsAffected").asInt());
      }
      Map<String, Integer> fewer = affected(buildings, gridOf, points, distance * 1.002);
      Map<String, Integer> more = affected(buildings, gridOf, points, distance * 0.998);
      Set<String> codes = new HashSet<>(more.keySet());
      codes.addAll(server.keySet());
      assertThat(more).as("the oracle finds deserts at %d m: the comparison is not vacuous", distance).isNotEmpty();
      for (String code : codes) {
        int s = server.getOrDefault(code, 0);
        assertThat(s).as("grid %s at %d m", code, distance).isBetween(fewer.getOrDefault(code, 0), more.getOrDefault(code, 0));
      }
    }
    JsonNode near = http.get("/api/v1/services/deserts?service=REPAIR&distance=300").json();
    JsonNode far = http.get("/api/v1/services/deserts?service=REPAIR&distance=800").json();
    assertThat(far.get("grids").size()).as("a longer walk leaves fewer deserts").isLessThanOrEqualTo(near.get("grids").size());

    Http.Response ogc = http.get("/ogcapi/collections/service-deserts/items?service=REPAIR&distance=300&limit=10000",
        "Accept", "application/geo+json");
    assertThat(ogc.status()).as(ogc.body()).isEqualTo(200);
    Map<String, Integer> layer = new HashMap<>();
    for (JsonNode f : ogc.json().get("features")) layer.put(f.get("id").asString(), f.at("/properties/residentsAffected").asInt());
    Map<String, Integer> api = new HashMap<>();
    for (JsonNode g : near.get("grids")) api.put(g.get("code").asString(), g.get("residentsAffected").asInt());
    assertThat(layer).isEqualTo(api);
    assertThat(http.get("/ogcapi/collections/service-deserts/items").status()).as("the service is required").isEqualTo(400);
  }

  @Test
  void badParametersAreRefusedNamingThem() {
    Http.Response noService = http.get("/api/v1/services/deserts?distance=500");
    assertThat(noService.status()).isEqualTo(400);
    assertThat(noService.json().at("/errors/0/field").asString()).isEqualTo("service");
    Http.Response far = http.get("/api/v1/services/deserts?service=REPAIR&distance=90000");
    assertThat(far.status()).isEqualTo(400);
    assertThat(far.json().at("/errors/0/field").asString()).isEqualTo("distance");
    assertThat(http.get("/api/v1/services/deserts?service=CASINO").status()).isEqualTo(400);
  }

  /** The points (lon, lat) where a service is offered, as the public catalogue and layer say. */
  List<double[]> pointsOffering(String service) {
    Set<Long> ids = new HashSet<>();
    for (JsonNode o : http.get("/api/v1/services?service=" + service).json()) {
      if (!o.get("servicePoint").isNull()) ids.add(o.at("/servicePoint/id").asLong());
    }
    List<double[]> out = new ArrayList<>();
    for (JsonNode p : http.get("/api/v1/service-points").json()) {
      if (ids.contains(p.get("id").asLong())) out.add(new double[] {p.get("lon").asDouble(), p.get("lat").asDouble()});
    }
    return out;
  }

  static Map<Building, String> placeInGrids(List<Building> buildings) {
    GeometryFactory f = new GeometryFactory();
    List<DemoFiles.Feature> grids = DemoFiles.read("grids");
    Map<Building, String> out = new HashMap<>();
    for (Building b : buildings) {
      Point p = f.createPoint(new Coordinate(b.lon(), b.lat()));
      for (DemoFiles.Feature g : grids) {
        Geometry outline = g.geometry();
        if (outline.getEnvelopeInternal().contains(p.getCoordinate()) && outline.intersects(p)) {
          out.put(b, g.code());
          break;
        }
      }
    }
    return out;
  }

  /** Residents per grid with no point within {@code metres}, every building against every point. */
  static Map<String, Integer> affected(List<Building> buildings, Map<Building, String> gridOf, List<double[]> points, double metres) {
    Map<String, Integer> out = new HashMap<>();
    for (Building b : buildings) {
      String grid = gridOf.get(b);
      if (grid == null || b.residents() <= 0) continue;
      boolean served = false;
      for (double[] p : points) {
        if (haversine(b.lon(), b.lat(), p[0], p[1]) <= metres) {
          served = true;
          break;
        }
      }
      if (!served) out.merge(grid, b.residents(), Integer::sum);
    }
    return out;
  }

  static double haversine(double lon1, double lat1, double lon2, double lat2) {
    double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
    double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(a));
  }
}
