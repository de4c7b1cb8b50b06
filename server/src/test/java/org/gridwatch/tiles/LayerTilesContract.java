package org.gridwatch.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.BuildingView;
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
import tools.jackson.databind.JsonNode;

/**
 * Buildings, cases, cameras and coverage as tiles, each checked against the API that answers clicks, for the
 * readers of that API only; a moved camera or a new case changes the tags of the tiles it touches and no others.
 */
abstract class LayerTilesContract {
  private static final GeometryFactory UNITS = new GeometryFactory();
  private static final String[] POLICE = Http.basic("police", TestEnvironment.DEMO_PASSWORD);
  private static final String[] OPERATOR = Http.basic("operator", TestEnvironment.DEMO_PASSWORD);
  private static final String[] GRID_WORKER = Http.basic("gridworker", TestEnvironment.DEMO_PASSWORD);
  private static final String[] RESIDENT = Http.basic("resident", TestEnvironment.DEMO_PASSWORD);
  @LocalServerPort int port;
  @Autowired AreaCatalog areas;
  Http http;
  TileClient tiles;

  @BeforeEach
  void client() {
    http = new Http(port);
    tiles = new TileClient(http);
  }

  @Test
  void buildingsAreDrawnWhereTheyStandWithTheirGrid() {
    BuildingView b = areas.now().buildings().get(areas.now().buildings().size() / 2);
    Point at = b.location();
    TileAddress t = TileAddress.containing(at.getX(), at.getY(), 16);
    TileClient.Tile tile = tiles.get(TileClient.path("buildings", t));
    assertThat(tile.status()).isEqualTo(200);
    assertThat(tile.header("Cache-Control")).contains("public");
    Geometry f = tile.feature("buildings", "id", b.code()).orElseThrow();
    String grid = http.get("/api/v1/locate?lon=" + at.getX() + "&lat=" + at.getY()).json().at("/grid/code").asString();
    assertThat(TileClient.props(f)).containsEntry("grid", grid);
    assertThat(f.distance(UNITS.createPoint(new Coordinate(t.unitsX(at.getX()), t.unitsY(at.getY()))))).isLessThan(2.0);
    assertThat(tiles.get(TileClient.path("buildings", TileAddress.containing(at.getX(), at.getY(), 12))).status())
        .as("below the set's zoom range").isEqualTo(404);
  }

  @Test
  void aCameraMovedChangesTheTilesOfItsOldAndNewPlaceOnly() {
    Point first = grid(40).boundary().getInteriorPoint(), second = grid(700).boundary().getInteriorPoint();
    AreaView farGrid = areas.now().level(AreaLevel.GRID).stream()
        .filter(g -> g.boundary().distance(first) > 0.03 && g.boundary().distance(second) > 0.03).findFirst().orElseThrow();
    Point far = farGrid.boundary().getInteriorPoint();
    TileAddress was = TileAddress.containing(first.getX(), first.getY(), 16), now = TileAddress.containing(second.getX(), second.getY(), 16);
    TileAddress away = TileAddress.containing(far.getX(), far.getY(), 16);
    assertThat(tiles.get(TileClient.path("cameras", was)).status()).as("signed out").isEqualTo(401);
    assertThat(tiles.get(TileClient.path("cameras", was), GRID_WORKER).status()).as("not police information readers").isEqualTo(403);
    String awayTag = tiles.get(TileClient.path("cameras", away), POLICE).header("ETag");
    TileClient.Tile wasBefore = tiles.get(TileClient.path("cameras", was), POLICE);
    assertThat(tiles.get(TileClient.path("cameras", was), POLICE).header("X-Tile-Cache")).as("asked again").isEqualTo("hit");
    try {
      assertThat(http.postJson("/api/v1/cameras", camera(first, 45), POLICE).status()).isEqualTo(201);
      TileClient.Tile placed = tiles.get(TileClient.path("cameras", was), POLICE);
      assertThat(placed.header("ETag")).isNotEqualTo(wasBefore.header("ETag"));
      assertThat(placed.header("X-Tile-Cache")).as("the new camera's tile is re-drawn").isEqualTo("miss");
      assertThat(placed.header("Cache-Control")).contains("private").contains("no-cache");
      assertThat(placed.layers()).containsOnlyKeys("cameras", "sectors");
      Geometry point = placed.feature("cameras", "code", "TL-TEST").orElseThrow();
      assertThat(TileClient.props(point)).containsEntry("type", "FIXED").containsEntry("status", "ONLINE");
      assertThat(point.distance(UNITS.createPoint(new Coordinate(was.unitsX(first.getX()), was.unitsY(first.getY()))))).isLessThan(1.0);
      Geometry sector = placed.feature("sectors", "camera", "TL-TEST").orElseThrow();
      // 40 m towards the heading (45°: north-east) is inside what it sees; 40 m the other way is not
      double dLon = 40 / (111_320 * Math.cos(Math.toRadians(first.getY()))) * Math.sin(Math.toRadians(45)), dLat = 40 / 111_320.0 * Math.cos(Math.toRadians(45));
      assertThat(sector.contains(unitPoint(was, first.getX() + dLon, first.getY() + dLat))).isTrue();
      assertThat(sector.contains(unitPoint(was, first.getX() - dLon, first.getY() - dLat))).isFalse();
      String wasTag = placed.header("ETag");

      assertThat(http.put("/api/v1/cameras/TL-TEST", camera(second, 200), POLICE).status()).isEqualTo(200);
      TileClient.Tile left = tiles.get(TileClient.path("cameras", was), POLICE, "If-None-Match", wasTag);
      assertThat(left.status()).as("the old place's tile changed").isIn(200, 204);
      assertThat(left.feature("cameras", "code", "TL-TEST")).isEmpty();
      assertThat(tiles.get(TileClient.path("cameras", now), POLICE).feature("cameras", "code", "TL-TEST")).isPresent();
      assertThat(tiles.get(TileClient.path("cameras", away), POLICE, "If-None-Match", awayTag).status()).as("a tile far away").isEqualTo(304);
      assertThat(tiles.get(TileClient.path("cameras", away), POLICE).header("X-Tile-Cache")).as("a tile far away is kept").isEqualTo("hit");
    } finally {
      http.delete("/api/v1/cameras/TL-TEST", POLICE);
    }
  }

  @Test
  void aNewCaseIsInItsTileAndItsGridsCountAndFarTilesKeepTheirTags() {
    AreaView g = grid(250);
    Point at = g.boundary().getInteriorPoint();
    Point centre = at; // the grid's count is drawn at its interior point
    TileAddress close = TileAddress.containing(at.getX(), at.getY(), 16), wide = TileAddress.containing(centre.getX(), centre.getY(), 12);
    AreaView farGrid = areas.now().level(AreaLevel.GRID).stream().filter(a -> a.boundary().distance(at) > 0.03).findFirst().orElseThrow();
    Point far = farGrid.boundary().getInteriorPoint();
    TileAddress away = TileAddress.containing(far.getX(), far.getY(), 16);
    assertThat(tiles.get(TileClient.path("cases", close)).status()).as("signed out").isEqualTo(401);
    assertThat(tiles.get(TileClient.path("cases", close), RESIDENT).status()).as("residents do not read the case map").isEqualTo(403);
    String closeTag = tiles.get(TileClient.path("cases", close), OPERATOR).header("ETag");
    String awayTag = tiles.get(TileClient.path("cases", away), OPERATOR).header("ETag");
    assertThat(tiles.get(TileClient.path("cases", close), OPERATOR).header("X-Tile-Cache")).as("asked again").isEqualTo("hit");
    long openBefore = openInMap(g.code());

    String id = http.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"瓦片测试\"}",
        at.getX(), at.getY())).json().get("id").asString();

    TileClient.Tile tile = tiles.get(TileClient.path("cases", close), OPERATOR, "If-None-Match", closeTag);
    assertThat(tile.status()).isEqualTo(200);
    assertThat(tile.header("X-Tile-Cache")).as("the new case's tile is re-drawn").isEqualTo("miss");
    assertThat(tile.header("Cache-Control")).contains("private");
    Geometry f = tile.feature("cases", "id", id).orElseThrow();
    assertThat(TileClient.props(f)).containsEntry("category", "SANITATION").containsEntry("overdue", false)
        .containsKeys("status", "priority");
    assertThat(f.distance(unitPoint(close, at.getX(), at.getY()))).isLessThan(1.0);
    assertThat(tiles.get(TileClient.path("cases", away), OPERATOR, "If-None-Match", awayTag).status()).as("a tile far away").isEqualTo(304);
    assertThat(tiles.get(TileClient.path("cases", away), OPERATOR).header("X-Tile-Cache")).as("a tile far away is kept").isEqualTo("hit");

    long openAfter = openInMap(g.code());
    assertThat(openAfter).isEqualTo(openBefore + 1);
    Geometry count = tiles.get(TileClient.path("cases", wide), OPERATOR).feature("cases", "grid", g.code()).orElseThrow();
    assertThat(((Number) TileClient.props(count).get("open")).longValue()).as("the case map's count").isEqualTo(openAfter);
    assertThat(count.getGeometryType()).isEqualTo("Point");
  }

  @Test
  void coverageTilesCarryTheCoverageApisShares() {
    String[] planner = Http.basic("planner", TestEnvironment.DEMO_PASSWORD);
    JsonNode grids = http.get("/api/v1/coverage/grids", planner).json().get("grids");
    JsonNode first = grids.get(grids.size() / 2);
    AreaView g = areas.now().find(first.get("gridCode").asString()).orElseThrow();
    Point at = g.boundary().getInteriorPoint();
    TileAddress t = TileAddress.containing(at.getX(), at.getY(), 14);
    assertThat(tiles.get(TileClient.path("coverage", t), RESIDENT).status()).isEqualTo(403);
    TileClient.Tile tile = tiles.get(TileClient.path("coverage", t), planner);
    Geometry f = tile.feature("coverage", "grid", g.code()).orElseThrow();
    double share = ((Number) TileClient.props(f).get("share")).doubleValue();
    assertThat(share).isCloseTo(first.get("combinedCoverage").asDouble(), within(1e-9));
    assertThat(TileClient.props(f)).containsEntry("covered", share >= 0.8);
    assertThat(f.covers(unitPoint(t, at.getX(), at.getY()))).isTrue();
  }

  private long openInMap(String grid) {
    for (JsonNode row : http.get("/api/v1/incidents/map?zoom=12", OPERATOR).json().get("grids")) {
      if (row.get("gridCode").asString().equals(grid)) return row.get("open").asLong();
    }
    return 0;
  }

  private AreaView grid(int index) { return areas.now().level(AreaLevel.GRID).get(index); }

  private static Point unitPoint(TileAddress t, double lon, double lat) {
    return UNITS.createPoint(new Coordinate(t.unitsX(lon), t.unitsY(lat)));
  }

  private static String camera(Point at, double heading) {
    return "{\"code\":\"TL-TEST\",\"name\":\"tile test camera\",\"lon\":" + at.getX() + ",\"lat\":" + at.getY()
        + ",\"type\":\"FIXED\",\"heading\":" + heading + ",\"fov\":60,\"range\":120,\"status\":\"ONLINE\"}";
  }
}
