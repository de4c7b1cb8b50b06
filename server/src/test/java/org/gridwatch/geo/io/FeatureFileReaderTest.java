package org.gridwatch.geo.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.geo.io.FeatureFile.Format;
import org.gridwatch.geo.io.FeatureFileReader.Delivery;
import org.gridwatch.support.FeatureFiles;
import org.gridwatch.support.FeatureFiles.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The reader against files written by independent writers (H2GIS's SHPWRITE, NGA's GeoPackage, JTS's GeoJSON), with
 * coordinates projected by an independent transformer (H2GIS's ST_Transform, CTS, not proj4j): points around
 * Ürümqi (87.6°E, CGCS2000 Gauss–Krüger CM 87E, EPSG:4538) must come back where they were.
 */
class FeatureFileReaderTest {
  private static final GeometryFactory PLANE = new GeometryFactory();
  /** WGS 84 points around Ürümqi, the truth. */
  private static final double[][] PLACES = {{87.58, 43.80}, {87.62, 43.83}, {87.66, 43.79}};
  private static final String[] NAMES = {"天山区", "沙依巴克区", "水磨沟区"};
  private static final List<Coordinate> METRES = new ArrayList<>();

  @BeforeAll
  static void projectWithH2gis() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:oracle;DB_CLOSE_DELAY=-1"); Statement s = c.createStatement()) {
      org.h2gis.functions.factory.H2GISFunctions.load(c);
      for (double[] p : PLACES) {
        try (ResultSet r = s.executeQuery("select ST_X(g), ST_Y(g) from (select ST_Transform(ST_SetSRID(ST_MakePoint(" + p[0] + ", "
            + p[1] + "), 4326), 4538) g)")) {
          r.next();
          METRES.add(new Coordinate(r.getDouble(1), r.getDouble(2)));
        }
      }
      s.execute("SHUTDOWN");
    }
  }

  private static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < PLACES.length; i++) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("code", 650102L + i);
      a.put("name", NAMES[i]);
      rows.add(new Row(PLANE.createPoint(METRES.get(i)), a));
    }
    return rows;
  }

  private static void assertBackWhereTheyWere(FeatureFile file) {
    assertThat(file.errors()).isEmpty();
    assertThat(file.crs().name()).isEqualTo("EPSG:4538");
    assertThat(file.features()).hasSize(PLACES.length);
    for (int i = 0; i < PLACES.length; i++) {
      DeliveredFeature f = file.features().get(i);
      Point p = (Point) f.geometry();
      assertThat(p.getX()).as("longitude of %s", NAMES[i]).isCloseTo(PLACES[i][0], within(1e-6));
      assertThat(p.getY()).as("latitude of %s", NAMES[i]).isCloseTo(PLACES[i][1], within(1e-6));
      assertThat(p.getSRID()).isEqualTo(4326);
      assertThat(f.text("name")).isEqualTo(NAMES[i]);
      assertThat(f.text("code")).isEqualTo(String.valueOf(650102 + i));
      assertThat(f.field()).isEqualTo("features[" + i + "]");
    }
  }

  @Test
  void aZippedShapefileInAGaussKrugerZoneIsReadBackInWgs84() {
    FeatureFile file = FeatureFileReader.read(new Delivery(FeatureFiles.zippedShapefile(4538, rows()), "application/zip"));
    assertThat(file.format()).isEqualTo(Format.SHAPEFILE);
    assertBackWhereTheyWere(file);
  }

  @Test
  void aGbkDbfWithoutCpgReadsItsChineseNames() {
    Map<String, byte[]> parts = FeatureFiles.shapefileParts(4538, rows(), "cp936");
    parts.remove(".cpg");
    assertBackWhereTheyWere(FeatureFileReader.read(new Delivery(FeatureFiles.zip("GBK", parts), null, "delivery.zip", null, null)));
  }

  @Test
  void aCpgNamesTheEncoding() {
    Map<String, byte[]> parts = FeatureFiles.shapefileParts(4538, rows(), "UTF-8");
    parts.put(".cpg", "UTF-8".getBytes(StandardCharsets.US_ASCII));
    assertBackWhereTheyWere(FeatureFileReader.read(new Delivery(FeatureFiles.zip("utf8", parts), "application/octet-stream")));
  }

  @Test
  void aShapefileWithoutItsPrjIsRefusedNamingIt() {
    Map<String, byte[]> parts = FeatureFiles.shapefileParts(4538, rows(), "UTF-8");
    parts.remove(".prj");
    assertThatThrownBy(() -> FeatureFileReader.read(new Delivery(FeatureFiles.zip("noprj", parts), "application/zip")))
        .isInstanceOfSatisfying(FeatureFileException.class, e -> {
          assertThat(e.field()).isEqualTo(".prj");
          assertThat(e.reason()).contains("noprj.prj");
        });
  }

  @Test
  void notAZipAndADamagedZipAreRefused() {
    byte[] zip = FeatureFiles.zippedShapefile(4538, rows());
    for (byte[] body : List.of("hello".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(zip, zip.length / 2))) {
      assertThatThrownBy(() -> FeatureFileReader.read(new Delivery(body, "application/zip")))
          .isInstanceOfSatisfying(FeatureFileException.class, e -> {
            assertThat(e.kind()).isEqualTo(FeatureFileException.Kind.BAD_INPUT);
            assertThat(e.field()).isIn("body", ".shx", ".dbf", ".prj");
          });
    }
  }

  @Test
  void geoJsonWithACrsMemberIsReadInThatCrs() {
    FeatureFile file = FeatureFileReader.read(new Delivery(FeatureFiles.geoJson("urn:ogc:def:crs:EPSG::4538", rows()), "application/geo+json"));
    assertThat(file.format()).isEqualTo(Format.GEOJSON);
    assertBackWhereTheyWere(file);
  }

  @Test
  void geoJsonInMetresWithoutACrsIsRefusedUnlessTheRequestDeclaresIt() {
    byte[] body = FeatureFiles.geoJson(null, rows());
    assertThatThrownBy(() -> FeatureFileReader.read(new Delivery(body, "application/geo+json")))
        .isInstanceOfSatisfying(FeatureFileException.class, e -> {
          assertThat(e.field()).isEqualTo("crs");
          assertThat(e.reason()).contains("declare the CRS");
        });
    assertBackWhereTheyWere(FeatureFileReader.read(new Delivery(body, "application/geo+json", null, "EPSG:4538", null)));
  }

  @Test
  void northingFirstCoordinatesAreReadSwapped() {
    List<Row> swapped = rows().stream().map(r -> new Row(PLANE.createPoint(new Coordinate(r.geometry().getCoordinate().y,
        r.geometry().getCoordinate().x)), r.attributes())).toList();
    assertBackWhereTheyWere(FeatureFileReader.read(new Delivery(FeatureFiles.geoJson("EPSG:4538", swapped), "application/json")));
  }

  @Test
  void coordinatesOutsideTheDeclaredZoneAreRefusedPerFeature() {
    // the metres of CM 87E declared as the zone-prefixed zone 29 (EPSG:4517): eastings 29 million short
    FeatureFile file = FeatureFileReader.read(new Delivery(FeatureFiles.geoJson("EPSG:4517", rows()), "application/geo+json"));
    assertThat(file.features()).isEmpty();
    assertThat(file.errors()).extracting(FeatureFile.RowError::field)
        .containsExactly("features[0].geometry", "features[1].geometry", "features[2].geometry");
  }

  @Test
  void aGeoPackageInAGaussKrugerZoneIsReadBackInWgs84() {
    FeatureFile file = FeatureFileReader.read(new Delivery(FeatureFiles.geoPackage("places", 4538, rows()), null));
    assertThat(file.format()).isEqualTo(Format.GEOPACKAGE);
    assertBackWhereTheyWere(file);
  }

  @Test
  void aCrsOutsideTheAcceptedOnesIsRefused() {
    assertThatThrownBy(() -> FeatureFileReader.read(new Delivery(FeatureFiles.geoJson("EPSG:3857", rows()), "application/geo+json")))
        .isInstanceOfSatisfying(FeatureFileException.class, e -> assertThat(e.field()).isEqualTo("crs"));
    assertThatThrownBy(() -> FeatureFileReader.read(new Delivery(FeatureFiles.geoPackage("places", 3857, rows()), null)))
        .isInstanceOfSatisfying(FeatureFileException.class, e -> assertThat(e.field()).isEqualTo("crs"));
  }

  @Test
  void anUnknownContentTypeIsUnsupported() {
    assertThatThrownBy(() -> FeatureFileReader.read(new Delivery(new byte[] {1, 2}, "text/csv")))
        .isInstanceOfSatisfying(FeatureFileException.class,
            e -> assertThat(e.kind()).isEqualTo(FeatureFileException.Kind.UNSUPPORTED_MEDIA_TYPE));
  }

  @Test
  void polygonsKeepTheirShape() {
    Coordinate o = METRES.get(0);
    Geometry square = PLANE.createPolygon(new Coordinate[] {o, new Coordinate(o.x + 100, o.y), new Coordinate(o.x + 100, o.y + 100),
        new Coordinate(o.x, o.y + 100), o});
    FeatureFile file = FeatureFileReader.read(new Delivery(FeatureFiles.zippedShapefile(4538,
        List.of(new Row(square, Map.of("code", 1L)))), "application/zip"));
    assertThat(file.errors()).isEmpty();
    Geometry read = file.features().get(0).geometry();
    assertThat(read.isValid()).isTrue();
    assertThat(org.gridwatch.geo.GaussKruger.ofEpsg(4538).orElseThrow().toMetres(read).getArea()).isCloseTo(10_000, within(1.0));
  }
}
