package org.gridwatch.redistrict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.BuildingView;
import org.gridwatch.area.TilingCheck;
import org.gridwatch.geo.GeoJson;
import org.gridwatch.geo.MetricProjection;
import org.gridwatch.support.Http;
import org.gridwatch.support.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Re-tiling a parent's children and the level export/import round trip (GeoJSON and GeoPackage, the GeoPackage
 * written and read with NGA's library as QGIS would), as a planner notices them: an unchanged round trip writes
 * nothing, moved borders and households follow, a left-out grid is retired with its cases moved, and refusals
 * name the feature and write nothing. On the edit database: these edits cannot be undone.
 */
abstract class LevelsContract extends PlannerContract {
  static final JsonMapper JSON = JsonMapper.builder().build();
  // ------------------------------------------------------------------ round trips

  @Test
  void exportingAllGridsAndImportingThemBackChangesNothing() throws Exception {
    int versions = versions();
    Bytes geojson = get("/api/v1/levels/grids/export?f=geojson", planner);
    assertThat(geojson.status()).isEqualTo(200);
    assertThat(geojson.header("Content-Disposition")).contains("attachment").contains("grids.geojson");
    JsonNode fc = JSON.readTree(geojson.body());
    assertThat(fc.get("features").size()).isEqualTo(areas.now().level(AreaLevel.GRID).size());
    JsonNode first = fc.get("features").get(0).get("properties");
    AreaView g = areas.now().find(first.get("code").asString()).orElseThrow();
    assertThat(first.get("parent").asString()).isEqualTo(g.parentCode());
    assertThat(first.get("households").asInt()).isEqualTo(g.households());
    assertThat(first.get("etag").asString()).isEqualTo(g.etag());
    assertThat(first.has("version") && first.has("residents") && first.has("name")).isTrue();

    long started = System.nanoTime();
    Bytes imported = post("/api/v1/levels/grids/import", geojson.body(), "application/geo+json", planner);
    long ms = (System.nanoTime() - started) / 1_000_000;
    assertThat(imported.status()).as(imported.text()).isEqualTo(200);
    JsonNode answer = JSON.readTree(imported.body());
    assertThat(answer.get("kept").size()).isEqualTo(fc.get("features").size());
    assertThat(answer.get("reshaped").size() + answer.get("created").size() + answer.get("retired").size()).isZero();
    assertThat(versions()).as("no new versions").isEqualTo(versions);
    System.out.printf(Locale.ROOT, "Import of all %d grids as GeoJSON, unchanged: %d ms%n", fc.get("features").size(), ms);

    Bytes gpkg = get("/api/v1/levels/grids/export?f=gpkg", planner);
    assertThat(gpkg.status()).isEqualTo(200);
    assertThat(gpkg.header("Content-Type")).startsWith("application/geopackage+sqlite3");
    assertThat(gpkg.header("Content-Disposition")).contains("grids.gpkg");
    if (TestEnvironment.gdalAvailable()) { // QGIS reads GeoPackages through GDAL
      File file = Files.createTempFile("grids", ".gpkg").toFile();
      Files.write(file.toPath(), gpkg.body());
      Process ogrinfo = new ProcessBuilder("ogrinfo", "-so", "-al", file.getPath()).redirectErrorStream(true).start();
      String info = new String(ogrinfo.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(ogrinfo.waitFor()).as(info).isZero();
      assertThat(info).contains("Layer name: grids").contains("Multi Polygon")
          .contains("Feature Count: " + areas.now().level(AreaLevel.GRID).size()).contains("4326").contains("households: Integer");
      file.delete();
    }
    started = System.nanoTime();
    Bytes again = post("/api/v1/levels/grids/import", gpkg.body(), "application/geopackage+sqlite3", planner);
    ms = (System.nanoTime() - started) / 1_000_000;
    assertThat(again.status()).as(again.text()).isEqualTo(200);
    assertThat(versions()).isEqualTo(versions);
    System.out.printf(Locale.ROOT, "Import of all grids as GeoPackage (%d kB), unchanged: %d ms%n", gpkg.body().length / 1024, ms);

    Bytes communities = get("/api/v1/levels/communities/export?f=geojson", planner);
    assertThat(post("/api/v1/levels/communities/import", communities.body(), "application/json", planner).status()).isEqualTo(200);
    assertThat(versions()).isEqualTo(versions);
  }

  @Test
  void aGeoPackageRoundTripMovingTwoGridsSharedBorderReshapesBothAndHouseholdsFollow() throws Exception {
    Move move = borderMove();
    Bytes export = get("/api/v1/levels/grids/export?f=gpkg&within=" + move.a().parentCode(), planner);
    assertThat(export.header("Content-Disposition")).contains("grids-" + move.a().parentCode() + ".gpkg");
    File file = Files.createTempFile("grids", ".gpkg").toFile();
    Files.write(file.toPath(), export.body());
    try (GeoPackage gpkg = GeoPackageManager.open(file)) {
      assertThat(gpkg.getFeatureTables()).containsExactly("grids");
      FeatureDao dao = gpkg.getFeatureDao("grids");
      assertThat(dao.getSrs().getOrganizationCoordsysId()).isEqualTo(4326);
      assertThat(dao.count()).isEqualTo(areas.now().children(move.a().parentCode()).size());
      FeatureResultSet rows = dao.queryForAll();
      try {
        while (rows.moveToNext()) {
          FeatureRow row = rows.getRow();
          Geometry edited = move.after().get((String) row.getValue("code"));
          if (edited == null) continue;
          row.setGeometry(GeoPackageGeometryData.createFromWkb(dao.getSrsId(), new WKBWriter().write(edited)));
          dao.update(row);
        }
      } finally {
        rows.close();
      }
    }
    int versions = versions();
    Bytes r = post("/api/v1/levels/grids/import", Files.readAllBytes(file.toPath()), "application/geopackage+sqlite3", planner);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).get("reshaped").toString()).contains(move.a().code()).contains(move.b().code());
    assertThat(versions()).isEqualTo(versions + 2);
    AreaView a = areas.now().find(move.a().code()).orElseThrow(), b = areas.now().find(move.b().code()).orElseThrow();
    assertThat(a.households()).as("the moved buildings' households go with the border").isEqualTo(move.a().households() + move.households());
    assertThat(b.households()).isEqualTo(move.b().households() - move.households());
    assertThat(a.version()).isEqualTo(move.a().version() + 1);

    Bytes back = get("/api/v1/levels/grids/export?f=gpkg&within=" + move.a().parentCode(), planner);
    Files.write(file.toPath(), back.body());
    try (GeoPackage gpkg = GeoPackageManager.open(file)) {
      FeatureResultSet rows = gpkg.getFeatureDao("grids").queryForAll();
      try {
        while (rows.moveToNext()) {
          FeatureRow row = rows.getRow();
          Geometry sent = move.after().get((String) row.getValue("code"));
          if (sent == null) continue;
          Geometry stored = new WKBReader().read(row.getGeometry().getWkb());
          assertThat(MetricProjection.areaM2(stored.symDifference(sent))).as("the outline drawn is the outline stored").isLessThan(1);
          assertThat(((Number) row.getValue("households")).intValue()).isEqualTo(areas.now().find((String) row.getValue("code")).orElseThrow().households());
        }
      } finally {
        rows.close();
      }
    }
    file.delete();
  }

  @Test
  void splittingAGridIntoTwoFeaturesMakesOneNewCodeAndRetiresNothing() {
    AreaView g = splittable();
    AreaView community = areas.now().find(g.parentCode()).orElseThrow();
    List<Geometry> halves = halves(g);
    int maxSerial = jdbc.queryForList("select code from area where parent_code = ?", String.class, community.code()).stream()
        .mapToInt(c -> Integer.parseInt(c.substring(12))).max().orElseThrow();
    String memberBefore = http.get("/api/v1/grids/" + g.code() + "/roster", planner).json().get("gridMember").toString();
    ObjectNode fc = children(community.code());
    ObjectNode f = feature(fc, g.code());
    f.set("geometry", JSON.readTree(GeoJson.toJson(halves.get(0))));
    ObjectNode added = ((tools.jackson.databind.node.ArrayNode) fc.get("features")).addObject();
    added.put("type", "Feature");
    added.putObject("properties").put("name", "新网格");
    added.set("geometry", JSON.readTree(GeoJson.toJson(halves.get(1))));

    Http.Response preview = http.postJson("/api/v1/areas/" + community.code() + "/children/preview", fc.toString(), planner);
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(preview.json().get("touched").size()).isEqualTo(2);
    int households = 0;
    for (JsonNode t : preview.json().get("touched")) households += t.get("after").get("households").asInt();
    assertThat(households).as("the halves share the grid's households").isEqualTo(g.households());

    Http.Response r = http.put("/api/v1/areas/" + community.code() + "/children?confirm=true", fc.toString(), planner);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    String created = community.code() + String.format("%03d", maxSerial + 1);
    assertThat(r.json().get("created").get(0).get("code").asString()).isEqualTo(created);
    assertThat(r.json().get("retired").size()).isZero();
    assertThat(r.json().get("reshaped").toString()).isEqualTo("[\"" + g.code() + "\"]");
    AreaView made = areas.now().find(created).orElseThrow();
    assertThat(made.name()).isEqualTo("新网格");
    assertThat(made.households() + areas.now().find(g.code()).orElseThrow().households()).isEqualTo(g.households());
    assertThat(http.get("/api/v1/grids/" + created + "/roster", planner).json().get("gridMember").toString())
        .as("the new grid takes the staff of the grid it was cut from").isEqualTo(memberBefore);
    assertThat(http.get("/api/v1/grids/" + g.code() + "/roster", planner).json().get("gridMember").toString())
        .as("which keeps them").isEqualTo(memberBefore);
    assertTiled(community);
  }

  @Test
  void leavingAGridOutGivesItsAreaToANeighbourRetiresItAndMovesItsOpenCases() {
    AreaView[] pair = neighbours(areas.now().level(AreaLevel.GRID).size() / 3);
    AreaView gone = pair[0], taker = pair[1];
    AreaView community = areas.now().find(gone.parentCode()).orElseThrow();
    Point inside = gone.boundary().getInteriorPoint();
    String caseId = http.postJson("/api/v1/incidents", String.format(Locale.ROOT,
        "{\"category\":\"SANITATION\",\"location\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},\"description\":\"垃圾\"}",
        inside.getX(), inside.getY())).json().get("id").asString();
    ObjectNode fc = children(community.code());
    feature(fc, taker.code()).set("geometry", JSON.readTree(GeoJson.toJson(taker.boundary().union(gone.boundary()))));
    var features = (tools.jackson.databind.node.ArrayNode) fc.get("features");
    for (int i = 0; i < features.size(); i++) {
      if (features.get(i).get("properties").get("code").asString().equals(gone.code())) features.remove(i);
    }
    int versions = versions();
    Bytes dry = post("/api/v1/levels/grids/import?dryRun=true", fc.toString().getBytes(), "application/geo+json", planner);
    assertThat(dry.status()).as(dry.text()).isEqualTo(200);
    assertThat(dry.text()).contains("\"retired\"").contains(caseId);
    assertThat(versions()).as("a dry run saves nothing").isEqualTo(versions);

    Bytes r = post("/api/v1/levels/grids/import", fc.toString().getBytes(), "application/geo+json", planner);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    JsonNode answer = JSON.readTree(r.body());
    assertThat(answer.get("retired").toString()).isEqualTo("[\"" + gone.code() + "\"]");
    assertThat(answer.get("reshaped").toString()).isEqualTo("[\"" + taker.code() + "\"]");
    assertThat(answer.get("casesMoved").toString()).contains(caseId);
    assertThat(areas.now().find(gone.code())).isEmpty();
    assertThat(areas.now().find(taker.code()).orElseThrow().households()).isEqualTo(gone.households() + taker.households());
    assertThat(jdbc.queryForObject("select grid_code from incident where public_id = ?", String.class, caseId)).isEqualTo(taker.code());
    assertThat(jdbc.queryForObject("select count(*) from grid_assignment where grid_code = ? and valid_to is null", Integer.class,
        gone.code())).as("the retired grid's assignments ended").isZero();
    assertThat(jdbc.queryForObject("select count(*) from incident_event e join incident i on i.id = e.incident_id"
        + " where i.public_id = ? and e.type = 'REHOMED'", Integer.class, caseId)).isEqualTo(1);
    assertTiled(community);
  }

  // ------------------------------------------------------------------ refusals

  @Test
  void gapsOverlapsBadPolygonsUnknownCodesAndPiecesOutsideAreRefusedNamingTheFeature() {
    AreaView[] pair = neighbours(areas.now().level(AreaLevel.GRID).size() / 2);
    AreaView g = pair[0];
    AreaView community = areas.now().find(g.parentCode()).orElseThrow();
    int versions = versions(), count = jdbc.queryForObject("select count(*) from area", Integer.class);
    String i = "features[" + index(children(community.code()), g.code()) + "]";

    Geometry shrunk = g.boundary().buffer(-0.0002);
    assertRefused(community, g.code(), shrunk, i + ".geometry", "gap");
    Geometry grown = g.boundary().buffer(0.0002).intersection(community.boundary());
    assertRefused(community, g.code(), grown, i + ".geometry", "overlaps");
    Coordinate c = g.boundary().getInteriorPoint().getCoordinate();
    Geometry bowtie = g.boundary().getFactory().createPolygon(new Coordinate[] {new Coordinate(c.x - 0.001, c.y - 0.001),
        new Coordinate(c.x + 0.001, c.y + 0.001), new Coordinate(c.x + 0.001, c.y - 0.001), new Coordinate(c.x - 0.001, c.y + 0.001),
        new Coordinate(c.x - 0.001, c.y - 0.001)});
    assertRefused(community, g.code(), bowtie, i + ".geometry", "Self-intersection");
    Geometry away = org.locationtech.jts.geom.util.AffineTransformation.translationInstance(0.05, 0).transform(g.boundary());
    assertRefused(community, g.code(), away, i + ".geometry", "outside its parent");

    ObjectNode unknown = children(community.code());
    ((ObjectNode) feature(unknown, g.code()).get("properties")).put("code", "370203999999999");
    JsonNode refused = put(community, unknown, 422);
    assertThat(refused.get("errors").toString()).contains(i + ".properties.code");
    ObjectNode foreign = children(community.code());
    String elsewhere = areas.now().level(AreaLevel.GRID).stream().filter(x -> !x.parentCode().equals(community.code())).findFirst()
        .orElseThrow().code();
    ((ObjectNode) feature(foreign, g.code()).get("properties")).put("code", elsewhere);
    assertThat(put(community, foreign, 422).get("errors").toString()).contains(i + ".properties.code").contains("not a child of");
    Bytes viaImport = post("/api/v1/levels/grids/import", unknown.toString().getBytes(), "application/geo+json", planner);
    assertThat(viaImport.status()).isEqualTo(422);
    assertThat(viaImport.text()).contains(i + ".properties.code");

    AreaView subdistrict = areas.now().find(community.parentCode()).orElseThrow();
    ObjectNode communities = (ObjectNode) JSON.readTree(get("/api/v1/levels/communities/export?within=" + subdistrict.code(), planner).body());
    ((tools.jackson.databind.node.ArrayNode) communities.get("features")).remove(0);
    Bytes orphaning = post("/api/v1/levels/communities/import", communities.toString().getBytes(), "application/geo+json", planner);
    assertThat(orphaning.status()).isEqualTo(422);
    assertThat(orphaning.text()).as("a community with grids is not retired").contains("still has");

    assertThat(versions()).as("nothing written").isEqualTo(versions);
    assertThat(jdbc.queryForObject("select count(*) from area", Integer.class)).isEqualTo(count);
    assertThat(areas.now().find(g.code()).orElseThrow().version()).isEqualTo(g.version());
  }

  @Test
  void aDamagedGeoPackageIsRefusedNamingTheUploadAndWritesNothing() throws Exception {
    int versions = versions(), count = jdbc.queryForObject("select count(*) from area", Integer.class);
    Bytes gpkg = get("/api/v1/levels/grids/export?f=gpkg", planner);
    assertThat(gpkg.status()).isEqualTo(200);
    byte[] truncated = java.util.Arrays.copyOf(gpkg.body(), gpkg.body().length / 3);
    byte[] damaged = gpkg.body().clone(); // whole, but its later pages (the rows, the indexes) overwritten
    java.util.Arrays.fill(damaged, damaged.length / 2, damaged.length, (byte) 0);
    byte[] notSqlite = "this is a shapefile, honestly".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] sqliteWithoutFeatures = emptySqlite();
    for (byte[] bad : List.of(truncated, damaged, notSqlite, sqliteWithoutFeatures)) {
      for (String type : List.of("application/geopackage+sqlite3", "application/octet-stream")) {
        Bytes r = post("/api/v1/levels/grids/import", bad, type, planner);
        assertThat(r.status()).as(type + " " + bad.length + " bytes: " + r.text()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(JSON.readTree(r.body()).get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(r.text()).as("no server paths or driver messages").doesNotContain("/tmp").doesNotContain("SQL");
      }
    }
    assertThat(versions()).as("nothing written").isEqualTo(versions);
    assertThat(jdbc.queryForObject("select count(*) from area", Integer.class)).isEqualTo(count);
  }

  /** A valid SQLite database that is no GeoPackage: one plain table, no feature table. */
  static byte[] emptySqlite() throws Exception {
    File file = Files.createTempFile("plain", ".sqlite").toFile();
    file.delete();
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file.getPath()); var st = c.createStatement()) {
      st.execute("create table notes (id integer primary key, text varchar)");
      st.execute("insert into notes (text) values ('hello')");
    }
    byte[] bytes = Files.readAllBytes(file.toPath());
    file.delete();
    return bytes;
  }

  @Test
  void onlyPlannersAndAdminsRetileAndImportButEveryoneSignedInExports() {
    AreaView community = areas.now().level(AreaLevel.COMMUNITY).get(3);
    String body = children(community.code()).toString();
    String[] police = Http.basic("police", TestEnvironment.DEMO_PASSWORD);
    assertThat(http.put("/api/v1/areas/" + community.code() + "/children?confirm=true", body).status()).isEqualTo(401);
    assertThat(http.put("/api/v1/areas/" + community.code() + "/children?confirm=true", body, police).status()).isEqualTo(403);
    assertThat(http.postJson("/api/v1/areas/" + community.code() + "/children/preview", body, police).status()).isEqualTo(403);
    assertThat(post("/api/v1/levels/grids/import", body.getBytes(), "application/geo+json", police).status()).isEqualTo(403);
    assertThat(post("/api/v1/levels/grids/import", body.getBytes(), "application/geo+json").status()).isEqualTo(401);
    assertThat(get("/api/v1/levels/grids/export?f=geojson").status()).isEqualTo(401);
    assertThat(get("/api/v1/levels/grids/export?f=geojson&within=" + community.code(), police).status()).isEqualTo(200);
    assertThat(http.put("/api/v1/areas/" + community.code() + "/children?confirm=true", body, Http.basic("admin", TestEnvironment.DEMO_PASSWORD))
        .status()).as("an unchanged tiling is a no-op, also for an admin").isEqualTo(200);
    assertThat(get("/api/v1/levels/streets/export", police).status()).isEqualTo(404);
    assertThat(get("/api/v1/levels/grids/export?f=shp", police).status()).isEqualTo(400);
    byte[] huge = new byte[5 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) ' ');
    Bytes tooLarge = post("/api/v1/levels/grids/import", huge, "application/geo+json", planner);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.text()).contains("body-too-large");
    assertThat(post("/api/v1/levels/grids/import", "x".getBytes(), "text/csv", planner).status()).isEqualTo(415);
    assertThat(post("/api/v1/levels/grids/import", "{not json".getBytes(), "application/geo+json", planner).status()).isEqualTo(400);
    String projected = body.replaceFirst("\\{", "{\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4549\"}},");
    Bytes wrongCrs = post("/api/v1/levels/grids/import", projected.getBytes(), "application/geo+json", planner);
    assertThat(wrongCrs.status()).isEqualTo(400);
    assertThat(wrongCrs.text()).contains("\"field\":\"crs\"");
    assertThat(post("/api/v1/levels/grids/import", "not a geopackage".getBytes(), "application/geopackage+sqlite3", planner).status())
        .isEqualTo(400);
  }

  // ------------------------------------------------------------------ helpers

  void assertRefused(AreaView community, String code, Geometry outline, String field, String reason) {
    ObjectNode fc = children(community.code());
    feature(fc, code).set("geometry", JSON.readTree(GeoJson.toJson(outline)));
    JsonNode problem = put(community, fc, 422);
    assertThat(problem.get("errors").toString()).as(reason).contains(field).contains(reason);
    assertThat(problem.get("type").asString()).isEqualTo("/problems/edit-refused");
  }

  JsonNode put(AreaView community, ObjectNode fc, int status) {
    Http.Response r = http.put("/api/v1/areas/" + community.code() + "/children?confirm=true", fc.toString(), planner);
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    return r.json();
  }

  /** A community's grids as exported. */
  ObjectNode children(String community) {
    return (ObjectNode) JSON.readTree(get("/api/v1/levels/grids/export?f=geojson&within=" + community, planner).body());
  }

  static ObjectNode feature(ObjectNode fc, String code) { return (ObjectNode) fc.get("features").get(index(fc, code)); }

  static int index(ObjectNode fc, String code) {
    JsonNode features = fc.get("features");
    for (int i = 0; i < features.size(); i++) if (features.get(i).get("properties").get("code").asString().equals(code)) return i;
    throw new AssertionError(code + " not exported");
  }

  int versions() { return jdbc.queryForObject("select count(*) from area_version", Integer.class); }

  void assertTiled(AreaView community) {
    assertThat(TilingCheck.check(Map.of("c", community.boundary()), Map.of("c",
        areas.now().children(community.code()).stream().map(x -> (Geometry) x.boundary()).toList()))).isEmpty();
  }

  AreaView[] neighbours(int index) {
    List<AreaView> grids = areas.now().level(AreaLevel.GRID);
    for (int k = index; k < grids.size(); k++) {
      AreaView a = grids.get(k);
      var b = areas.now().children(a.parentCode()).stream()
          .filter(n -> !n.code().equals(a.code()) && n.boundary().intersection(a.boundary()).getLength() > 0.0005).findFirst();
      if (b.isPresent()) return new AreaView[] {a, b.get()};
    }
    throw new AssertionError("no neighbours");
  }

  /** Two neighbours and the strip of b along a's border that a will take, with buildings (and households) in it. */
  record Move(AreaView a, AreaView b, Map<String, Geometry> after, int households) {}

  Move borderMove() {
    List<AreaView> grids = areas.now().level(AreaLevel.GRID);
    for (int k = grids.size() / 4; k < grids.size(); k++) {
      AreaView a = grids.get(k);
      for (AreaView b : areas.now().children(a.parentCode())) {
        if (b.code().equals(a.code()) || b.boundary().intersection(a.boundary()).getLength() < 0.0005) continue;
        Geometry strip = Reshape.overlay(b.boundary(), a.boundary().buffer(0.0003), org.locationtech.jts.operation.overlayng.OverlayNG.INTERSECTION);
        Geometry newB = Reshape.overlay(b.boundary(), strip, org.locationtech.jts.operation.overlayng.OverlayNG.DIFFERENCE);
        Geometry newA = Reshape.overlay(a.boundary(), strip, org.locationtech.jts.operation.overlayng.OverlayNG.UNION);
        if (newA.getNumGeometries() != 1 || newB.getNumGeometries() != 1 || MetricProjection.areaM2(newB) < 5000) continue;
        var inStrip = org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(strip);
        var inB = org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(newB);
        int households = 0;
        boolean onTheLine = false;
        for (BuildingView bv : areas.now().buildings()) {
          if (!b.code().equals(bv.gridCode())) continue;
          if (inStrip.covers(bv.location()) && inB.covers(bv.location())) onTheLine = true;
          else if (inStrip.covers(bv.location())) households += bv.households();
        }
        if (households > 0 && !onTheLine) return new Move(a, b, Map.of(a.code(), newA, b.code(), newB), households);
      }
    }
    throw new AssertionError("no pair of grids to move a border between");
  }

  AreaView splittable() {
    for (AreaView candidate : areas.now().level(AreaLevel.GRID).subList(600, 700)) {
      if (halves(candidate).size() == 2) return candidate;
    }
    throw new AssertionError("no grid to split");
  }

  static List<Geometry> halves(AreaView g) {
    var e = g.boundary().getEnvelopeInternal();
    double x = g.boundary().getInteriorPoint().getX();
    Geometry cut = g.boundary().getFactory().createLineString(new Coordinate[] {
        new Coordinate(x, e.getMinY() - 0.001), new Coordinate(x, e.getMaxY() + 0.001)});
    List<Geometry> pieces = new ArrayList<>(Split.byLine(g.boundary(), cut));
    return pieces.stream().allMatch(p -> MetricProjection.areaM2(p) > 1000) ? pieces : List.of();
  }

  // A small binary HTTP client: exports and GeoPackage uploads are bytes.
  record Bytes(int status, java.net.http.HttpHeaders headers, byte[] body) {
    String header(String name) { return headers.firstValue(name).orElse(""); }
    String text() { return new String(body, java.nio.charset.StandardCharsets.UTF_8); }
  }

  Bytes get(String path, String... auth) { return send(request(path, auth).GET()); }

  Bytes post(String path, byte[] body, String type, String... auth) {
    return send(request(path, auth).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpRequest.Builder request(String path, String... auth) {
    // the English texts (the server's default is Chinese)
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.url(path))).header("Accept-Language", "en");
    for (int i = 0; i + 1 < auth.length; i += 2) b.header(auth[i], auth[i + 1]);
    return b;
  }

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private static Bytes send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Bytes(r.statusCode(), r.headers(), r.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
