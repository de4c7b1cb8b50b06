package org.gridwatch.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gridwatch.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/** Open311 GeoReport v2 as a client library would use it, in JSON and in XML. */
abstract class Open311Contract {
  static final String POINT = "lat=36.0989&long=120.3754";
  @LocalServerPort int port;
  Http http;

  @BeforeEach
  void client() { http = new Http(port); }

  static Document xml(String body) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  Http.Response post(String form) { return http.postForm("/open311/v2/requests.json", form); }

  @Test
  void discoveryAndServicesInBothFormats() throws Exception {
    JsonNode d = http.get("/open311/v2/discovery.json").json();
    assertThat(d.at("/endpoints/0/specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
    assertThat(xml(http.get("/open311/v2/discovery.xml").body()).getElementsByTagName("endpoint").getLength()).isEqualTo(1);
    JsonNode services = http.get("/open311/v2/services.json").json();
    assertThat(services.size()).isGreaterThanOrEqualTo(10);
    assertThat(services.get(0).has("service_code")).isTrue();
    assertThat(services.get(0).get("type").asString()).isEqualTo("realtime");
    Http.Response x = http.get("/open311/v2/services.xml");
    assertThat(x.contentType()).startsWith("text/xml");
    assertThat(xml(x.body()).getElementsByTagName("service").getLength()).isEqualTo(services.size());
    assertThat(http.get("/open311/v2/services/SANITATION.json").json().get("service_code").asString()).isEqualTo("SANITATION");
    assertThat(http.get("/open311/v2/services/NOPE.json").status()).isEqualTo(404);
    assertThat(http.get("/open311/v2/services.json?jurisdiction_id=beijing").status()).isEqualTo(404);
  }

  @Test
  void aPostedRequestIsPlacedAndReadableWithoutPersonalData() throws Exception {
    Http.Response created = post("api_key=test-api-key&service_code=SANITATION&" + POINT
        + "&description=%E5%9E%83%E5%9C%BE&email=wang%40example.org&phone=13811112222&first_name=Wang&last_name=Fang&device_id=dev-42");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get(0).get("service_request_id").asString();
    assertThat(created.json().get(0).get("service_notice").asString()).contains("Grid 370203");
    JsonNode r = http.get("/open311/v2/requests/" + id + ".json").json().get(0);
    assertThat(r.get("status").asString()).isEqualTo("open");
    assertThat(r.get("service_code").asString()).isEqualTo("SANITATION");
    assertThat(r.get("agency_responsible").asString()).isNotBlank();
    assertThat(OffsetDateTime.parse(r.get("expected_datetime").asString()).getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
    // GeoReport GETs are anonymous: the place is rounded to about 100 m, and the reporter's words were not published.
    assertThat(r.get("lat").asDouble()).isEqualTo(org.gridwatch.incident.Disclosure.rounded(36.0989));
    assertThat(r.get("lat").asDouble()).isNotEqualTo(36.0989);
    assertThat(r.get("description").isNull()).as("description kept from the public").isTrue();
    for (String path : new String[] {"/open311/v2/requests/" + id + ".json", "/open311/v2/requests/" + id + ".xml",
        "/open311/v2/requests.json?service_request_id=" + id, "/open311/v2/requests.xml?status=open"}) {
      String body = http.get(path).body();
      assertThat(body).doesNotContain("wang@example.org").doesNotContain("13811112222").doesNotContain("Fang").doesNotContain("dev-42");
    }
    Document x = xml(http.get("/open311/v2/requests/" + id + ".xml").body());
    assertThat(x.getElementsByTagName("service_request_id").item(0).getTextContent()).isEqualTo(id);
    JsonNode open = http.get("/open311/v2/requests.json?status=open&service_code=SANITATION").json();
    assertThat(open.size()).isBetween(1, 1000);
    open.forEach(o -> assertThat(o.get("status").asString()).isEqualTo("open"));
  }

  @Test
  void errorsAreGeoReportErrorListsWithTheRightStatus() {
    Http.Response noKey = post("service_code=SANITATION&" + POINT + "&description=x");
    assertThat(noKey.status()).isEqualTo(403);
    assertThat(noKey.json().get(0).get("code").asInt()).isEqualTo(403);
    assertThat(post("api_key=wrong&service_code=SANITATION&" + POINT).status()).isEqualTo(403);
    Http.Response outside = post("api_key=test-api-key&service_code=SANITATION&lat=36.30&long=120.20&description=x");
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.json().get(0).get("description").asString()).contains("outside");
    assertThat(post("api_key=test-api-key&" + POINT + "&description=x").json().get(0).get("description").asString()).contains("service_code");
    Http.Response ufo = post("api_key=test-api-key&service_code=UFO&" + POINT);
    assertThat(ufo.status()).isEqualTo(404);
    assertThat(ufo.json().get(0).get("code").asInt()).isEqualTo(404);
    assertThat(http.get("/open311/v2/requests.json?service_code=UFO").status()).isEqualTo(404);
    assertThat(post("api_key=test-api-key&service_code=SANITATION&address_string=Dunhua+Road+1").json().get(0)
        .get("description").asString()).contains("lat and long");
    assertThat(post("api_key=test-api-key&service_code=SANITATION&lat=abc&long=120.37").status()).isEqualTo(400);
    assertThat(http.get("/open311/v2/requests/GW-1999-000001.json").status()).isEqualTo(404);
    assertThat(http.get("/open311/v2/requests.json?start_date=2025-01-01T00:00:00%2B08:00&end_date=2025-12-01T00:00:00%2B08:00").status())
        .isEqualTo(400);
    assertThat(http.get("/open311/v2/requests.json?status=pending").status()).isEqualTo(400);
    Http.Response xmlError = http.postForm("/open311/v2/requests.xml", "service_code=SANITATION");
    assertThat(xmlError.status()).isEqualTo(403);
    assertThat(xmlError.body()).contains("<errors><error><code>403</code>");
  }

  @Test
  void requestsXmlStaysParseableAfterAReportWithControlCharacters() throws Exception {
    // A bell, an escape, a NUL-like vertical tab and a form feed pasted from some editor, with markup around them.
    Http.Response created = post("api_key=test-api-key&service_code=SANITATION&" + POINT
        + "&description=bin%07%1B%0B%0C+%3Cfull%3E+%26+smelly");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get(0).get("service_request_id").asString();
    Document list = xml(http.get("/open311/v2/requests.xml?service_request_id=" + id).body());
    // Free text may be withheld from public reads; where it is shown, it is the report minus what XML cannot carry.
    String shown = list.getElementsByTagName("description").item(0).getTextContent();
    assertThat(shown).doesNotContainPattern("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]");
    if (shown.startsWith("bin")) assertThat(shown).isEqualTo("bin <full> & smelly");
    xml(http.get("/open311/v2/requests.xml").body()); // the whole list parses, this report included
    assertThat(xml(http.get("/open311/v2/requests/" + id + ".xml").body()).getElementsByTagName("service_request_id")
        .item(0).getTextContent()).isEqualTo(id);
    // The same characters in words the reporter chose to publish (native API): shown, minus what XML cannot carry.
    Http.Response published = http.postJson("/api/v1/incidents", "{\"category\":\"SANITATION\",\"location\":{\"type\":"
        + "\"Point\",\"coordinates\":[120.3754,36.0989]},\"description\":\"bin\\u0007\\u001b\\u000b\\u000c <full> & smelly\","
        + "\"publicText\":true}");
    assertThat(published.status()).as(published.body()).isEqualTo(201);
    String pid = published.json().get("id").asString();
    Document one = xml(http.get("/open311/v2/requests/" + pid + ".xml").body());
    assertThat(one.getElementsByTagName("description").item(0).getTextContent()).isEqualTo("bin <full> & smelly");
    xml(http.get("/open311/v2/requests.xml?status=open").body());
  }

  @Test
  void clientsJoiningTheDiscoveryUrlReachEveryEndpoint() throws Exception {
    String url = http.get("/open311/v2/discovery.json").json().at("/endpoints/0/url").asString();
    assertThat(url).endsWith("/open311/v2");
    Http.Response services = http.get(url + "/services.xml");
    assertThat(services.status()).isEqualTo(200);
    assertThat(xml(services.body()).getElementsByTagName("service").getLength()).isGreaterThanOrEqualTo(10);
    Http.Response joined = http.get(url + "//services.xml");
    assertThat(joined.status()).as(joined.body()).isEqualTo(200);
    assertThat(joined.body()).isEqualTo(services.body());
    Http.Response created = http.postForm("/open311/v2//requests.json", "api_key=test-api-key&service_code=SANITATION&" + POINT);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  @Test
  void everyRefusalIsAGeoReportErrorList() throws Exception {
    Http.Response unknownPath = http.get("/open311/v2/nothing-here.xml");
    assertThat(unknownPath.status()).isEqualTo(404);
    assertThat(xml(unknownPath.body()).getElementsByTagName("code").item(0).getTextContent()).isEqualTo("404");
    Http.Response unknownJson = http.get("/open311/v2/tokens/abc.json");
    assertThat(unknownJson.status()).isEqualTo(404);
    assertThat(unknownJson.json().get(0).get("description").asString()).isNotBlank();
    Http.Response delete = http.delete("/open311/v2/requests.xml");
    assertThat(delete.status()).isEqualTo(405);
    assertThat(delete.header("Allow")).contains("GET", "POST");
    assertThat(xml(delete.body()).getElementsByTagName("code").item(0).getTextContent()).isEqualTo("405");
    Http.Response put = http.put("/open311/v2/services.json", "{}");
    assertThat(put.status()).isEqualTo(405);
    assertThat(put.json().get(0).get("code").asInt()).isEqualTo(405);
    Http.Response format = http.get("/open311/v2/services.csv");
    assertThat(format.status()).isEqualTo(404);
    assertThat(format.json().get(0).get("code").asInt()).isEqualTo(404);
    Http.Response overflow = http.get("/open311/v2/requests.json?page=2147483647&page_size=1000");
    assertThat(overflow.status()).as(overflow.body()).isEqualTo(400);
    assertThat(overflow.json().get(0).get("description").asString()).contains("page");
    assertThat(http.get("/open311/v2/requests.xml?page=99999999999999").status()).isEqualTo(400);
    Http.Response address = post("api_key=test-api-key&service_code=SANITATION&address_string=Dunhua+Road+1");
    assertThat(address.status()).isEqualTo(400);
    assertThat(address.json().get(0).get("description").asString()).contains("address");
  }

  @Test
  void theChangesetMovesWhenTheServiceListChanges() throws Exception {
    String before = http.get("/open311/v2/discovery.json").json().get("changeset").asString();
    OffsetDateTime.parse(before);
    assertThat(http.get("/open311/v2/discovery.json").json().get("changeset").asString()).isEqualTo(before);
    String[] admin = Http.basic("admin", org.gridwatch.support.TestEnvironment.DEMO_PASSWORD);
    JsonNode sanitation = null;
    for (JsonNode c : http.get("/api/v1/categories", admin).json()) if (c.get("code").asString().equals("SANITATION")) sanitation = c;
    assertThat(sanitation).isNotNull();
    String original = sanitation.toString();
    Thread.sleep(1100); // changesets are to the second
    try {
      String changed = original.replace(sanitation.get("description").toString(),
          tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(sanitation.get("description").asString() + " (revised)"));
      assertThat(http.put("/api/v1/categories/SANITATION", changed, admin).status()).isEqualTo(200);
      String after = http.get("/open311/v2/discovery.xml").body();
      String changeset = xml(after).getElementsByTagName("changeset").item(0).getTextContent();
      assertThat(OffsetDateTime.parse(changeset)).isAfter(OffsetDateTime.parse(before));
    } finally {
      http.put("/api/v1/categories/SANITATION", original, admin);
    }
  }
}
