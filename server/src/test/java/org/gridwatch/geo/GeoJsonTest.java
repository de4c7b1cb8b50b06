package org.gridwatch.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GeoJsonTest {
  static final JsonMapper JSON = JsonMapper.builder().build();

  static JsonNode json(String s) { return JSON.readTree(s); }

  @Test
  void writesTheRightHandRuleWhateverTheInputOrientation() throws Exception {
    // A clockwise shell with a counter-clockwise hole: RFC 7946 wants the opposite.
    Geometry g = new WKTReader(Geometries.FACTORY).read(
        "POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2))");
    Polygon written = (Polygon) GeoJson.read(json(GeoJson.toJson(g)), "g");
    assertThat(Orientation.isCCW(written.getExteriorRing().getCoordinates())).isTrue();
    assertThat(Orientation.isCCW(written.getInteriorRingN(0).getCoordinates())).isFalse();
    assertThat(written.equalsTopo(g)).isTrue();
  }

  @Test
  void writesAtMostSevenDecimals() throws Exception {
    Geometry p = new WKTReader(Geometries.FACTORY).read("POINT (120.123456789 -36.10000004)");
    assertThat(GeoJson.toJson(p)).isEqualTo("{\"type\":\"Point\",\"coordinates\":[120.1234568,-36.1]}");
    StringBuilder sb = new StringBuilder();
    GeoJson.number(sb, -0.00000005);
    GeoJson.number(sb.append(','), 5);
    GeoJson.number(sb.append(','), 0.0001);
    assertThat(sb).hasToString("-0.0000001,5,0.0001");
  }

  @Test
  void readErrorsNameTheOffendingMember() {
    assertThatThrownBy(() -> GeoJson.read(json("{\"type\":\"Point\",\"coordinates\":[120.3, \"x\"]}"), "location"))
        .isInstanceOfSatisfying(GeoJson.InvalidGeoJson.class, e -> {
          assertThat(e.field()).isEqualTo("location.coordinates[1]");
          assertThat(e.reason()).contains("latitude must be a number");
        });
    assertThatThrownBy(() -> GeoJson.read(json("{\"type\":\"Point\",\"coordinates\":[200, 36]}"), "location"))
        .isInstanceOfSatisfying(GeoJson.InvalidGeoJson.class, e -> assertThat(e.field()).isEqualTo("location.coordinates[0]"));
    assertThatThrownBy(() -> GeoJson.read(json("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}"), "boundary"))
        .isInstanceOfSatisfying(GeoJson.InvalidGeoJson.class, e -> {
          assertThat(e.field()).isEqualTo("boundary.coordinates[0]");
          assertThat(e.reason()).contains("end where it starts");
        });
    assertThatThrownBy(() -> GeoJson.read(json("{\"type\":\"Circle\",\"coordinates\":[]}"), "g"))
        .isInstanceOfSatisfying(GeoJson.InvalidGeoJson.class, e -> assertThat(e.field()).isEqualTo("g.type"));
    assertThatThrownBy(() -> GeoJson.read(null, "location"))
        .isInstanceOfSatisfying(GeoJson.InvalidGeoJson.class, e -> assertThat(e.reason()).isEqualTo("is required"));
  }

  @Test
  void objectsArraysNaNAndSwappedPositionsAreNamedByTheirPath() {
    String ring = "[[120.35,36.09],[120.36,36.09],[120.36,36.1],%s,[120.35,36.09]]";
    assertThat(fieldOf("{\"type\":\"Polygon\",\"coordinates\":[" + ring.formatted("{\"lon\":1}") + "]}"))
        .isEqualTo("geometry.coordinates[0][3]");
    assertThat(fieldOf("{\"type\":\"Polygon\",\"coordinates\":[" + ring.formatted("[[120.35],36.1]") + "]}"))
        .isEqualTo("geometry.coordinates[0][3][0]");
    assertThat(fieldOf("{\"type\":\"Polygon\",\"coordinates\":[" + ring.formatted("[120.35,{}]") + "]}"))
        .isEqualTo("geometry.coordinates[0][3][1]");
    assertThat(fieldOf("{\"type\":\"Polygon\",\"coordinates\":[[[36.09,120.35],[36.09,120.36],[36.1,120.36],[36.09,120.35]]]}"))
        .as("latitude and longitude swapped").isEqualTo("geometry.coordinates[0][0][1]");
    assertThat(fieldOf("{\"type\":\"MultiPolygon\",\"coordinates\":[[" + ring.formatted("[120.35,36.1]") + "],{}]}"))
        .isEqualTo("geometry.coordinates[1]");
    assertThat(fieldOf("{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\",\"coordinates\":[1,2]},7]}"))
        .isEqualTo("geometry.geometries[1]");
    assertThat(fieldOf("{\"type\":[\"Point\"],\"coordinates\":[1,2]}")).isEqualTo("geometry.type");
    assertThat(fieldOf("{\"type\":\"LineString\",\"coordinates\":{\"a\":[1,2]}}")).isEqualTo("geometry.coordinates");
    var nan = JSON.createObjectNode().put("type", "Point");
    nan.putArray("coordinates").add(Double.NaN).add(36.1);
    assertThatThrownBy(() -> GeoJson.read(nan, "geometry"))
        .isInstanceOfSatisfying(GeoJson.InvalidGeoJson.class, e -> {
          assertThat(e.field()).isEqualTo("geometry.coordinates[0]");
          assertThat(e.reason()).contains("finite");
        });
  }

  static String fieldOf(String geometry) {
    try {
      GeoJson.read(json(geometry), "geometry");
    } catch (GeoJson.InvalidGeoJson e) {
      return e.field();
    }
    throw new AssertionError("accepted: " + geometry);
  }

  @Test
  void readsEveryGeometryTypeAndWritesItBack() throws Exception {
    WKTReader wkt = new WKTReader(Geometries.FACTORY);
    for (String s : new String[] {"POINT (1 2)", "MULTIPOINT ((1 2), (3 4))", "LINESTRING (1 2, 3 4)",
        "MULTILINESTRING ((1 2, 3 4), (5 6, 7 8))", "POLYGON ((0 0, 1 0, 1 1, 0 0))",
        "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
        "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (1 2, 3 4))"}) {
      Geometry g = wkt.read(s);
      Geometry back = GeoJson.read(json(GeoJson.toJson(g)), "g");
      assertThat(back.getGeometryType()).isEqualTo(g.getGeometryType());
      assertThat(back.equalsExact(g.norm()) || back.norm().equalsExact(g.norm())).as(s).isTrue();
      assertThat(back.getSRID()).isEqualTo(4326);
    }
  }
}
