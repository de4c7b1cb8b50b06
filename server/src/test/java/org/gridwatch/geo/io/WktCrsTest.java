package org.gridwatch.geo.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every form a survey office's .prj names an accepted CRS in, and the near misses that must be refused. */
class WktCrsTest {
  private static final String GEOGCS_CGCS2000 = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\","
      + "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

  /** ArcGIS's .prj for a zone: a name, the CGCS2000 datum and the parameters. */
  private static String esri(String name, double cm, double falseEasting, String geogcs) {
    return String.format(Locale.ROOT, "PROJCS[\"%s\",%s,PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",%.1f],"
        + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",%.1f],PARAMETER[\"Scale_Factor\",1.0],"
        + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]", name, geogcs, falseEasting, cm);
  }

  /** EPSG's WKT 1 as GDAL writes it, with its authority. */
  private static String epsg(String name, double cm, double falseEasting, int code) {
    return String.format(Locale.ROOT, "PROJCS[\"%s\",GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\","
        + "SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],AUTHORITY[\"EPSG\",\"1043\"]],"
        + "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4490\"]],"
        + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",%.0f],"
        + "PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",%.0f],PARAMETER[\"false_northing\",0],"
        + "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Northing\",NORTH],AXIS[\"Easting\",EAST],AUTHORITY[\"EPSG\",\"%d\"]]",
        name, cm, falseEasting, code);
  }

  @Test
  void everyZoneWithoutItsNumberIsKnownByEsriAndEpsgNamesAndParameters() {
    for (int cm = 75, code = 4534; cm <= 135; cm += 3, code++) {
      String expected = "EPSG:" + code;
      assertThat(WktCrs.identify(esri("CGCS2000_3_Degree_GK_CM_" + cm + "E", cm, 500_000, GEOGCS_CGCS2000)).name()).isEqualTo(expected);
      assertThat(WktCrs.identify(epsg("CGCS2000 / 3-degree Gauss-Kruger CM " + cm + "E", cm, 500_000, code)).name()).isEqualTo(expected);
      // parameters alone decide when the name is a surveyor's own
      assertThat(WktCrs.identify(esri("Project_Grid_" + cm, cm, 500_000, GEOGCS_CGCS2000)).name()).isEqualTo(expected);
      // a name alone, no parameters
      assertThat(WktCrs.identify("PROJCS[\"CGCS2000_3_Degree_GK_CM_" + cm + "E\",GEOGCS[\"x\"]]").name()).isEqualTo(expected);
    }
  }

  @Test
  void everyZonePrefixedZoneIsKnownByEsriAndEpsgNamesAndParameters() {
    for (int zone = 25, code = 4513; zone <= 45; zone++, code++) {
      String expected = "EPSG:" + code;
      double fe = zone * 1_000_000.0 + 500_000;
      assertThat(WktCrs.identify(esri("CGCS2000_3_Degree_GK_Zone_" + zone, zone * 3, fe, GEOGCS_CGCS2000)).name()).isEqualTo(expected);
      assertThat(WktCrs.identify(epsg("CGCS2000 / 3-degree Gauss-Kruger zone " + zone, zone * 3, fe, code)).name()).isEqualTo(expected);
      assertThat(WktCrs.identify(esri("Unnamed", zone * 3, fe, GEOGCS_CGCS2000)).name()).isEqualTo(expected);
    }
  }

  @Test
  void wkt2IsReadByItsParameters() {
    String wkt2 = "PROJCRS[\"CGCS2000 / 3-degree Gauss-Kruger CM 87E\",BASEGEOGCRS[\"China Geodetic Coordinate System 2000\","
        + "DATUM[\"China 2000\",ELLIPSOID[\"CGCS2000\",6378137,298.257222101]]],CONVERSION[\"3-degree Gauss-Kruger CM 87E\","
        + "METHOD[\"Transverse Mercator\"],PARAMETER[\"Latitude of natural origin\",0],PARAMETER[\"Longitude of natural origin\",87],"
        + "PARAMETER[\"Scale factor at natural origin\",1],PARAMETER[\"False easting\",500000],PARAMETER[\"False northing\",0]],"
        + "CS[Cartesian,2],ID[\"EPSG\",4538]]";
    assertThat(WktCrs.identify(wkt2).name()).isEqualTo("EPSG:4538");
  }

  @Test
  void geographicCrssAreKnownByTheirDatum() {
    assertThat(WktCrs.identify(GEOGCS_CGCS2000).name()).isEqualTo("EPSG:4490");
    assertThat(WktCrs.identify("GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
        + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]").isProjected()).isFalse();
  }

  @Test
  void aNameThatContradictsTheParametersIsRefused() {
    assertThatThrownBy(() -> WktCrs.identify(esri("CGCS2000_3_Degree_GK_CM_117E", 120, 500_000, GEOGCS_CGCS2000)))
        .isInstanceOfSatisfying(FeatureFileException.class, e -> {
          assertThat(e.field()).isEqualTo("crs");
          assertThat(e.reason()).contains("CM 117E").contains("CM 120E");
        });
  }

  @Test
  void otherDatumsAndProjectionsAreRefusedSayingWhatIsAccepted() {
    String xian80 = esri("Xian_1980_3_Degree_GK_CM_120E", 120, 500_000, "GEOGCS[\"GCS_Xian_1980\",DATUM[\"D_Xian_1980\","
        + "SPHEROID[\"Xian_1980\",6378140.0,298.257]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]");
    String beijing54 = "GEOGCS[\"GCS_Beijing_1954\",DATUM[\"D_Beijing_1954\",SPHEROID[\"Krasovsky_1940\",6378245.0,298.3]],"
        + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
    String webMercator = "PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
        + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]]],PROJECTION[\"Mercator_Auxiliary_Sphere\"],"
        + "PARAMETER[\"False_Easting\",0.0],PARAMETER[\"Central_Meridian\",0.0],UNIT[\"Meter\",1.0]]";
    String sixDegree = esri("CGCS2000_GK_Zone_20", 117, 20_500_000, GEOGCS_CGCS2000);
    for (String wkt : new String[] {xian80, beijing54, webMercator, sixDegree, "not a wkt"}) {
      assertThatThrownBy(() -> WktCrs.identify(wkt)).as(wkt).isInstanceOfSatisfying(FeatureFileException.class, e -> {
        assertThat(e.field()).isEqualTo("crs");
        assertThat(e.reason()).contains("EPSG:4534-4554").contains("EPSG:4490");
      });
    }
  }
}
