package org.gridwatch.area;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridwatch.support.DemoFiles;
import org.gridwatch.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/district} on the demo: the district comes from the loaded hierarchy (checked against the demo
 * file read by JTS), and its metric CRS is the Gauss–Krüger zone nearest its centroid, which the OGC API offers.
 */
abstract class DistrictApiContract {
  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  @Test
  void theDistrictIsTheLoadedOneWithItsZoneAndExtent() {
    DemoFiles.Feature file = DemoFiles.read("district").get(0);
    JsonNode d = http.get("/api/v1/district").json();
    assertThat(d.get("loaded").asBoolean()).isTrue();
    assertThat(d.get("code").asString()).isEqualTo(file.code());
    assertThat(d.get("name").asString()).isEqualTo(file.name());
    assertThat(d.get("timeZone").asString()).isEqualTo("Asia/Shanghai");
    double centroidLon = file.geometry().getCentroid().getX();
    int cm = (int) Math.round(centroidLon / 3) * 3;
    assertThat(d.at("/metricCrs/centralMeridian").asInt()).isEqualTo(cm);
    assertThat(d.at("/metricCrs/code").asString()).isEqualTo("EPSG:" + (4534 + (cm - 75) / 3));
    assertThat(d.at("/metricCrs/chosenBy").asString()).isEqualTo("nearest-centroid");
    Envelope e = file.geometry().getEnvelopeInternal();
    assertThat(d.get("extent").get(0).asDouble()).isEqualTo(e.getMinX(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(d.get("extent").get(3).asDouble()).isEqualTo(e.getMaxY(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(file.geometry().contains(org.gridwatch.geo.Geometries.FACTORY.createPoint(
        new org.locationtech.jts.geom.Coordinate(d.get("center").get(0).asDouble(), d.get("center").get(1).asDouble())))).isTrue();
    assertThat(d.at("/householdBand/low").asInt()).as("gridwatch.grids.households default").isEqualTo(300);
    assertThat(d.at("/householdBand/high").asInt()).isEqualTo(500);
    assertThat(d.get("polsbyPopperWarning").asDouble()).isEqualTo(0.2);
    assertThat(http.get("/api/v1/config").json().get("dataAttribution").asString())
        .as("the demo's boundaries are OpenStreetMap's and must be credited").contains("OpenStreetMap contributors (ODbL)");
    JsonNode grids = http.get("/ogcapi/collections/grids", "Accept", "application/json").json();
    assertThat(grids.get("crs").toString()).contains("http://www.opengis.net/def/crs/EPSG/0/" + (4534 + (cm - 75) / 3));
  }
}
