package org.gridwatch.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The area tile sets as a map client reads them: every grid, community and subdistrict the locate API names for a
 * point is a feature of the tile holding that point, with its code, parent and level, and its decoded outline holds
 * the point; tiles say what they are and how to cache them; a boundary commit changes the tag of exactly the tiles
 * it touched.
 */
abstract class AreaTilesContract {
  private static final GeometryFactory UNITS = new GeometryFactory();
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
  void theAreasTheLocateApiNamesAreInTheTileHoldingThePoint() {
    JsonNode district = http.get("/api/v1/district").json();
    double w = district.get("extent").get(0).asDouble(), s = district.get("extent").get(1).asDouble();
    double e = district.get("extent").get(2).asDouble(), n = district.get("extent").get(3).asDouble();
    Random random = new Random(18);
    int checked = 0;
    while (checked < 12) {
      double lon = w + random.nextDouble() * (e - w), lat = s + random.nextDouble() * (n - s);
      Http.Response located = http.get("/api/v1/locate?lon=" + lon + "&lat=" + lat);
      if (located.status() != 200) continue;
      JsonNode l = located.json();
      int z = 12 + checked % 5;
      assertHolds("grids", lon, lat, z, l.at("/grid/code").asString(), l.at("/community/code").asString(), "GRID");
      assertHolds("communities", lon, lat, z, l.at("/community/code").asString(), l.at("/subdistrict/code").asString(), "COMMUNITY");
      assertHolds("subdistricts", lon, lat, z, l.at("/subdistrict/code").asString(), l.at("/district/code").asString(), "SUBDISTRICT");
      checked++;
    }
  }

  private void assertHolds(String layer, double lon, double lat, int z, String code, String parent, String level) {
    TileAddress t = TileAddress.containing(lon, lat, z);
    TileClient.Tile tile = tiles.get(TileClient.path(layer, t));
    assertThat(tile.status()).as(layer + " " + t).isEqualTo(200);
    assertThat(tile.header("Content-Type")).isEqualTo("application/vnd.mapbox-vector-tile");
    assertThat(tile.layers()).as("one MVT layer named like the URL's").containsOnlyKeys(layer);
    Geometry f = tile.feature(layer, "code", code).orElseThrow(() -> new AssertionError(code + " not in " + layer + " " + t));
    assertThat(TileClient.props(f)).containsEntry("parent", parent).containsEntry("level", level).containsKey("name");
    // the figures the planner colours an area by, as the API has them
    AreaView area = areas.now().find(code).orElseThrow();
    assertThat(((Number) TileClient.props(f).get("households")).intValue()).as("households of " + code).isEqualTo(area.households());
    assertThat(TileClient.props(f).get("kind")).as("kind of " + code).isEqualTo(area.kind());
    assertThat(f.getArea()).isPositive();
    assertThat(f.covers(UNITS.createPoint(new Coordinate(t.unitsX(lon), t.unitsY(lat)))))
        .as("%s %s at zoom %d holds the point (%f, %f)", layer, code, z, lon, lat).isTrue();
  }

  @Test
  void everyGridOfAZoomedOutTileIsDrawnEvenWhenTiny() {
    AreaView district = areas.now().level(AreaLevel.DISTRICT).get(0);
    org.locationtech.jts.geom.Point inside = district.boundary().getInteriorPoint();
    TileAddress t = TileAddress.containing(inside.getX(), inside.getY(), 10);
    Envelope bounds = t.lonLatWithBuffer();
    List<String> expected = areas.now().level(AreaLevel.GRID).stream()
        .filter(g -> g.boundary().intersects(org.gridwatch.geo.Geometries.FACTORY.toGeometry(bounds))).map(AreaView::code).sorted().toList();
    List<String> drawn = tiles.get(TileClient.path("grids", t)).features("grids").stream()
        .map(g -> (String) TileClient.props(g).get("code")).distinct().sorted().toList();
    assertThat(expected).isNotEmpty();
    assertThat(drawn).isEqualTo(expected);
  }

  @Test
  void tilesAreCachedByTagAndEmptyOrWrongOnesSayWhy() {
    AreaView grid = areas.now().level(AreaLevel.GRID).get(0);
    org.locationtech.jts.geom.Point p = grid.boundary().getInteriorPoint();
    String path = TileClient.path("grids", TileAddress.containing(p.getX(), p.getY(), 14));
    TileClient.Tile first = tiles.get(path);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("Cache-Control")).contains("no-cache").contains("public");
    String etag = first.header("ETag");
    assertThat(etag).as("weak: one tag for the tile whatever its encoding").matches("W/\"[^\"]+\"");
    TileClient.Tile again = tiles.get(path, "If-None-Match", etag);
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(tiles.get(path, "If-None-Match", "\"something-else\"").status()).isEqualTo(200);

    TileAddress ocean = TileAddress.containing(-150, -40, 12);
    TileClient.Tile empty = tiles.get(TileClient.path("grids", ocean));
    assertThat(empty.status()).as("nothing there").isEqualTo(204);

    assertProblem("/tiles/roads/12/3400/1600.mvt", 404, "layer");
    assertProblem("/tiles/grids/3/1/1.mvt", 404, "z");
    assertProblem("/tiles/grids/25/1/1.mvt", 404, "z");
    assertProblem("/tiles/grids/12/4096/1600.mvt", 404, "x");
    assertProblem("/tiles/grids/12/3400/-1.mvt", 404, "y");
    assertProblem("/tiles/roads.json", 404, "layer");
  }

  /** Tiles travel gzipped to a browser that accepts it (a city's z12 grid tiles are a third of their size so), and revalidate. */
  @Test
  void aTileAskedWithGzipComesCompressedDecodesToTheSameTileAndRevalidates() throws Exception {
    Envelope all = new Envelope();
    for (AreaView g : areas.now().level(AreaLevel.GRID)) all.expandToInclude(g.boundary().getEnvelopeInternal());
    String path = TileClient.path("grids", TileAddress.containing(all.centre().x, all.centre().y, 13));
    TileClient.Tile plain = tiles.get(path);
    assertThat(plain.status()).isEqualTo(200);
    assertThat(plain.body().length).as("large enough to be worth compressing").isGreaterThan(2048);
    TileClient.Tile zipped = tiles.get(path, "Accept-Encoding", "gzip");
    assertThat(zipped.header("Content-Encoding")).isEqualTo("gzip");
    byte[] unzipped;
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
      unzipped = in.readAllBytes();
    }
    assertThat(unzipped).isEqualTo(plain.body());
    assertThat(zipped.body().length).isLessThan(plain.body().length);
    assertThat(tiles.get(path, "Accept-Encoding", "gzip", "If-None-Match", zipped.header("ETag")).status())
        .as("the tag of the compressed answer revalidates").isEqualTo(304);
  }

  private void assertProblem(String path, int status, String field) {
    Http.Response r = http.get(path);
    assertThat(r.status()).as(path).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().at("/errors/0/field").asString()).as(path).isEqualTo(field);
  }

  @Test
  void tileJsonDescribesTheSetWithAbsoluteUrlsAndTheDistrictsBounds() {
    JsonNode j = http.get("/tiles/grids.json").json();
    assertThat(j.get("tilejson").asString()).isEqualTo("3.0.0");
    assertThat(j.get("name").asString()).isEqualTo("grids");
    assertThat(j.get("version").asString()).matches("1\\.0\\.\\d+");
    assertThat(j.get("tiles").get(0).asString()).isEqualTo("http://localhost:" + port + "/tiles/grids/{z}/{x}/{y}.mvt");
    assertThat(j.at("/vector_layers/0/id").asString()).isEqualTo("grids");
    assertThat(j.at("/vector_layers/0/fields/code").asString()).isEqualTo("String");
    assertThat(j.get("minzoom").asInt()).isLessThanOrEqualTo(12);
    assertThat(j.get("maxzoom").asInt()).isGreaterThanOrEqualTo(16);
    JsonNode extent = http.get("/api/v1/district").json().get("extent");
    for (int i = 0; i < 4; i++) assertThat(j.get("bounds").get(i).asDouble()).isEqualTo(extent.get(i).asDouble());
    assertThat(j.get("center").size()).isEqualTo(3);
  }

  @Test
  void aBoundaryCommitChangesTheTagOfTheTilesItTouchedOnly() {
    AreaView g = areas.now().level(AreaLevel.GRID).get(areas.now().level(AreaLevel.GRID).size() / 3);
    AreaView community = areas.now().find(g.parentCode()).orElseThrow();
    AreaView neighbour = areas.now().children(community.code()).stream()
        .filter(n -> !n.code().equals(g.code()) && n.boundary().intersection(g.boundary()).getLength() > 0.0005)
        .findFirst().orElseThrow();
    Geometry strip = neighbour.boundary().intersection(g.boundary().buffer(0.0003));
    org.locationtech.jts.geom.Point inStrip = strip.getInteriorPoint();
    TileAddress near = TileAddress.containing(inStrip.getX(), inStrip.getY(), 16);
    AreaView far = areas.now().level(AreaLevel.GRID).stream()
        .filter(a -> a.boundary().distance(g.boundary()) > 0.03).findFirst().orElseThrow();
    org.locationtech.jts.geom.Point farPoint = far.boundary().getInteriorPoint();
    TileAddress away = TileAddress.containing(farPoint.getX(), farPoint.getY(), 14);
    TileClient.Tile nearBefore = tiles.get(TileClient.path("grids", near));
    String nearTag = nearBefore.header("ETag");
    String awayTag = tiles.get(TileClient.path("grids", away)).header("ETag");
    TileClient.Tile nearAgain = tiles.get(TileClient.path("grids", near));
    assertThat(nearAgain.header("X-Tile-Cache")).as("asked again, the tile is not drawn again").isEqualTo("hit");
    assertThat(nearAgain.header("ETag")).isEqualTo(nearTag);
    assertThat(nearAgain.body()).isEqualTo(nearBefore.body());
    long version = versionOf("grids");
    String[] planner = Http.basic("planner", TestEnvironment.DEMO_PASSWORD);
    try {
      Http.Response r = http.postJson("/api/v1/areas/" + g.code() + "/reshape?confirm=true",
          GeoJson.toJson(g.boundary().union(strip)), planner);
      assertThat(r.status()).as(r.body()).isEqualTo(200);

      TileClient.Tile now = tiles.get(TileClient.path("grids", near), "If-None-Match", nearTag);
      assertThat(now.status()).as("the reshaped grid's tile is new").isEqualTo(200);
      assertThat(now.header("ETag")).isNotEqualTo(nearTag);
      assertThat(now.header("X-Tile-Cache")).as("re-drawn, not the kept bytes").isEqualTo("miss");
      assertThat(now.body()).isNotEqualTo(nearBefore.body());
      Geometry drawn = now.feature("grids", "code", g.code()).orElseThrow();
      assertThat(drawn.covers(UNITS.createPoint(new Coordinate(near.unitsX(inStrip.getX()), near.unitsY(inStrip.getY())))))
          .as("the strip is drawn in the grown grid").isTrue();
      assertThat(tiles.get(TileClient.path("grids", away), "If-None-Match", awayTag).status()).as("a tile far away").isEqualTo(304);
      TileClient.Tile awayNow = tiles.get(TileClient.path("grids", away));
      assertThat(awayNow.header("ETag")).isEqualTo(awayTag);
      assertThat(awayNow.header("X-Tile-Cache")).as("a tile far away is still served as kept").isEqualTo("hit");
      assertThat(versionOf("grids")).isGreaterThan(version);
    } finally {
      http.postJson("/api/v1/areas/" + g.code() + "/reshape?confirm=true", GeoJson.toJson(g.boundary()), planner);
    }
  }

  private long versionOf(String layer) {
    String v = http.get("/tiles/" + layer + ".json").json().get("version").asString();
    return Long.parseLong(v.substring(v.lastIndexOf('.') + 1));
  }
}
